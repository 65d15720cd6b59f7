import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, inbound, signup, unique } from "../helpers.ts";

async function close(token: string, ticketId: string) {
  const r = await call("PATCH", `/api/tickets/${ticketId}`, { token, body: { status: "closed" } });
  expect(r.status).toBe(200);
}

describe("inbound channels through the development door", () => {
  it("appends later SMS messages to the person's one ticket and reopens it when closed", async () => {
    const acc = await signup();
    const first = await inbound(acc.accountId, { channel: "sms", from: "+15550002222", text: "hi" });
    const second = await inbound(acc.accountId, { channel: "sms", from: "+1 555 000 2222", text: "are you there?" });
    expect(second.body).toMatchObject({ ticketId: first.body.ticketId, created: false, reopened: false });
    await close(acc.token, first.body.ticketId);
    const third = await inbound(acc.accountId, { channel: "sms", from: "+15550002222", text: "one more thing" });
    expect(third.body).toMatchObject({ ticketId: first.body.ticketId, created: false, reopened: true });
    const t = await call("GET", `/api/tickets/${first.body.ticketId}`, { token: acc.token });
    expect(t.body.ticket.status).toBe("open");
    expect(t.body.messages.map((m: { body: string }) => m.body)).toEqual(["hi", "are you there?", "one more thing"]);
  });

  it("treats WhatsApp like SMS: one ticket per person, reopened by a new message", async () => {
    const acc = await signup();
    const first = await inbound(acc.accountId, { channel: "whatsapp", from: "whatsapp:+447700900111", text: "hello" });
    await close(acc.token, first.body.ticketId);
    const again = await inbound(acc.accountId, { channel: "whatsapp", from: "whatsapp:+447700900111", text: "me again" });
    expect(again.body).toMatchObject({ ticketId: first.body.ticketId, reopened: true, created: false });
  });

  it("starts a new ticket for every email thread and reopens a closed thread's ticket however old", async () => {
    const acc = await signup();
    const a = await inbound(acc.accountId, { channel: "email", from: "jo@example.com", text: "first thread", threadId: "<a@mail>" });
    const b = await inbound(acc.accountId, { channel: "email", from: "jo@example.com", text: "second thread", threadId: "<b@mail>" });
    expect(b.body.ticketId).not.toBe(a.body.ticketId);
    expect(b.body.created).toBe(true);
    await close(acc.token, a.body.ticketId);
    const reply = await inbound(acc.accountId, { channel: "email", from: "jo@example.com", text: "back on thread a", threadId: "<a@mail>" });
    expect(reply.body).toMatchObject({ ticketId: a.body.ticketId, reopened: true, created: false });
  });

  it("threads a raw RFC 822 email by its References header", async () => {
    const acc = await signup();
    const root = ["From: Jo Buyer <jo@example.com>", "To: support@shop.test", "Subject: Damaged parcel", "Message-ID: <root-1@example.com>", "", "The box arrived crushed."].join("\r\n");
    const first = await inbound(acc.accountId, { channel: "email", from: "ignored@example.com", text: "", raw: root });
    expect(first.status).toBe(200);
    const replyRaw = [
      "From: Jo Buyer <jo@example.com>",
      "Subject: Re: Damaged parcel",
      "Message-ID: <reply-2@example.com>",
      "In-Reply-To: <agent-1@shop.test>",
      "References: <root-1@example.com> <agent-1@shop.test>",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Photos attached.",
      "",
      "On Mon, Nov 23, 2026 at 10:00 AM Support wrote:",
      "> Sorry to hear that!",
    ].join("\r\n");
    const second = await inbound(acc.accountId, { channel: "email", from: "ignored@example.com", text: "", raw: replyRaw });
    expect(second.body.ticketId).toBe(first.body.ticketId);
    const t = await call("GET", `/api/tickets/${first.body.ticketId}`, { token: acc.token });
    expect(t.body.ticket.customer).toMatchObject({ email: "jo@example.com", name: "Jo Buyer" });
    expect(t.body.ticket.subject).toBe("Damaged parcel");
    expect(t.body.messages.map((m: { body: string }) => m.body)).toEqual(["The box arrived crushed.", "Photos attached."]);
  });

  it("appends Instagram DMs until the ticket is closed, then starts a new ticket", async () => {
    const acc = await signup();
    const first = await inbound(acc.accountId, { channel: "instagram", from: "1784100001", text: "story reply: love it" });
    const second = await inbound(acc.accountId, { channel: "instagram", from: "1784100001", text: "is it in green?" });
    expect(second.body.ticketId).toBe(first.body.ticketId);
    await close(acc.token, first.body.ticketId);
    const third = await inbound(acc.accountId, { channel: "instagram", from: "1784100001", text: "new question" });
    expect(third.body.ticketId).not.toBe(first.body.ticketId);
    expect(third.body).toMatchObject({ created: true, reopened: false });
    const old = await call("GET", `/api/tickets/${first.body.ticketId}`, { token: acc.token });
    expect(old.body.ticket.status).toBe("closed");
    expect(old.body.messages).toHaveLength(2);
  });

  it("processes each provider message id exactly once, even when retried concurrently", async () => {
    const acc = await signup();
    const providerMessageId = unique("SM");
    const sends = await Promise.all(
      Array.from({ length: 5 }, () => inbound(acc.accountId, { channel: "sms", from: "+15550003333", text: "only once please", providerMessageId })),
    );
    const ids = new Set(sends.map((s) => s.body.ticketId));
    expect(ids.size).toBe(1);
    expect(new Set(sends.map((s) => s.body.messageId)).size).toBe(1);
    const again = await inbound(acc.accountId, { channel: "sms", from: "+15550003333", text: "only once please", providerMessageId });
    expect(again.body).toMatchObject({ ticketId: sends[0]?.body.ticketId, created: false, duplicate: true });
    const t = await call("GET", `/api/tickets/${again.body.ticketId}`, { token: acc.token });
    expect(t.body.messages).toHaveLength(1);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM tickets WHERE account_id = ?").bind(acc.accountId).first<{ n: number }>();
    expect(rows?.n).toBe(1);
  });

  it("keeps one ticket per SMS sender when different messages race", async () => {
    const acc = await signup();
    const sends = await Promise.all(Array.from({ length: 6 }, (_, i) => inbound(acc.accountId, { channel: "sms", from: "+15550004444", text: `burst ${i}` })));
    expect(new Set(sends.map((s) => s.body.ticketId)).size).toBe(1);
    const t = await call("GET", `/api/tickets/${sends[0]?.body.ticketId}`, { token: acc.token });
    expect(t.body.messages).toHaveLength(6);
    expect(t.body.ticket.messageCount).toBe(6);
  });

  it("rejects bad inbound input with a clear 4xx and changes nothing", async () => {
    const acc = await signup();
    const bad = await call("POST", "/api/dev/inbound", { body: { accountId: acc.accountId, channel: "fax", from: "x", text: "hi", providerMessageId: "1" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_failed");
    expect(bad.body.error.issues[0].path).toBe("channel");
    const empty = await call("POST", "/api/dev/inbound", { body: { accountId: acc.accountId, channel: "sms", from: "+1555", text: "   ", providerMessageId: "2" } });
    expect(empty.status).toBe(400);
    const unknown = await call("POST", "/api/dev/inbound", { body: { accountId: "acc_nope", channel: "sms", from: "+1555", text: "hi", providerMessageId: "3" } });
    expect(unknown.status).toBe(404);
    const huge = await inbound(acc.accountId, { channel: "sms", from: "+15550005555", text: "x".repeat(10 * 1024 + 1) });
    expect(huge.status).toBe(413);
    expect((huge.body as unknown as { error: { code: string } }).error.code).toBe("payload_too_large");
    const malformed = await call("POST", "/api/dev/inbound", { raw: "{not json" });
    expect(malformed.status).toBe(400);
    const list = await call("GET", "/api/tickets?view=all", { token: acc.token });
    expect(list.body.items).toHaveLength(0);
  });

  it("treats SMS and WhatsApp opt-out and opt-in keywords as consent actions, not tickets", async () => {
    const acc = await signup();
    const stop = await inbound(acc.accountId, { channel: "sms", from: "+15550006666", text: "STOP" });
    expect(stop.body).toMatchObject({ ticketId: null, consent: "opt_out", created: false });
    let row = await env.DB.prepare("SELECT sms_consent FROM profiles WHERE account_id = ? AND phone = ?").bind(acc.accountId, "+15550006666").first<{ sms_consent: string }>();
    expect(row?.sms_consent).toBe("opted_out");
    const start = await inbound(acc.accountId, { channel: "whatsapp", from: "whatsapp:+15550006666", text: "start" });
    expect(start.body.consent).toBe("opt_in");
    // Consent is kept per channel: START on WhatsApp opts in to WhatsApp and leaves the SMS opt-out alone.
    const both = await env.DB.prepare("SELECT sms_consent, whatsapp_consent FROM profiles WHERE account_id = ? AND phone = ?").bind(acc.accountId, "+15550006666").first();
    expect(both).toEqual({ sms_consent: "opted_out", whatsapp_consent: "opted_in" });
    expect((await call("GET", "/api/tickets?view=all", { token: acc.token })).body.items).toHaveLength(0);
    // "stop" inside a sentence is a conversation.
    const sentence = await inbound(acc.accountId, { channel: "sms", from: "+15550006666", text: "please stop my order from shipping" });
    expect(sentence.body.created).toBe(true);
  });

  it("sends spam to the Spam view, where an agent can mark it not spam", async () => {
    const acc = await signup();
    const spam = await inbound(acc.accountId, { channel: "email", from: "seo@growth.xyz", text: "Boost your SEO ranking! Guaranteed first page on Google. Buy backlinks now http://cheap-links.xyz http://seo.top", threadId: "<s@x>" });
    expect(spam.body.spam).toBe(true);
    const legit = await inbound(acc.accountId, { channel: "email", from: "kim@example.com", text: "Hi, my order #1042 arrived damaged, can you help?", threadId: "<l@x>" });
    expect(legit.body.spam).toBe(false);
    const spamView = await call("GET", "/api/tickets?view=spam", { token: acc.token });
    expect(spamView.body.items.map((t: { id: string }) => t.id)).toEqual([spam.body.ticketId]);
    const unassigned = await call("GET", "/api/tickets?view=unassigned", { token: acc.token });
    expect(unassigned.body.items.map((t: { id: string }) => t.id)).toEqual([legit.body.ticketId]);
    await call("PATCH", `/api/tickets/${spam.body.ticketId}`, { token: acc.token, body: { spam: false } });
    expect((await call("GET", "/api/tickets?view=spam", { token: acc.token })).body.items).toHaveLength(0);
  });
});
