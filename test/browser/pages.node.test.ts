// Browser tests: the dashboard's Reports, AI agent (skills) and Settings pages against wrangler dev with the seeded demo account.
// The dev server is shared with the other browser files; this is the only one that closes demo tickets or changes the demo
// account's settings, and it puts back what it changes (office hours included) when it is done.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, apiAs, browserKit, chatSay, DEMO_OWNER, DEMO_PASSWORD, hasChromium, login, shot, startChat, uniqueId, WAIT, type ApiCaller } from "./kit.ts";

/** The demo owner, over the API (signed in before the tests). */
let owner: ApiCaller = apiAs("");

/** The page scrolls inside `.page`, not the document: grow the viewport to show all of it, then put it back. */
async function shotWhole(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() => {
    const el = document.querySelector(".page");
    return el ? el.scrollHeight + el.getBoundingClientRect().top : document.body.scrollHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(4000, Math.max(size.height, Math.ceil(height))) });
  await shot(page, name);
  await page.setViewportSize(size);
}

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).trim();
}

describe.skipIf(!hasChromium)("Reports, AI agent and Settings pages in a real browser", () => {
  const kit = browserKit();

  beforeAll(async () => {
    const session = await login(DEMO_OWNER);
    owner = apiAs(session.token);
    // An assignee, a reply and a close on seeded tickets give per-agent, first response and resolution figures.
    // Seeded ones only (email, SMS, WhatsApp, Instagram): other files' web chats may be in the demo account's views too.
    const tickets = (await owner.api<{ items: { id: string; channel: string }[] }>("GET", "/api/tickets?view=all")).body.items.filter((t) => t.channel !== "webchat");
    const [first, second] = tickets;
    if (!first || !second) throw new Error("the seed has no tickets");
    await owner.api("PATCH", `/api/tickets/${first.id}`, { assigneeId: session.agent.id });
    await owner.api("POST", `/api/tickets/${first.id}/replies`, { body: "Thanks, looking into it now." });
    await owner.api("POST", `/api/tickets/${second.id}/replies`, { body: "Yes, we can swap them." });
    await owner.api("PATCH", `/api/tickets/${second.id}`, { status: "closed", tags: ["exchanges"] });
    // Two shoppers talk to the AI agent, which the demo account has on.
    for (const text of ["Where is my order #1042?", "Do you have any discount codes?"]) await chatSay(await startChat("demo"), text);
  }, 120_000);

  afterAll(async () => {
    // Office hours are the one demo setting the tests below leave changed; other files chat with the demo account.
    if (owner.token) await owner.api("DELETE", "/api/settings/office-hours");
  }, 30_000);

  it("shows ticket counts, response times, per-agent and per-tag tables and the AI agent's figures over a date range", async () => {
    const page = await kit.signIn("#/mine");
    await page.getByRole("link", { name: "Reports" }).click();
    await page.getByRole("heading", { name: "Reports", level: 1 }).waitFor({ timeout: WAIT });
    await page.locator('[data-testid="stat-tickets"]').waitFor({ timeout: WAIT });

    expect(Number((await text(page, '[data-testid="stat-tickets"] .stat-value')).replace(/\D/g, ""))).toBeGreaterThanOrEqual(4);
    expect(await text(page, '[data-testid="stat-closed"] .stat-value')).toBe("1");
    // Replies seconds after the seed: a human duration, never raw seconds or "—".
    expect(await text(page, '[data-testid="stat-first-response"] .stat-value')).toMatch(/^\d+ (s|min)$/);
    expect(await text(page, '[data-testid="stat-resolution"] .stat-value')).toMatch(/^\d+ (s|min)$/);

    const chart = page.locator('[data-testid="chart-tickets"] svg[role="img"]');
    expect(await chart.getAttribute("aria-label")).toMatch(/^Tickets created and closed per day, .+\. Created: \d+ in total, most on .+; Closed: 1 in total/);
    await expect.poll(() => page.locator('[data-testid="chart-tickets"] rect').count()).toBeGreaterThan(0);
    expect(await page.getByRole("table", { name: "By agent", exact: true }).innerText()).toContain("Dana Demo");
    expect(await page.getByRole("table", { name: "By tag", exact: true }).innerText()).toContain("exchanges");

    expect(Number(await text(page, '[data-testid="stat-ai-conversations"] .stat-value'))).toBeGreaterThanOrEqual(2);
    expect(await text(page, '[data-testid="stat-ai-rate"] .stat-value')).toMatch(/^\d+%$/);
    expect(await page.getByRole("table", { name: "By skill", exact: true }).innerText()).toContain("Order tracking");
    expect(await page.locator('[data-testid="chart-ai"] svg').getAttribute("aria-label")).toMatch(/^AI agent conversations per day, .+\. Conversations: [1-9]\d* in total/);
    await page.locator("#r-questions").getByText("Where is my order #1042?").waitFor({ timeout: WAIT });
    await shotWhole(page, "pages-reports.png");

    // Last 7 days: one bar slot per day; a custom range that ends before today's tickets shows none.
    await page.getByRole("button", { name: "Last 7 days" }).click();
    await expect.poll(async () => (await page.locator('[data-testid="chart-tickets"] svg').getAttribute("aria-label")) ?? "").toMatch(/Created: [1-9]/);
    await page.getByRole("button", { name: "Custom" }).click();
    await page.getByLabel("From", { exact: true }).fill("2025-01-01");
    await page.getByLabel("To", { exact: true }).fill("2025-01-31");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => text(page, '[data-testid="stat-tickets"] .stat-value')).toBe("0");
    expect(await text(page, '[data-testid="stat-first-response"] .stat-value')).toBe("—");
    expect(await page.locator('[data-testid="chart-tickets"] svg').getAttribute("aria-label")).toContain("Created: 0 in total");

    // Back to the helpdesk: the list of the view comes back.
    await page.getByRole("link", { name: /^All tickets/ }).click();
    await page.locator(".rows .row").first().waitFor({ timeout: WAIT });
    expect(await page.getByRole("heading", { name: "Reports" }).count()).toBe(0);
  });

  it("lists the eight skills Live on the demo store, opens one and records a skill request", async () => {
    const page = await kit.signIn("#/skills");
    await page.getByRole("heading", { name: "AI agent", level: 1 }).waitFor({ timeout: WAIT });
    await page.locator(".skill-card").first().waitFor({ timeout: WAIT });
    expect(await page.locator(".skill-card.st-live").count()).toBe(8);
    expect(await page.locator(".skill-card.st-live .pill", { hasText: "Live" }).count()).toBe(8);
    expect(await page.locator(".skill-card.st-coming_soon .pill", { hasText: "Coming soon" }).count()).toBeGreaterThan(0);
    expect(await page.locator('.skill-card[data-skill="order_tracking"] .skill-volume').innerText()).toMatch(/^[1-9]\d* messages? in the last 30 days$/);
    await shotWhole(page, "pages-skills.png");

    await page.locator('.skill-card[data-skill="order_tracking"] a').click();
    await page.getByRole("heading", { name: "Order tracking", level: 1 }).waitFor({ timeout: WAIT });
    for (const title of ["Overview", "When it applies", "How it answers", "Tools used", "Performance", "Questions it handled"]) await page.getByRole("heading", { name: title, level: 2 }).waitFor();
    expect(await page.locator('[data-testid="chart-skill"] svg').getAttribute("aria-label")).toMatch(/^Order tracking: messages per day, .+ Messages: [1-9]\d* in total/);
    await page.locator("#sk-questions").getByText("Where is my order #1042?").waitFor();
    await shotWhole(page, "pages-skill-detail.png");

    await page.getByRole("link", { name: "All skills" }).click();
    await page.getByLabel("What should the agent be able to do?").fill("Tell shoppers when a sold-out size is back in stock");
    await page.getByRole("button", { name: "Request skill" }).click();
    await page.getByRole("status").filter({ hasText: "your request was recorded" }).waitFor({ timeout: WAIT });
    expect(await page.getByLabel("What should the agent be able to do?").inputValue()).toBe("");
  });

  it("marks skills Unavailable on a new shop, naming the missing prerequisite", async () => {
    const email = `${uniqueId("owner")}@shop.example`;
    expect((await api("POST", "/api/signup", { accountName: "Fresh shop", name: "Fran Fresh", email, password: DEMO_PASSWORD })).status).toBe(201);
    const page = await kit.signIn("#/skills", { email });
    const tracking = page.locator('.skill-card[data-skill="order_tracking"]');
    await tracking.waitFor({ timeout: WAIT });
    expect(await tracking.locator(".pill").innerText()).toBe("Unavailable");
    expect(await tracking.locator(".skill-reason").innerText()).toMatch(/Shopify|store/i);
    await shotWhole(page, "pages-skills-unavailable.png");
  });

  it("turns the AI agent off and on, refuses a Zendesk handoff until Zendesk is connected", async () => {
    const page = await kit.signIn("#/settings");
    const agentSwitch = page.getByRole("switch", { name: "AI customer agent" });
    await agentSwitch.waitFor({ timeout: WAIT });
    expect(await agentSwitch.isChecked()).toBe(true);
    await agentSwitch.click();
    await expect.poll(async () => (await owner.api<{ agent: { enabled: boolean } }>("GET", "/api/settings")).body.agent.enabled).toBe(false);
    // The switch follows once the save has answered (the audit entry is written after the settings themselves).
    await expect.poll(() => agentSwitch.isChecked(), { timeout: WAIT }).toBe(false);
    await agentSwitch.click();
    await expect.poll(async () => (await owner.api<{ agent: { enabled: boolean } }>("GET", "/api/settings")).body.agent.enabled).toBe(true);

    // Zendesk isn't connected: the server's 409 message is shown, and nothing changes.
    await page.getByRole("radio", { name: /^Zendesk/ }).check();
    await page.getByRole("button", { name: "Save handoff" }).click();
    const refusal = page.locator("#set-handoff [role=alert]");
    await refusal.waitFor({ timeout: WAIT });
    expect(await refusal.innerText()).toMatch(/Connect Zendesk before handing conversations off/);
    await shotWhole(page, "pages-settings-agent.png");
    expect((await owner.api<{ handoff: unknown }>("GET", "/api/settings")).body.handoff).toEqual({ method: "helpdesk", platform: "builtin" });

    // Connect it, with the credential form built from GET /api/integrations; a bad email is named next to its field.
    await page.getByRole("link", { name: "Connect Zendesk" }).click();
    const zendesk = page.locator('.integration[data-kind="zendesk"]');
    await zendesk.getByRole("button", { name: "Connect Zendesk" }).click();
    await zendesk.getByLabel("Subdomain").fill("northwind");
    await zendesk.getByLabel("Email").fill("not-an-email");
    await zendesk.getByLabel("API token").fill("zd-token-0123456789abcdef");
    await zendesk.getByRole("button", { name: "Connect Zendesk" }).click();
    await zendesk.locator('.field-error[data-path="email"]').waitFor({ timeout: WAIT });
    expect(await zendesk.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
    await zendesk.getByLabel("Email").fill("support@northwind.example");
    await zendesk.getByRole("button", { name: "Connect Zendesk" }).click();
    await zendesk.locator(".pill", { hasText: /^Connected$/ }).waitFor({ timeout: WAIT });
    expect(await zendesk.innerText()).toContain("••••cdef");
    await shotWhole(page, "pages-settings-integrations.png");

    await page.locator(".tabs").getByRole("link", { name: "AI agent" }).click();
    await page.getByRole("radio", { name: /^Zendesk/ }).check();
    await page.getByRole("button", { name: "Save handoff" }).click();
    await expect.poll(async () => (await owner.api<{ handoff: unknown }>("GET", "/api/settings")).body.handoff).toEqual({ method: "helpdesk", platform: "zendesk" });
    await page.getByRole("radio", { name: /^Edgedesk helpdesk/ }).check();
    await page.getByRole("button", { name: "Save handoff" }).click();
    await expect.poll(async () => (await owner.api<{ handoff: unknown }>("GET", "/api/settings")).body.handoff).toEqual({ method: "helpdesk", platform: "builtin" });
  });

  it("saves office hours, shows a bad time zone next to its field, and keeps them after a reload", async () => {
    const page = await kit.signIn("#/settings/office-hours");
    const toggle = page.getByRole("switch", { name: "Office hours" });
    await toggle.waitFor({ timeout: WAIT });
    if (!(await toggle.isChecked())) await toggle.click();
    const tz = page.getByLabel("Time zone");
    await tz.fill("Mars/Olympus_Mons");
    await page.getByLabel("Monday opens").fill("08:30");
    await page.getByLabel("Monday closes").fill("18:00");
    await page.getByLabel("Open on Saturday").check();
    await page.getByLabel("Saturday opens").fill("10:00");
    await page.getByLabel("Saturday closes").fill("14:00");
    await page.getByLabel("Holiday date").fill("2026-12-25");
    await page.getByRole("button", { name: "Add holiday" }).click();
    await page.getByLabel("Auto-reply outside office hours").fill("We're away; we'll answer first thing tomorrow.");
    await page.getByRole("button", { name: "Save office hours" }).click();
    await page.locator('.field-error[data-path="timezone"]').waitFor({ timeout: WAIT });
    expect(await tz.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#set-hours [role=alert]").innerText()).toBe("Check the fields marked above.");
    await shotWhole(page, "pages-settings-hours-error.png");

    await tz.fill("Europe/Rome");
    await page.getByRole("button", { name: "Save office hours" }).click();
    await page.locator("#set-hours [role=status]", { hasText: "Saved" }).waitFor({ timeout: WAIT });
    expect((await owner.api<{ officeHours: unknown }>("GET", "/api/settings")).body.officeHours).toMatchObject({
      timezone: "Europe/Rome",
      weekly: { mon: [["08:30", "18:00"]], sat: [["10:00", "14:00"]] },
      holidays: ["2026-12-25"],
      autoReply: "We're away; we'll answer first thing tomorrow.",
    });

    await page.reload();
    await page.getByLabel("Time zone").waitFor({ timeout: WAIT });
    expect(await page.getByRole("switch", { name: "Office hours" }).isChecked()).toBe(true);
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Europe/Rome");
    expect(await page.getByLabel("Monday opens").inputValue()).toBe("08:30");
    expect(await page.getByLabel("Saturday closes").inputValue()).toBe("14:00");
    expect(await page.getByLabel("Open on Sunday").isChecked()).toBe(false);
    await page.getByRole("button", { name: "Remove holiday 2026-12-25" }).waitFor();
    expect(await page.getByLabel("Auto-reply outside office hours").inputValue()).toBe("We're away; we'll answer first thing tomorrow.");
    await shotWhole(page, "pages-settings-hours.png");
  });

  it("switches round robin and saves auto-close", async () => {
    const page = await kit.signIn("#/settings/assignment");
    const rr = page.getByRole("switch", { name: "Round robin" });
    await rr.waitFor({ timeout: WAIT });
    expect(await rr.isChecked()).toBe(true);
    await rr.click();
    await expect.poll(async () => (await owner.api<{ assignment: { roundRobin: boolean } }>("GET", "/api/settings")).body.assignment.roundRobin).toBe(false);
    await rr.click();
    await expect.poll(async () => (await owner.api<{ assignment: { roundRobin: boolean } }>("GET", "/api/settings")).body.assignment.roundRobin).toBe(true);

    await page.getByRole("radio", { name: /^After/ }).check();
    await page.getByLabel("Hours without a customer message").fill("48");
    await page.getByRole("button", { name: "Save auto-close" }).click();
    await expect.poll(async () => (await owner.api<{ autoClose: unknown }>("GET", "/api/settings")).body.autoClose).toEqual({ afterHours: 48 });
    await shotWhole(page, "pages-settings-assignment.png");
    await page.getByRole("radio", { name: "Never" }).check();
    await page.getByRole("button", { name: "Save auto-close" }).click();
    await expect.poll(async () => (await owner.api<{ autoClose: unknown }>("GET", "/api/settings")).body.autoClose).toEqual({ afterHours: null });
  });

  it("creates, edits and deletes a team, naming what is missing next to the field", async () => {
    const page = await kit.signIn("#/settings/teams");
    await page.locator('.team[data-team="Customer care"]').waitFor({ timeout: WAIT });
    await page.getByRole("button", { name: "New team" }).click();
    const form = page.getByRole("form", { name: "New team" });
    await form.getByLabel("Name").fill("Returns squad");
    await form.getByRole("button", { name: "Create team" }).click();
    await form.locator('.field-error[data-path="agentIds"]').waitFor({ timeout: WAIT });
    expect(await form.locator('.field-error[data-path="agentIds"]').innerText()).toContain("at least one agent");
    await shotWhole(page, "pages-settings-team-form.png");

    await form.getByLabel("Sam Support").check();
    await form.getByLabel("Alex Admin").check();
    await form.getByLabel("Tags it takes").fill("returns, exchanges");
    await form.getByLabel("Customer segments it takes").fill("VIP");
    await form.getByRole("button", { name: "Create team" }).click();
    const card = page.locator('.team[data-team="Returns squad"]');
    await card.waitFor({ timeout: WAIT });
    expect(await card.innerText()).toMatch(/Sam Support[\s\S]*Alex Admin[\s\S]*returns[\s\S]*exchanges[\s\S]*VIP/);
    const created = (await owner.api<{ items: { name: string; agentIds: string[]; tags: string[]; segments: string[] }[] }>("GET", "/api/teams")).body.items.find((t) => t.name === "Returns squad");
    expect(created).toMatchObject({ tags: ["returns", "exchanges"], segments: ["VIP"] });
    expect(created?.agentIds).toHaveLength(2);
    await shotWhole(page, "pages-settings-teams.png");

    await card.getByRole("button", { name: "Edit team Returns squad" }).click();
    await page.getByRole("form", { name: "Edit team Returns squad" }).getByLabel("Name").fill("Returns & exchanges");
    await page.getByRole("button", { name: "Save team" }).click();
    const renamed = page.locator('.team[data-team="Returns & exchanges"]');
    await renamed.waitFor({ timeout: WAIT });
    page.once("dialog", (d) => void d.accept());
    await renamed.getByRole("button", { name: "Delete team Returns & exchanges" }).click();
    await renamed.waitFor({ state: "detached", timeout: WAIT });
    expect((await owner.api<{ items: { name: string }[] }>("GET", "/api/teams")).body.items.map((t) => t.name)).toEqual(["Customer care"]);
  });

  it("shows settings read-only to a support agent", async () => {
    const page = await kit.signIn("#/settings", { email: "sam@edgedesk.dev" });
    const agentSwitch = page.getByRole("switch", { name: "AI customer agent" });
    await agentSwitch.waitFor({ timeout: WAIT });
    expect(await agentSwitch.isDisabled()).toBe(true);
    await page.getByRole("note").filter({ hasText: "Only owners and admins can change these settings" }).waitFor();
    expect(await page.getByRole("button", { name: "Save handoff" }).count()).toBe(0);
    expect(await page.getByRole("radio", { name: /^Zendesk/ }).isDisabled()).toBe(true);
    await shotWhole(page, "pages-settings-readonly.png");
    await page.getByRole("link", { name: "Teams" }).click();
    await page.locator('.team[data-team="Customer care"]').waitFor({ timeout: WAIT });
    expect(await page.getByRole("button", { name: "New team" }).count()).toBe(0);
  });
});
