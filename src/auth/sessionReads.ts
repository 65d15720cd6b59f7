// The dashboard's read routes (lists, view counts, reports) answer in one D1 round trip: the token's signature is
// checked here, and its session — revoked at logout or a password change, in D1 — in the same batch as the
// route's first read. Nothing the route read is handed over before the session is known to be live, so a revoked
// session ends at once, in every isolate, exactly as with `requireAgent`.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv, PendingSession } from "../app.ts";
import { d1Reads, readsThrough, type Reads } from "../db/reads.ts";
import { AppError } from "../lib/errors.ts";
import { isApiKey } from "../apiKeys/service.ts";
import { bearerOf, claimsOf, requireAgent, requireRole, sessionOf, sessionStatements, useApiKey, type Role, type TokenPayload } from "./context.ts";

class SessionReads implements PendingSession {
  private readonly roleSets: (readonly Role[])[] = [];
  private checked = false;
  readonly reads: Reads;

  constructor(
    private readonly c: Context<AppEnv>,
    private readonly claims: TokenPayload,
  ) {
    const d1 = c.env.DB;
    this.reads = readsThrough(d1, async (statements) => {
      if (this.checked) return statements.length === 0 ? [] : d1.batch(statements);
      const session = sessionStatements(d1, claims);
      const results = await d1.batch([...session, ...statements]);
      this.settle(results.slice(0, session.length));
      return results.slice(session.length);
    });
  }

  requireRoles(roles: readonly Role[]): void {
    this.roleSets.push(roles);
  }

  /** The check on its own, for a route that answered without reading D1 (e.g. invalid input). */
  async ensureChecked(): Promise<void> {
    if (!this.checked) await this.reads.batch([]);
  }

  private settle(results: D1Result[]): void {
    const found = sessionOf(this.claims, results);
    if (!found) throw new AppError("unauthorized", "The token is invalid, expired or logged out");
    const role = found.agent.role;
    const refused = this.roleSets.find((roles) => !roles.includes(role));
    if (refused) throw new AppError("forbidden", `This needs one of the roles: ${refused.join(", ")}`);
    this.c.set("agent", found.agent);
    this.c.set("account", found.account);
    this.c.set("sessionId", found.sessionId);
    this.checked = true;
  }
}

/**
 * `requireAgent` + `requireRole(roles)` for GET routes whose handlers read through `c.var.reads` and take the
 * caller's ids from `c.var.caller` (`c.var.agent` and `c.var.account` are set once the first read returns).
 * Other methods on the same path are checked the usual way, before the handler. API keys are checked up front.
 */
export function requireAgentReading(...roles: Role[]): MiddlewareHandler<AppEnv> {
  const checkRoles = requireRole(...roles);
  const upFront: MiddlewareHandler<AppEnv> = (c, next) =>
    requireAgent(c, async () => {
      c.set("caller", { accountId: c.var.agent.accountId, agentId: c.var.agent.id });
      c.set("reads", d1Reads(c.env.DB));
      await checkRoles(c, next);
    });
  return async (c, next) => {
    if (c.req.method !== "GET" || c.var.agent || c.var.pendingSession) return upFront(c, next);
    const token = bearerOf(c.req.header("Authorization"));
    if (!token) throw new AppError("unauthorized", "Send Authorization: Bearer <token>");
    if (isApiKey(token)) {
      return useApiKey(c, token, async () => {
        await upFront(c, next);
      });
    }
    const claims = await claimsOf(c.env, token);
    if (!claims) throw new AppError("unauthorized", "The token is invalid, expired or logged out");
    const session = new SessionReads(c, claims);
    session.requireRoles(roles);
    c.set("pendingSession", session);
    c.set("caller", { accountId: claims.acc, agentId: claims.sub });
    c.set("reads", session.reads);
    await next();
    // A route that answered without reading (invalid input, an error of its own) still answers only a live session.
    await session.ensureChecked();
  };
}
