import { env, exports } from "cloudflare:workers";
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import type { TicketActor } from "../../durable-objects/ticket.ts";
import { replaceSeams } from "../../src/actors/seams.ts";
import { BUSY_INDEX_INTERVAL_MS, LIVE_INDEX_DELAY_MS } from "../../src/tickets/indexSync.ts";
import { describe, expect, it } from "vitest";
import { BASE, call, chatSay, inbound, signup, startChat } from "../helpers.ts";
import { connect, settle } from "./socketClient.ts";

/** A new conversation with the shopper's socket and one dashboard open, and the ticket's actor. */
async function liveChat() {
  const acc = await signup();
  const conv = await startChat(acc.accountId);
  const stub = env.TICKET.get(env.TICKET.idFromName(`${acc.accountId}:${conv.ticketId}`));
  const dash = await connect(`/api/inbox/ws?token=${acc.token}`);
  await dash.waitFor((f) => f.type === "hello");
  const sock = await connect(`/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}`);
  await sock.waitFor((f) => f.type === "ready");
  return { acc, conv, stub, dash, sock };
}

describe("shopper's conversation socket", () => {
  it("replays the thread, then delivers agent replies live but never internal notes", async () => {
    const acc = await signup();
    const conv = await startChat(acc.accountId);
    await chatSay(conv, "hello from http");
    const sock = await connect(`/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}`);
    await sock.waitFor((f) => f.type === "ready");
    expect(sock.frames.filter((f) => f.type === "message").map((f) => f.message.body)).toEqual(["hello from http"]);
    await call("POST", `/api/tickets/${conv.ticketId}/notes`, { token: acc.token, body: { body: "internal only" } });
    await call("POST", `/api/tickets/${conv.ticketId}/replies`, { token: acc.token, body: { body: "Hi, I'm here" } });
    const reply = await sock.waitFor((f) => f.type === "message" && f.message.author === "agent");
    expect(reply.message.body).toBe("Hi, I'm here");
    const joined = await sock.waitFor((f) => f.type === "agent.joined");
    expect(joined.agent).toEqual({ id: acc.agentId, name: "Olivia Owner" });
    expect(sock.frames.some((f) => f.type === "message" && f.message.internal)).toBe(false);
    sock.ws.close(1000, "bye");
  });

  it("stores a message sent over the socket once, even when resent with the same clientMessageId", async () => {
    const acc = await signup();
    const conv = await startChat(acc.accountId);
    const sock = await connect(`/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}`);
    await sock.waitFor((f) => f.type === "ready");
    sock.send({ type: "message", text: "Is this in stock?", clientMessageId: "c_abcdefgh1" });
    sock.send({ type: "message", text: "Is this in stock?", clientMessageId: "c_abcdefgh1" });
    await sock.waitFor((f) => f.type === "message");
    await settle();
    const ids = new Set(sock.frames.filter((f) => f.type === "message").map((f) => f.message.id));
    expect(ids.size).toBe(1);
    const t = await call("GET", `/api/tickets/${conv.ticketId}`, { token: acc.token });
    expect(t.body.messages).toHaveLength(1);
    sock.send({ type: "message", text: "" , clientMessageId: "c_abcdefgh2" });
    const err = await sock.waitFor((f) => f.type === "error");
    expect(err.code).toBe("validation_failed");
  });

  it("resumes after a dropped socket from the last seen message with no gap and no duplicate", async () => {
    const acc = await signup();
    const conv = await startChat(acc.accountId);
    const first = await connect(`/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}`);
    await first.waitFor((f) => f.type === "ready");
    await chatSay(conv, "one");
    const seen = await first.waitFor((f) => f.type === "message");
    first.ws.close(1001, "network drop");
    // While the shopper is away the agent answers twice.
    await call("POST", `/api/tickets/${conv.ticketId}/replies`, { token: acc.token, body: { body: "two" } });
    await call("POST", `/api/tickets/${conv.ticketId}/replies`, { token: acc.token, body: { body: "three" } });
    const again = await connect(`/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}&after=${seen.message.id}`);
    await again.waitFor((f) => f.type === "ready");
    expect(again.frames.filter((f) => f.type === "message").map((f) => f.message.body)).toEqual(["two", "three"]);
  });

  it("delivers a socket message to the dashboard while D1 is down, and the index catches up from the alarm", async () => {
    const { conv, stub, dash, sock } = await liveChat();
    const broken = { prepare: () => { throw new Error("D1 unavailable"); }, batch: () => Promise.reject(new Error("D1 unavailable")) };
    await runInDurableObject(stub, (_instance: TicketActor, state) => replaceSeams(state.id, { d1: broken as unknown as D1Database }));
    sock.send({ type: "message", text: "Is the index down?", clientMessageId: "c_d1down01" });
    const live = await dash.waitFor((f) => f.type === "message.created" && f.message.body === "Is the index down?");
    expect(live.ticket.id).toBe(conv.ticketId);
    // The index write waits in the actor's schedule; once D1 is back the alarm writes it.
    await runInDurableObject(stub, (_instance: TicketActor, state) => {
      replaceSeams(state.id, { d1: null });
      expect(state.storage.sql.exec<{ key: string }>("SELECT key FROM schedule").toArray().map((r) => r.key)).toContain("index");
    });
    await runDurableObjectAlarm(stub);
    const row = await env.DB.prepare("SELECT preview FROM tickets WHERE id = ?").bind(conv.ticketId).first<{ preview: string }>();
    expect(row?.preview).toBe("Is the index down?");
  });

  it("paces the index of a conversation in full flow: one write per interval however many messages it carries", async () => {
    const { conv, stub, dash, sock } = await liveChat();
    const indexDue = () => runInDurableObject(stub, (_i: TicketActor, state) => state.storage.sql.exec<{ due_at: number }>("SELECT due_at FROM schedule WHERE key = 'index'").toArray()[0]?.due_at ?? null);
    const say = async (text: string, id: string) => {
      sock.send({ type: "message", text, clientMessageId: id });
      await dash.waitFor((f) => f.type === "message.created" && f.message.body === text);
    };
    await say("first in a row", "c_pace0001");
    // A quiet conversation is written one to three seconds later.
    const quiet = await indexDue();
    expect(quiet).not.toBeNull();
    expect(quiet! - Date.now()).toBeLessThanOrEqual(3 * LIVE_INDEX_DELAY_MS);
    const writtenAt = Date.now();
    await runDurableObjectAlarm(stub);
    expect(await indexDue()).toBeNull();
    await say("second in a row", "c_pace0002");
    await say("third in a row", "c_pace0003");
    // Written moments ago: the next write waits for the interval, and carries both messages.
    const busy = await indexDue();
    expect(busy! - writtenAt).toBeGreaterThanOrEqual(BUSY_INDEX_INTERVAL_MS * 0.75 - 50);
    const before = await env.DB.prepare("SELECT preview FROM tickets WHERE id = ?").bind(conv.ticketId).first<{ preview: string }>();
    expect(before?.preview).toBe("first in a row");
    await runDurableObjectAlarm(stub);
    const after = await env.DB.prepare("SELECT preview, message_count AS n FROM tickets WHERE id = ?").bind(conv.ticketId).first<{ preview: string; n: number }>();
    expect(after).toEqual({ preview: "third in a row", n: 3 });
  });

  it("keeps delivering after the actor hibernates", async () => {
    const acc = await signup();
    const conv = await startChat(acc.accountId);
    const sock = await connect(`/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}`);
    await sock.waitFor((f) => f.type === "ready");
    await chatSay(conv, "before sleep");
    await sock.waitFor((f) => f.type === "message");
    const stub = env.TICKET.get(env.TICKET.idFromName(`${acc.accountId}:${conv.ticketId}`));
    await evictDurableObject(stub, { webSockets: "hibernate" });
    await call("POST", `/api/tickets/${conv.ticketId}/replies`, { token: acc.token, body: { body: "after sleep" } });
    const reply = await sock.waitFor((f) => f.type === "message" && f.message.body === "after sleep");
    expect(reply.message.author).toBe("agent");
  });

  it("refuses sockets without the conversation's visitor token", async () => {
    const acc = await signup();
    const a = await startChat(acc.accountId);
    const b = await startChat(acc.accountId);
    const none = await exports.default.fetch(new Request(`${BASE}/api/chat/conversations/${a.conversationId}/ws`, { headers: { Upgrade: "websocket" } }));
    expect(none.status).toBe(401);
    const crossed = await exports.default.fetch(new Request(`${BASE}/api/chat/conversations/${a.conversationId}/ws?visitorToken=${b.visitorToken}`, { headers: { Upgrade: "websocket" } }));
    expect(crossed.status).toBe(404);
    const plain = await call("GET", `/api/chat/conversations/${a.conversationId}/ws?visitorToken=${a.visitorToken}`);
    expect(plain.status).toBe(400);
  });
});

describe("dashboard inbox socket", () => {
  it("pushes new tickets, messages and unread counts, and clears unread when the agent reads", async () => {
    const acc = await signup();
    const dash = await connect(`/api/inbox/ws?token=${acc.token}`);
    const hello = await dash.waitFor((f) => f.type === "hello");
    expect(hello.unread).toEqual({ mine: 0, unassigned: 0, all: 0 });
    const r = await inbound(acc.accountId, { channel: "sms", from: "+15559000001", text: "anyone there?" });
    const created = await dash.waitFor((f) => f.type === "ticket.created");
    expect(created.ticket.id).toBe(r.body.ticketId);
    const msg = await dash.waitFor((f) => f.type === "message.created");
    expect(msg.message.body).toBe("anyone there?");
    const unread = await dash.waitFor((f) => f.type === "unread" && f.unread.unassigned === 1);
    expect(unread.unread).toEqual({ mine: 0, unassigned: 1, all: 1 });
    dash.send({ type: "read", ticketId: r.body.ticketId });
    await dash.waitFor((f) => f.type === "unread" && f.unread.all === 0, "unread cleared");
    const t = await call("GET", `/api/tickets/${r.body.ticketId}`, { token: acc.token });
    expect(t.body.ticket.unread).toBe(false);
  });

  it("relays typing both ways between the dashboard and the shopper", async () => {
    const acc = await signup();
    const conv = await startChat(acc.accountId);
    await chatSay(conv, "hi");
    const dash = await connect(`/api/inbox/ws?token=${acc.token}`);
    await dash.waitFor((f) => f.type === "hello");
    const shopper = await connect(`/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}`);
    await shopper.waitFor((f) => f.type === "ready");
    shopper.send({ type: "typing" });
    const typing = await dash.waitFor((f) => f.type === "typing");
    expect(typing).toMatchObject({ ticketId: conv.ticketId, author: "customer" });
    dash.send({ type: "typing", ticketId: conv.ticketId });
    const agentTyping = await shopper.waitFor((f) => f.type === "typing");
    expect(agentTyping).toMatchObject({ author: "agent", name: "Olivia Owner" });
  });

  it("broadcasts presence changes and only to the agent's own account", async () => {
    const acc = await signup();
    const other = await signup();
    const dash = await connect(`/api/inbox/ws?token=${acc.token}`);
    const foreign = await connect(`/api/inbox/ws?token=${other.token}`);
    await dash.waitFor((f) => f.type === "hello");
    await foreign.waitFor((f) => f.type === "hello");
    await call("PUT", "/api/agents/me/status", { token: acc.token, body: { status: "online" } });
    const status = await dash.waitFor((f) => f.type === "agent.status");
    expect(status).toMatchObject({ agentId: acc.agentId, status: "online" });
    await inbound(acc.accountId, { channel: "sms", from: "+15559000002", text: "private" });
    await dash.waitFor((f) => f.type === "ticket.created");
    await settle();
    expect(foreign.frames.map((f) => f.type)).toEqual(["hello"]);
  });

  it("refuses a dashboard socket without a valid token", async () => {
    const res = await exports.default.fetch(new Request(`${BASE}/api/inbox/ws?token=nope`, { headers: { Upgrade: "websocket" } }));
    expect(res.status).toBe(401);
  });
});
