// Reports over a date range (docs/product.md §5): ticket counts, first response and resolution times, per agent, per tag, per
// day, and the AI agent's figures. Everything is computed in D1 from the ticket index and the agent's turn records.
import { agentFiguresOf, agentFiguresStatement, type AgentFigures } from "../agent/turnLog.ts";
import { rowsOf } from "../db/reads.ts";

const DAY = 86_400_000;

export interface Percentiles {
  p50: number | null;
  p90: number | null;
}

export interface Report {
  from: string;
  to: string;
  tickets: number;
  closed: number;
  open: number;
  byChannel: { channel: string; tickets: number }[];
  byDay: { day: string; created: number; closed: number }[];
  firstResponseSeconds: Percentiles;
  resolutionSeconds: Percentiles;
  byAgent: { agentId: string; name: string; tickets: number; closed: number; firstResponseSeconds: number | null; resolutionSeconds: number | null }[];
  byTag: { tag: string; tickets: number; closed: number; resolutionSeconds: number | null }[];
  agent: AgentFigures & {
    volumeByDay: { day: string; conversations: number }[];
    recentQuestions: { skill: string; question: string; at: string; outcome: string; ticketId: string }[];
  };
}

/**
 * Helpdesk tickets (handled by the team, not spam) created in [from, to). Every ticket query below reads only
 * tickets_report_created_idx (or tickets_report_closed_idx), whose partial WHERE is the last two terms here.
 */
const scope = "t.account_id = ?1 AND t.created_at >= ?2 AND t.created_at < ?3 AND t.handled_by = 'team' AND t.spam = 0";

const durations = {
  firstResponse: { expr: "t.first_response_at - t.created_at", where: "t.first_response_at IS NOT NULL" },
  resolution: { expr: "t.closed_at - t.created_at", where: "t.status = 'closed' AND t.closed_at IS NOT NULL" },
} as const;

/**
 * The nearest-rank p50 and p90 of a duration in ms, picked in SQL (the rows never leave D1): ranks ceil(n/2) and
 * ceil(9n/10) in integer arithmetic, the p90 counted from the top so the sort keeps a tenth of the rows.
 */
function percentileQueries(d1: D1Database, { expr, where }: { expr: string; where: string }, args: unknown[]) {
  const from = `FROM tickets t WHERE ${scope} AND ${where}`;
  return [
    d1.prepare(`SELECT ${expr} AS v ${from} ORDER BY v LIMIT 1 OFFSET (SELECT (COUNT(*) + 1) / 2 - 1 ${from})`).bind(...args),
    d1.prepare(`SELECT ${expr} AS v ${from} ORDER BY v DESC LIMIT 1 OFFSET (SELECT COUNT(*) - (9 * COUNT(*) + 9) / 10 ${from})`).bind(...args),
  ];
}

function percentilesOf(p50: D1Result | undefined, p90: D1Result | undefined): Percentiles {
  const seconds = (r: D1Result | undefined) => {
    const row = r?.results[0] as { v: number } | undefined;
    return row ? Math.round(row.v / 1000) : null;
  };
  return { p50: seconds(p50), p90: seconds(p90) };
}

function days(from: number, to: number): string[] {
  const out: string[] = [];
  for (let day = Math.floor(from / DAY); day * DAY < to; day++) out.push(new Date(day * DAY).toISOString().slice(0, 10));
  return out;
}

/** The statements of the helpdesk and AI agent figures, for one D1 batch (read by `reportOf`). */
export function reportStatements(d1: D1Database, accountId: string, from: number, to: number): D1PreparedStatement[] {
  const args = [accountId, from, to];
  return [
    d1.prepare(`SELECT COUNT(*) AS tickets, SUM(t.status = 'closed') AS closed, SUM(t.status <> 'closed') AS open FROM tickets t WHERE ${scope}`).bind(...args),
    d1.prepare(`SELECT t.channel AS channel, COUNT(*) AS tickets FROM tickets t WHERE ${scope} GROUP BY t.channel ORDER BY tickets DESC, channel`).bind(...args),
    d1.prepare(`SELECT t.created_at / ${DAY} AS day, COUNT(*) AS n FROM tickets t WHERE ${scope} GROUP BY day`).bind(...args),
    // Closed in the range, whenever created.
    d1
      .prepare(`SELECT t.closed_at / ${DAY} AS day, COUNT(*) AS n FROM tickets t WHERE t.account_id = ?1 AND t.status = 'closed' AND t.closed_at >= ?2 AND t.closed_at < ?3 AND t.handled_by = 'team' AND t.spam = 0 GROUP BY day`)
      .bind(...args),
    // Grouped first, then named: one agent lookup per agent, not per ticket.
    d1
      .prepare(
        `SELECT g.agentId, a.name AS name, g.tickets, g.closed, g.firstResponse, g.resolution FROM (
           SELECT t.assignee_id AS agentId, COUNT(*) AS tickets, SUM(t.status = 'closed') AS closed,
             AVG(t.first_response_at - t.created_at) AS firstResponse, AVG(CASE WHEN t.status = 'closed' THEN t.closed_at - t.created_at END) AS resolution
           FROM tickets t WHERE ${scope} AND t.assignee_id IS NOT NULL GROUP BY t.assignee_id) g
         LEFT JOIN agents a ON a.id = g.agentId AND a.account_id = ?1
         ORDER BY g.tickets DESC, name`,
      )
      .bind(...args),
    // From the range's tickets to their tags (a tag row always carries its ticket's account), not from every tag row.
    d1
      .prepare(
        `SELECT g.tag AS tag, COUNT(*) AS tickets, SUM(t.status = 'closed') AS closed, AVG(CASE WHEN t.status = 'closed' THEN t.closed_at - t.created_at END) AS resolution
         FROM tickets t CROSS JOIN ticket_tags g ON g.ticket_id = t.id
         WHERE ${scope} GROUP BY g.tag ORDER BY tickets DESC, tag LIMIT 100`,
      )
      .bind(...args),
    d1.prepare(`SELECT at / ${DAY} AS day, COUNT(DISTINCT ticket_id) AS n FROM agent_turns WHERE account_id = ?1 AND at >= ?2 AND at < ?3 GROUP BY day`).bind(...args),
    d1
      .prepare(
        `SELECT skill, question, at, outcome, ticket_id AS ticketId FROM (
           SELECT skill, question, at, outcome, ticket_id, ROW_NUMBER() OVER (PARTITION BY skill ORDER BY at DESC, seq DESC) AS k
           FROM agent_turns WHERE account_id = ?1 AND at >= ?2 AND at < ?3)
         WHERE k <= 5 ORDER BY skill, at DESC`,
      )
      .bind(...args),
    ...percentileQueries(d1, durations.firstResponse, args),
    ...percentileQueries(d1, durations.resolution, args),
    agentFiguresStatement(d1, accountId, from, to),
  ];
}

/** The report from the results of `reportStatements`, in order. */
export function reportOf(results: D1Result[], from: number, to: number): Report {
  const [totals, byChannel, created, closedByDay, byAgent, byTag, turnDays, recent, ...rest] = results;
  const percentiles = rest.slice(0, 4);
  const figures = agentFiguresOf(rowsOf(rest[4]));
  const rows = <T>(r: D1Result | undefined) => (r?.results ?? []) as T[];
  const total = rows<{ tickets: number; closed: number | null; open: number | null }>(totals)[0];
  const createdMap = new Map(rows<{ day: number; n: number }>(created).map((r) => [Number(r.day), r.n]));
  const closedMap = new Map(rows<{ day: number; n: number }>(closedByDay).map((r) => [Number(r.day), r.n]));
  const turnMap = new Map(rows<{ day: number; n: number }>(turnDays).map((r) => [Number(r.day), r.n]));
  const secs = (ms: number | null) => (ms == null ? null : Math.round(ms / 1000));
  const firstResponseSeconds = percentilesOf(percentiles[0], percentiles[1]);
  const resolutionSeconds = percentilesOf(percentiles[2], percentiles[3]);
  const dayList = days(from, to);
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    tickets: total?.tickets ?? 0,
    closed: total?.closed ?? 0,
    open: total?.open ?? 0,
    byChannel: rows(byChannel),
    byDay: dayList.map((day) => {
      const n = Date.parse(`${day}T00:00:00Z`) / DAY;
      return { day, created: createdMap.get(n) ?? 0, closed: closedMap.get(n) ?? 0 };
    }),
    firstResponseSeconds,
    resolutionSeconds,
    byAgent: rows<{ agentId: string; name: string | null; tickets: number; closed: number; firstResponse: number | null; resolution: number | null }>(byAgent).map((r) => ({
      agentId: r.agentId,
      name: r.name ?? "Former agent",
      tickets: r.tickets,
      closed: r.closed,
      firstResponseSeconds: secs(r.firstResponse),
      resolutionSeconds: secs(r.resolution),
    })),
    byTag: rows<{ tag: string; tickets: number; closed: number; resolution: number | null }>(byTag).map((r) => ({ tag: r.tag, tickets: r.tickets, closed: r.closed, resolutionSeconds: secs(r.resolution) })),
    agent: {
      ...figures,
      volumeByDay: dayList.map((day) => ({ day, conversations: turnMap.get(Date.parse(`${day}T00:00:00Z`) / DAY) ?? 0 })),
      recentQuestions: rows<{ skill: string; question: string; at: number; outcome: string; ticketId: string }>(recent).map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
    },
  };
}
