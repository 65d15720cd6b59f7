import { createExecutionContext, createMessageBatch, getQueueResult, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { replaceSeams } from "../../src/actors/seams.ts";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import worker from "../../src/index.ts";
import { MAX_ATTEMPTS, retryDelaySeconds, webhookTransport, type DeliveryJob } from "../../src/webhooks/deliver.ts";
import type { WebhookEvent } from "../../src/webhooks/events.ts";
import { verifySignature } from "../../src/webhooks/signature.ts";
import { knownUnwanted, subscribersOf } from "../../src/webhooks/subscriptions.ts";
import { addAgent, call, chatSay, inbound, signup, startChat } from "../helpers.ts";

interface Received {
  url: string;
  body: string;
  event: WebhookEvent;
  headers: Headers;
}

/** A fake receiver standing in for the shop's server: answers `status(url)` and keeps every request. */
function receiver(status: (url: string) => number = () => 200) {
  const got: Received[] = [];
  webhookTransport.fetch = async (request) => {
    const body = await request.text();
    got.push({ url: request.url, body, event: JSON.parse(body) as WebhookEvent, headers: request.headers });
    const code = status(request.url);
    return new Response(code === 204 ? null : "ok", { status: code });
  };
  return got;
}

const realFetch = webhookTransport.fetch;
afterEach(() => {
  webhookTransport.fetch = realFetch;
});

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never happened: ${what}`);
}

async function subscribe(token: string, url: string, events: string[]) {
  const res = await call("POST", "/api/webhooks", { token, body: { url, events } });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string; url: string; events: string[] };
}

describe("outbound webhooks", () => {
  it("subscribes a URL and shows its secret once", async () => {
    const acc = await signup();
    const sub = await subscribe(acc.token, "https://hooks.example.com/edgedesk", ["ticket.created", "message.created"]);
    expect(sub.secret).toMatch(/^whsec_/);
    const list = await call("GET", "/api/webhooks", { token: acc.token });
    expect(list.body.items).toEqual([expect.objectContaining({ id: sub.id, url: "https://hooks.example.com/edgedesk", events: ["ticket.created", "message.created"], createdBy: acc.agentId })]);
    expect(JSON.stringify(list.body)).not.toContain(sub.secret);
    const row = await env.DB.prepare("SELECT secret FROM webhook_subscriptions WHERE id = ?").bind(sub.id).first<{ secret: string }>();
    expect(row!.secret).not.toContain(sub.secret);
  });

  it("refuses URLs it must not call, unknown events, and people who are not owners or admins", async () => {
    const acc = await signup();
    for (const url of ["ftp://example.com/x", "not a url", "http://hooks.example.com/x", "https://10.0.0.8/x", "https://192.168.1.1/x", "https://user:pw@example.com/x", "https://[fd00::1]/x", "https://169.254.169.254/latest"]) {
      const res = await call("POST", "/api/webhooks", { token: acc.token, body: { url, events: ["ticket.created"] } });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    expect((await call("POST", "/api/webhooks", { token: acc.token, body: { url: "https://example.com", events: ["ticket.exploded"] } })).status).toBe(400);
    expect((await call("POST", "/api/webhooks", { token: acc.token, body: { url: "https://example.com", events: [] } })).status).toBe(400);
    const manager = await addAgent(acc, "manager");
    expect((await call("POST", "/api/webhooks", { token: manager.token, body: { url: "https://example.com", events: ["handoff"] } })).status).toBe(403);
    expect((await call("GET", "/api/webhooks", { token: manager.token })).status).toBe(403);
    expect((await call("GET", "/api/webhooks")).status).toBe(401);
    expect((await call("GET", "/api/webhooks")).status).toBe(401);
  });

  it("delivers a chat's ticket and message events, signed, from the queue, and logs each delivery", async () => {
    const got = receiver();
    const acc = await signup();
    const sub = await subscribe(acc.token, "http://127.0.0.1:9/hooks", ["ticket.created", "message.created", "ticket.closed"]);
    const other = await subscribe(acc.token, "http://localhost:9/only-closed", ["ticket.closed"]);
    const conv = await startChat(acc.accountId);
    await chatSay(conv, "Do you ship to Norway?");
    await call("PATCH", `/api/tickets/${conv.ticketId}`, { token: acc.token, body: { status: "closed" } });

    const mine = (type: string, url = sub.url) => got.filter((r) => r.url === url && r.event.type === type && r.event.data.ticket?.id === conv.ticketId);
    const message = await until("message.created reached the receiver", () => mine("message.created")[0]);
    await until("ticket.closed reached both receivers", () => (mine("ticket.closed").length > 0 && mine("ticket.closed", other.url).length > 0 ? true : undefined));
    expect(message.event).toMatchObject({ id: expect.stringMatching(/^evt_/), accountId: acc.accountId, data: { message: { body: "Do you ship to Norway?", author: "customer" } } });
    expect(message.headers.get("Edgedesk-Event-Id")).toBe(message.event.id);
    expect(message.headers.get("Content-Type")).toBe("application/json");
    expect(await verifySignature(sub.secret, message.headers.get("Edgedesk-Signature"), message.body, Date.now())).toBe(true);
    expect(await verifySignature(other.secret, message.headers.get("Edgedesk-Signature"), message.body, Date.now())).toBe(false);
    expect(await verifySignature(sub.secret, message.headers.get("Edgedesk-Signature"), message.body.replace("Norway", "Sweden"), Date.now())).toBe(false);
    // The second subscription asked for ticket.closed only.
    expect(got.filter((r) => r.url === other.url).every((r) => r.event.type === "ticket.closed")).toBe(true);

    const log = await until("the delivery log shows the message", async () => {
      const res = await call("GET", `/api/webhooks/${sub.id}/deliveries`, { token: acc.token });
      return res.body.items.some((d: { eventId: string }) => d.eventId === message.event.id) ? res.body.items : undefined;
    });
    expect(log.find((d: { eventId: string }) => d.eventId === message.event.id)).toMatchObject({ eventType: "message.created", attempt: 1, status: 200, ok: true, error: null });
  });

  it("tells a receiver when the AI agent hands a conversation to the team", async () => {
    const got = receiver();
    const acc = await signup();
    await call("PUT", "/api/settings/agent", { token: acc.token, body: { enabled: true } });
    await subscribe(acc.token, "http://127.0.0.1:9/handoff", ["handoff"]);
    const conv = await startChat(acc.accountId);
    await chatSay(conv, "I want to talk to a real person");
    const res = await call("POST", `/api/chat/conversations/${conv.conversationId}/handoff`, { body: { email: "pat@example.com" }, headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(res.status).toBe(200);
    const handoff = await until("handoff reached the receiver", () => got.find((r) => r.event.type === "handoff" && r.event.data.ticket?.id === conv.ticketId));
    expect(handoff.event.data.ticket).toMatchObject({ handledBy: "team" });
  });

  it("retries a failed delivery from the queue with backoff, keeping the event id, and stops after the last attempt", async () => {
    const got = receiver(() => 503);
    const acc = await signup();
    const sub = await subscribe(acc.token, "http://127.0.0.1:9/flaky", ["ticket.updated"]);
    const event: WebhookEvent = { id: "evt_fixed", type: "ticket.updated", createdAt: new Date().toISOString(), accountId: acc.accountId, data: {} };
    const job: DeliveryJob = { accountId: acc.accountId, subscriptionId: sub.id, event };
    const run = async (attempts: number) => {
      const batch = createMessageBatch<DeliveryJob>("edgedesk-webhooks", [{ id: `m${attempts}`, timestamp: Date.now(), attempts, body: job }]);
      const ctx = createExecutionContext();
      await worker.queue(batch as MessageBatch, env);
      return getQueueResult(batch, ctx);
    };
    const first = await run(1);
    expect(first.retryMessages.map((m) => m.msgId)).toEqual(["m1"]);
    const third = await run(3);
    expect(third.retryMessages.map((m) => m.msgId)).toEqual(["m3"]);
    // The waits grow: 10 s, 30 s, 2 min, … capped by Queues' 12 h.
    expect([1, 2, 3, 7].map(retryDelaySeconds)).toEqual([10, 30, 120, 10_800]);
    const last = await run(MAX_ATTEMPTS);
    expect(last.retryMessages).toEqual([]);
    expect(last.explicitAcks).toEqual([`m${MAX_ATTEMPTS}`]);
    expect(got.map((r) => [r.event.id, r.headers.get("Edgedesk-Delivery-Attempt")])).toEqual([
      ["evt_fixed", "1"],
      ["evt_fixed", "3"],
      ["evt_fixed", String(MAX_ATTEMPTS)],
    ]);
    const log = (await call("GET", `/api/webhooks/${sub.id}/deliveries`, { token: acc.token })).body.items;
    expect(log.map((d: { attempt: number; status: number; ok: boolean; error: string }) => [d.attempt, d.status, d.ok, d.error])).toEqual([
      [MAX_ATTEMPTS, 503, false, "HTTP 503"],
      [3, 503, false, "HTTP 503"],
      [1, 503, false, "HTTP 503"],
    ]);

    // Once the subscription is deleted, a queued retry is dropped without a request.
    expect((await call("DELETE", `/api/webhooks/${sub.id}`, { token: acc.token })).status).toBe(204);
    const dropped = await run(2);
    expect(dropped.explicitAcks).toEqual(["m2"]);
    expect(got).toHaveLength(3);
    expect((await call("GET", `/api/webhooks/${sub.id}/deliveries`, { token: acc.token })).status).toBe(404);
  });

  it("sends a signed test event on request and logs it, with an audit trail of the subscription", async () => {
    const got = receiver((url) => (url.endsWith("/down") ? 500 : 204));
    const acc = await signup();
    const sub = await subscribe(acc.token, "http://127.0.0.1:9/test", ["ticket.created"]);
    const res = await call("POST", `/api/webhooks/${sub.id}/test`, { token: acc.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ eventType: "webhook.test", attempt: 1, status: 204, ok: true });
    expect(got[0]!.event).toMatchObject({ type: "webhook.test", data: { webhook: { id: sub.id } } });
    expect(await verifySignature(sub.secret, got[0]!.headers.get("Edgedesk-Signature"), got[0]!.body, Date.now())).toBe(true);
    const down = await subscribe(acc.token, "http://127.0.0.1:9/down", ["ticket.created"]);
    expect((await call("POST", `/api/webhooks/${down.id}/test`, { token: acc.token })).body).toMatchObject({ status: 500, ok: false, error: "HTTP 500" });
    const log = await call("GET", `/api/webhooks/${sub.id}/deliveries`, { token: acc.token });
    expect(log.body.items).toEqual([expect.objectContaining({ eventType: "webhook.test", ok: true })]);
    expect((await call("DELETE", `/api/webhooks/${sub.id}`, { token: acc.token })).status).toBe(204);
    expect((await call("DELETE", `/api/webhooks/${sub.id}`, { token: acc.token })).status).toBe(404);
    const audit = await call("GET", "/api/audit?action=webhook.*", { token: acc.token });
    expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual(["webhook.deleted", "webhook.test_sent", "webhook.created", "webhook.test_sent", "webhook.created"]);
  });

  it("keeps a commit's events in the ticket actor while the queue is down and hands them over from the alarm", async () => {
    const got = receiver();
    const acc = await signup();
    await subscribe(acc.token, "http://127.0.0.1:9/durable", ["ticket.updated"]);
    const ticketId = (await inbound(acc.accountId, { channel: "sms", from: "+15558000001", text: "hello" })).body.ticketId;
    const stub = env.TICKET.get(env.TICKET.idFromName(`${acc.accountId}:${ticketId}`));
    const down = { send: () => Promise.reject(new Error("queue down")), sendBatch: () => Promise.reject(new Error("queue down")) } as unknown as Queue;
    await runInDurableObject(stub, (_instance, state) => replaceSeams(state.id, { webhookQueue: down }));

    expect((await call("PATCH", `/api/tickets/${ticketId}`, { token: acc.token, body: { tags: ["kept"] } })).status).toBe(200);
    const pending = () => runInDurableObject(stub, (_instance, state) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM webhook_outbox").one().n);
    expect(await pending()).toBe(1);

    // The queue is back; later, the alarm runs the job (the clock moved past its retry time).
    await runInDurableObject(stub, (_instance, state) => replaceSeams(state.id, { webhookQueue: null, clock: { now: () => Date.now() + 3_600_000 } }));
    await runDurableObjectAlarm(stub);
    expect(await pending()).toBe(0);
    const event = await until("the kept event reached the receiver", () => got.find((r) => r.event.type === "ticket.updated" && r.event.data.ticket?.id === ticketId));
    expect(event.event.data.ticket?.tags).toEqual(["kept"]);
    await runInDurableObject(stub, (_instance, state) => replaceSeams(state.id, { clock: { now: () => Date.now() } }));
  });

  it("knows from memory that nobody listens, refreshes that in the background, and forgets it on a new subscription", async () => {
    const acc = await signup();
    const t0 = Date.now();
    expect(knownUnwanted(env, acc.accountId, ["ticket.created"], t0)).toBe(false);
    expect(await subscribersOf(env, acc.accountId, t0)).toEqual([]);
    expect(knownUnwanted(env, acc.accountId, ["ticket.created"], t0 + 1_000)).toBe(true);
    // Older than 5 s: still answers (a refresh starts), but never from an answer over 10 s old.
    expect(knownUnwanted(env, acc.accountId, ["ticket.created"], t0 + 6_000)).toBe(true);
    const other = await signup();
    await subscribersOf(env, other.accountId, t0);
    expect(knownUnwanted(env, other.accountId, ["ticket.created"], t0 + 10_001)).toBe(false);

    await subscribe(acc.token, "https://hooks.example.com/new", ["ticket.created"]);
    expect(knownUnwanted(env, acc.accountId, ["ticket.created"], t0 + 6_001)).toBe(false);
    expect((await subscribersOf(env, acc.accountId)).map((s) => s.events)).toEqual([["ticket.created"]]);
    expect(knownUnwanted(env, acc.accountId, ["ticket.created"])).toBe(false);
    expect(knownUnwanted(env, acc.accountId, ["handoff"])).toBe(true);
  });

  it("tells a receiver when the customer rates the conversation", async () => {
    const got = receiver();
    const acc = await signup();
    await call("PUT", "/api/settings/csat", { token: acc.token, body: { enabled: true } });
    await subscribe(acc.token, "http://127.0.0.1:9/csat", ["csat.created"]);
    const conv = await startChat(acc.accountId, { email: "robin@example.com", name: "Robin" });
    await chatSay(conv, "Where is my parcel?");
    await call("POST", `/api/tickets/${conv.ticketId}/replies`, { token: acc.token, body: { body: "It ships today." } });
    await call("PATCH", `/api/tickets/${conv.ticketId}`, { token: acc.token, body: { status: "closed" } });
    const rated = await call("POST", `/api/chat/conversations/${conv.conversationId}/csat`, { body: { score: 4, comment: "kind" }, headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(rated.status).toBe(201);
    const event = await until("csat.created reached the receiver", () => got.find((r) => r.event.type === "csat.created" && r.event.data.ticket?.id === conv.ticketId));
    expect(event.event.data).toMatchObject({ csat: { score: 4, comment: "kind" } });
    expect(got.filter((r) => r.url.endsWith("/csat")).every((r) => r.event.type === "csat.created")).toBe(true);
  });
});
