// Browser tests for CSAT, SLA timers and merge (issue 13): a shopper rates a closed conversation in the widget and the
// score reaches the ticket and Reports; an SLA timer runs, turns red and lists its ticket under "SLA breached";
// two tickets of one customer merge and unmerge from the dashboard. Uses its own account on the shared dev server.
import { beforeAll, describe, expect, it } from "vitest";
import { apiAs, browserKit, hasChromium, inbound, newAccount, server, uniqueId, WAIT, type ApiCaller, type OwnAccount } from "./kit.ts";

let account: OwnAccount;
/** The account's owner, over the API: every call must succeed. */
let owner: ApiCaller;
let slaTicketNumber = 0;

/** A customer's email in its own thread: a new ticket. */
async function email(text: string, threadId: string): Promise<{ ticketId: string }> {
  const res = await inbound({ accountId: account.id, channel: "email", from: "Pat Rivera <pat@promises.example>", text, threadId });
  expect(res.status).toBe(200);
  return res.body;
}

describe.skipIf(!hasChromium)("CSAT, SLA timers and merge in a real browser", () => {
  const kit = browserKit();
  const dashboard = (hash: string) => kit.signIn(hash, account);

  beforeAll(async () => {
    account = await newAccount({ accountName: "Promises tests", name: "Pia Owner", email: `${uniqueId("pat")}@promises.example`, password: "promises-password-1" });
    owner = apiAs(account.token);
    await owner.apiOk("PUT", "/api/settings/agent", { enabled: false });
    await owner.apiOk("PUT", "/api/settings/csat", { enabled: true });
    // The SLA ticket starts its one-minute clock now; the other tests run while it counts down.
    await owner.apiOk("POST", "/api/sla-policies", { name: "One minute", firstResponseMinutes: 1 });
    const { ticketId } = await email("Nobody has answered me yet", uniqueId("<sla"));
    slaTicketNumber = (await owner.apiOk<{ ticket: { number: number } }>("GET", `/api/tickets/${ticketId}`)).ticket.number;
  }, 120_000);

  it("a shopper rates the closed conversation in the widget; the score shows on the ticket and in Reports", async () => {
    const { page: shopper, send } = await kit.openShopper({ widgetAccount: account.id });
    const text = `My mug arrived chipped ${uniqueId("m")}`;
    await send(text);

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
    const a = await email("First: the lamp is broken", uniqueId("<merge-a"));
    const b = await email("Second: where is order 1042?", uniqueId("<merge-b"));
    const page = await dashboard(`#/all/${a.ticketId}`);
    await page.getByRole("button", { name: /Find other tickets/ }).click();
    const numberOfB = (await owner.apiOk<{ ticket: { number: number } }>("GET", `/api/tickets/${b.ticketId}`)).ticket.number;
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: `Merge into #${numberOfB}` }).click();
    // The survivor opens with both threads.
    await page.locator(".thread .msg", { hasText: "Second: where is order 1042?" }).waitFor();
    await page.locator(".thread .msg", { hasText: "First: the lamp is broken" }).waitFor();
    await page.goto(`${server.base}/app/#/all/${a.ticketId}`);
    await page.getByTestId("merged-into").waitFor();
    await page.getByRole("button", { name: "Undo merge" }).click();
    await expect.poll(async () => (await owner.apiOk<{ ticket: { status: string; mergedInto?: string } }>("GET", `/api/tickets/${a.ticketId}`)).ticket, { timeout: WAIT }).toMatchObject({ status: "open" });
    expect((await owner.apiOk<{ messages: { body: string }[] }>("GET", `/api/tickets/${b.ticketId}`)).messages.some((m) => m.body.includes("lamp is broken"))).toBe(false);
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
