import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addAgent, call, inbound, signup } from "../helpers.ts";

async function smsTicket(accountId: string, from: string, text = "hello") {
  const r = await inbound(accountId, { channel: "sms", from, text });
  return r.body.ticketId;
}

describe("ticket views and filters", () => {
  it("serves mine, unassigned, all and spam from the index, defaulting to open tickets", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    const a = await smsTicket(acc.accountId, "+15551000001");
    const b = await smsTicket(acc.accountId, "+15551000002");
    const c = await smsTicket(acc.accountId, "+15551000003");
    const d = await smsTicket(acc.accountId, "+15551000004");
    await call("PATCH", `/api/tickets/${a}`, { token: acc.token, body: { assigneeId: sam.agentId } });
    await call("PATCH", `/api/tickets/${b}`, { token: acc.token, body: { status: "closed" } });
    await call("PATCH", `/api/tickets/${c}`, { token: acc.token, body: { spam: true } });
    const ids = async (q: string, token = acc.token) => (await call("GET", `/api/tickets?${q}`, { token })).body.items.map((t: { id: string }) => t.id).sort();
    expect(await ids("view=mine", sam.token)).toEqual([a]);
    expect(await ids("view=mine")).toEqual([]);
    expect(await ids("view=unassigned")).toEqual([d].sort());
    expect(await ids("view=all")).toEqual([a, b, d].sort());
    expect(await ids("view=all&status=closed")).toEqual([b]);
    expect(await ids("view=spam")).toEqual([c]);
    await call("PATCH", `/api/tickets/${c}`, { token: acc.token, body: { spam: false } });
    expect(await ids("view=unassigned")).toEqual([c, d].sort());
  });

  it("filters by channel, tag, assignee, team, text and creation date", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    const sms = await smsTicket(acc.accountId, "+15552000001", "wrong size boots");
    const mail = (await inbound(acc.accountId, { channel: "email", from: "Pat Lee <pat@example.com>", text: "refund please", threadId: "<t1@x>" })).body.ticketId;
    await call("PATCH", `/api/tickets/${sms}`, { token: acc.token, body: { tags: ["Returns", "boots"], assigneeId: sam.agentId } });
    const ids = async (q: string) => (await call("GET", `/api/tickets?view=all&${q}`, { token: acc.token })).body.items.map((t: { id: string }) => t.id);
    expect(await ids("channel=email")).toEqual([mail]);
    expect(await ids("tag=returns")).toEqual([sms]);
    expect(await ids(`assigneeId=${sam.agentId}`)).toEqual([sms]);
    expect(await ids("assigneeId=none")).toEqual([mail]);
    expect(await ids("q=pat%40example")).toEqual([mail]);
    expect(await ids("q=boots")).toEqual([sms]);
    const t = await call("GET", `/api/tickets/${mail}`, { token: acc.token });
    expect(await ids(`q=%23${t.body.ticket.number}`)).toEqual([mail]);
    expect(await ids(`createdFrom=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect((await ids(`createdFrom=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`)).length).toBe(2);
    const bad = await call("GET", "/api/tickets?view=everything&limit=500", { token: acc.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["limit", "view"]);
  });

  it("pages through more than 200 tickets with cursors, each exactly once", async () => {
    const acc = await signup();
    const created = new Set<string>();
    for (let batch = 0; batch < 11; batch++) {
      const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => smsTicket(acc.accountId, `+1555300${String(batch * 20 + i).padStart(4, "0")}`)));
      ids.forEach((id) => created.add(id));
    }
    expect(created.size).toBe(220);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await call("GET", `/api/tickets?view=all&limit=30${cursor ? `&cursor=${cursor}` : ""}`, { token: acc.token });
      seen.push(...res.body.items.map((t) => t.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(8);
    expect(seen).toHaveLength(220);
    expect(new Set(seen)).toEqual(created);
    const max = await call("GET", "/api/tickets?view=all&limit=200", { token: acc.token });
    expect(max.body.items).toHaveLength(200);
    expect(max.body.nextCursor).not.toBeNull();
    const badCursor = await call("GET", "/api/tickets?view=all&cursor=garbage", { token: acc.token });
    expect(badCursor.status).toBe(400);
    // 220 tickets made through the inbound door: ~30 s on a busy 2-core machine, where 30 s is the default limit.
  }, 90_000);
});

describe("working a ticket", () => {
  it("shows the latest 50 messages oldest first and pages older ones on demand", async () => {
    const acc = await signup();
    const ticketId = await smsTicket(acc.accountId, "+15554000001", "message 0");
    for (let i = 1; i < 120; i++) await inbound(acc.accountId, { channel: "sms", from: "+15554000001", text: `message ${i}` });
    const first = await call("GET", `/api/tickets/${ticketId}`, { token: acc.token });
    expect(first.body.messages).toHaveLength(50);
    expect(first.body.messages[0].body).toBe("message 70");
    expect(first.body.messages[49].body).toBe("message 119");
    expect(first.body.hasOlder).toBe(true);
    const older = await call("GET", `/api/tickets/${ticketId}/messages?before=${first.body.messages[0].id}&limit=50`, { token: acc.token });
    expect(older.body.items[0].body).toBe("message 20");
    expect(older.body.items[49].body).toBe("message 69");
    const oldest = await call("GET", `/api/tickets/${ticketId}/messages?before=${older.body.nextCursor ? older.body.items[0].id : ""}&limit=50`, { token: acc.token });
    expect(oldest.body.items.map((m: { body: string }) => m.body)).toEqual(Array.from({ length: 20 }, (_, i) => `message ${i}`));
    expect(oldest.body.nextCursor).toBeNull();
  });

  it("records replies for delivery, stamps the first response and keeps notes internal", async () => {
    const acc = await signup();
    const ticketId = await smsTicket(acc.accountId, "+15554000002", "need help");
    const reply = await call("POST", `/api/tickets/${ticketId}/replies`, { token: acc.token, body: { body: "Happy to help!" } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ author: "agent", agentId: acc.agentId, internal: false, channel: "sms", body: "Happy to help!" });
    const note = await call("POST", `/api/tickets/${ticketId}/notes`, { token: acc.token, body: { body: "VIP customer" } });
    expect(note.body).toMatchObject({ internal: true, author: "agent" });
    const t = await call("GET", `/api/tickets/${ticketId}`, { token: acc.token });
    expect(t.body.ticket.firstResponseAt).toBe(reply.body.createdAt);
    expect(t.body.messages.map((m: { internal: boolean }) => m.internal)).toEqual([false, false, true]);
    // Recorded for delivery (whether it goes out is the delivery tests' subject: this account has no Twilio).
    const outbox = await env.DB.prepare("SELECT channel, recipient, body FROM outbox WHERE ticket_id = ?").bind(ticketId).all();
    expect(outbox.results).toEqual([{ channel: "sms", recipient: "+15554000002", body: "Happy to help!" }]);
  });

  it("replays a reply retried with the same Idempotency-Key instead of sending it twice", async () => {
    const acc = await signup();
    const ticketId = await smsTicket(acc.accountId, "+15554000003");
    const headers = { "Idempotency-Key": "reply-abc-123" };
    const a = await call("POST", `/api/tickets/${ticketId}/replies`, { token: acc.token, body: { body: "Once" }, headers });
    const b = await call("POST", `/api/tickets/${ticketId}/replies`, { token: acc.token, body: { body: "Once" }, headers });
    expect(b.body.id).toBe(a.body.id);
    const t = await call("GET", `/api/tickets/${ticketId}`, { token: acc.token });
    expect(t.body.messages).toHaveLength(2);
  });

  it("patches status, snooze, assignee and tags and validates each", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    const ticketId = await smsTicket(acc.accountId, "+15554000004");
    const until = new Date(Date.now() + 3600_000).toISOString();
    const snoozed = await call("PATCH", `/api/tickets/${ticketId}`, { token: acc.token, body: { status: "snoozed", snoozeUntil: until } });
    expect(snoozed.body).toMatchObject({ status: "snoozed", snoozeUntil: until });
    const tagged = await call("PATCH", `/api/tickets/${ticketId}`, { token: sam.token, body: { tags: ["VIP", "vip", " returns "], assigneeId: sam.agentId } });
    expect(tagged.body).toMatchObject({ tags: ["VIP", "returns"], assigneeId: sam.agentId });
    const unassigned = await call("PATCH", `/api/tickets/${ticketId}`, { token: acc.token, body: { assigneeId: null } });
    expect(unassigned.body.assigneeId).toBeNull();
    const closed = await call("PATCH", `/api/tickets/${ticketId}`, { token: acc.token, body: { status: "closed" } });
    expect(closed.body.closedAt).toBeDefined();
    const cases: [unknown, number, string][] = [
      [{ status: "snoozed" }, 400, "snoozeUntil"],
      [{ snoozeUntil: new Date(Date.now() - 1000).toISOString() }, 400, "snoozeUntil"],
      [{ assigneeId: "agt_unknown" }, 400, "assigneeId"],
      [{ status: "pending" }, 400, "status"],
      [{ tags: "vip" }, 400, "tags"],
      [{ colour: "red" }, 400, "(root)"],
      [{}, 400, "(root)"],
    ];
    for (const [body, status, path] of cases) {
      const res = await call("PATCH", `/api/tickets/${ticketId}`, { token: acc.token, body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.issues?.[0]?.path ?? "(root)", JSON.stringify(body)).toBe(path);
    }
    const after = await call("GET", `/api/tickets/${ticketId}`, { token: acc.token });
    expect(after.body.ticket).toMatchObject({ status: "closed", assigneeId: null, tags: ["VIP", "returns"] });
  });

  it("bulk-assigns selected tickets from Unassigned into the assignee's inbox", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    const ids = await Promise.all([1, 2, 3].map((i) => smsTicket(acc.accountId, `+1555500000${i}`)));
    const res = await call("POST", "/api/tickets/bulk", { token: acc.token, body: { ids: [...ids, "tkt_not_mine"], set: { assigneeId: sam.agentId, addTags: ["bulk"] } } });
    expect(res.status).toBe(200);
    expect(res.body.updated).toBe(3);
    expect(res.body.failed).toEqual([{ id: "tkt_not_mine", code: "not_found" }]);
    const mine = await call("GET", "/api/tickets?view=mine", { token: sam.token });
    expect(mine.body.items.map((t: { id: string }) => t.id).sort()).toEqual([...ids].sort());
    expect(mine.body.items.every((t: { tags: string[] }) => t.tags.includes("bulk"))).toBe(true);
    const unassigned = await call("GET", "/api/tickets?view=unassigned", { token: acc.token });
    expect(unassigned.body.items).toHaveLength(0);
    const bad = await call("POST", "/api/tickets/bulk", { token: acc.token, body: { ids: [], set: {} } });
    expect(bad.status).toBe(400);
  });

  it("saves custom views and counts their tickets", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    await smsTicket(acc.accountId, "+15556000001");
    const mail = (await inbound(acc.accountId, { channel: "email", from: "x@example.com", text: "hi", threadId: "<v@x>" })).body.ticketId;
    await call("PATCH", `/api/tickets/${mail}`, { token: acc.token, body: { tags: ["wholesale"] } });
    const saved = await call("POST", "/api/views", { token: acc.token, body: { name: "Wholesale email", filters: { view: "all", channel: "email", tag: "wholesale" }, shared: true } });
    expect(saved.status).toBe(201);
    await call("POST", "/api/views", { token: acc.token, body: { name: "Private", filters: { channel: "sms" } } });
    const mineList = await call("GET", "/api/views", { token: acc.token });
    expect(mineList.body.items.map((v: { name: string; count: number }) => [v.name, v.count])).toEqual([["Wholesale email", 1], ["Private", 1]]);
    expect(mineList.body.builtIn).toMatchObject({ unassigned: 2, mine: 0, all: 2, spam: 0 });
    const samList = await call("GET", "/api/views", { token: sam.token });
    expect(samList.body.items.map((v: { name: string }) => v.name)).toEqual(["Wholesale email"]);
    const bad = await call("POST", "/api/views", { token: acc.token, body: { name: "", filters: { channel: "pigeon" } } });
    expect(bad.status).toBe(400);
    const del = await call("DELETE", `/api/views/${saved.body.id}`, { token: sam.token });
    expect(del.status).toBe(204);
  });

  it("refuses a reply over 10 KB with 413 and stores nothing", async () => {
    const acc = await signup();
    const ticketId = await smsTicket(acc.accountId, "+15557000001");
    const res = await call("POST", `/api/tickets/${ticketId}/replies`, { token: acc.token, body: { body: "é".repeat(6000) } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
    const empty = await call("POST", `/api/tickets/${ticketId}/notes`, { token: acc.token, body: { body: "   " } });
    expect(empty.status).toBe(400);
    const t = await call("GET", `/api/tickets/${ticketId}`, { token: acc.token });
    expect(t.body.messages).toHaveLength(1);
  });
});
