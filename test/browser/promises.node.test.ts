// Browser tests for CSAT, SLA timers and merge (issue 13): a shopper rates a closed conversation in the widget and the
// score reaches the ticket and Reports; an SLA timer runs, turns red and lists its ticket under "SLA breached";
// two tickets of one customer merge and unmerge from the dashboard. Uses its own account on the shared dev server.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium, OPEN_SHADOW_ROOTS, sharedServer, uniqueId, type SharedServer } from "./devServer.ts";

const WAIT = 15_000;
const PASSWORD = "promises-password-1";
let server: SharedServer;
let browser: Browser;
const account = { id: "", email: "", token: "" };
const contexts: BrowserContext[] = [];
let slaTicketNumber = 0;

async function api<T = any>(method: string, path: string, body?: unknown, token = account.token): Promise<T> {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: { ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json().catch(() => null)) as T;
}

const inbound = (text: string, threadId: string) =>
  api<{ ticketId: string }>("POST", "/api/dev/inbound", { accountId: account.id, channel: "email", from: "Pat Rivera <pat@promises.example>", text, threadId, providerMessageId: uniqueId("pm") }, "");

async function dashboard(hash: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.setDefaultTimeout(WAIT);
  await page.goto(`${server.base}/app/${hash}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.locator(".live-live").waitFor();
  return page;
}

describe.skipIf(!hasChromium)("CSAT, SLA timers and merge in a real browser", () => {
  beforeAll(async () => {
    server = sharedServer();
    browser = await launchChromium();
    account.email = `${uniqueId("pat")}@promises.example`;
    const owner = await api<{ token: string; accountId: string }>("POST", "/api/signup", { accountName: "Promises tests", name: "Pia Owner", email: account.email, password: PASSWORD }, "");
    [account.id, account.token] = [owner.accountId, owner.token];
    await api("PUT", "/api/settings/agent", { enabled: false });
    await api("PUT", "/api/settings/csat", { enabled: true });
    // The SLA ticket starts its one-minute clock now; the other tests run while it counts down.
    await api("POST", "/api/sla-policies", { name: "One minute", firstResponseMinutes: 1 });
    const { ticketId } = await inbound("Nobody has answered me yet", uniqueId("<sla"));
    slaTicketNumber = (await api<{ ticket: { number: number } }>("GET", `/api/tickets/${ticketId}`)).ticket.number;
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
  });

  it("a shopper rates the closed conversation in the widget; the score shows on the ticket and in Reports", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 820 } });
    contexts.push(ctx);
    await ctx.addInitScript((id: string) => {
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLScriptElement && n.dataset.account === "demo") n.dataset.account = id;
      }).observe(document, { childList: true, subtree: true });
    }, account.id);
    await ctx.addInitScript(OPEN_SHADOW_ROOTS);
    const shopper = await ctx.newPage();
    shopper.setDefaultTimeout(WAIT);
    await shopper.goto(`${server.base}/`);
    await shopper.getByRole("button", { name: /Open chat/ }).click();
    const text = `My mug arrived chipped ${uniqueId("m")}`;
    await shopper.getByRole("textbox", { name: "Message" }).fill(text);
    await shopper.getByRole("textbox", { name: "Message" }).press("Enter");

    const agent = await dashboard("#/all");
    await agent.locator(".rows .row", { hasText: text }).click();
    await agent.getByLabel("Reply to the customer").fill("So sorry! A replacement is on its way.");
    await agent.getByRole("button", { name: "Send reply" }).click();
    await agent.locator(".thread .msg", { hasText: "replacement is on its way" }).waitFor();
    await agent.getByRole("button", { name: "Close" }).click();

    const card = shopper.locator("edgedesk-chat .card-csat");
    await card.waitFor();
    await card.getByRole("button", { name: "4 out of 5" }).click();
    await card.getByText("Thanks for rating us 4/5").waitFor();

    await agent.getByTestId("csat-result").getByText("4/5").waitFor();
    await agent.goto(`${server.base}/app/#/reports`);
    await expect.poll(async () => (await agent.getByTestId("stat-csat").innerText()).includes("4.0"), { timeout: WAIT }).toBe(true);
    expect(await agent.getByTestId("stat-csat-rate").innerText()).toContain("100");
  });

  it("merges two tickets of one customer from the ticket page and undoes it", async () => {
    const a = await inbound("First: the lamp is broken", uniqueId("<merge-a"));
    const b = await inbound("Second: where is order 1042?", uniqueId("<merge-b"));
    const page = await dashboard(`#/all/${a.ticketId}`);
    await page.getByRole("button", { name: /Find other tickets/ }).click();
    const numberOfB = (await api<{ ticket: { number: number } }>("GET", `/api/tickets/${b.ticketId}`)).ticket.number;
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: `Merge into #${numberOfB}` }).click();
    // The survivor opens with both threads.
    await page.locator(".thread .msg", { hasText: "Second: where is order 1042?" }).waitFor();
    await page.locator(".thread .msg", { hasText: "First: the lamp is broken" }).waitFor();
    await page.goto(`${server.base}/app/#/all/${a.ticketId}`);
    await page.getByTestId("merged-into").waitFor();
    await page.getByRole("button", { name: "Undo merge" }).click();
    await expect.poll(async () => (await api<{ ticket: { status: string; mergedInto?: string } }>("GET", `/api/tickets/${a.ticketId}`)).ticket, { timeout: WAIT }).toMatchObject({ status: "open" });
    expect((await api<{ messages: { body: string }[] }>("GET", `/api/tickets/${b.ticketId}`)).messages.some((m) => m.body.includes("lamp is broken"))).toBe(false);
  });

  it("an SLA timer runs, turns red when the target passes, and the ticket lists under SLA breached", async () => {
    const page = await dashboard("#/all");
    const row = page.locator(".rows .row", { hasText: "Nobody has answered me yet" });
    const timer = row.locator(".pill.sla");
    await timer.waitFor();
    // One minute from the ticket's start: green or amber first, then red (the timer ticks every 10 s).
    await expect.poll(() => timer.getAttribute("data-sla-state"), { timeout: 90_000, interval: 1_000 }).toBe("breached");
    await page.goto(`${server.base}/app/#/breached`);
    await page.locator(".rows .row", { hasText: "Nobody has answered me yet" }).waitFor();
    expect(await page.locator(".rows .row .num").allInnerTexts()).toContain(`#${slaTicketNumber}`);
  }, 120_000);
});
