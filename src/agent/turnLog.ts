// The record of the agent's turns in D1: what each skill handled and how it ended, for skill volume, performance and the resolution figures.
import { and, count, desc, eq, gte, lt, sql } from "drizzle-orm";
import { db } from "../db/client.ts";
import { rowsOf, statementOf } from "../db/reads.ts";
import { agentTurns } from "../db/schema/index.ts";
import { iso } from "../lib/clock.ts";
import type { AgentTurnInput, AgentTurnResult } from "./runTurn.ts";

export type TurnOutcome = "resolved" | "pending" | "handoff";

export interface TurnRecord {
  accountId: string;
  ticketId: string;
  skill: string;
  confidence: number;
  channel: string;
  question: string;
  outcome: TurnOutcome;
  at?: number;
}

const DAY = 86_400_000;
/** The skills page shows the last 30 days. */
export const VOLUME_WINDOW_DAYS = 30;

/** Midnight UTC starting the window: today and the 29 days before it. */
export function windowStart(now: number): number {
  return Math.floor((now - (VOLUME_WINDOW_DAYS - 1) * DAY) / DAY) * DAY;
}

/** resolved: answered from data; handoff: the team took over; pending: the agent asked something or offered a human. */
export function turnOutcome(result: Pick<AgentTurnResult, "resolved" | "handoff">): TurnOutcome {
  if (result.handoff === "now") return "handoff";
  return result.resolved ? "resolved" : "pending";
}

export async function recordTurn(env: Env, turn: TurnRecord): Promise<void> {
  await db(env.DB)
    .insert(agentTurns)
    .values({ ...turn, question: turn.question.slice(0, 500), confidence: Math.max(0, Math.min(1, turn.confidence)), at: turn.at ?? Date.now() });
}

/** Records a turn straight from runAgentTurn's input and result. */
export async function recordAgentTurn(env: Env, input: Pick<AgentTurnInput, "accountId" | "ticketId" | "channel" | "text" | "now">, result: AgentTurnResult): Promise<void> {
  await recordTurn(env, {
    accountId: input.accountId,
    ticketId: input.ticketId,
    skill: result.skill,
    confidence: result.confidence,
    channel: input.channel,
    question: input.text,
    outcome: turnOutcome(result),
    at: input.now ?? Date.now(),
  });
}

/** The shopper accepted a human (clicked "Yes, connect me with an agent"): the ticket's latest turn counts as routed to the team. */
export async function recordHandoff(env: Env, accountId: string, ticketId: string): Promise<void> {
  const d = db(env.DB);
  const latest = await d
    .select({ seq: agentTurns.seq })
    .from(agentTurns)
    .where(and(eq(agentTurns.accountId, accountId), eq(agentTurns.ticketId, ticketId)))
    .orderBy(desc(agentTurns.seq))
    .limit(1);
  const seq = latest[0]?.seq;
  if (seq !== undefined) await d.update(agentTurns).set({ outcome: "handoff" }).where(eq(agentTurns.seq, seq));
}

export async function skillVolumes(env: Env, accountId: string, now = Date.now()): Promise<Map<string, number>> {
  const rows = await db(env.DB)
    .select({ skill: agentTurns.skill, n: count() })
    .from(agentTurns)
    .where(and(eq(agentTurns.accountId, accountId), gte(agentTurns.at, windowStart(now))))
    .groupBy(agentTurns.skill);
  return new Map(rows.map((r) => [r.skill, r.n]));
}

export interface SkillPerformance {
  volumeByDay: { day: string; count: number }[];
  resolved: number;
  routedToTeam: number;
  recentQuestions: { question: string; at: string; outcome: TurnOutcome; ticketId: string }[];
}

/** Volume per UTC day over the window (days without turns included as 0), outcomes and the latest questions. */
export async function skillPerformance(env: Env, accountId: string, skill: string, now = Date.now()): Promise<SkillPerformance> {
  const d = db(env.DB);
  const since = windowStart(now);
  const scope = and(eq(agentTurns.accountId, accountId), eq(agentTurns.skill, skill), gte(agentTurns.at, since));
  const dayExpr = sql<number>`(${agentTurns.at} / ${sql.raw(String(DAY))})`;
  const [byDay, byOutcome, recent] = await Promise.all([
    d.select({ day: dayExpr, n: count() }).from(agentTurns).where(scope).groupBy(dayExpr),
    d.select({ outcome: agentTurns.outcome, n: count() }).from(agentTurns).where(scope).groupBy(agentTurns.outcome),
    d
      .select({ question: agentTurns.question, at: agentTurns.at, outcome: agentTurns.outcome, ticketId: agentTurns.ticketId })
      .from(agentTurns)
      .where(and(eq(agentTurns.accountId, accountId), eq(agentTurns.skill, skill)))
      .orderBy(desc(agentTurns.at), desc(agentTurns.seq))
      .limit(20),
  ]);
  const counts = new Map(byDay.map((r) => [Number(r.day), r.n]));
  const volumeByDay: { day: string; count: number }[] = [];
  for (let day = since / DAY; day <= Math.floor(now / DAY); day++) volumeByDay.push({ day: new Date(day * DAY).toISOString().slice(0, 10), count: counts.get(day) ?? 0 });
  const outcome = (o: TurnOutcome) => byOutcome.find((r) => r.outcome === o)?.n ?? 0;
  return {
    volumeByDay,
    resolved: outcome("resolved"),
    routedToTeam: outcome("handoff"),
    recentQuestions: recent.map((r) => ({ question: r.question, at: iso(r.at), outcome: r.outcome, ticketId: r.ticketId })),
  };
}

export interface AgentFigures {
  conversations: number;
  resolved: number;
  routedToTeam: number;
  resolutionRate: number;
  bySkill: { skill: string; conversations: number; resolved: number; routedToTeam: number; resolutionRate: number }[];
}

/**
 * Dashboard figures over [from, to): per conversation (ticket), resolved when the agent answered from data and
 * the team never took over; routed to team when any turn handed off. Per skill, by the skill of the conversation's last turn.
 */
export async function agentFigures(env: Env, accountId: string, from: number, to: number): Promise<AgentFigures> {
  const [result] = await env.DB.batch([agentFiguresStatement(env.DB, accountId, from, to)]);
  return agentFiguresOf(rowsOf(result));
}

/** The turns `agentFigures` reads, as a statement for a D1 batch (GET /api/reports reads everything in one). */
export function agentFiguresStatement(d1: D1Database, accountId: string, from: number, to: number): D1PreparedStatement {
  const query = db(d1)
    .select({ ticketId: sql<string>`${agentTurns.ticketId}`.as("ticketId"), skill: agentTurns.skill, outcome: agentTurns.outcome })
    .from(agentTurns)
    .where(and(eq(agentTurns.accountId, accountId), gte(agentTurns.at, from), lt(agentTurns.at, to)))
    .orderBy(agentTurns.seq);
  return statementOf(d1, query.getSQL());
}

/** The figures from the rows of `agentFiguresStatement`, in turn order. */
export function agentFiguresOf(rows: readonly { ticketId: string; skill: string; outcome: string }[]): AgentFigures {
  const byTicket = new Map<string, { skill: string; resolved: boolean; handoff: boolean }>();
  for (const r of rows) {
    const t = byTicket.get(r.ticketId) ?? { skill: r.skill, resolved: false, handoff: false };
    if (!["other", "handoff"].includes(r.skill)) t.skill = r.skill;
    if (r.outcome === "resolved") t.resolved = true;
    if (r.outcome === "handoff") t.handoff = true;
    byTicket.set(r.ticketId, t);
  }
  const rate = (resolved: number, total: number) => (total === 0 ? 0 : Math.round((resolved / total) * 1000) / 1000);
  const skills = new Map<string, { conversations: number; resolved: number; routedToTeam: number }>();
  let resolved = 0;
  let routedToTeam = 0;
  for (const t of byTicket.values()) {
    const ok = t.resolved && !t.handoff;
    if (ok) resolved++;
    if (t.handoff) routedToTeam++;
    const s = skills.get(t.skill) ?? { conversations: 0, resolved: 0, routedToTeam: 0 };
    s.conversations++;
    if (ok) s.resolved++;
    if (t.handoff) s.routedToTeam++;
    skills.set(t.skill, s);
  }
  return {
    conversations: byTicket.size,
    resolved,
    routedToTeam,
    resolutionRate: rate(resolved, byTicket.size),
    bySkill: [...skills.entries()].map(([skill, s]) => ({ skill, ...s, resolutionRate: rate(s.resolved, s.conversations) })).sort((a, b) => b.conversations - a.conversations),
  };
}
