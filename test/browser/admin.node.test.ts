// Browser tests for the admin screens (issue 12): macros with a live placeholder preview and `/` in the composer, the
// knowledge base and what the AI agent answers from, and agents — an invitation link joined in another browser,
// then deactivated.
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, hasChromium, launchChromium, sharedServer, uniqueId, type SharedServer } from "./devServer.ts";

const WAIT = 15_000;
let server: SharedServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function fresh(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: "reduce" });
  contexts.push(ctx);
  const p = await ctx.newPage();
  p.setDefaultTimeout(WAIT);
  return p;
}

async function signIn(email: string, hash: string): Promise<Page> {
  const p = await fresh();
  await p.goto(`${server.base}/app/${hash}`);
  await p.getByLabel("Email").fill(email);
  await p.getByLabel("Password").fill("demo-password");
  await p.getByRole("button", { name: "Sign in" }).click();
  await p.locator(".live-live").waitFor({ state: "attached" });
  return p;
}

describe.skipIf(!hasChromium)("admin screens in a real browser", () => {
  beforeAll(async () => {
    server = sharedServer();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    // Signing in set Alex online: back offline, as the other browser files expect the demo team to be.
    const login = await fetch(`${server.base}/api/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "alex@edgedesk.dev", password: "demo-password" }) });
    const { token } = (await login.json()) as { token: string };
    await fetch(`${server.base}/api/agents/me/status`, { method: "PUT", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body: JSON.stringify({ status: "offline" }) });
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }, 30_000);

  it("creates a macro with a live preview and inserts it with / in the composer", async () => {
    const name = uniqueId("Thanks");
    const p = await signIn("alex@edgedesk.dev", "#/settings/macros");
    await p.getByRole("button", { name: "New macro" }).click();
    const form = p.getByRole("form", { name: "New macro" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Text").fill("Hi {{customer.name}}, this is {{agent.name}} about #{{ticket.number}}.");
    await form.locator(".preview-text", { hasText: "Hi Jamie Rivera, this is Alex Admin about #1042." }).waitFor();
    await form.getByRole("button", { name: "Create macro" }).click();
    await p.locator(".admin-name", { hasText: name }).waitFor();
    // In a ticket: "/" and the macro's name, Enter.
    const tickets = await p.evaluate(async () => {
      const token = (JSON.parse(localStorage.getItem("edgedesk:session") ?? "{}") as { token?: string }).token;
      const res = await fetch("/api/tickets?view=all", { headers: { Authorization: `Bearer ${token}` } });
      return ((await res.json()) as { items: { id: string; number: number }[] }).items;
    });
    const ticket = tickets[0];
    expect(ticket).toBeTruthy();
    await p.goto(`${server.base}/app/#/all/${ticket?.id}`);
    const box = p.getByLabel("Reply to the customer");
    await box.fill(`/${name.slice(0, 6)}`);
    await p.getByRole("listbox", { name: "Insert a macro" }).waitFor();
    await box.press("Enter");
    await expect.poll(() => box.inputValue()).toContain(`this is Alex Admin about #${ticket?.number}.`);
    expect(await box.inputValue()).not.toContain("/");
  });

  it("adds a knowledge-base article and shows which articles the AI agent answers a question from", async () => {
    const title = uniqueId("Gift wrapping");
    const p = await signIn("alex@edgedesk.dev", "#/settings/knowledge");
    await p.getByRole("button", { name: "New article" }).click();
    const form = p.getByRole("form", { name: "New article" });
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Article").fill("We gift-wrap any order in recycled kraft paper for $4; choose it at checkout.");
    await form.getByRole("button", { name: "Add article" }).click();
    await p.locator(".admin-name", { hasText: title }).waitFor();
    await p.getByLabel(/Ask as a shopper would/).fill("can you gift wrap my order");
    await p.getByLabel(/Ask as a shopper would/).press("Enter");
    await p.locator(".try-question li", { hasText: title }).waitFor();
    await p.screenshot({ path: join(ARTIFACTS, "admin-knowledge.png") });
  });

  it("invites an agent by email; the one-time link signs them in; deactivating signs them out", async () => {
    const email = `${uniqueId("riley")}@example.com`.toLowerCase();
    const admin = await signIn("alex@edgedesk.dev", "#/settings/agents");
    const form = admin.getByRole("form", { name: "Invite an agent" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name (optional)").fill("Riley Rookie");
    await form.getByRole("button", { name: "Invite" }).click();
    const link = await admin.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(/\/app\/#\/invite\/[A-Za-z0-9_-]+$/);
    await admin.locator(".admin-row", { hasText: email }).waitFor();

    const riley = await fresh();
    await riley.goto(link);
    await riley.getByRole("heading", { name: /Join Northwind Outfitters/ }).waitFor();
    await riley.getByLabel("Choose a password").fill("riley-password-1");
    await riley.getByRole("button", { name: "Join the team" }).click();
    await riley.locator(".me-name", { hasText: "Riley Rookie" }).waitFor({ state: "attached" });

    await admin.reload();
    const row = admin.locator(".admin-row", { hasText: "Riley Rookie" });
    admin.on("dialog", (d) => void d.accept());
    // The PATCH signs Riley out and sets them offline before it answers: on a busy machine that takes a while.
    const patched = admin.waitForResponse((r) => r.url().includes("/access") && r.request().method() === "PATCH", { timeout: 30_000 });
    await row.getByRole("button", { name: "Deactivate" }).click();
    expect((await patched).status()).toBe(200);
    await row.locator(".pill", { hasText: "deactivated" }).waitFor({ timeout: 30_000 });
    // Riley's next request is refused: the dashboard goes back to the sign-in screen.
    await riley.reload();
    await riley.getByRole("button", { name: "Sign in" }).waitFor();
    // The link worked once.
    const again = await fresh();
    await again.goto(link);
    await again.locator(".form-error", { hasText: "not valid" }).waitFor();
  });
});
