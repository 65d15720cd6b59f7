// The built-in views' counts come from `view_counts`, kept by triggers on the ticket index (migration 0014): they
// must equal counting the views' conditions (ticketConditions) after any mix of inserts, write-through upserts,
// updates and deletes — here a long deterministic random walk straight on D1, and the route over HTTP.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { d1Reads, rowsOf } from "../../src/db/reads.ts";
import { prng } from "../../src/lib/prng.ts";
import { countTickets } from "../../src/tickets/queries.ts";
import { BUILT_IN_VIEWS, builtInCounts, builtInCountsStatement, tagCountKey } from "../../src/tickets/viewCounts.ts";
import { addAgent, call, inbound, signup, unique } from "../helpers.ts";

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

async function fromTable(accountId: string, me: string) {
  const [result] = await env.DB.batch([builtInCountsStatement(env.DB, accountId, me)]);
  return builtInCounts(rowsOf(result), me);
}

async function byCounting(accountId: string, me: string) {
  const counts = await countTickets(env.DB, d1Reads(env.DB), accountId, me, BUILT_IN_VIEWS.map((view) => ({ view })));
  return Object.fromEntries(BUILT_IN_VIEWS.map((v, i) => [v, counts[i]]));
}

const TAGS = ["vip", "returns", "warranty"];

/** Each built-in view × tag, counted from the kept counts (`{view, tag}`) and by walking the tickets. */
async function tagCounts(accountId: string, me: string) {
  const filters = BUILT_IN_VIEWS.flatMap((view) => TAGS.map((tag) => ({ view, tag })));
  for (const f of filters) expect(tagCountKey(f, me)).not.toBeNull();
  const kept = await countTickets(env.DB, d1Reads(env.DB), accountId, me, filters);
  // The same sets with a condition every ticket here meets, which takes them off the kept counts.
  const walked = await countTickets(env.DB, d1Reads(env.DB), accountId, me, filters.map((f) => ({ ...f, createdFrom: "1970-01-01T00:00:00.000Z" })));
  return { kept, walked };
}

describe("built-in view counts kept by triggers", () => {
  it("equal counting the views after every kind of change to the ticket index", async () => {
    const accountId = unique("acc");
    const otherAccount = unique("acc");
    const agents = ["agt_a", "agt_b", "agt_c"];
    const r = prng(20261201);
    const ids: string[] = [];
    let version = 0;
    const row = () => ({
      status: pick(r, ["open", "open", "snoozed", "closed"]),
      spam: r() < 0.15 ? 1 : 0,
      assignee: r() < 0.4 ? null : pick(r, agents),
      handledBy: r() < 0.25 ? "ai" : "team",
      messages: r() < 0.15 ? 0 : 1 + Math.floor(r() * 5),
    });
    for (let step = 0; step < 400; step++) {
      const x = r();
      const v = row();
      version += 1;
      if (x < 0.3 || ids.length === 0) {
        const id = unique("tkt");
        ids.push(id);
        const account = r() < 0.1 ? otherAccount : accountId;
        await env.DB.prepare(
          "INSERT INTO tickets (id, account_id, number, channel, status, assignee_id, spam, handled_by, message_count, created_at, updated_at, version) VALUES (?, ?, ?, 'sms', ?, ?, ?, ?, ?, ?, ?, ?)",
        )
          .bind(id, account, step, v.status, v.assignee, v.spam, v.handledBy, v.messages, step, step, version)
          .run();
      } else if (x < 0.65) {
        // The write-through's upsert: every column set, only a newer version wins.
        const id = pick(r, ids);
        const stale = r() < 0.2;
        await env.DB.prepare(
          `INSERT INTO tickets (id, account_id, number, channel, status, assignee_id, spam, handled_by, message_count, created_at, updated_at, version) VALUES (?, ?, 0, 'sms', ?, ?, ?, ?, ?, 0, ?, ?)
           ON CONFLICT (id) DO UPDATE SET status = excluded.status, assignee_id = excluded.assignee_id, spam = excluded.spam, handled_by = excluded.handled_by,
             message_count = excluded.message_count, updated_at = excluded.updated_at, version = excluded.version WHERE excluded.version > tickets.version`,
        )
          .bind(id, accountId, v.status, v.assignee, v.spam, v.handledBy, v.messages, step, stale ? 0 : version)
          .run();
      } else if (x < 0.75) {
        // Tag rows as the index write leaves them (the ticket's account), or removed.
        const id = pick(r, ids);
        const tag = pick(r, TAGS);
        if (r() < 0.6) {
          await env.DB.prepare("INSERT INTO ticket_tags (account_id, ticket_id, tag) SELECT account_id, id, ? FROM tickets WHERE id = ? ON CONFLICT DO NOTHING").bind(tag, id).run();
        } else {
          await env.DB.prepare("DELETE FROM ticket_tags WHERE ticket_id = ? AND tag = ?").bind(id, tag).run();
        }
      } else if (x < 0.9) {
        const id = pick(r, ids);
        const column = pick(r, ["status", "spam", "assignee_id", "handled_by", "message_count", "subject"] as const);
        const value = { status: v.status, spam: v.spam, assignee_id: v.assignee, handled_by: v.handledBy, message_count: v.messages, subject: "changed" }[column];
        await env.DB.prepare(`UPDATE tickets SET ${column} = ? WHERE id = ?`).bind(value, id).run();
      } else {
        const id = pick(r, ids);
        await env.DB.prepare("DELETE FROM tickets WHERE id = ?").bind(id).run();
        ids.splice(ids.indexOf(id), 1);
      }
      if (step % 25 === 24) {
        for (const me of [...agents, "agt_none"]) {
          for (const account of [accountId, otherAccount]) {
            expect(await fromTable(account, me)).toEqual(await byCounting(account, me));
            const { kept, walked } = await tagCounts(account, me);
            expect(kept).toEqual(walked);
          }
        }
      }
    }
    // The walk reached every view, so the comparison above was not of zeros.
    const totals = await byCounting(accountId, "agt_a");
    for (const view of BUILT_IN_VIEWS) expect(totals[view]).toBeGreaterThan(0);
    const { walked } = await tagCounts(accountId, "agt_a");
    expect(walked.filter((n) => n > 0).length).toBeGreaterThan(5);
  });

  it("answer GET /api/views exactly as counting does, for each agent, as tickets arrive and change", async () => {
    const shop = await signup();
    const sam = await addAgent(shop, "support");
    const first = (await inbound(shop.accountId, { channel: "sms", from: "+15554200001", text: "hello" })).body.ticketId;
    const second = (await inbound(shop.accountId, { channel: "sms", from: "+15554200002", text: "hi there" })).body.ticketId;
    await inbound(shop.accountId, { channel: "sms", from: "+15554200003", text: "hey" });
    await call("PATCH", `/api/tickets/${first}`, { token: shop.token, body: { assigneeId: sam.agentId } });
    await call("PATCH", `/api/tickets/${second}`, { token: shop.token, body: { status: "closed" } });
    for (const who of [shop, sam]) {
      const views = await call<{ builtIn: Record<string, number> }>("GET", "/api/views", { token: who.token });
      expect(views.body.builtIn).toEqual(await byCounting(shop.accountId, who.agentId));
    }
    const sams = await call<{ builtIn: Record<string, number> }>("GET", "/api/views", { token: sam.token });
    expect(sams.body.builtIn).toEqual({ mine: 1, unassigned: 1, all: 3, spam: 0, ai: 0 });
  });

  it("count saved views exactly on every call, as views are added, removed and tickets change in between", async () => {
    const shop = await signup();
    type Views = { items: { id: string; name: string; count: number }[] };
    const get = async () => (await call<Views>("GET", "/api/views", { token: shop.token })).body.items.map((v) => [v.name, v.count]);
    const save = async (name: string, filters: Record<string, string>) =>
      (await call<{ id: string }>("POST", "/api/views", { token: shop.token, body: { name, filters, shared: false } })).body.id;
    const first = (await inbound(shop.accountId, { channel: "sms", from: "+15554300001", text: "one" })).body.ticketId;
    const vip = await save("VIP", { view: "all", tag: "vip" });
    await save("SMS", { view: "all", channel: "sms" });
    expect(await get()).toEqual([["VIP", 0], ["SMS", 1]]);
    // Same views, changed tickets: the counts read along with the views are current.
    await call("PATCH", `/api/tickets/${first}`, { token: shop.token, body: { tags: ["vip"] } });
    await inbound(shop.accountId, { channel: "sms", from: "+15554300002", text: "two" });
    expect(await get()).toEqual([["VIP", 1], ["SMS", 2]]);
    // One removed, another added (as many views as before, other filters): counted anew.
    expect((await call("DELETE", `/api/views/${vip}`, { token: shop.token })).status).toBe(204);
    await save("Closed", { view: "all", status: "closed" });
    expect(await get()).toEqual([["SMS", 2], ["Closed", 0]]);
    await call("PATCH", `/api/tickets/${first}`, { token: shop.token, body: { status: "closed" } });
    expect(await get()).toEqual([["SMS", 2], ["Closed", 1]]);
  });
});
