import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { identityHash as signIdentity } from "../../src/chat/identity.ts";
import { call, chatSay, signup, startChat } from "../helpers.ts";

describe("web chat over HTTP", () => {
  it("lands a shopper's message as an open, unassigned web-chat ticket", async () => {
    const acc = await signup();
    const conv = await startChat(acc.accountId, { email: "shopper@example.com", name: "Sky Shopper" });
    expect(conv.ticketId).toBe(conv.conversationId);
    // An empty conversation is not a ticket for the team yet.
    expect((await call("GET", "/api/tickets?view=unassigned", { token: acc.token })).body.items).toHaveLength(0);
    const sent = await chatSay(conv, "Do you have this in blue?");
    expect(sent.status).toBe(201);
    expect(sent.body.replies).toEqual([]);
    const list = await call("GET", "/api/tickets?view=unassigned", { token: acc.token });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: conv.ticketId, channel: "webchat", status: "open", assigneeId: null, customer: { email: "shopper@example.com", name: "Sky Shopper" } });
  });

  it("starts a new ticket for every conversation, even from the same person", async () => {
    const acc = await signup();
    const a = await startChat(acc.accountId, { email: "same@example.com" });
    const b = await startChat(acc.accountId, { email: "same@example.com" });
    await chatSay(a, "one");
    await chatSay(b, "two");
    expect(a.ticketId).not.toBe(b.ticketId);
    const list = await call("GET", "/api/tickets?view=all&channel=webchat", { token: acc.token });
    expect(list.body.items).toHaveLength(2);
    expect(new Set(list.body.items.map((t: { customer: { profileId: string } }) => t.customer.profileId)).size).toBe(1);
  });

  it("shows the visitor the thread without internal notes", async () => {
    const acc = await signup();
    const conv = await startChat(acc.accountId);
    await chatSay(conv, "hello");
    await call("POST", `/api/tickets/${conv.ticketId}/notes`, { token: acc.token, body: { body: "secret note" } });
    await call("POST", `/api/tickets/${conv.ticketId}/replies`, { token: acc.token, body: { body: "Hi there!" } });
    const thread = await call("GET", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(thread.status).toBe(200);
    expect(thread.body.items.map((m: { body: string }) => m.body)).toEqual(["hello", "Hi there!"]);
    const resumed = await call("GET", `/api/chat/conversations/${conv.conversationId}/messages?after=${thread.body.items[0].id}`, { headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(resumed.body.items.map((m: { body: string }) => m.body)).toEqual(["Hi there!"]);
  });

  it("stores a retried send with the same clientMessageId once", async () => {
    const acc = await signup();
    const conv = await startChat(acc.accountId);
    const send = () => call("POST", `/api/chat/conversations/${conv.conversationId}/messages`, { body: { text: "once", clientMessageId: "client-msg-0001" }, headers: { "X-Visitor-Token": conv.visitorToken } });
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.body.message.id).toBe(b.body.message.id);
    const thread = await call("GET", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(thread.body.items).toHaveLength(1);
  });

  it("needs the conversation's own visitor token", async () => {
    const acc = await signup();
    const a = await startChat(acc.accountId);
    const b = await startChat(acc.accountId);
    expect((await call("POST", `/api/chat/conversations/${a.conversationId}/messages`, { body: { text: "hi" } })).status).toBe(401);
    const crossed = await call("POST", `/api/chat/conversations/${a.conversationId}/messages`, { body: { text: "hi" }, headers: { "X-Visitor-Token": b.visitorToken } });
    expect(crossed.status).toBe(404);
    const forged = await call("POST", `/api/chat/conversations/${a.conversationId}/messages`, { body: { text: "hi" }, headers: { "X-Visitor-Token": `${a.visitorToken}x` } });
    expect(forged.status).toBe(401);
  });

  it("never reopens a closed web-chat conversation", async () => {
    const acc = await signup();
    const conv = await startChat(acc.accountId);
    await chatSay(conv, "hi");
    await call("PATCH", `/api/tickets/${conv.ticketId}`, { token: acc.token, body: { status: "closed" } });
    const late = await chatSay(conv, "still there?");
    expect(late.status).toBe(409);
    expect((late.body as unknown as { error: { code: string } }).error.code).toBe("conflict");
    const t = await call("GET", `/api/tickets/${conv.ticketId}`, { token: acc.token });
    expect(t.body.ticket.status).toBe("closed");
    expect(t.body.messages).toHaveLength(1);
  });

  it("treats a visitor with a valid identityHash as logged in and refuses a wrong one", async () => {
    const acc = await signup();
    const row = await env.DB.prepare("SELECT identity_secret FROM accounts WHERE id = ?").bind(acc.accountId).first<{ identity_secret: string }>();
    const identityHash = await signIdentity(row?.identity_secret ?? "", "customer-42", "c42@example.com");
    const ok = await call("POST", "/api/chat/conversations", { body: { accountId: acc.accountId, visitor: { externalId: "customer-42", identityHash, email: "c42@example.com" } } });
    expect(ok.status).toBe(201);
    expect(ok.body.verified).toBe(true);
    // The hash signs the email too: the same hash with another email is refused.
    const otherEmail = await call("POST", "/api/chat/conversations", { body: { accountId: acc.accountId, visitor: { externalId: "customer-42", identityHash, email: "someone@example.com" } } });
    expect(otherEmail.status).toBe(401);
    const bad = await call("POST", "/api/chat/conversations", { body: { accountId: acc.accountId, visitor: { externalId: "customer-42", identityHash: "0".repeat(64) } } });
    expect(bad.status).toBe(401);
    const anon = await call("POST", "/api/chat/conversations", { body: { accountId: acc.accountId, visitor: { externalId: "customer-42" } } });
    expect(anon.body.verified).toBe(false);
  });

  it("rejects bad chat input clearly", async () => {
    const acc = await signup();
    expect((await call("POST", "/api/chat/conversations", { body: { accountId: "acc_missing" } })).status).toBe(404);
    expect((await call("POST", "/api/chat/conversations", { body: { accountId: acc.accountId, visitor: { email: "nope" } } })).status).toBe(400);
    const conv = await startChat(acc.accountId);
    expect((await chatSay(conv, "")).status).toBe(400);
    expect((await chatSay(conv, "x".repeat(10 * 1024 + 1))).status).toBe(413);
  });

  it("answers CORS preflights from a shop's own origin", async () => {
    const res = await call("OPTIONS", "/api/chat/conversations", { headers: { Origin: "https://shop.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,x-visitor-token" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("https://shop.example");
    expect(res.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("x-visitor-token");
  });
});
