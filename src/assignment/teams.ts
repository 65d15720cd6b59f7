// Teams in D1: their members in rotation order, the tags and customer segments they take, and their routing priority.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "../db/client.ts";
import { teamMembers, teams } from "../db/schema/index.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import { normaliseTags } from "../tickets/model.ts";

export interface Team {
  id: string;
  name: string;
  description: string | null;
  priority: number;
  agentIds: string[];
  tags: string[];
  segments: string[];
  createdAt: number;
  updatedAt: number;
}

export interface TeamInput {
  name: string;
  description?: string | null | undefined;
  agentIds: string[];
  tags?: string[] | undefined;
  segments?: string[] | undefined;
  priority?: number | undefined;
}

type TeamRow = typeof teams.$inferSelect;

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function toTeam(row: TeamRow, agentIds: string[]): Team {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    priority: row.priority,
    agentIds,
    tags: JSON.parse(row.tags) as string[],
    segments: JSON.parse(row.segments) as string[],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The account's teams, first by routing priority (ties: oldest first). */
export async function listTeams(env: Env, accountId: string): Promise<Team[]> {
  const d = db(env.DB);
  const [rows, members] = await d.batch([
    d.select().from(teams).where(eq(teams.accountId, accountId)).orderBy(asc(teams.priority), asc(teams.createdAt), asc(teams.id)),
    d.select().from(teamMembers).where(eq(teamMembers.accountId, accountId)).orderBy(asc(teamMembers.position)),
  ]);
  const byTeam = new Map<string, string[]>();
  for (const m of members) byTeam.set(m.teamId, [...(byTeam.get(m.teamId) ?? []), m.agentId]);
  return rows.map((r) => toTeam(r, byTeam.get(r.id) ?? []));
}

export async function findTeam(env: Env, accountId: string, teamId: string): Promise<Team | null> {
  const d = db(env.DB);
  const [rows, members] = await d.batch([
    d.select().from(teams).where(and(eq(teams.accountId, accountId), eq(teams.id, teamId))).limit(1),
    d.select().from(teamMembers).where(and(eq(teamMembers.accountId, accountId), eq(teamMembers.teamId, teamId))).orderBy(asc(teamMembers.position)),
  ]);
  const row = rows[0];
  return row ? toTeam(row, members.map((m) => m.agentId)) : null;
}

export async function teamOr404(env: Env, accountId: string, teamId: string): Promise<Team> {
  const team = await findTeam(env, accountId, teamId);
  if (!team) throw new AppError("not_found", "team not found");
  return team;
}

async function assertNameFree(env: Env, accountId: string, name: string, except: string | null): Promise<void> {
  const rows = await db(env.DB)
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.accountId, accountId), sql`lower(${teams.name}) = ${name.toLowerCase()}`));
  if (rows.some((r) => r.id !== except)) throw nameTaken();
}

function nameTaken(): AppError {
  return new AppError("conflict", "A team with this name already exists", [{ path: "name", message: "already used by another team" }]);
}

function memberRows(accountId: string, teamId: string, agentIds: readonly string[]) {
  return unique(agentIds).map((agentId, position) => ({ accountId, teamId, agentId, position }));
}

export async function createTeam(env: Env, accountId: string, input: TeamInput, now = Date.now()): Promise<Team> {
  await assertNameFree(env, accountId, input.name, null);
  const d = db(env.DB);
  const last = await d.select({ max: sql<number | null>`max(${teams.priority})` }).from(teams).where(eq(teams.accountId, accountId));
  const row: TeamRow = {
    id: newId("team", now),
    accountId,
    name: input.name,
    description: input.description ?? null,
    priority: input.priority ?? (last[0]?.max ?? -1) + 1,
    tags: JSON.stringify(normaliseTags(input.tags ?? [])),
    segments: JSON.stringify(unique(input.segments ?? [])),
    createdAt: now,
    updatedAt: now,
  };
  try {
    await d.batch([d.insert(teams).values(row), d.insert(teamMembers).values(memberRows(accountId, row.id, input.agentIds))]);
  } catch (err) {
    if (String(err).includes("UNIQUE")) throw nameTaken();
    throw err;
  }
  return toTeam(row, unique(input.agentIds));
}

export async function updateTeam(env: Env, accountId: string, teamId: string, patch: Partial<TeamInput>, now = Date.now()): Promise<Team> {
  const current = await teamOr404(env, accountId, teamId);
  if (patch.name !== undefined && patch.name.toLowerCase() !== current.name.toLowerCase()) await assertNameFree(env, accountId, patch.name, teamId);
  const d = db(env.DB);
  const set: Partial<TeamRow> = { updatedAt: now };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.priority !== undefined) set.priority = patch.priority;
  if (patch.tags !== undefined) set.tags = JSON.stringify(normaliseTags(patch.tags));
  if (patch.segments !== undefined) set.segments = JSON.stringify(unique(patch.segments));
  const where = and(eq(teams.accountId, accountId), eq(teams.id, teamId));
  try {
    if (patch.agentIds !== undefined) {
      await d.batch([
        d.update(teams).set(set).where(where),
        d.delete(teamMembers).where(and(eq(teamMembers.accountId, accountId), eq(teamMembers.teamId, teamId))),
        d.insert(teamMembers).values(memberRows(accountId, teamId, patch.agentIds)),
      ]);
    } else {
      await d.update(teams).set(set).where(where);
    }
  } catch (err) {
    if (String(err).includes("UNIQUE")) throw nameTaken();
    throw err;
  }
  return teamOr404(env, accountId, teamId);
}

export async function deleteTeam(env: Env, accountId: string, teamId: string): Promise<void> {
  await teamOr404(env, accountId, teamId);
  const d = db(env.DB);
  await d.batch([
    d.delete(teamMembers).where(and(eq(teamMembers.accountId, accountId), eq(teamMembers.teamId, teamId))),
    d.delete(teams).where(and(eq(teams.accountId, accountId), eq(teams.id, teamId))),
  ]);
}

/** Sets routing priority from a complete ordering of the account's teams. */
export async function orderTeams(env: Env, accountId: string, ids: readonly string[], now = Date.now()): Promise<Team[]> {
  const existing = await listTeams(env, accountId);
  const known = new Set(existing.map((t) => t.id));
  const given = new Set(ids);
  const issues = [
    ...ids.filter((id) => !known.has(id)).map((id) => ({ path: "ids", message: `unknown team ${id}` })),
    ...existing.filter((t) => !given.has(t.id)).map((t) => ({ path: "ids", message: `missing team ${t.id}` })),
  ];
  if (given.size !== ids.length) issues.push({ path: "ids", message: "a team is listed twice" });
  if (issues.length > 0) throw new AppError("validation_failed", "ids must list every team of the account exactly once", issues);
  if (ids.length > 0) {
    const d = db(env.DB);
    const [first, ...rest] = ids.map((id, priority) => d.update(teams).set({ priority, updatedAt: now }).where(and(eq(teams.accountId, accountId), eq(teams.id, id))));
    if (first) await d.batch([first, ...rest]);
  }
  return listTeams(env, accountId);
}

/** The teams an agent belongs to (each has a rotation the agent is in). */
export async function teamIdsOfAgents(env: Env, accountId: string, agentIds: readonly string[]): Promise<string[]> {
  if (agentIds.length === 0) return [];
  const rows = await db(env.DB)
    .selectDistinct({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.accountId, accountId), inArray(teamMembers.agentId, [...agentIds])));
  return rows.map((r) => r.teamId);
}

