// Accounts, agents and sessions: signup, login, logout and agent management.
import { and, eq, isNull, ne } from "drizzle-orm";
import { db } from "../db/client.ts";
import { accounts, agents, sessions } from "../db/schema/index.ts";
import { newIdentitySecret } from "../chat/identity.ts";
import { burnPasswordCheck, hashPassword, needsRehash, passwordParams, verifyPassword } from "../auth/passwords.ts";
import { signToken } from "../lib/crypto.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import { TOKEN_TTL_MS, tokenSecret, type AgentRow, type Role, type TokenPayload } from "../auth/context.ts";

export interface NewAgent {
  name: string;
  email: string;
  password: string;
  role: Role;
  capacity?: number | null;
}

async function agentRow(env: Env, accountId: string, input: NewAgent, now: number): Promise<typeof agents.$inferInsert> {
  const pw = await hashPassword(input.password, passwordParams(env));
  return {
    id: newId("agt", now),
    accountId,
    name: input.name,
    email: input.email.toLowerCase(),
    role: input.role,
    passwordHash: pw.hash,
    passwordSalt: pw.salt,
    passwordIterations: pw.iterations,
    status: "offline",
    capacity: input.capacity ?? null,
    createdAt: now,
  };
}

async function emailTaken(env: Env, email: string): Promise<boolean> {
  const rows = await db(env.DB).select({ id: agents.id }).from(agents).where(eq(agents.email, email.toLowerCase())).limit(1);
  return rows.length > 0;
}

function conflictEmail(): AppError {
  return new AppError("conflict", "An agent with this email already exists", [{ path: "email", message: "already registered" }]);
}

/** Signup says no more than it must to a stranger: no field, no "registered"; the way back is to log in. */
function signupRefused(): AppError {
  return new AppError("conflict", "We could not create an account with these details. If you already have one, log in instead; if you forgot its password, ask your account's owner or an admin.");
}

export async function createAccount(env: Env, input: { accountName: string; name: string; email: string; password: string; accountId?: string; identitySecret?: string }, now = Date.now()) {
  if (await emailTaken(env, input.email)) throw signupRefused();
  const accountId = input.accountId ?? newId("acc", now);
  const owner = await agentRow(env, accountId, { name: input.name, email: input.email, password: input.password, role: "owner" }, now);
  const secret = input.identitySecret ?? newIdentitySecret();
  const d = db(env.DB);
  try {
    await d.batch([
      d.insert(accounts).values({ id: accountId, name: input.accountName, createdAt: now, identitySecret: secret, settings: "{}" }),
      d.insert(agents).values(owner),
    ]);
  } catch (err) {
    if (String(err).includes("UNIQUE")) throw signupRefused();
    throw err;
  }
  return { accountId, owner: owner as AgentRow };
}

export async function createAgent(env: Env, accountId: string, input: NewAgent, now = Date.now()): Promise<AgentRow> {
  if (await emailTaken(env, input.email)) throw conflictEmail();
  const row = await agentRow(env, accountId, input, now);
  try {
    await db(env.DB).insert(agents).values(row);
  } catch (err) {
    if (String(err).includes("UNIQUE")) throw conflictEmail();
    throw err;
  }
  return row as AgentRow;
}

export async function issueToken(env: Env, agent: AgentRow, now = Date.now()): Promise<string> {
  const sid = newId("sess", now);
  const exp = now + TOKEN_TTL_MS;
  await db(env.DB).insert(sessions).values({ id: sid, agentId: agent.id, accountId: agent.accountId, createdAt: now, expiresAt: exp });
  const payload: TokenPayload = { sid, sub: agent.id, acc: agent.accountId, exp };
  return signToken(tokenSecret(env), { ...payload });
}

/** Checks an email and password (throttling and audit: src/auth/login.ts). A stale hash is replaced on success. */
export async function checkPassword(env: Env, email: string, password: string): Promise<{ agent: AgentRow | null; ok: boolean }> {
  const rows = await db(env.DB).select().from(agents).where(eq(agents.email, email.toLowerCase())).limit(1);
  const agent = rows[0] ?? null;
  const params = passwordParams(env);
  // Hash anyway when the email is unknown so timing does not reveal which emails exist.
  if (!agent) return { agent: null, ok: await burnPasswordCheck(password, params) };
  const stored = { hash: agent.passwordHash, salt: agent.passwordSalt, iterations: agent.passwordIterations };
  const ok = await verifyPassword(password, stored);
  if (ok && needsRehash(stored, params)) await setPassword(env, agent.id, password);
  return { agent, ok };
}

export async function setPassword(env: Env, agentId: string, password: string): Promise<void> {
  const pw = await hashPassword(password, passwordParams(env));
  await db(env.DB).update(agents).set({ passwordHash: pw.hash, passwordSalt: pw.salt, passwordIterations: pw.iterations }).where(eq(agents.id, agentId));
}

export async function revokeSession(env: Env, sessionId: string, now = Date.now()): Promise<void> {
  await db(env.DB).update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every other live session of the agent; answers their ids so their sockets can be closed too. */
export async function revokeOtherSessions(env: Env, agentId: string, keepSessionId: string, now = Date.now()): Promise<string[]> {
  const rows = await db(env.DB)
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.agentId, agentId), isNull(sessions.revokedAt), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return rows.map((r) => r.id);
}

export async function listAgents(env: Env, accountId: string): Promise<AgentRow[]> {
  return db(env.DB).select().from(agents).where(eq(agents.accountId, accountId)).orderBy(agents.createdAt);
}

export async function findAgent(env: Env, accountId: string, agentId: string): Promise<AgentRow | null> {
  const rows = await db(env.DB).select().from(agents).where(and(eq(agents.accountId, accountId), eq(agents.id, agentId))).limit(1);
  return rows[0] ?? null;
}

export async function getAccount(env: Env, accountId: string) {
  const rows = await db(env.DB).select().from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return rows[0] ?? null;
}

/** The most open tickets auto-assignment gives this agent (null = no limit). */
export async function setAgentCapacity(env: Env, accountId: string, agentId: string, capacity: number | null): Promise<AgentRow> {
  const rows = await db(env.DB).update(agents).set({ capacity }).where(and(eq(agents.accountId, accountId), eq(agents.id, agentId))).returning();
  if (!rows[0]) throw new AppError("not_found", "agent not found");
  return rows[0];
}
