// Accounts, agents and sessions: signup, login, logout and agent management.
import { and, eq, isNull } from "drizzle-orm";
import { db } from "../db/client.ts";
import { accounts, agents, sessions } from "../db/schema/index.ts";
import { hashPassword, signToken, toHex, verifyPassword } from "../lib/crypto.ts";
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

async function agentRow(accountId: string, input: NewAgent, now: number): Promise<typeof agents.$inferInsert> {
  const pw = await hashPassword(input.password);
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

export async function createAccount(env: Env, input: { accountName: string; name: string; email: string; password: string; accountId?: string }, now = Date.now()) {
  if (await emailTaken(env, input.email)) throw conflictEmail();
  const accountId = input.accountId ?? newId("acc", now);
  const owner = await agentRow(accountId, { name: input.name, email: input.email, password: input.password, role: "owner" }, now);
  const secret = toHex(crypto.getRandomValues(new Uint8Array(32)));
  const d = db(env.DB);
  try {
    await d.batch([
      d.insert(accounts).values({ id: accountId, name: input.accountName, createdAt: now, identitySecret: secret, settings: "{}" }),
      d.insert(agents).values(owner),
    ]);
  } catch (err) {
    if (String(err).includes("UNIQUE")) throw conflictEmail();
    throw err;
  }
  return { accountId, owner: owner as AgentRow };
}

export async function createAgent(env: Env, accountId: string, input: NewAgent, now = Date.now()): Promise<AgentRow> {
  if (await emailTaken(env, input.email)) throw conflictEmail();
  const row = await agentRow(accountId, input, now);
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

export async function login(env: Env, email: string, password: string): Promise<AgentRow> {
  const rows = await db(env.DB).select().from(agents).where(eq(agents.email, email.toLowerCase())).limit(1);
  const agent = rows[0];
  // Hash anyway when the email is unknown so timing does not reveal which emails exist.
  const ok = agent
    ? await verifyPassword(password, { hash: agent.passwordHash, salt: agent.passwordSalt, iterations: agent.passwordIterations })
    : (await hashPassword(password), false);
  if (!agent || !ok) throw new AppError("unauthorized", "Wrong email or password");
  if (agent.deactivatedAt !== null) throw new AppError("unauthorized", "This agent was deactivated: ask an admin of your team");
  return agent;
}

export async function revokeSession(env: Env, sessionId: string, now = Date.now()): Promise<void> {
  await db(env.DB).update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
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
