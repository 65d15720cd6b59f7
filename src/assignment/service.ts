// Assignment orchestration: applies the trigger rules to ticket changes, and keeps rotation actors told about presence, teams and settings.
import { and, eq } from "drizzle-orm";
import { assignmentSettingsOf, parseSettings } from "../accounts/settings.ts";
import { db } from "../db/client.ts";
import { accounts, profiles, teamMembers, teams as teamsTable } from "../db/schema/index.ts";
import { afterMove, afterRouting, planAssignment, type AssignmentFacts } from "./rules.ts";
import { routeTicket, type RoutingTeam } from "./routing.ts";
import { ticketStub, viaActor } from "../tickets/actors.ts";
import { inParallel } from "../tickets/service.ts";
import { listTeams, teamIdsOfAgents } from "./teams.ts";
import type { RotationRef, TicketReport } from "./rotationRpc.ts";

/** The ticket joins a team as routing decided (null: leaves a deleted one), unless it changed since routing looked at it. */
export type AdoptTeam = (teamId: string | null, seen: AssignmentFacts) => Promise<unknown>;

/** A team's rotation (teamId) or the account-wide one (null). */
export function rotationStub(env: Env, accountId: string, teamId: string | null) {
  return env.ROTATION.get(env.ROTATION.idFromName(`${accountId}:${teamId ?? "*"}`));
}

function ref(accountId: string, teamId: string | null): RotationRef {
  return { accountId, teamId };
}

/**
 * Brings assignment up to date with one change of a ticket (from `before`, null = first report, to
 * `after`): tells the rotations whose counts or queue it touches, then routes, moves or offers it.
 * Safe to repeat: every step is idempotent per ticket.
 */
export async function syncAssignment(env: Env, before: AssignmentFacts | null, after: AssignmentFacts, adoptTeam: AdoptTeam): Promise<void> {
  const { accountId } = after;
  const plan = planAssignment(before, after);

  const told = new Set<string | null>();
  if (plan.recount.length > 0) {
    told.add(null);
    for (const teamId of await teamIdsOfAgents(env, accountId, plan.recount)) told.add(teamId);
  }
  if (plan.leftQueueOf) told.add(plan.leftQueueOf.teamId);
  const report: TicketReport = { ticketId: after.ticketId, version: after.version, active: after.active, assigneeId: after.assigneeId, teamId: after.teamId };
  await Promise.all([...told].map((teamId) => rotationStub(env, accountId, teamId).ticketChanged(ref(accountId, teamId), report)));

  if (plan.action === null) return;
  const context = await routingContext(env, accountId, plan.action === "route" ? after.profileId : null, plan.action === "route");
  const outcome =
    plan.action === "route"
      ? afterRouting(after, routeTicket({ tags: after.tags, segments: context.segments }, context.teams), !(before?.active ?? false), context.roundRobin)
      : afterMove(after, context.roundRobin);
  if (outcome.kind === "adopt") {
    // The team change commits a new version; its report offers the ticket to the team.
    await adoptTeam(outcome.teamId, after);
    return;
  }
  if (outcome.kind === "offer") {
    const res = await rotationStub(env, accountId, outcome.teamId).offer(ref(accountId, outcome.teamId), {
      ticketId: after.ticketId,
      createdAt: after.createdAt,
      expect: { assigneeId: after.assigneeId, teamId: after.teamId },
    });
    // Routed or moved to a team deleted meanwhile: the ticket leaves it (and may go account-wide).
    if (res.teamGone && outcome.teamId !== null && after.teamId === outcome.teamId) await adoptTeam(null, after);
  }
}

interface RoutingContext {
  teams: RoutingTeam[];
  segments: string[];
  roundRobin: boolean;
}

/** Settings, and for routing the teams and the customer's segments, in one D1 round trip. */
async function routingContext(env: Env, accountId: string, profileId: string | null, withTeams: boolean): Promise<RoutingContext> {
  const scope = withTeams ? accountId : "";
  const d = db(env.DB);
  const [settingsRows, profileRows, teamRows, memberRows] = await d.batch([
    d.select({ settings: accounts.settings }).from(accounts).where(eq(accounts.id, accountId)),
    d.select({ segments: profiles.segments }).from(profiles).where(and(eq(profiles.id, profileId ?? ""), eq(profiles.accountId, accountId))),
    d.select({ id: teamsTable.id, priority: teamsTable.priority, tags: teamsTable.tags, segments: teamsTable.segments }).from(teamsTable).where(eq(teamsTable.accountId, scope)).orderBy(teamsTable.priority, teamsTable.createdAt, teamsTable.id),
    d.select({ teamId: teamMembers.teamId, agentId: teamMembers.agentId }).from(teamMembers).where(eq(teamMembers.accountId, scope)).orderBy(teamMembers.position),
  ]);
  const settings = assignmentSettingsOf(parseSettings(settingsRows[0]?.settings));
  const rawSegments = profileRows[0]?.segments;
  const members = new Map<string, string[]>();
  for (const m of memberRows) members.set(m.teamId, [...(members.get(m.teamId) ?? []), m.agentId]);
  const teams = teamRows.map((t) => ({
    id: t.id,
    priority: t.priority,
    tags: JSON.parse(t.tags) as string[],
    segments: JSON.parse(t.segments) as string[],
    agentIds: members.get(t.id) ?? [],
  }));
  return { teams, segments: rawSegments ? (JSON.parse(rawSegments) as string[]) : [], roundRobin: settings.roundRobin };
}

/** Presence listener: the agent's rotations (their teams' and the account-wide one) learn the new status. */
export async function presenceToRotations(env: Env, accountId: string, agentId: string, status: "online" | "offline", at = Date.now()): Promise<void> {
  const teamIds: (string | null)[] = [null, ...(await teamIdsOfAgents(env, accountId, [agentId]))];
  await Promise.all(teamIds.map((teamId) => rotationStub(env, accountId, teamId).setOnline(ref(accountId, teamId), { agentId, online: status === "online", at })));
}

/** Rotations re-read their configuration from D1 after a change: a team's, an agent's (capacity), or all of the account's (settings). */
export async function refreshRotations(env: Env, accountId: string, scope: { teamIds?: readonly string[]; agentIds?: readonly string[]; all?: boolean }): Promise<void> {
  const teamIds = new Set<string | null>(scope.teamIds ?? []);
  if (scope.all) {
    teamIds.add(null);
    for (const t of await listTeams(env, accountId)) teamIds.add(t.id);
  }
  if (scope.agentIds && scope.agentIds.length > 0) {
    teamIds.add(null);
    for (const t of await teamIdsOfAgents(env, accountId, scope.agentIds)) teamIds.add(t);
  }
  await Promise.all([...teamIds].map((teamId) => rotationStub(env, accountId, teamId).refresh(ref(accountId, teamId))));
}

/** A deleted team's waiting tickets leave it (and go to the account-wide rotation when round robin is on). */
export async function disposeTeamRotation(env: Env, accountId: string, teamId: string): Promise<void> {
  const waiting = await rotationStub(env, accountId, teamId).dispose(ref(accountId, teamId));
  await inParallel(waiting, 8, (ticketId) => viaActor(ticketStub(env, accountId, ticketId).update({ teamId: null, ifUnchanged: { assigneeId: null, teamId } })));
}
