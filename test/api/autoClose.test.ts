// Auto-close: the cron closes tickets whose customer stayed quiet for the account's period after the team's reply.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sweepAutoClose } from "../../src/tickets/autoCloseSweep.ts";
import { call, inbound, signup, unique } from "../helpers.ts";

const HOUR = 3_600_000;

async function emailTicket(accountId: string) {
  return (await inbound(accountId, { channel: "email", from: `${unique("c")}@example.com`, text: "Where is my parcel?", threadId: `<${unique("t")}@x>` })).body.ticketId;
}

async function statusOf(token: string, id: string) {
  const res = await call("GET", `/api/tickets/${id}`, { token });
  return { status: res.body.ticket.status as string, last: res.body.messages.at(-1) as { author: string; body: string; internal: boolean } };
}

describe("auto-close", () => {
  it("closes a ticket the customer left unanswered after the team's reply, and only that one", async () => {
    const acc = await signup();
    expect((await call("PUT", "/api/settings/auto-close", { token: acc.token, body: { afterHours: 24 } })).status).toBe(200);
    const answered = await emailTicket(acc.accountId);
    const unanswered = await emailTicket(acc.accountId);
    const thread = { from: "back@example.com", threadId: `<${unique("t")}@x>` };
    const cameBack = (await inbound(acc.accountId, { channel: "email", text: "Where is my parcel?", ...thread })).body.ticketId;
    await call("POST", `/api/tickets/${answered}/replies`, { token: acc.token, body: { body: "It ships tomorrow." } });
    await call("POST", `/api/tickets/${answered}/notes`, { token: acc.token, body: { body: "internal only" } });
    await call("POST", `/api/tickets/${cameBack}/replies`, { token: acc.token, body: { body: "Which order?" } });
    // The customer writes back: now the team owes a reply there.
    expect((await inbound(acc.accountId, { channel: "email", text: "Order 1042", ...thread })).body.ticketId).toBe(cameBack);

    expect((await sweepAutoClose(env, Date.now() + 23 * HOUR)).closed).toBe(0);
    const later = Date.now() + 25 * HOUR;
    expect(await sweepAutoClose(env, later)).toEqual({ closed: 1, checked: 1 });
    const a = await statusOf(acc.token, answered);
    expect(a.status).toBe("closed");
    expect(a.last).toMatchObject({ author: "system", internal: true, body: "Closed automatically: no reply from the customer for 24 hours." });
    expect((await statusOf(acc.token, unanswered)).status).toBe("open");
    expect((await statusOf(acc.token, cameBack)).status).toBe("open");
    // Closed tickets are not swept again.
    expect(await sweepAutoClose(env, later)).toEqual({ closed: 0, checked: 0 });
  });

  it("does nothing while auto-close is off", async () => {
    const acc = await signup();
    const id = await emailTicket(acc.accountId);
    await call("POST", `/api/tickets/${id}/replies`, { token: acc.token, body: { body: "Done!" } });
    await sweepAutoClose(env, Date.now() + 1000 * HOUR);
    expect((await statusOf(acc.token, id)).status).toBe("open");
  });
});
