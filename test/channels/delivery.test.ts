// Replies go out on the customer's channel: Twilio for SMS and WhatsApp, Meta's Send API for Instagram, retried from
// the ticket actor's alarm when the provider fails, never to a customer who texted STOP or to an unreachable sender.
import { replaceSeams } from "../../src/actors/seams.ts";
import { env, exports } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TicketActor } from "../../durable-objects/ticket.ts";
import { BASE, call, inbound, signup, type TestAccount } from "../helpers.ts";

const twilio = { accountSid: `AC${"0123456789abcdef".repeat(2)}`, authToken: "twilio_auth_token_0123456789", phoneNumber: "+15550004444", whatsappNumber: "+15550004445" };

interface Sent {
  url: string;
  authorization: string | null;
  postmarkToken: string | null;
  form: Record<string, string>;
  json: unknown;
}

/** A stand-in for Twilio and Meta: records each request, answers with the scripted statuses in turn. */
function fakeProvider(...statuses: number[]) {
  const sent: Sent[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    const text = await req.text();
    const isForm = (req.headers.get("content-type") ?? "").includes("form");
    sent.push({ url: req.url, authorization: req.headers.get("authorization"), postmarkToken: req.headers.get("x-postmark-server-token"), form: isForm ? Object.fromEntries(new URLSearchParams(text)) : {}, json: isForm ? null : JSON.parse(text) });
    const status = statuses[Math.min(sent.length - 1, statuses.length - 1)] ?? 201;
    return Response.json(status < 300 ? { sid: `SM${sent.length}`, message_id: `mid.${sent.length}` } : { message: "Service unavailable" }, { status });
  };
  return { sent, fetch: fetchFn };
}

function stub(accountId: string, ticketId: string) {
  return env.TICKET.get(env.TICKET.idFromName(`${accountId}:${ticketId}`));
}

async function withFake(accountId: string, ticketId: string, fake: { fetch: typeof fetch }) {
  await runInDurableObject(stub(accountId, ticketId), (_instance: TicketActor, state) => {
    replaceSeams(state.id, { integrations: { fetch: fake.fetch } });
  });
}

async function outboxOf(ticketId: string) {
  return (await env.DB.prepare("SELECT status, attempts, last_error AS lastError, sent_at AS sentAt FROM outbox WHERE ticket_id = ? ORDER BY created_at").bind(ticketId).all<{ status: string; attempts: number; lastError: string | null; sentAt: number | null }>()).results;
}

async function settled(ticketId: string, done: (rows: Awaited<ReturnType<typeof outboxOf>>) => boolean) {
  for (let i = 0; i < 100; i++) {
    const rows = await outboxOf(ticketId);
    if (done(rows)) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
  return outboxOf(ticketId);
}

async function shopWith(connect: "twilio" | "instagram" | null): Promise<TestAccount> {
  const shop = await signup();
  if (connect === "twilio") expect((await call("PUT", "/api/integrations/twilio", { token: shop.token, body: { ...twilio, phoneNumber: `+1555${String(Math.random()).slice(2, 9)}`, whatsappNumber: undefined } })).status).toBe(200);
  if (connect === "instagram") {
    expect((await call("PUT", "/api/integrations/instagram", { token: shop.token, body: { appSecret: "meta_app_secret_0123456789", verifyToken: "verify-me-please", pageAccessToken: "EAAG_page_token_0123456789" } })).status).toBe(200);
  }
  return shop;
}

async function reply(shop: TestAccount, ticketId: string, body: string) {
  const res = await call("POST", `/api/tickets/${ticketId}/replies`, { token: shop.token, body: { body } });
  expect(res.status).toBe(201);
}

describe("delivery of replies", () => {
  it("sends an SMS reply through Twilio from the connected number", async () => {
    const shop = await shopWith("twilio");
    const from = (await call("GET", "/api/integrations", { token: shop.token })).body.items.find((i: { kind: string }) => i.kind === "twilio").credentials.phoneNumber;
    await inbound(shop.accountId, { channel: "sms", from: "+15551110001", text: "START" });
    const ticketId = (await inbound(shop.accountId, { channel: "sms", from: "+15551110001", text: "Is my order shipped?" })).body.ticketId;
    const fake = fakeProvider(201);
    await withFake(shop.accountId, ticketId, fake);
    await reply(shop, ticketId, "Yes, it left today!");
    const rows = await settled(ticketId, (r) => r[0]?.status === "sent");
    expect(rows).toEqual([{ status: "sent", attempts: 0, lastError: null, sentAt: expect.any(Number) }]);
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]?.url).toBe(`https://api.twilio.com/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`);
    expect(fake.sent[0]?.authorization).toBe(`Basic ${btoa(`${twilio.accountSid}:${twilio.authToken}`)}`);
    expect(fake.sent[0]?.form).toEqual({ To: "+15551110001", From: from, Body: "Yes, it left today!" });
  });

  it("retries a reply Twilio could not take from the alarm, and sends it once", async () => {
    const shop = await shopWith("twilio");
    await inbound(shop.accountId, { channel: "sms", from: "+15551110002", text: "START" });
    const ticketId = (await inbound(shop.accountId, { channel: "sms", from: "+15551110002", text: "hello" })).body.ticketId;
    const fake = fakeProvider(503, 201);
    await withFake(shop.accountId, ticketId, fake);
    await reply(shop, ticketId, "Hi there");
    const failedOnce = await settled(ticketId, (r) => r[0]?.attempts === 1);
    expect(failedOnce).toEqual([{ status: "pending", attempts: 1, lastError: expect.stringContaining("twilio answered 503"), sentAt: null }]);
    // The alarm is set for the retry; move the actor's clock past it and let the alarm run.
    await runInDurableObject(stub(shop.accountId, ticketId), (_instance: TicketActor, state) => {
      const later = Date.now() + 60_000;
      replaceSeams(state.id, { clock: { now: () => later } });
    });
    expect(await runDurableObjectAlarm(stub(shop.accountId, ticketId))).toBe(true);
    const rows = await settled(ticketId, (r) => r[0]?.status === "sent");
    expect(rows[0]).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(fake.sent).toHaveLength(2);
  });

  it("gives up on a reply Twilio refuses outright", async () => {
    const shop = await shopWith("twilio");
    await inbound(shop.accountId, { channel: "sms", from: "+15551110003", text: "START" });
    const ticketId = (await inbound(shop.accountId, { channel: "sms", from: "+15551110003", text: "hello" })).body.ticketId;
    const fake = fakeProvider(400);
    await withFake(shop.accountId, ticketId, fake);
    await reply(shop, ticketId, "Hi");
    const rows = await settled(ticketId, (r) => r[0]?.status === "failed");
    expect(rows[0]).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("400") });
  });

  it("sends nothing to a customer who texted STOP, to an alphanumeric sender, or without Twilio", async () => {
    const shop = await shopWith("twilio");
    const stopped = (await inbound(shop.accountId, { channel: "sms", from: "+15551110004", text: "my parcel?" })).body.ticketId;
    await inbound(shop.accountId, { channel: "sms", from: "+15551110004", text: "STOP" });
    const brand = (await inbound(shop.accountId, { channel: "sms", from: "NORTHWIND", text: "promo reply" })).body.ticketId;
    const fake = fakeProvider(201);
    for (const id of [stopped, brand]) await withFake(shop.accountId, id, fake);
    await reply(shop, stopped, "Here you go");
    await reply(shop, brand, "Here you go");
    expect((await settled(stopped, (r) => r[0]?.status === "skipped"))[0]).toMatchObject({ status: "skipped", lastError: "the customer opted out of SMS (STOP)" });
    expect((await settled(brand, (r) => r[0]?.status === "skipped"))[0]).toMatchObject({ status: "skipped", lastError: "the sender id cannot receive replies" });
    expect(fake.sent).toEqual([]);

    const bare = await shopWith(null);
    const id = (await inbound(bare.accountId, { channel: "sms", from: "+15551110005", text: "hi" })).body.ticketId;
    await reply(bare, id, "Hello");
    expect((await settled(id, (r) => r[0]?.status === "skipped"))[0]).toMatchObject({ lastError: "Twilio is not connected" });
  });

  it("replies by SMS only to subscribed customers, and the thread shows each reply's delivery with the reason", async () => {
    const shop = await shopWith("twilio");
    const ticketId = (await inbound(shop.accountId, { channel: "sms", from: "+15551110011", text: "do you ship to Canada?" })).body.ticketId;
    const fake = fakeProvider(201, 201);
    await withFake(shop.accountId, ticketId, fake);
    const blocked = await call("POST", `/api/tickets/${ticketId}/replies`, { token: shop.token, body: { body: "We do!" } });
    expect(blocked.status).toBe(201);
    expect(blocked.body.delivery).toEqual({ status: "blocked", reason: "the customer is not subscribed to SMS replies (they can text START)" });
    expect(fake.sent).toEqual([]);
    // START subscribes them: the next reply goes out, and the thread shows both outcomes.
    await inbound(shop.accountId, { channel: "sms", from: "+15551110011", text: "START" });
    const sent = await call("POST", `/api/tickets/${ticketId}/replies`, { token: shop.token, body: { body: "We do, in 5 days." } });
    expect(sent.body.delivery).toEqual({ status: "sent" });
    expect(fake.sent).toHaveLength(1);
    const thread = (await call("GET", `/api/tickets/${ticketId}`, { token: shop.token })).body.messages;
    expect(thread.map((m: { body: string; delivery?: unknown }) => [m.body, m.delivery ?? null])).toEqual([
      ["do you ship to Canada?", null],
      ["We do!", { status: "blocked", reason: "the customer is not subscribed to SMS replies (they can text START)" }],
      ["We do, in 5 days.", { status: "sent" }],
    ]);
    // Internal notes carry no delivery.
    const note = await call("POST", `/api/tickets/${ticketId}/notes`, { token: shop.token, body: { body: "fyi" } });
    expect(note.body.delivery).toBeUndefined();
    // STOP blocks again, with its own reason; a failed send says so too.
    await inbound(shop.accountId, { channel: "sms", from: "+15551110011", text: "STOP" });
    expect((await call("POST", `/api/tickets/${ticketId}/replies`, { token: shop.token, body: { body: "one more" } })).body.delivery).toEqual({ status: "blocked", reason: "the customer opted out of SMS (STOP)" });
  });

  it("shortens links in SMS replies to the Worker's own /l/ route and puts each click on the profile's timeline", async () => {
    const shop = await shopWith("twilio");
    expect((await call("PUT", "/api/settings/sms", { token: shop.token, body: { linkBaseUrl: "https://support.example.com/" } })).status).toBe(200);
    await inbound(shop.accountId, { channel: "sms", from: "+15551110012", text: "START" });
    const ticketId = (await inbound(shop.accountId, { channel: "sms", from: "+15551110012", text: "where do I track it?" })).body.ticketId;
    const fake = fakeProvider(201);
    await withFake(shop.accountId, ticketId, fake);
    const body = "Track it at https://northwind.example/track/1Z999?x=1, or see https://northwind.example/faq.";
    expect((await call("POST", `/api/tickets/${ticketId}/replies`, { token: shop.token, body: { body } })).body.delivery).toEqual({ status: "sent" });
    const sentBody = fake.sent[0]?.form.Body ?? "";
    const codes = [...sentBody.matchAll(/https:\/\/support\.example\.com\/l\/([0-9a-f]{10})/g)].map((m) => m[1]);
    expect(codes).toHaveLength(2);
    expect(sentBody).toBe(`Track it at https://support.example.com/l/${codes[0]}, or see https://support.example.com/l/${codes[1]}.`);
    // The thread keeps the reply as written.
    expect((await call("GET", `/api/tickets/${ticketId}`, { token: shop.token })).body.messages[1].body).toBe(body);
    const click = await exports.default.fetch(new Request(`${BASE}/l/${codes[0]}`, { redirect: "manual" }));
    expect(click.status).toBe(302);
    expect(click.headers.get("location")).toBe("https://northwind.example/track/1Z999?x=1");
    const profileId = (await call("GET", `/api/tickets/${ticketId}`, { token: shop.token })).body.ticket.customer.profileId;
    const clicks = await call("GET", `/api/profiles/${profileId}/events?metric=clicked_link`, { token: shop.token });
    expect(clicks.body.items).toMatchObject([{ metric: "clicked_link", properties: { url: "https://northwind.example/track/1Z999?x=1", ticketId } }]);
    expect((await call("GET", "/l/0000000000")).status).toBe(404);
    expect((await call("GET", "/l/nope")).status).toBe(400);
  });

  it("answers Instagram DMs through Meta's Send API", async () => {
    const shop = await shopWith("instagram");
    const ticketId = (await inbound(shop.accountId, { channel: "instagram", from: "17841400000000123", text: "Back in stock?" })).body.ticketId;
    const fake = fakeProvider(200);
    await withFake(shop.accountId, ticketId, fake);
    await reply(shop, ticketId, "Yes, in green too!");
    expect((await settled(ticketId, (r) => r[0]?.status === "sent"))[0]?.status).toBe("sent");
    expect(fake.sent[0]).toMatchObject({
      url: "https://graph.facebook.com/v21.0/me/messages",
      authorization: "Bearer EAAG_page_token_0123456789",
      json: { recipient: { id: "17841400000000123" }, messaging_type: "RESPONSE", message: { text: "Yes, in green too!" } },
    });
  });

  it("answers email through Postmark in the customer's thread, and skips email without a sender", async () => {
    const shop = await shopWith(null);
    const ticketId = (await inbound(shop.accountId, { channel: "email", from: "Ada <ada@example.com>", text: "Question about sizes", threadId: "<q1@mail.example.com>" })).body.ticketId;
    await reply(shop, ticketId, "Happy to help");
    expect((await settled(ticketId, (r) => r[0]?.status === "skipped"))[0]).toMatchObject({ lastError: "no email sender is connected (Postmark)" });

    expect((await call("PUT", "/api/integrations/postmark", { token: shop.token, body: { serverToken: "pm-server-token-0123456789", fromAddress: "support@northwind.example", fromName: "Northwind Support" } })).status).toBe(200);
    const fake = fakeProvider(200);
    await withFake(shop.accountId, ticketId, fake);
    await reply(shop, ticketId, "Size M fits most.");
    const rows = await settled(ticketId, (r) => r[1]?.status === "sent");
    expect(rows.map((r) => r.status)).toEqual(["skipped", "sent"]);
    expect(fake.sent[0]).toMatchObject({
      url: "https://api.postmarkapp.com/email",
      postmarkToken: "pm-server-token-0123456789",
      json: {
        From: "Northwind Support <support@northwind.example>",
        To: "ada@example.com",
        Subject: "Your conversation with us",
        TextBody: "Size M fits most.",
        MessageStream: "outbound",
        Headers: [
          { Name: "In-Reply-To", Value: "<q1@mail.example.com>" },
          { Name: "References", Value: "<q1@mail.example.com>" },
        ],
      },
    });
  });
});
