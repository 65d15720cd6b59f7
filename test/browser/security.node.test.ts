// Browser tests: Settings → Widget, Security and Audit log against wrangler dev with the seeded demo account, and the
// dashboard's security headers (CSP without inline script, never in a frame). Puts back what it changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, apiAs, browserKit, DEMO_OWNER, DEMO_PASSWORD, hasChromium, login, server, shot, signInOn, WAIT, type ApiCaller } from "./kit.ts";

/** The demo owner, over the API (signed in before the tests). */
let owner: ApiCaller = apiAs("");

describe.skipIf(!hasChromium)("security settings in a real browser", () => {
  const kit = browserKit();

  beforeAll(async () => {
    owner = apiAs((await login(DEMO_OWNER)).token);
  }, 120_000);

  afterAll(async () => {
    if (owner.token) await owner.api("PUT", "/api/settings/widget", { color: null, title: null, subtitle: null, greeting: null, position: null });
  });

  it("serves the dashboard with a CSP and never inside a frame, and it runs without a CSP violation", async () => {
    const res = await fetch(`${server.base}/app/`);
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const violations: string[] = [];
    const page = await kit.page();
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await signInOn(page, "#/settings/widget");
    await page.getByRole("heading", { name: "Chat widget" }).waitFor();
    expect(violations).toEqual([]);
  });

  it("shows the identity secret to the owner, saves the widget's look and previews it", async () => {
    const page = await kit.signIn("#/settings/widget");
    const secret = page.getByTestId("identity-secret");
    await secret.waitFor();
    expect(await secret.innerText()).not.toMatch(/[0-9a-f]{16}/);
    await page.getByRole("button", { name: "Reveal" }).click();
    const real = (await owner.api<{ identitySecret: string }>("GET", "/api/settings/widget")).body.identitySecret;
    expect((await secret.innerText()).trim()).toBe(real);
    await expect.poll(() => page.locator("pre code").first().innerText(), { timeout: WAIT }).toContain('data-account="demo"');

    await page.getByLabel("Title", { exact: true }).fill("Northwind help desk");
    await expect.poll(() => page.getByTestId("widget-preview").locator(".wp-title").innerText(), { timeout: WAIT }).toBe("Northwind help desk");
    await page.getByLabel("Widget colour (hex)").fill("#8a2be2");
    await page.getByLabel("Bottom left").check();
    await page.getByRole("button", { name: "Save widget" }).click();
    await expect
      .poll(async () => (await owner.api<{ title: string; color: string; position: string }>("GET", "/api/settings/widget")).body, { timeout: WAIT })
      .toMatchObject({ title: "Northwind help desk", color: "#8a2be2", position: "left" });
    // The widget reads the same look (public, no secret in it).
    const look = await api<Record<string, unknown>>("GET", "/api/chat/accounts/demo/widget");
    expect(look.body).toMatchObject({ title: "Northwind help desk", color: "#8a2be2", position: "left" });
    expect(JSON.stringify(look.body)).not.toContain(real);
    await page.getByRole("tab", { name: "Python" }).click();
    await expect.poll(() => page.locator("pre code").last().innerText(), { timeout: WAIT }).toContain("hmac.new(");
    await shot(page, "settings-widget.png", { fullPage: true });
  });

  it("tells the agent next to the field when the current password is wrong", async () => {
    const page = await kit.signIn("#/settings/security");
    await page.getByLabel("Current password").fill("not-the-password");
    await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
    await page.getByLabel("New password again").fill("a-brand-new-password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => page.locator('[data-path="currentPassword"]').innerText(), { timeout: WAIT }).toContain("does not match");
    // Nothing changed: the demo password still works.
    expect((await api("POST", "/api/login", { email: "demo@edgedesk.dev", password: DEMO_PASSWORD })).status).toBe(200);
  });

  it("lists logins in the audit log and filters failed ones", async () => {
    await api("POST", "/api/login", { email: "demo@edgedesk.dev", password: "wrong-password-once" });
    const page = await kit.signIn("#/settings/audit");
    await page.locator('tr[data-action="auth.login"]').first().waitFor();
    await page.getByLabel("Filter by action").selectOption("auth.login_failed");
    await page.locator('tr[data-action="auth.login_failed"]').first().waitFor();
    expect(await page.locator('tr[data-action="auth.login"]').count()).toBe(0);
    await shot(page, "settings-audit.png", { fullPage: true });
  });
});
