// GET /api/reports: counts, percentiles, per agent/tag/day, the AI agent's figures, validation and isolation.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addAgent, call, inbound, signup, unique } from "../helpers.ts";

const HOUR = 3_600_000;

async function ticketWith(accountId: string, text = "Hello, where is my parcel?") {
  const res = await inbound(accountId, { channel: "email", from: `${unique("c")}@example.com`, text, threadId: `<${unique("t")}@x>` });
  return res.body.ticketId;
}

/** Known times in the index, so the percentiles are exact. */
async function setTimes(id: string, t: { createdAt: number; firstResponseAt?: number | null; closedAt?: number | null }) {
  await env.DB.prepare("UPDATE tickets SET created_at = ?, first_response_at = ?, closed_at = ?, status = CASE WHEN ? IS NULL THEN status ELSE 'closed' END WHERE id = ?")
    .bind(t.createdAt, t.firstResponseAt ?? null, t.closedAt ?? null, t.closedAt ?? null, id)
    .run();
}

describe("GET /api/reports", () => {
  it("counts tickets, percentiles of first response and resolution, per agent, per tag and per day", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support", "Sam Support");
    const base = Date.parse("2026-10-05T08:00:00.000Z");
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await ticketWith(acc.accountId));
    // First responses after 1..10 minutes; the first four closed after 1..4 hours.
    for (const [i, id] of ids.entries()) {
      await call("PATCH", `/api/tickets/${id}`, { token: acc.token, body: { assigneeId: i % 2 === 0 ? sam.agentId : acc.agentId, tags: i < 3 ? ["refund"] : ["shipping"] } });
      await setTimes(id, { createdAt: base + i * 24 * HOUR, firstResponseAt: base + i * 24 * HOUR + (i + 1) * 60_000, closedAt: i < 4 ? base + i * 24 * HOUR + (i + 1) * HOUR : null });
    }
    const res = await call("GET", "/api/reports?from=2026-10-01&to=2026-10-31", { token: acc.token });
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({ from: "2026-10-01T00:00:00.000Z", to: "2026-11-01T00:00:00.000Z", tickets: 10, closed: 4, open: 6 });
    expect(r.byChannel).toEqual([{ channel: "email", tickets: 10 }]);
    expect(r.firstResponseSeconds).toEqual({ p50: 300, p90: 540 });
    expect(r.resolutionSeconds).toEqual({ p50: 2 * 3600, p90: 4 * 3600 });
    expect(r.byAgent).toEqual([
      { agentId: acc.agentId, name: expect.any(String), tickets: 5, closed: 2, firstResponseSeconds: 360, resolutionSeconds: 3 * 3600 },
      { agentId: sam.agentId, name: "Sam Support", tickets: 5, closed: 2, firstResponseSeconds: 300, resolutionSeconds: 2 * 3600 },
    ].sort((a, b) => b.tickets - a.tickets || a.name.localeCompare(b.name)));
    expect(r.byTag).toEqual([
      { tag: "shipping", tickets: 7, closed: 1, resolutionSeconds: 4 * 3600 },
      { tag: "refund", tickets: 3, closed: 3, resolutionSeconds: 2 * 3600 },
    ]);
    expect(r.byDay).toHaveLength(31);
    expect(r.byDay[4]).toEqual({ day: "2026-10-05", created: 1, closed: 1 });
    expect(r.byDay.reduce((n: number, d: { created: number }) => n + d.created, 0)).toBe(10);
    expect(r.agent).toMatchObject({ conversations: 0, resolved: 0, routedToTeam: 0, resolutionRate: 0, bySkill: [] });

    // A narrower range sees only its tickets.
    const narrow = await call("GET", "/api/reports?from=2026-10-05T00:00:00Z&to=2026-10-07T00:00:00Z", { token: acc.token });
    expect(narrow.body.tickets).toBe(2);
  });

  it("reports empty ranges with nulls, not zeros", async () => {
    const acc = await signup();
    const res = await call("GET", "/api/reports?from=2020-01-01&to=2020-01-31", { token: acc.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tickets: 0, firstResponseSeconds: { p50: null, p90: null }, resolutionSeconds: { p50: null, p90: null }, byAgent: [], byTag: [] });
  });

  it("shows the AI agent's conversations, resolution rate, skills, volume by day and recent questions", async () => {
    const acc = await signup();
    const now = Date.now();
    const rows = [
      ["t1", "coupons_discounts", "resolved", "Any discount codes?"],
      ["t2", "order_tracking", "pending", "Where is my order?"],
      ["t2", "order_tracking", "handoff", "I need a person"],
      ["t3", "general_qa", "resolved", "Do you ship to Canada?"],
    ];
    for (const [i, [ticket, skill, outcome, question]] of rows.entries()) {
      await env.DB.prepare("INSERT INTO agent_turns (account_id, ticket_id, skill, confidence, channel, question, outcome, at) VALUES (?, ?, ?, 0.9, 'webchat', ?, ?, ?)")
        .bind(acc.accountId, ticket, skill, question, outcome, now - 1000 + i)
        .run();
    }
    const res = await call("GET", "/api/reports", { token: acc.token });
    expect(res.body.agent).toMatchObject({ conversations: 3, resolved: 2, routedToTeam: 1, resolutionRate: 0.667 });
    expect(res.body.agent.bySkill.find((s: { skill: string }) => s.skill === "order_tracking")).toEqual({ skill: "order_tracking", conversations: 1, resolved: 0, routedToTeam: 1, resolutionRate: 0 });
    expect(res.body.agent.volumeByDay.at(-1)).toEqual({ day: new Date(now).toISOString().slice(0, 10), conversations: 3 });
    expect(res.body.agent.recentQuestions.filter((q: { skill: string }) => q.skill === "order_tracking").map((q: { question: string }) => q.question)).toEqual(["I need a person", "Where is my order?"]);
  });

  it("refuses bad ranges and stays inside the account", async () => {
    const acc = await signup();
    const other = await signup();
    await ticketWith(other.accountId);
    for (const q of ["from=yesterday", "from=2026-11-02&to=2026-11-01", "from=2020-01-01&to=2026-01-01"]) {
      const res = await call("GET", `/api/reports?${q}`, { token: acc.token });
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    expect((await call("GET", "/api/reports")).status).toBe(401);
    expect((await call("GET", "/api/reports", { token: acc.token })).body.tickets).toBe(0);
  });
});
