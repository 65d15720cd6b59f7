// Joining a team by a one-time link, and an admin's say over an agent's role and access (docs/api.md "Agents").
// Rules: only an owner makes or unmakes owners; nobody changes their own role or deactivates themself (no lockout);
// a deactivated agent cannot sign in, their sessions end and they go offline, so nothing more is assigned to them.
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { AgentRow, Role } from "../auth/context.ts";
import { db } from "../db/client.ts";
import { accounts, agents, invitations, sessions } from "../db/schema/index.ts";
import { base64url, sha256Hex } from "../lib/crypto.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import { setPresence } from "./presence.ts";
import { createAgent } from "./service.ts";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationRow = typeof invitations.$inferSelect;

function assertMayGrant(by: Pick<AgentRow, "role">, role: Role, path: string): void {
  if (role === "owner" && by.role !== "owner") throw new AppError("forbidden", "Only an owner can make someone an owner", [{ path, message: "owner needs an owner" }]);
}

/** A new invitation and its link secret (returned once; only its hash is kept). A pending one for the same email is replaced. */
export async function createInvitation(env: Env, accountId: string, by: AgentRow, input: { email: string; role: Role; name?: string | undefined }, now = Date.now()) {
  assertMayGrant(by, input.role, "role");
  const d = db(env.DB);
  const email = input.email.toLowerCase();
  const taken = await d.select({ id: agents.id }).from(agents).where(eq(agents.email, email)).limit(1);
  if (taken.length > 0) throw new AppError("conflict", "An agent with this email already exists", [{ path: "email", message: "already registered" }]);
  const token = base64url(crypto.getRandomValues(new Uint8Array(24)));
  const row: InvitationRow = {
    id: newId("inv", now),
    accountId,
    email,
    name: input.name ?? null,
    role: input.role,
    tokenHash: await sha256Hex(token),
    createdBy: by.id,
    createdAt: now,
    expiresAt: now + INVITATION_TTL_MS,
    acceptedAt: null,
    revokedAt: null,
  };
  await d.batch([
    d.update(invitations).set({ revokedAt: now }).where(and(eq(invitations.accountId, accountId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt))),
    d.insert(invitations).values(row),
  ]);
  return { invitation: row, token };
}

/** Invitations still waiting to be accepted, newest first. */
export async function pendingInvitations(env: Env, accountId: string, now = Date.now()): Promise<InvitationRow[]> {
  return db(env.DB)
    .select()
    .from(invitations)
    .where(and(eq(invitations.accountId, accountId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(env: Env, accountId: string, id: string, now = Date.now()): Promise<void> {
  const rows = await db(env.DB)
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.accountId, accountId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  if (rows.length === 0) throw new AppError("not_found", "invitation not found");
}

/** The pending invitation a link's secret opens, with its account's name; 404 for a used, revoked, expired or made-up link. */
export async function openInvitation(env: Env, token: string, now = Date.now()) {
  const rows = await db(env.DB)
    .select({ invitation: invitations, accountName: accounts.name })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .where(eq(invitations.tokenHash, await sha256Hex(token)))
    .limit(1);
  const row = rows[0];
  if (!row || row.invitation.acceptedAt !== null || row.invitation.revokedAt !== null || row.invitation.expiresAt <= now) {
    throw new AppError("not_found", "This invitation link is not valid any more: ask for a new one");
  }
  return row;
}

/** Accepts an invitation once: claims it, then creates the agent (giving the claim back if that fails). */
export async function acceptInvitation(env: Env, token: string, input: { name: string; password: string }, now = Date.now()): Promise<AgentRow> {
  const { invitation } = await openInvitation(env, token, now);
  const d = db(env.DB);
  const claimed = await d
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  if (claimed.length === 0) throw new AppError("not_found", "This invitation link is not valid any more: ask for a new one");
  try {
    return await createAgent(env, invitation.accountId, { name: input.name, email: invitation.email, password: input.password, role: invitation.role }, now);
  } catch (err) {
    await d.update(invitations).set({ acceptedAt: null }).where(eq(invitations.id, invitation.id));
    throw err;
  }
}

/** Changes an agent's role and/or access (owner/admin); see the rules at the top. */
export async function changeAccess(env: Env, accountId: string, by: AgentRow, agentId: string, change: { role?: Role | undefined; active?: boolean | undefined }, now = Date.now()): Promise<AgentRow> {
  const d = db(env.DB);
  const target = (await d.select().from(agents).where(and(eq(agents.accountId, accountId), eq(agents.id, agentId))).limit(1))[0];
  if (!target) throw new AppError("not_found", "agent not found");
  if (target.id === by.id) throw new AppError("forbidden", "You cannot change your own role or access");
  if ((target.role === "owner" || change.role === "owner") && by.role !== "owner") throw new AppError("forbidden", "Only an owner can change an owner or make one");
  const set: Partial<typeof agents.$inferInsert> = {};
  if (change.role !== undefined) set.role = change.role;
  if (change.active !== undefined) set.deactivatedAt = change.active ? null : (target.deactivatedAt ?? now);
  const rows = Object.keys(set).length > 0 ? await d.update(agents).set(set).where(eq(agents.id, agentId)).returning() : [target];
  const updated = rows[0] ?? target;
  if (change.active === false && target.deactivatedAt === null) {
    // Out at once: every session ends, and offline means no more assignments.
    await d.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.agentId, agentId), isNull(sessions.revokedAt)));
    await setPresence(env, accountId, agentId, "offline", now);
    return { ...updated, status: "offline" };
  }
  return updated;
}
