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

/**
 * The statements of the satisfaction and SLA figures, for one D1 batch (read by `satisfactionOf`). The SLA
 * figures come from one pass over the measured tickets (tickets_report_sla_idx, index-only), grouped by policy,
 * agent and team together and rolled up here: four passes over the range's rows before.
 */
export function satisfactionStatements(d1: D1Database, accountId: string, from: number, to: number, now = Date.now()): D1PreparedStatement[] {
  const asked = "t.account_id = ?1 AND t.csat_asked_at >= ?2 AND t.csat_asked_at < ?3";
  const created = "t.account_id = ?1 AND t.created_at >= ?2 AND t.created_at < ?3 AND t.handled_by = 'team' AND t.spam = 0";
  const args = [accountId, from, to];
  return [
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
    // A ticket with no target measured adds nothing to any SLA figure (sla_met only grows with sla_measured).
    d1
      .prepare(
        `SELECT g.policy, g.agent, a.name AS agentName, g.team, m.name AS teamName, g.measured, g.met FROM (
           SELECT t.sla_policy_id AS policy, t.assignee_id AS agent, t.team_id AS team, SUM(t.sla_measured) AS measured, SUM(t.sla_met) AS met
           FROM tickets t WHERE ${created} AND t.sla_measured > 0 GROUP BY policy, agent, team) g
         LEFT JOIN agents a ON a.id = g.agent AND a.account_id = ?1 LEFT JOIN teams m ON m.id = g.team AND m.account_id = ?1`,
      )
      .bind(...args),
    d1.prepare(`SELECT COUNT(*) AS n FROM tickets t WHERE t.account_id = ?1 AND t.status = 'open' AND t.sla_due_at IS NOT NULL AND t.sla_due_at <= ?2`).bind(accountId, now),
  ];
}

interface SlaGroupRow {
  policy: string | null;
  agent: string | null;
  agentName: string | null;
  team: string | null;
  teamName: string | null;
  measured: number;
  met: number;
}

/** The SLA groups summed per key (null keys left out), in key order, with the first name seen for each. */
function rollUp(rows: readonly SlaGroupRow[], keyOf: (r: SlaGroupRow) => string | null, nameOf: (r: SlaGroupRow) => string | null) {
  const groups = new Map<string, { name: string | null; measured: number; met: number }>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k === null) continue;
    const g = groups.get(k) ?? { name: nameOf(r), measured: 0, met: 0 };
    g.measured += r.measured;
    g.met += r.met;
    groups.set(k, g);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, g]) => ({ key, ...g }));
}

/** The satisfaction and SLA sections from the results of `satisfactionStatements`, in order. */
export function satisfactionOf(results: D1Result[], from: number, to: number, policyNames: Map<string, string>): { csat: CsatReport; sla: SlaReport } {
  const [totals, byAgent, byChannel, byTag, trend, slaGroups, breached] = results;
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
  const sla = rows<SlaGroupRow>(slaGroups);
  const measured = sla.reduce((n, r) => n + r.measured, 0);
  const met = sla.reduce((n, r) => n + r.met, 0);
  const slaReport: SlaReport = {
    measured,
    met,
    shareMet: share(met, measured),
    breachedNow: rows<{ n: number }>(breached)[0]?.n ?? 0,
    byPolicy: rollUp(sla, (r) => r.policy || null, () => null).map((g) => ({ policyId: g.key, name: policyNames.get(g.key) ?? "Deleted policy", measured: g.measured, met: g.met, shareMet: share(g.met, g.measured) })),
    byAgent: rollUp(sla, (r) => r.agent, (r) => r.agentName).map((g) => ({ agentId: g.key, name: g.name ?? "Former agent", measured: g.measured, met: g.met, shareMet: share(g.met, g.measured) })),
    byTeam: rollUp(sla, (r) => r.team, (r) => r.teamName).map((g) => ({ teamId: g.key, name: g.name ?? "Deleted team", measured: g.measured, met: g.met, shareMet: share(g.met, g.measured) })),
  };
  return { csat, sla: slaReport };
}
