// What assignment reads from D1: a rotation's members, whether it is on, office hours, and on first load who holds which ticket.
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { assignmentSettingsOf, parseSettings, type AssignmentSettings } from "../accounts/settings.ts";
import { db } from "../db/client.ts";
import { accounts, agents, teamMembers, teams, tickets } from "../db/schema/index.ts";
import { waitingForTeamSql } from "../tickets/rules.ts";
import type { RotationRef } from "./rotationRpc.ts";

export interface RotationConfig {
  /** In rotation order. */
  members: { id: string; status: string; capacity: number | null }[];
  accountExists: boolean;
  teamExists: boolean;
  settings: AssignmentSettings;
  /** Tickets waiting for the team with an assignee (only when asked: the rotation's first load). */
  holdings: { id: string; assignee_id: string; version: number }[];
}

/** One D1 batch, so the rotation applies a consistent picture. */
export async function loadRotationConfig(env: Env, ref: RotationRef, withHoldings: boolean): Promise<RotationConfig> {
  const d = db(env.DB);
  const member = { id: agents.id, status: agents.status, capacity: agents.capacity };
  const membersQuery = ref.teamId
    ? d
        .select(member)
        .from(teamMembers)
        .innerJoin(agents, and(eq(agents.id, teamMembers.agentId), eq(agents.accountId, teamMembers.accountId)))
        .where(and(eq(teamMembers.accountId, ref.accountId), eq(teamMembers.teamId, ref.teamId)))
        .orderBy(asc(teamMembers.position), asc(agents.id))
    : d.select(member).from(agents).where(eq(agents.accountId, ref.accountId)).orderBy(asc(agents.createdAt), asc(agents.id));
  const [memberRows, accountRows, teamRows, holdingRows] = await d.batch([
    membersQuery,
    d.select({ settings: accounts.settings }).from(accounts).where(eq(accounts.id, ref.accountId)),
    d.select({ id: teams.id }).from(teams).where(and(eq(teams.id, ref.teamId ?? ""), eq(teams.accountId, ref.accountId))),
    d
      .select({ id: tickets.id, assignee_id: tickets.assigneeId, version: tickets.version })
      .from(tickets)
      .where(and(eq(tickets.accountId, withHoldings ? ref.accountId : ""), isNotNull(tickets.assigneeId), sql.raw(waitingForTeamSql("tickets")))),
  ]);
  const account = accountRows[0];
  return {
    members: memberRows,
    accountExists: account !== undefined,
    teamExists: teamRows.length > 0,
    settings: assignmentSettingsOf(parseSettings(account?.settings)),
    holdings: holdingRows.filter((h): h is RotationConfig["holdings"][number] => h.assignee_id !== null),
  };
}
