import { replaceSeams } from "../../src/actors/seams.ts";
import { env } from "cloudflare:workers";
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TicketActor } from "../../durable-objects/ticket.ts";
import { newId } from "../../src/lib/ids.ts";
import { signup } from "../helpers.ts";

async function freshTicket(channel: "sms" | "email" | "webchat" = "sms") {
  const acc = await signup();
  const id = newId("tkt");
  const stub = env.TICKET.get(env.TICKET.idFromName(`${acc.accountId}:${id}`));
  const res = await stub.receive({
    init: { id, accountId: acc.accountId, channel, customer: { phone: "+15550009999" }, threadKey: "+15550009999" },
    message: { id: newId("msg"), body: "first message" },
  });
  return { acc, id, stub, res };
}

async function indexRow(id: string) {
  return env.DB.prepare("SELECT status, version, message_count, tags FROM tickets WHERE id = ?").bind(id).first<{ status: string; version: number; message_count: number; tags: string }>();
}

describe("ticket actor", () => {
  it("creates the ticket with the account's next number and writes it through to D1", async () => {
    const { acc, id, stub, res } = await freshTicket();
    expect(res).toMatchObject({ accepted: true, created: true, duplicate: false });
    expect(res.ticket.number).toBe(1);
    const second = newId("tkt");
    const other = env.TICKET.get(env.TICKET.idFromName(`${acc.accountId}:${second}`));
    const t2 = await other.open({ id: second, accountId: acc.accountId, channel: "email", customer: {} });
    expect(t2.number).toBe(2);
    expect(await indexRow(id)).toMatchObject({ status: "open", message_count: 1 });
    expect((await stub.view()).messages[0]?.author).toBe("customer");
  });

  it("stores a new message delivered 20 times at once exactly once, answering every delivery", async () => {
    const acc = await signup();
    const id = newId("tkt");
    const stub = env.TICKET.get(env.TICKET.idFromName(`${acc.accountId}:${id}`));
    const delivery = {
      init: { id, accountId: acc.accountId, channel: "sms" as const, customer: { phone: "+15550001111" }, threadKey: "+15550001111" },
      message: { id: newId("msg"), body: "is anyone there?" },
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => stub.receive(delivery)));
    expect(results.every((r) => r.accepted)).toBe(true);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message?.id))).toEqual(new Set([delivery.message.id]));
    const view = await stub.view();
    expect(view.messages).toHaveLength(1);
    expect(view.ticket.messageCount).toBe(1);
    expect(await indexRow(id)).toMatchObject({ message_count: 1 });
  });

  it("stores a retried customer message once", async () => {
    const { stub } = await freshTicket();
    const messageId = newId("msg");
    const a = await stub.receive({ message: { id: messageId, body: "hello?" } });
    const b = await stub.receive({ message: { id: messageId, body: "hello?" } });
    expect(a.duplicate).toBe(false);
    expect(b).toMatchObject({ duplicate: true, created: false });
    expect((await stub.view()).messages).toHaveLength(2);
  });

  it("keeps its thread and state when the actor is evicted and restarted", async () => {
    const { stub, id } = await freshTicket();
    await stub.reply({ author: "agent", agentId: "agt_x", body: "On it" });
    await stub.update({ tags: ["Returns"] });
    await evictDurableObject(stub);
    const after = await stub.view();
    expect(after.ticket).toMatchObject({ id, tags: ["Returns"], messageCount: 2 });
    expect(after.messages.map((m) => m.body)).toEqual(["first message", "On it"]);
  });

  it("reopens a snoozed ticket from its alarm at snoozeUntil, with a notification", async () => {
    const { stub, id } = await freshTicket();
    const until = Date.now() + 60 * 60 * 1000;
    await stub.update({ status: "snoozed", snoozeUntil: until });
    expect((await indexRow(id))?.status).toBe("snoozed");
    // Not yet due: the alarm leaves it snoozed.
    await runDurableObjectAlarm(stub);
    expect((await stub.get())?.status).toBe("snoozed");
    await runInDurableObject(stub, (_instance: TicketActor, state) => {
      replaceSeams(state.id, { clock: { now: () => until + 1 } });
      return state.storage.setAlarm(until);
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const t = await stub.view();
    expect(t.ticket).toMatchObject({ status: "open", unread: true });
    expect(t.ticket.snoozeUntil).toBeUndefined();
    expect(t.messages.at(-1)).toMatchObject({ author: "system", internal: true });
    expect((await indexRow(id))?.status).toBe("open");
    // Running the alarm again changes nothing.
    await runDurableObjectAlarm(stub);
    expect((await stub.view()).messages).toHaveLength(t.messages.length);
  });

  it("a customer message wakes a snoozed ticket early", async () => {
    const { stub } = await freshTicket();
    await stub.update({ status: "snoozed", snoozeUntil: Date.now() + 3_600_000 });
    const r = await stub.receive({ message: { id: newId("msg"), body: "any news?" } });
    expect(r.ticket.status).toBe("open");
  });

  it("retries the D1 write-through from its alarm until D1 matches the actor", async () => {
    const { stub, id } = await freshTicket();
    const broken = { prepare: () => { throw new Error("D1 unavailable"); }, batch: () => Promise.reject(new Error("D1 unavailable")) };
    await runInDurableObject(stub, (_instance: TicketActor, state) => {
      replaceSeams(state.id, { d1: broken as unknown as D1Database });
    });
    // The change succeeds against the actor even though D1 is down.
    const updated = await stub.update({ status: "closed", tags: ["late-index"] });
    expect(updated.status).toBe("closed");
    expect(await indexRow(id)).toMatchObject({ status: "open" });
    await runInDurableObject(stub, (_instance: TicketActor, state) => {
      replaceSeams(state.id, { d1: null });
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await indexRow(id)).toMatchObject({ status: "closed", tags: JSON.stringify(["late-index"]) });
    const tags = await env.DB.prepare("SELECT tag FROM ticket_tags WHERE ticket_id = ?").bind(id).all<{ tag: string }>();
    expect(tags.results.map((r) => r.tag)).toEqual(["late-index"]);
  });

  it("never lets an older write overwrite a newer index row", async () => {
    const { stub, id } = await freshTicket();
    await Promise.all(Array.from({ length: 10 }, (_, i) => stub.update({ tags: [`t${i}`] })));
    const final = await stub.get();
    const row = await indexRow(id);
    expect(row?.version).toBeGreaterThanOrEqual(11);
    expect(row?.tags).toBe(JSON.stringify(final?.tags));
  });

  it("refuses a message into a closed web-chat conversation instead of reopening it", async () => {
    const { stub } = await freshTicket("webchat");
    await stub.update({ status: "closed" });
    const r = await stub.receive({ message: { id: newId("msg"), body: "hello again" } });
    expect(r.accepted).toBe(false);
    expect((await stub.get())?.status).toBe("closed");
  });

  it("rebuilds its index row on demand", async () => {
    const { stub, id } = await freshTicket();
    await env.DB.prepare("DELETE FROM tickets WHERE id = ?").bind(id).run();
    expect(await stub.reindex()).toBe(true);
    expect(await indexRow(id)).not.toBeNull();
  });
});
