// Who is calling: the agent and account behind a bearer token, checked against the session store.
import { and, eq, fillPlaceholders, getTableColumns, isNull, sql } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { authenticateApiKey, isApiKey } from "../apiKeys/service.ts";
import { keyMay, scopeFor } from "../apiKeys/scopes.ts";
import { db } from "../db/client.ts";
import { rowOf, rowsOf } from "../db/reads.ts";
import { accounts, agents, sessions } from "../db/schema/index.ts";
import { verifyToken } from "../lib/crypto.ts";
import { AppError } from "../lib/errors.ts";
import type { AppEnv } from "../app.ts";

export type AgentRow = typeof agents.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;
export type Role = AgentRow["role"];

export interface TokenPayload {
  sid: string;
  sub: string;
  acc: string;
  exp: number;
}

export const TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function tokenSecret(env: Env): string {
  const secret = (env as { TOKEN_SECRET?: string }).TOKEN_SECRET;
  if (!secret || secret.length < 32) throw new AppError("internal", "TOKEN_SECRET is not configured (wrangler secret put TOKEN_SECRET)");
  return secret;
}

export function bearerOf(header: string | undefined | null): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  return m?.[1]?.trim() ?? null;
}

/** The token's claims when its signature holds and it has not expired (no D1 read), or null. */
export async function claimsOf(env: Env, token: string, now = Date.now()): Promise<TokenPayload | null> {
  const payload = await verifyToken<TokenPayload>(tokenSecret(env), token);
  if (!payload || typeof payload.exp !== "number" || payload.exp <= now) return null;
  // Same signing key as visitor tokens: only a token with a session is an agent's.
  if (typeof payload.sid !== "string" || typeof payload.sub !== "string" || typeof payload.acc !== "string") return null;
  return payload;
}

/** The session check's SQL, built by drizzle once (with placeholders) and bound per request: it runs on every call. */
let sessionTemplate: { agent: { sql: string; params: unknown[] }; account: { sql: string; params: unknown[] } } | null = null;

/**
 * A session check as two statements for a D1 batch (so it can share a round trip with the route's reads): the agent
 * of the live session (not revoked, the token's agent and account, not deactivated), and the token's account.
 */
export function sessionStatements(d1: D1Database, p: TokenPayload): D1PreparedStatement[] {
  if (!sessionTemplate) {
    const d = db(d1);
    const [sid, sub, acc] = [sql.placeholder("sid"), sql.placeholder("sub"), sql.placeholder("acc")];
    sessionTemplate = {
      agent: d
        .select(getTableColumns(agents))
        .from(sessions)
        .innerJoin(agents, eq(agents.id, sessions.agentId))
        .where(and(eq(sessions.id, sid), isNull(sessions.revokedAt), eq(sessions.agentId, sub), eq(sessions.accountId, acc), isNull(agents.deactivatedAt)))
        .limit(1)
        .toSQL(),
      account: d.select().from(accounts).where(eq(accounts.id, acc)).limit(1).toSQL(),
    };
  }
  const values = { sid: p.sid, sub: p.sub, acc: p.acc };
  return [sessionTemplate.agent, sessionTemplate.account].map((q) => d1.prepare(q.sql).bind(...(fillPlaceholders(q.params, values) as string[])));
}

/** The session, agent and account from the results of `sessionStatements`, or null when the session is not live. */
export function sessionOf(p: TokenPayload, [agentResult, accountResult]: D1Result[]): { agent: AgentRow; account: AccountRow; sessionId: string } | null {
  const agent = rowsOf<Record<string, unknown>>(agentResult)[0];
  const account = rowsOf<Record<string, unknown>>(accountResult)[0];
  if (!agent || !account) return null;
  return { agent: rowOf(agents, agent), account: rowOf(accounts, account), sessionId: p.sid };
}

/** Resolves a token to its live session, agent and account, or null. */
export async function authenticate(env: Env, token: string, now = Date.now()) {
  const payload = await claimsOf(env, token, now);
  if (!payload) return null;
  return sessionOf(payload, await env.DB.batch(sessionStatements(env.DB, payload)));
}

export const requireAgent: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Sub-apps mounted on the same paths may each ask for it: the caller is checked once per request (or, on a read
  // route, along with its first D1 read: src/auth/sessionReads.ts).
  if (c.var.agent || c.var.pendingSession) return next();
  const token = bearerOf(c.req.header("Authorization")) ?? (c.req.header("Upgrade") === "websocket" ? c.req.query("token") : null) ?? null;
  if (!token) throw new AppError("unauthorized", "Send Authorization: Bearer <token>");
  if (isApiKey(token)) return useApiKey(c, token, next);
  const found = await authenticate(c.env, token);
  if (!found) throw new AppError("unauthorized", "The token is invalid, expired or logged out");
  c.set("agent", found.agent);
  c.set("account", found.account);
  c.set("sessionId", found.sessionId);
  await next();
};

/** An API key acts as the account through a synthetic actor named after the key, within its scopes (docs/platform.md). */
export async function useApiKey(c: Parameters<MiddlewareHandler<AppEnv>>[0], token: string, next: () => Promise<void>) {
  const found = await authenticateApiKey(c.env, tokenSecret(c.env), token);
  if (!found) throw new AppError("unauthorized", "The API key is invalid or revoked");
  const need = scopeFor(c.req.method, c.req.path);
  if (!keyMay(found.key.scopes, need)) throw new AppError("forbidden", need && need !== "any" ? `This API key lacks the scope ${need}` : "This route is not open to API keys");
  c.set("agent", found.agent);
  c.set("account", found.account);
  // A key has no session: its id stands in, and the session routes (logout, password) are closed to keys.
  c.set("sessionId", found.key.id);
  await next();
}

export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A read route checks the session with its first D1 read: the roles are checked then.
    const pending = c.var.agent ? undefined : c.var.pendingSession;
    if (pending) {
      pending.requireRoles(roles);
      return next();
    }
    if (!roles.includes(c.get("agent").role)) throw new AppError("forbidden", `This needs one of the roles: ${roles.join(", ")}`);
    await next();
  };
}

/** Helpdesk roles: all four may use the helpdesk and assign tickets (docs/product.md §2). */
export const HELPDESK_ROLES: Role[] = ["owner", "admin", "manager", "support"];
export const ADMIN_ROLES: Role[] = ["owner", "admin"];

export function publicAgent(a: AgentRow) {
  return { id: a.id, name: a.name, email: a.email, role: a.role, status: a.status, capacity: a.capacity ?? null, active: a.deactivatedAt == null };
}
