// Capacity and manual assignment: a full agent is skipped, closing frees room, manual changes keep counts right and never move the pointer.
import { describe, expect, it } from "vitest";
import { call } from "../helpers.ts";
import { countBy, eventually, indexRows, newTicket, rotation, staffed } from "./support.ts";

describe("capacity", () => {
  it("skips an agent at capacity, and gives them a waiting ticket when they close one", async () => {
    const { acc, agents } = await staffed(2);
    const [ana, ben] = agents.map((a) => a.agentId) as [string, string];
    for (const id of [ana, ben]) {
      const res = await call("PATCH", `/api/agents/${id}`, { token: acc.token, body: { capacity: 2 } });
      expect(res.body).toMatchObject({ id, capacity: 2 });
    }
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await newTicket(acc.accountId));
    const snap = await eventually(async () => {
      const s = await rotation(acc.accountId).idle();
      expect(s.waiting).toHaveLength(2);
      expect(s.members.map((m) => [m.agentId, m.open])).toEqual([[ana, 2], [ben, 2]]);
      return s;
    });
    expect(snap.members.every((m) => m.capacity === 2)).toBe(true);
    // The oldest four went out; the two newest wait.
    expect(snap.waiting.map((w) => w.ticketId)).toEqual(ids.slice(4));
    const anasTicket = (await indexRows(acc.accountId)).find((r) => r.assignee_id === ana)!.id;
    await call("PATCH", `/api/tickets/${anasTicket}`, { token: agents[0]!.token, body: { status: "closed" } });
    await eventually(async () => {
      const rows = await indexRows(acc.accountId);
      expect(rows.find((r) => r.id === ids[4])?.assignee_id).toBe(ana);
      expect(rows.find((r) => r.id === ids[5])?.assignee_id).toBeNull();
    });
    // Lifting the limit lets the last one go out.
    await call("PATCH", `/api/agents/${ben}`, { token: acc.token, body: { capacity: null } });
    await eventually(async () => expect((await indexRows(acc.accountId)).find((r) => r.id === ids[5])?.assignee_id).toBe(ben));
  });
});

describe("manual assignment", () => {
  it("assigns, bulk-assigns, reassigns and unassigns with counts kept right and the rotation where it was", async () => {
    const { acc, agents } = await staffed(3);
    const [ana, ben, cho] = agents.map((a) => a.agentId) as [string, string, string];
    const auto = [await newTicket(acc.accountId), await newTicket(acc.accountId)];
    await eventually(async () => expect((await indexRows(acc.accountId)).filter((r) => r.assignee_id)).toHaveLength(2));
    const before = await rotation(acc.accountId).idle();
    expect(before.pointer).toBe(ben);

    // With round robin off new tickets stay in Unassigned: bulk-assign them to Cho.
    await call("PUT", "/api/settings/assignment", { token: acc.token, body: { roundRobin: false } });
    const manual = [await newTicket(acc.accountId), await newTicket(acc.accountId), await newTicket(acc.accountId)];
    const bulk = await call("POST", "/api/tickets/bulk", { token: acc.token, body: { ids: manual, set: { assigneeId: cho } } });
    expect(bulk.body.updated).toBe(3);
    // Reassign one of Ana's to Ben, and send one of Cho's back to Unassigned.
    await call("PATCH", `/api/tickets/${auto[0]}`, { token: acc.token, body: { assigneeId: ben } });
    await call("PATCH", `/api/tickets/${manual[0]}`, { token: acc.token, body: { assigneeId: null } });

    const expected = new Map([[ana, 0], [ben, 2], [cho, 2]]);
    await eventually(async () => {
      const rows = await indexRows(acc.accountId);
      expect(countBy(rows, (r) => r.assignee_id)).toEqual(new Map([...expected].filter(([, n]) => n > 0)));
      const s = await rotation(acc.accountId).idle();
      expect(new Map(s.members.map((m) => [m.agentId, m.open]))).toEqual(expected);
      expect(s.pointer).toBe(ben);
    });
    // "No assignee" stays that way: the rotation does not take it back.
    await call("PUT", "/api/settings/assignment", { token: acc.token, body: { roundRobin: true } });
    await new Promise((r) => setTimeout(r, 100));
    expect((await indexRows(acc.accountId)).find((r) => r.id === manual[0])?.assignee_id).toBeNull();
    // The next new ticket continues the rotation after Ben: Cho.
    const next = await newTicket(acc.accountId);
    await eventually(async () => expect((await indexRows(acc.accountId)).find((r) => r.id === next)?.assignee_id).toBe(cho));
  });
});
