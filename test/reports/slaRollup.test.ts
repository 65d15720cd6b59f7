// GET /api/reports reads the SLA figures in one pass (grouped by policy, agent and team together, rolled up in
// src/reports/satisfaction.ts) instead of four: the figures must equal the four queries it replaced, kept here as
// the reference, on many tickets with targets measured and met, missing, deleted agents and teams.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addAgent, call, signup, unique } from "../helpers.ts";

const DAY = 86_400_000;

/** The SLA section as the report computed it before (one query per figure). */
async function reference(accountId: string, from: number, to: number, policyNames: Map<string, string>) {
  const created = "t.account_id = ?1 AND t.created_at >= ?2 AND t.created_at < ?3 AND t.handled_by = 'team' AND t.spam = 0";
  const sla = (group: string) => `SELECT ${group} AS k, SUM(t.sla_measured) AS measured, SUM(t.sla_met) AS met FROM tickets t WHERE ${created} AND t.sla_measured > 0 GROUP BY k`;
  const args = [accountId, from, to];
  const [totals, byPolicy, byAgent, byTeam] = await env.DB.batch([
    env.DB.prepare(`SELECT SUM(t.sla_measured) AS measured, SUM(t.sla_met) AS met FROM tickets t WHERE ${created}`).bind(...args),
    env.DB.prepare(sla("t.sla_policy_id")).bind(...args),
    env.DB.prepare(`SELECT g.k AS k, a.name AS name, g.measured, g.met FROM (${sla("t.assignee_id")}) g LEFT JOIN agents a ON a.id = g.k AND a.account_id = ?1 WHERE g.k IS NOT NULL`).bind(...args),
    env.DB.prepare(`SELECT g.k AS k, m.name AS name, g.measured, g.met FROM (${sla("t.team_id")}) g LEFT JOIN teams m ON m.id = g.k AND m.account_id = ?1 WHERE g.k IS NOT NULL`).bind(...args),
  ]);
  type Row = { k: string | null; name?: string | null; measured: number; met: number };
  const rows = (r: D1Result | undefined) => (r?.results ?? []) as Row[];
  const share = (met: number, measured: number) => (measured > 0 ? Math.round((met / measured) * 100) / 100 : null);
  const total = (totals?.results[0] ?? {}) as { measured: number | null; met: number | null };
  return {
    measured: total.measured ?? 0,
    met: total.met ?? 0,
    shareMet: share(total.met ?? 0, total.measured ?? 0),
    byPolicy: rows(byPolicy)
      .filter((r) => r.k)
      .map((r) => ({ policyId: r.k, name: policyNames.get(r.k!) ?? "Deleted policy", measured: r.measured, met: r.met, shareMet: share(r.met, r.measured) })),
    byAgent: rows(byAgent).map((r) => ({ agentId: r.k, name: r.name ?? "Former agent", measured: r.measured, met: r.met, shareMet: share(r.met, r.measured) })),
    byTeam: rows(byTeam).map((r) => ({ teamId: r.k, name: r.name ?? "Deleted team", measured: r.measured, met: r.met, shareMet: share(r.met, r.measured) })),
  };
}

describe("report SLA figures in one pass", () => {
  it("equal the per-figure queries they replace", async () => {
    const shop = await signup();
    const sam = await addAgent(shop, "support", "Sam Support");
    const team = await call<{ id: string }>("POST", "/api/teams", { token: shop.token, body: { name: "Returns desk", agentIds: [sam.agentId] } });
    expect(team.status).toBe(201);
    const now = Date.now();
    const agents = [shop.agentId, sam.agentId, "agt_gone", null];
    const teams = [team.body.id, "team_gone", null];
    const policies = ["pol_fast", "pol_slow", "pol_deleted", null];
    let seed = 7;
    const r = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const statements: D1PreparedStatement[] = [];
    for (let i = 0; i < 160; i++) {
      const measured = r() < 0.3 ? 0 : 1 + Math.floor(r() * 3);
      const met = measured === 0 ? 0 : Math.floor(r() * (measured + 1));
      statements.push(
        env.DB.prepare(
          `INSERT INTO tickets (id, account_id, number, channel, status, assignee_id, team_id, spam, handled_by, message_count, created_at, updated_at, version, sla_policy_id, sla_measured, sla_met)
           VALUES (?, ?, ?, 'email', 'open', ?, ?, ?, ?, 1, ?, ?, 1, ?, ?, ?)`,
        ).bind(
          unique("tkt"),
          shop.accountId,
          1000 + i,
          agents[Math.floor(r() * agents.length)] ?? null,
          teams[Math.floor(r() * teams.length)] ?? null,
          r() < 0.1 ? 1 : 0,
          r() < 0.1 ? "ai" : "team",
          // Some outside the default 30 days.
          now - Math.floor(r() * 40 * DAY),
          now,
          policies[Math.floor(r() * policies.length)] ?? null,
          measured,
          met,
        ),
      );
    }
    await env.DB.batch(statements);
    const res = await call<{ sla: Record<string, unknown> }>("GET", "/api/reports", { token: shop.token });
    expect(res.status).toBe(200);
    const { breachedNow, ...sla } = res.body.sla;
    expect(typeof breachedNow).toBe("number");
    // GET /api/reports covers the last 30 days up to now; the reference takes the same range from the answer.
    const range = await call<{ from: string; to: string }>("GET", "/api/reports", { token: shop.token });
    const expected = await reference(shop.accountId, Date.parse(range.body.from), Date.parse(range.body.to), new Map());
    expect(sla).toEqual(expected);
    expect((sla.byAgent as unknown[]).length).toBe(3);
    expect((sla.byTeam as unknown[]).length).toBe(2);
    expect((sla.byPolicy as unknown[]).length).toBe(3);
  });
});
