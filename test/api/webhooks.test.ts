// Inbound channel webhooks: Twilio SMS/WhatsApp and Instagram, signed with the account's connected credentials,
// processed exactly once, refused when unsigned, mis-signed, unconnected or malformed.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { twilioSignature } from "../../src/channels/twilio.ts";
import { hmacHex } from "../../src/lib/crypto.ts";
import { BASE, call, signup, unique, type TestAccount } from "../helpers.ts";

const twilio = { accountSid: `AC${"0123456789abcdef".repeat(2)}`, authToken: "twilio_auth_token_0123456789", phoneNumber: "+15550001111" };
const instagram = { appSecret: "meta_app_secret_0123456789", verifyToken: "verify-me-please", instagramAccountId: "17841400000000000" };

let shop: TestAccount;
beforeAll(async () => {
  shop = await signup();
  expect((await call("PUT", "/api/integrations/twilio", { token: shop.token, body: twilio })).status).toBe(200);
  expect((await call("PUT", "/api/integrations/instagram", { token: shop.token, body: instagram })).status).toBe(200);
});

async function twilioPost(path: string, params: Record<string, string>, opts: { account?: string; token?: string; signature?: string } = {}) {
  const query = `?account=${opts.account ?? shop.accountId}`;
  const signature = opts.signature ?? (await twilioSignature(opts.token ?? twilio.authToken, `${BASE}${path}${query}`, params));
  return call("POST", `${path}${query}`, { raw: new URLSearchParams(params).toString(), headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature } });
}

function smsParams(from: string, body: string, sid = `SM${unique("x").replace(/\W/g, "")}`) {
  return { MessageSid: sid, SmsMessageSid: sid, AccountSid: twilio.accountSid, From: from, To: twilio.phoneNumber, Body: body, NumMedia: "0" };
}

async function ticketsFrom(accountId: string, channel: string) {
  return (await env.DB.prepare("SELECT id, customer_phone, message_count FROM tickets WHERE account_id = ? AND channel = ?").bind(accountId, channel).all<{ id: string; customer_phone: string; message_count: number }>()).results;
}

describe("Twilio SMS and WhatsApp", () => {
  it("stores a signed SMS once, however often Twilio retries it, and answers with empty TwiML", async () => {
    const params = smsParams("+15551230001", "Hi, is my order shipped?");
    const first = await twilioPost("/webhooks/sms", params);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/xml");
    expect(first.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect((await twilioPost("/webhooks/sms", params)).status).toBe(200);
    const rows = (await ticketsFrom(shop.accountId, "sms")).filter((r) => r.customer_phone === "+15551230001");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.message_count).toBe(1);
    // The next message from the same number joins the open conversation.
    await twilioPost("/webhooks/sms", smsParams("+15551230001", "It was order 1042"));
    const again = (await ticketsFrom(shop.accountId, "sms")).filter((r) => r.customer_phone === "+15551230001");
    expect(again.map((r) => r.message_count)).toEqual([2]);
  });

  it("takes WhatsApp messages on the WhatsApp webhook, with the sender's profile name", async () => {
    const res = await twilioPost("/webhooks/whatsapp", { ...smsParams("whatsapp:+447700900555", "Do you ship to the UK?"), ProfileName: "Priya" });
    expect(res.status).toBe(200);
    const row = await env.DB.prepare("SELECT customer_name, customer_phone FROM tickets WHERE account_id = ? AND channel = 'whatsapp'").bind(shop.accountId).first();
    expect(row).toEqual({ customer_name: "Priya", customer_phone: "+447700900555" });
  });

  it("turns STOP into an opt-out instead of a conversation", async () => {
    await twilioPost("/webhooks/sms", smsParams("+15551230009", "STOP"));
    expect((await ticketsFrom(shop.accountId, "sms")).some((r) => r.customer_phone === "+15551230009")).toBe(false);
    const profile = await env.DB.prepare("SELECT sms_consent FROM profiles WHERE account_id = ? AND phone = ?").bind(shop.accountId, "+15551230009").first<{ sms_consent: string }>();
    expect(profile?.sms_consent).toBe("opted_out");
  });

  it("refuses what Twilio did not sign, and changes nothing", async () => {
    const before = (await ticketsFrom(shop.accountId, "sms")).length;
    const params = smsParams("+15551230002", "forged");
    expect((await twilioPost("/webhooks/sms", params, { signature: "bm90IGEgc2lnbmF0dXJl" })).status).toBe(403);
    expect((await twilioPost("/webhooks/sms", params, { token: "another_token_0123456789" })).status).toBe(403);
    const unsigned = await call("POST", `/webhooks/sms?account=${shop.accountId}`, { raw: new URLSearchParams(params).toString(), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(unsigned.status).toBe(403);
    expect(unsigned.body.error.code).toBe("forbidden");
    // Signed for one URL, replayed to another account's.
    const other = await signup();
    await call("PUT", "/api/integrations/twilio", { token: other.token, body: { ...twilio, phoneNumber: "+15550002222" } });
    const sig = await twilioSignature(twilio.authToken, `${BASE}/webhooks/sms?account=${shop.accountId}`, params);
    expect((await twilioPost("/webhooks/sms", params, { account: other.accountId, signature: sig })).status).toBe(403);
    expect((await ticketsFrom(shop.accountId, "sms")).length).toBe(before);
    expect((await ticketsFrom(other.accountId, "sms")).length).toBe(0);
  });

  it("answers 404 for an unknown account or one without Twilio, 400 for a malformed or wrong-channel post", async () => {
    expect((await twilioPost("/webhooks/sms", smsParams("+15551230003", "hi"), { account: "acc_nope" })).status).toBe(404);
    const bare = await signup();
    expect((await twilioPost("/webhooks/sms", smsParams("+15551230003", "hi"), { account: bare.accountId })).status).toBe(404);
    const noSid = await twilioPost("/webhooks/sms", { From: "+15551230003", Body: "hi" });
    expect(noSid.status).toBe(400);
    expect(noSid.body.error.code).toBe("validation_failed");
    expect((await twilioPost("/webhooks/sms", smsParams("whatsapp:+15551230003", "hi"))).status).toBe(400);
    // Unsigned: refused before anything else is looked at.
    expect((await call("POST", "/webhooks/sms", { raw: "", headers: { "Content-Type": "application/x-www-form-urlencoded" } })).status).toBe(403);
  });
});

describe("one webhook URL for every account", () => {
  it("finds the account from the number the message was sent to", async () => {
    const params = smsParams("+15551230077", "Sent to the shop's number");
    const url = `${BASE}/webhooks/sms`;
    const res = await call("POST", "/webhooks/sms", { raw: new URLSearchParams(params).toString(), headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": await twilioSignature(twilio.authToken, url, params) } });
    expect(res.status).toBe(200);
    expect((await ticketsFrom(shop.accountId, "sms")).some((r) => r.customer_phone === "+15551230077")).toBe(true);
    const nobody = { ...smsParams("+15551230078", "hi"), To: "+15559999999" };
    const missing = await call("POST", "/webhooks/sms", { raw: new URLSearchParams(nobody).toString(), headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": await twilioSignature(twilio.authToken, url, nobody) } });
    expect(missing.status).toBe(404);
  });

  it("lets one account own a number: a second account is refused, and disconnecting frees it", async () => {
    const a = await signup();
    const b = await signup();
    const creds = { ...twilio, phoneNumber: "+15550003333" };
    expect((await call("PUT", "/api/integrations/twilio", { token: a.token, body: creds })).status).toBe(200);
    const taken = await call("PUT", "/api/integrations/twilio", { token: b.token, body: creds });
    expect(taken.status).toBe(409);
    expect(taken.body.error.issues).toEqual([{ path: "phoneNumber", message: "in use by another account" }]);
    // Reconnecting the owner with the same number is fine.
    expect((await call("PUT", "/api/integrations/twilio", { token: a.token, body: creds })).status).toBe(200);
    expect((await call("DELETE", "/api/integrations/twilio", { token: a.token })).status).toBeLessThan(300);
    expect((await call("PUT", "/api/integrations/twilio", { token: b.token, body: creds })).status).toBe(200);
  });
});

describe("Instagram", () => {
  it("answers Meta's verification handshake only with the right verify token", async () => {
    const ok = await call("GET", `/webhooks/instagram?account=${shop.accountId}&hub.mode=subscribe&hub.verify_token=${instagram.verifyToken}&hub.challenge=1158201444`);
    expect(ok).toMatchObject({ status: 200, body: 1158201444 });
    const bad = await call("GET", `/webhooks/instagram?account=${shop.accountId}&hub.mode=subscribe&hub.verify_token=wrong-token&hub.challenge=1`);
    expect(bad.status).toBe(403);
  });

  function dmBody(mids: string[], from = "5566778899") {
    return JSON.stringify({
      object: "instagram",
      entry: [
        {
          id: instagram.instagramAccountId,
          time: Date.now(),
          messaging: [
            ...mids.map((mid, i) => ({ sender: { id: from }, recipient: { id: instagram.instagramAccountId }, timestamp: Date.now() + i, message: { mid, text: `Hello ${i}` } })),
            // An echo of the shop's own message is not a customer message.
            { sender: { id: instagram.instagramAccountId }, recipient: { id: from }, timestamp: Date.now(), message: { mid: `${mids[0]}-echo`, text: "Hi!", is_echo: true } },
          ],
        },
      ],
    });
  }

  async function post(raw: string, secret = instagram.appSecret) {
    return call("POST", `/webhooks/instagram?account=${shop.accountId}`, { raw, headers: { "X-Hub-Signature-256": `sha256=${await hmacHex(secret, raw)}` } });
  }

  it("stores each signed direct message once, in order, in one conversation", async () => {
    const mids = [unique("mid"), unique("mid")];
    const raw = dmBody(mids);
    const first = await post(raw);
    expect(first).toMatchObject({ status: 200, body: { received: 2, duplicates: 0 } });
    expect((await post(raw)).body).toEqual({ received: 0, duplicates: 2 });
    const rows = await ticketsFrom(shop.accountId, "instagram");
    expect(rows.map((r) => r.message_count)).toEqual([2]);
  });

  it("finds the account from the Instagram account a batch is for", async () => {
    const raw = dmBody([unique("mid")], "9988776655");
    const res = await call("POST", "/webhooks/instagram", { raw, headers: { "X-Hub-Signature-256": `sha256=${await hmacHex(instagram.appSecret, raw)}` } });
    expect(res).toMatchObject({ status: 200, body: { received: 1, duplicates: 0 } });
    expect((await ticketsFrom(shop.accountId, "instagram")).length).toBe(2);
  });

  it("refuses a body Meta did not sign, and changes nothing", async () => {
    const raw = dmBody([unique("mid")], "1234512345");
    expect((await post(raw, "another_secret_0123456789")).status).toBe(403);
    expect((await call("POST", `/webhooks/instagram?account=${shop.accountId}`, { raw })).status).toBe(403);
    expect((await post("{not json")).status).toBe(400);
    expect((await ticketsFrom(shop.accountId, "instagram")).length).toBe(2);
  });

  it("acknowledges a signed body shaped unlike Meta's (so Meta stops retrying) and stores nothing", async () => {
    const odd = [
      JSON.stringify({ text: { a: 1 } }),
      JSON.stringify({ entry: "nope" }),
      JSON.stringify({ entry: [{ id: instagram.instagramAccountId, messaging: [{ sender: { id: "5566778899" }, message: { mid: unique("mid"), text: { a: 1 } } }] }] }),
      JSON.stringify({ entry: [{ id: instagram.instagramAccountId, messaging: { not: "a list" } }] }),
      JSON.stringify([1, 2, 3]),
    ];
    for (const raw of odd) expect(await post(raw)).toMatchObject({ status: 200, body: { received: 0, duplicates: 0 } });
    expect((await ticketsFrom(shop.accountId, "instagram")).length).toBe(2);
  });
});

describe("channel credentials", () => {
  it("validates Twilio and Instagram credentials and never shows their secrets", async () => {
    const acc = await signup();
    const bad = await call("PUT", "/api/integrations/twilio", { token: acc.token, body: { accountSid: "nope", authToken: "", phoneNumber: "555" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["accountSid", "authToken", "phoneNumber"]);
    const list = await call("GET", "/api/integrations", { token: shop.token });
    const tw = list.body.items.find((i: { kind: string }) => i.kind === "twilio");
    expect(tw.credentials).toMatchObject({ accountSid: twilio.accountSid, authToken: "••••6789" });
    expect(JSON.stringify(list.body)).not.toContain(instagram.appSecret);
  });
});
