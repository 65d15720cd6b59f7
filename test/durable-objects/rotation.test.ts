// The rotation actor: even, one-at-a-time assignment under concurrency, idempotent offers, compare-and-set, retries, office-hours alarms.
import { env } from "cloudflare:workers";
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { RotationActor } from "../../durable-objects/rotation.ts";
import { call } from "../helpers.ts";
import { assigneeOf, countBy, eventually, indexRows, newTicket, put, rotation, setRotationClock, setStatus, staffed, ticketActor } from "../assignment/support.ts";

// Alarms cannot be set in the past, so the scenarios happen on days ahead of the real clock.
const DAY = 86_400_000;
const ahead = Math.floor(Date.now() / DAY) * DAY + 30 * DAY; // 00:00Z, 30 days from now
const at = (hoursUtc: number, dayOffset = 0) => ahead + dayOffset * DAY + hoursUtc * 3_600_000;
const nextYear = new Date().getUTCFullYear() + 1;
/** The last Sunday of a month at 00:00Z: when the EU changes clocks (at 01:00Z). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getTime() - last.getUTCDay() * DAY;
}
const springForward = lastSunday(nextYear, 2);
const fallBack = lastSunday(nextYear, 9);

describe("rotation actor", () => {
  it("assigns 500 tickets created concurrently among 7 online agents: evenly, each exactly once, and D1 agrees", async () => {
    const { acc, agents } = await staffed(7);
    const started = Date.now();
    const ids = await Promise.all(Array.from({ length: 500 }, () => newTicket(acc.accountId)));
    const created = Date.now() - started;
    const rows = await eventually(
      async () => {
        const r = await indexRows(acc.accountId);
        expect(r.filter((x) => x.assignee_id !== null)).toHaveLength(500);
        return r;
      },
      { timeout: 60_000, interval: 50 },
    );
    const elapsed = Date.now() - started;
    const snap = await rotation(acc.accountId).idle();
    expect(snap.waiting).toEqual([]);
    expect(snap.inFlight).toBeNull();

    // Evenly: per-agent counts differ by at most one, and every agent got some.
    const perAgent = countBy(rows, (r) => r.assignee_id);
    expect([...perAgent.keys()].sort()).toEqual(agents.map((a) => a.agentId).sort());
    const counts = [...perAgent.values()];
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(500);

    // Each ticket exactly once: the actor, the index and the rotation's counts agree.
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids));
    const actors = await Promise.all(ids.map((id) => assigneeOf(acc.accountId, id)));
    const byId = new Map(rows.map((r) => [r.id, r.assignee_id]));
    ids.forEach((id, i) => expect(actors[i], id).toBe(byId.get(id)));
    const rotationCounts = await eventually(async () => {
      const s = await rotation(acc.accountId).snapshot();
      const m = new Map(s.members.map((x) => [x.agentId, x.open]));
      expect(m).toEqual(perAgent);
      return m;
    });
    expect(rotationCounts.size).toBe(7);
    // Each assignment is one change of the ticket: no ticket was assigned twice.
    const versions = await env.DB.prepare("SELECT MAX(version) AS v FROM tickets WHERE account_id = ?").bind(acc.accountId).first<{ v: number }>();
    expect(versions?.v).toBe(2);
    console.log(`500 tickets: created in ${created} ms, all assigned after ${elapsed} ms`);
  }, 90_000);

  it("gives an agent who goes offline mid-stream nothing more", async () => {
    const { acc, agents } = await staffed(3);
    const [, , leaver] = agents;
    if (!leaver) throw new Error("three agents");
    await Promise.all(Array.from({ length: 30 }, () => newTicket(acc.accountId)));
    const first = await eventually(async () => {
      const rows = await indexRows(acc.accountId);
      expect(rows.every((r) => r.assignee_id !== null)).toBe(true);
      return countBy(rows, (r) => r.assignee_id);
    });
    expect(first.get(leaver.agentId)).toBe(10);
    await setStatus(leaver.token, "offline");
    await Promise.all(Array.from({ length: 30 }, () => newTicket(acc.accountId)));
    const after = await eventually(async () => {
      const rows = await indexRows(acc.accountId);
      expect(rows.filter((r) => r.assignee_id !== null)).toHaveLength(60);
      return countBy(rows, (r) => r.assignee_id);
    });
    expect(after.get(leaver.agentId)).toBe(10);
    expect([...after.values()].sort()).toEqual([10, 25, 25]);
  });

  it("takes a ticket offered twice once, and counts it once", async () => {
    const { acc, agents } = await staffed(2);
    const id = await newTicket(acc.accountId);
    const assignee = await eventually(async () => {
      const a = await assigneeOf(acc.accountId, id);
      expect(a).not.toBeNull();
      return a;
    });
    const ticket = await ticketActor(acc.accountId, id).get();
    const again = await rotation(acc.accountId).offer({ accountId: acc.accountId, teamId: null }, { ticketId: id, createdAt: Date.parse(ticket!.createdAt), expect: { assigneeId: null, teamId: null } });
    expect(again.queued).toBe(true);
    const snap = await rotation(acc.accountId).idle();
    // The compare-and-set refused the second assignment: same assignee, counted once, the turn given back.
    expect(await assigneeOf(acc.accountId, id)).toBe(assignee);
    expect(snap.members.map((m) => m.open).sort()).toEqual([0, 1]);
    expect(snap.pointer).toBe(assignee);
    expect(agents.map((a) => a.agentId)).toContain(assignee);
  });

  it("keeps an assignment in flight across a failing ticket actor and an eviction, then lands it once", async () => {
    const { acc } = await staffed(2, { roundRobin: false });
    const id = await newTicket(acc.accountId);
    const stub = rotation(acc.accountId);
    const ref = { accountId: acc.accountId, teamId: null };
    await put(acc.token, "/api/settings/assignment", { roundRobin: true });
    // The ticket actor is unreachable for this rotation.
    await runInDurableObject(stub, (instance: RotationActor) => {
      const broken = { idFromName: () => ({}), get: () => ({ update: () => Promise.reject(new Error("[internal] ticket actor unavailable")) }) };
      (instance as unknown as { env: Env }).env = { ...env, TICKET: broken as unknown as Env["TICKET"] };
    });
    const ticket = await ticketActor(acc.accountId, id).get();
    await stub.offer(ref, { ticketId: id, createdAt: Date.parse(ticket!.createdAt), expect: { assigneeId: null, teamId: null } });
    const stuck = await stub.idle();
    expect(stuck.inFlight?.ticketId).toBe(id);
    expect(stuck.alarmAt).not.toBeNull();
    expect(await assigneeOf(acc.accountId, id)).toBeNull();
    // Evicted: a new instance (with the real ticket actors) finds the reservation in storage.
    await evictDurableObject(stub);
    await setRotationClock(acc.accountId, null, Date.now() + 60_000);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const done = await stub.idle();
    expect(done.inFlight).toBeNull();
    expect(await assigneeOf(acc.accountId, id)).toBe(stuck.inFlight?.agentId);
    expect(done.members.find((m) => m.agentId === stuck.inFlight?.agentId)?.open).toBe(1);
  });

  it("assigns nothing outside office hours and hands out the backlog oldest first at opening", async () => {
    const { acc, agents } = await staffed(3);
    await put(acc.token, "/api/settings/office-hours", { timezone: "UTC", weekly: everyDay("09:00", "17:00"), autoReply: "We're closed" });
    await setRotationClock(acc.accountId, null, at(5.5));
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await newTicket(acc.accountId));
    const waiting = await eventually(async () => {
      const s = await rotation(acc.accountId).idle();
      expect(s.waiting).toHaveLength(7);
      return s;
    });
    expect(waiting.openNow).toBe(false);
    expect(waiting.alarmAt).toBe(at(9));
    expect((await indexRows(acc.accountId)).every((r) => r.assignee_id === null)).toBe(true);

    await setRotationClock(acc.accountId, null, at(9));
    expect(await runDurableObjectAlarm(rotation(acc.accountId))).toBe(true);
    await rotation(acc.accountId).idle();
    const rows = await indexRows(acc.accountId);
    // Oldest first, in rotation order from the first member.
    expect(rows.map((r) => r.assignee_id)).toEqual(rows.map((_, i) => agents[i % 3]?.agentId));
    const after = await rotation(acc.accountId).snapshot();
    expect(after.waiting).toEqual([]);
    expect(after.alarmAt).toBeNull();
  });

  it.each([
    // Spring forward in Rome: 08:30 CEST → opens 09:00 CEST = 07:00Z (not 08:00Z as the day before).
    ["spring-forward day", springForward + 6.5 * 3_600_000, springForward + 7 * 3_600_000],
    // Fall back in Rome: 08:30 CET → opens 09:00 CET = 08:00Z (not 07:00Z as the day before).
    ["fall-back day", fallBack + 7.5 * 3_600_000, fallBack + 8 * 3_600_000],
  ])("opens at 09:00 local time on the DST %s", async (_label, closedAt, opening) => {
    const { acc, agents } = await staffed(2);
    await put(acc.token, "/api/settings/office-hours", { timezone: "Europe/Rome", weekly: everyDay("09:00", "17:00"), autoReply: "" });
    await setRotationClock(acc.accountId, null, closedAt);
    const id = await newTicket(acc.accountId);
    const waiting = await eventually(async () => {
      const s = await rotation(acc.accountId).idle();
      expect(s.waiting).toHaveLength(1);
      return s;
    });
    expect(waiting.alarmAt).toBe(opening);
    // One second early: still closed, nothing happens.
    await setRotationClock(acc.accountId, null, opening - 1000);
    await runDurableObjectAlarm(rotation(acc.accountId));
    expect(await assigneeOf(acc.accountId, id)).toBeNull();
    await setRotationClock(acc.accountId, null, opening);
    await runDurableObjectAlarm(rotation(acc.accountId));
    await rotation(acc.accountId).idle();
    expect(await assigneeOf(acc.accountId, id)).toBe(agents[0]?.agentId);
  });

  it("leaves the rotation where it was when an agent self-assigns outside office hours", async () => {
    const { acc, agents } = await staffed(3);
    const [ana, ben, cho] = agents;
    if (!ana || !ben || !cho) throw new Error("three agents");
    await put(acc.token, "/api/settings/office-hours", { timezone: "UTC", weekly: everyDay("09:00", "17:00"), autoReply: "" });
    // Open: two tickets go to Ana and Ben, so Cho is next.
    await setRotationClock(acc.accountId, null, at(10));
    const early = [await newTicket(acc.accountId), await newTicket(acc.accountId)];
    await eventually(async () => expect((await indexRows(acc.accountId)).filter((r) => r.assignee_id)).toHaveLength(2));
    expect(await Promise.all(early.map((id) => assigneeOf(acc.accountId, id)))).toEqual([ana.agentId, ben.agentId]);
    // Closed: three tickets wait; Ben takes one himself.
    await setRotationClock(acc.accountId, null, at(20));
    const late = [await newTicket(acc.accountId), await newTicket(acc.accountId), await newTicket(acc.accountId)];
    await eventually(async () => expect((await rotation(acc.accountId).idle()).waiting).toHaveLength(3));
    const self = await call("PATCH", `/api/tickets/${late[1]}`, { token: ben.token, body: { assigneeId: ben.agentId } });
    expect(self.status).toBe(200);
    const afterSelf = await eventually(async () => {
      const s = await rotation(acc.accountId).idle();
      expect(s.waiting.map((w) => w.ticketId)).toEqual([late[0], late[2]]);
      return s;
    });
    expect(afterSelf.pointer).toBe(ben.agentId);
    expect(afterSelf.members.find((m) => m.agentId === ben.agentId)?.open).toBe(2);
    // Opening: the backlog continues from where the rotation was (Cho, then Ana).
    await setRotationClock(acc.accountId, null, at(9, 1));
    await runDurableObjectAlarm(rotation(acc.accountId));
    await rotation(acc.accountId).idle();
    expect(await Promise.all(late.map((id) => assigneeOf(acc.accountId, id)))).toEqual([cho.agentId, ben.agentId, ana.agentId]);
  });
});

function everyDay(from: string, to: string) {
  const day: [string, string][] = [[from, to]];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
}
