// What assignment reads from D1: a rotation's members, whether it is on, office hours, and on first load who holds which ticket.
import { assignmentSettingsOf, parseSettings, type AssignmentSettings } from "../accounts/settings.ts";
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

/** One D1 batch, so the rotation applies a consistent picture. Raw SQL: a join ordered by team position, read in one round trip. */
export async function loadRotationConfig(env: Env, ref: RotationRef, withHoldings: boolean): Promise<RotationConfig> {
  const d1 = env.DB;
  const membersQuery = ref.teamId
    ? d1
        .prepare(
          "SELECT a.id, a.status, a.capacity FROM team_members m JOIN agents a ON a.id = m.agent_id AND a.account_id = m.account_id WHERE m.account_id = ? AND m.team_id = ? ORDER BY m.position, a.id",
        )
        .bind(ref.accountId, ref.teamId)
    : d1.prepare("SELECT id, status, capacity FROM agents WHERE account_id = ? ORDER BY created_at, id").bind(ref.accountId);
  const [membersRes, accountRes, teamRes, holdingsRes] = await d1.batch([
    membersQuery,
    d1.prepare("SELECT settings FROM accounts WHERE id = ?").bind(ref.accountId),
    d1.prepare("SELECT id FROM teams WHERE id = ? AND account_id = ?").bind(ref.teamId ?? "", ref.accountId),
    d1.prepare(`SELECT id, assignee_id, version FROM tickets WHERE account_id = ? AND assignee_id IS NOT NULL AND ${waitingForTeamSql()}`).bind(withHoldings ? ref.accountId : ""),
  ]);
  const account = (accountRes?.results ?? [])[0] as { settings: string } | undefined;
  return {
    members: (membersRes?.results ?? []) as RotationConfig["members"],
    accountExists: account !== undefined,
    teamExists: ((teamRes?.results ?? []) as unknown[]).length > 0,
    settings: assignmentSettingsOf(parseSettings(account?.settings)),
    holdings: (holdingsRes?.results ?? []) as RotationConfig["holdings"],
  };
}
