// SMS attribution in reports: an order within 24 h of an SMS reply is credited to the latest reply before it.
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TicketActor } from "../../durable-objects/ticket.ts";
import { replaceSeams } from "../../src/actors/seams.ts";
import { call, inbound, signup } from "../helpers.ts";

const DAY = 86_400_000;
const twilio = { accountSid: `AC${"0123456789abcdef".repeat(2)}`, authToken: "twilio_auth_token_0123456789" };
const twilioOk: typeof fetch = async () => Response.json({ sid: "SM1" }, { status: 201 });

describe("SMS attribution", () => {
  it("credits the demo order placed after an SMS reply to that reply, and shows it in reports", async () => {
    const shop = await signup();
    await call("PUT", "/api/integrations/demo", { token: shop.token, body: {} });
    await call("PUT", "/api/integrations/twilio", { token: shop.token, body: { ...twilio, phoneNumber: `+1555${String(Math.random()).slice(2, 9)}` } });
    // Sam Shopper's phone in the demo store; #1042 was placed 1.2 days before the start of today (UTC).
    await inbound(shop.accountId, { channel: "sms", from: "+15550100101", text: "START" });
    const ticketId = (await inbound(shop.accountId, { channel: "sms", from: "+15550100101", text: "Is the rain jacket waterproof?" })).body.ticketId;
    const dayStart = Math.floor(Date.now() / DAY) * DAY;
    const repliedAt = dayStart - 1.5 * DAY;
    await runInDurableObject(env.TICKET.get(env.TICKET.idFromName(`${shop.accountId}:${ticketId}`)), (_i: TicketActor, state) => {
      replaceSeams(state.id, { integrations: { fetch: twilioOk }, clock: { now: () => repliedAt } });
    });
    const reply = await call("POST", `/api/tickets/${ticketId}/replies`, { token: shop.token, body: { body: "Yes, fully taped seams." } });
    expect(reply.body.delivery).toEqual({ status: "sent" });
    let report = await call("GET", `/api/reports?from=${new Date(dayStart - 10 * DAY).toISOString()}`, { token: shop.token });
    for (let i = 0; i < 50 && report.body.smsAttribution.orders === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      report = await call("GET", `/api/reports?from=${new Date(dayStart - 10 * DAY).toISOString()}`, { token: shop.token });
    }
    expect(report.status).toBe(200);
    expect(report.body.smsAttribution).toMatchObject({ orders: 1, revenue: 261, currency: "USD", windowHours: 24, byTicket: [{ ticketId, messageId: reply.body.id, orderName: "#1042" }] });
  });
});
