// A new SMS conversation: the optional auto-reply to someone not subscribed, and the email to the agents the account chose.
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TicketActor } from "../../durable-objects/ticket.ts";
import { replaceSeams } from "../../src/actors/seams.ts";
import { newTextEmail, wantsAutoReply } from "../../src/channels/textArrival.ts";
import { sha256Hex } from "../../src/lib/crypto.ts";
import { call, inbound, signup, unique } from "../helpers.ts";

const twilio = { accountSid: `AC${"0123456789abcdef".repeat(2)}`, authToken: "twilio_auth_token_0123456789" };

function recorder() {
  const sent: { url: string; body: string }[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    sent.push({ url: req.url, body: await req.text() });
    return Response.json({ sid: "SM1", MessageID: "pm-1", ErrorCode: 0, Message: "OK" }, { status: 200 });
  };
  return { sent, fetch: fetchFn };
}

async function shop() {
  const s = await signup();
  await call("PUT", "/api/integrations/twilio", { token: s.token, body: { ...twilio, phoneNumber: `+1555${String(Math.random()).slice(2, 9)}` } });
  await call("PUT", "/api/integrations/postmark", { token: s.token, body: { serverToken: "pm_server_token_0123456789", fromAddress: "help@northwind.example" } });
  const res = await call("PUT", "/api/settings/sms", { token: s.token, body: { autoReply: "Thanks! Text START to get our replies by SMS.", notifyAgentIds: [s.agentId], linkBaseUrl: "https://support.example.com" } });
  expect(res.status).toBe(200);
  return s;
}

async function arrive(accountId: string, from: string, text: string) {
  const providerMessageId = unique("pm");
  const ticketId = `tkt_${(await sha256Hex(`${accountId}|sms|${providerMessageId}`)).slice(0, 24)}`;
  const fake = recorder();
  await runInDurableObject(env.TICKET.get(env.TICKET.idFromName(`${accountId}:${ticketId}`)), (_i: TicketActor, state) => {
    replaceSeams(state.id, { integrations: { fetch: fake.fetch } });
  });
  const res = await call("POST", "/api/dev/inbound", { body: { accountId, channel: "sms", from, text, providerMessageId } });
  expect(res.body.ticketId).toBe(ticketId);
  return { ticketId, fake };
}

async function until(done: () => boolean) {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe("a new SMS conversation", () => {
  it("texts the auto-reply to a non-subscriber once and emails the chosen agents", async () => {
    const s = await shop();
    const { ticketId, fake } = await arrive(s.accountId, "+15550106001", "Do you have the boots in 44?");
    await until(() => fake.sent.length >= 2);
    const sms = fake.sent.find((r) => r.url.includes("api.twilio.com"));
    const mail = fake.sent.find((r) => r.url.includes("postmarkapp.com"));
    expect(new URLSearchParams(sms?.body).get("Body")).toBe("Thanks! Text START to get our replies by SMS.");
    expect(new URLSearchParams(sms?.body).get("To")).toBe("+15550106001");
    const email = JSON.parse(mail?.body ?? "{}");
    expect(email.To).toBe(s.email);
    expect(email.Subject).toMatch(/^New SMS from \+15550106001 \(#\d+\)$/);
    expect(email.TextBody).toContain("Do you have the boots in 44?");
    expect(email.TextBody).toContain(`https://support.example.com/app/#/all/${ticketId}`);
  });

  it("does not auto-reply to a subscriber (only the agents hear of it)", async () => {
    const s = await shop();
    await inbound(s.accountId, { channel: "sms", from: "+15550106002", text: "START" });
    const { fake } = await arrive(s.accountId, "+15550106002", "Hello again");
    // The auto-reply goes before the agents' email, so once the email is out the decision has been made.
    await until(() => fake.sent.length >= 1);
    expect(fake.sent.map((r) => new URL(r.url).hostname)).toEqual(["api.postmarkapp.com"]);
  });

  it("follows simple rules", () => {
    expect(wantsAutoReply("hi", "unknown")).toBe(true);
    expect(wantsAutoReply("hi", "opted_in")).toBe(false);
    expect(wantsAutoReply("hi", "opted_out")).toBe(false);
    expect(wantsAutoReply(null, "unknown")).toBe(false);
    expect(newTextEmail({ id: "tkt_1", number: 7, channel: "whatsapp", customer: { name: "Kim", phone: "+1" } }, "hi", null)).toEqual({ subject: "New WhatsApp from Kim (+1) (#7)", body: "Kim (+1) wrote:\n\nhi" });
  });
});
