// The Hono app factory: error mapping, validation hook and the authenticated context type.
import { OpenAPIHono, type z } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import type { Role } from "./auth/permissions.ts";
import type { Reads } from "./db/reads.ts";
import type { accounts, agents } from "./db/schema/index.ts";
import { AppError, asAppError, errorBody, statusOf, type ErrorIssue } from "./lib/errors.ts";

/** A session whose check rides along with a read route's first D1 read; middleware may add the roles it needs meanwhile. */
export interface PendingSession {
  requireRoles(roles: readonly Role[]): void;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    agent: typeof agents.$inferSelect;
    account: typeof accounts.$inferSelect;
    sessionId: string;
    /** A web-chat visitor's verified token (requireVisitor): the account and conversation it is for. */
    visitor: { acc: string; conv: string; ext?: string };
    /** On read routes (requireAgentReading): who the token names, known before the session is checked. */
    caller: { accountId: string; agentId: string };
    /** On read routes: D1 reads whose first batch also checks the caller's session. */
    reads: Reads;
    /** A session to be checked with the route's first read (src/auth/sessionReads.ts). */
    pendingSession: PendingSession;
  };
}

function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message }));
}

/** A sub-app whose invalid input answers 400 `validation_failed` with the zod issues. */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const where = result.target === "json" ? "body" : result.target;
        return c.json(errorBody("validation_failed", `Invalid request ${where}`, issuesOf(result.error)), 400);
      }
      return undefined;
    },
  });
}

export function onError(err: Error, c: { json: (body: unknown, status: number, headers?: Record<string, string>) => Response }): Response {
  const app = asAppError(err);
  if (app) return c.json(errorBody(app.code, app.message, app.issues), app.status, app.retryAfter ? { "Retry-After": String(app.retryAfter) } : undefined);
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return c.json(errorBody("payload_too_large", "Request body is too large"), 413);
    if (status === 400) return c.json(errorBody("validation_failed", err.message || "Malformed request body"), 400);
    if (status === 401) return c.json(errorBody("unauthorized", err.message || "Unauthorized"), 401);
    if (status === 415) return c.json(errorBody("unsupported_media_type", "Send the body as JSON with Content-Type: application/json"), 415);
    return c.json(errorBody(status >= 500 ? "internal" : "validation_failed", err.message), status);
  }
  if (err instanceof SyntaxError) return c.json(errorBody("validation_failed", "Malformed JSON body"), 400);
  console.error("unhandled error", err);
  return c.json(errorBody("internal", "Something went wrong on our side"), statusOf("internal"));
}

export { AppError };
