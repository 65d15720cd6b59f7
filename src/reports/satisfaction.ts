// The report's satisfaction and promise sections (issue 13): CSAT over the surveys sent in the range (score,
// response rate, per agent, channel and tag, by day) and the share of SLA targets met per policy, agent and team
// over the helpdesk tickets created in the range. Computed in D1 from the ticket index.
const DAY = 86_400_000;

interface Group {
  key: string;
  responses: number;
  average: number | null;
}

export interface CsatReport {
  average: number | null;
  responses: number;
  asked: number;
  responseRate: number | null;
  byAgent: { agentId: string; name: string; responses: number; average: number | null }[];
  byChannel: { channel: string; responses: number; average: number | null }[];
  byTag: { tag: string; responses: number; average: number | null }[];
  trend: { day: string; responses: number; average: number | null }[];
}

export interface SlaReport {
  measured: number;
  met: number;
  shareMet: number | null;
  breachedNow: number;
  byPolicy: { policyId: string; name: string; measured: number; met: number; shareMet: number | null }[];
  byAgent: { agentId: string; name: string; measured: number; met: number; shareMet: number | null }[];
  byTeam: { teamId: string; name: string; measured: number; met: number; shareMet: number | null }[];
}

const round2 = (n: number | null) => (n == null ? null : Math.round(n * 100) / 100);
const share = (met: number, measured: number) => (measured > 0 ? round2(met / measured) : null);

export async function satisfactionReport(env: Env, accountId: string, from: number, to: number, policyNames: Map<string, string>, now = Date.now()) {
  const d1 = env.DB;
  const asked = "t.account_id = ?1 AND t.csat_asked_at >= ?2 AND t.csat_asked_at < ?3";
  const created = "t.account_id = ?1 AND t.created_at >= ?2 AND t.created_at < ?3 AND t.handled_by = 'team' AND t.spam = 0";
  const args = [accountId, from, to];
  const sla = (group: string) => `SELECT ${group} AS k, SUM(t.sla_measured) AS measured, SUM(t.sla_met) AS met FROM tickets t WHERE ${created} AND t.sla_measured > 0 GROUP BY k`;
  const [totals, byAgent, byChannel, byTag, trend, slaTotals, slaPolicy, slaAgent, slaTeam, breached] = await d1.batch([
    d1.prepare(`SELECT COUNT(*) AS asked, COUNT(t.csat_score) AS responses, AVG(t.csat_score) AS average FROM tickets t WHERE ${asked}`).bind(...args),
    d1
      .prepare(
        `SELECT g.k AS key, a.name AS name, g.responses, g.average FROM (SELECT t.assignee_id AS k, COUNT(t.csat_score) AS responses, AVG(t.csat_score) AS average
         FROM tickets t WHERE ${asked} AND t.assignee_id IS NOT NULL AND t.csat_score IS NOT NULL GROUP BY k) g LEFT JOIN agents a ON a.id = g.k AND a.account_id = ?1 ORDER BY g.responses DESC`,
      )
      .bind(...args),
    d1.prepare(`SELECT t.channel AS key, COUNT(t.csat_score) AS responses, AVG(t.csat_score) AS average FROM tickets t WHERE ${asked} AND t.csat_score IS NOT NULL GROUP BY key ORDER BY responses DESC`).bind(...args),
    d1
      .prepare(`SELECT g.tag AS key, COUNT(t.csat_score) AS responses, AVG(t.csat_score) AS average FROM tickets t CROSS JOIN ticket_tags g ON g.ticket_id = t.id WHERE ${asked} AND t.csat_score IS NOT NULL GROUP BY key ORDER BY responses DESC LIMIT 100`)
      .bind(...args),
    d1.prepare(`SELECT t.csat_at / ${DAY} AS day, COUNT(*) AS responses, AVG(t.csat_score) AS average FROM tickets t WHERE ${asked} AND t.csat_score IS NOT NULL GROUP BY day`).bind(...args),
    d1.prepare(`SELECT SUM(t.sla_measured) AS measured, SUM(t.sla_met) AS met FROM tickets t WHERE ${created}`).bind(...args),
    d1.prepare(sla("t.sla_policy_id")).bind(...args),
    d1.prepare(`SELECT g.k AS k, a.name AS name, g.measured, g.met FROM (${sla("t.assignee_id")}) g LEFT JOIN agents a ON a.id = g.k AND a.account_id = ?1 WHERE g.k IS NOT NULL`).bind(...args),
    d1.prepare(`SELECT g.k AS k, m.name AS name, g.measured, g.met FROM (${sla("t.team_id")}) g LEFT JOIN teams m ON m.id = g.k AND m.account_id = ?1 WHERE g.k IS NOT NULL`).bind(...args),
    d1.prepare(`SELECT COUNT(*) AS n FROM tickets t WHERE t.account_id = ?1 AND t.status = 'open' AND t.sla_due_at IS NOT NULL AND t.sla_due_at <= ?2`).bind(accountId, now),
  ]);
  const rows = <T>(r: D1Result | undefined) => (r?.results ?? []) as T[];
  const total = rows<{ asked: number; responses: number; average: number | null }>(totals)[0] ?? { asked: 0, responses: 0, average: null };
  const groups = (r: D1Result | undefined) => rows<Group & { name?: string | null }>(r).map((g) => ({ ...g, average: round2(g.average) }));
  const trendMap = new Map(rows<{ day: number; responses: number; average: number | null }>(trend).map((r) => [Number(r.day), r]));
  const trendDays: CsatReport["trend"] = [];
  for (let day = Math.floor(from / DAY); day * DAY < to; day++) {
    const r = trendMap.get(day);
    trendDays.push({ day: new Date(day * DAY).toISOString().slice(0, 10), responses: r?.responses ?? 0, average: round2(r?.average ?? null) });
  }
  const csat: CsatReport = {
    average: round2(total.average),
    responses: total.responses,
    asked: total.asked,
    responseRate: total.asked > 0 ? round2(total.responses / total.asked) : null,
    byAgent: groups(byAgent).map((g) => ({ agentId: g.key, name: g.name ?? "Former agent", responses: g.responses, average: g.average })),
    byChannel: groups(byChannel).map((g) => ({ channel: g.key, responses: g.responses, average: g.average })),
    byTag: groups(byTag).map((g) => ({ tag: g.key, responses: g.responses, average: g.average })),
    trend: trendDays,
  };
  type SlaRow = { k: string | null; name?: string | null; measured: number; met: number };
  const slaTotal = rows<{ measured: number | null; met: number | null }>(slaTotals)[0];
  const measured = slaTotal?.measured ?? 0;
  const met = slaTotal?.met ?? 0;
  const slaReport: SlaReport = {
    measured,
    met,
    shareMet: share(met, measured),
    breachedNow: rows<{ n: number }>(breached)[0]?.n ?? 0,
    byPolicy: rows<SlaRow>(slaPolicy)
      .filter((r) => r.k)
      .map((r) => ({ policyId: r.k!, name: policyNames.get(r.k!) ?? "Deleted policy", measured: r.measured, met: r.met, shareMet: share(r.met, r.measured) })),
    byAgent: rows<SlaRow>(slaAgent).map((r) => ({ agentId: r.k!, name: r.name ?? "Former agent", measured: r.measured, met: r.met, shareMet: share(r.met, r.measured) })),
    byTeam: rows<SlaRow>(slaTeam).map((r) => ({ teamId: r.k!, name: r.name ?? "Deleted team", measured: r.measured, met: r.met, shareMet: share(r.met, r.measured) })),
  };
  return { csat, sla: slaReport };
}
