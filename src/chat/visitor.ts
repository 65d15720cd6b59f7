// Visitor tokens for web chat: signed, scoped to one conversation, no session store needed.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app.ts";
import { tokenSecret } from "../auth/context.ts";
import { hmacHex, signToken, timingSafeEqual, verifyToken } from "../lib/crypto.ts";
import { AppError } from "../lib/errors.ts";
import { assertOriginAllowed } from "./origins.ts";

export interface VisitorClaims {
  kind: "visitor";
  acc: string;
  conv: string;
  /** Verified identity (identityHash checked) — the shopper counts as logged in. */
  ext?: string;
  exp: number;
}

const VISITOR_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export async function issueVisitorToken(env: Env, accountId: string, conversationId: string, externalId: string | null, now = Date.now()): Promise<string> {
  const claims: VisitorClaims = { kind: "visitor", acc: accountId, conv: conversationId, exp: now + VISITOR_TTL_MS };
  if (externalId) claims.ext = externalId;
  return signToken(tokenSecret(env), { ...claims });
}

export async function verifyVisitor(env: Env, token: string | null | undefined, conversationId: string, now = Date.now()): Promise<VisitorClaims> {
  if (!token) throw new AppError("unauthorized", "Send the conversation's visitor token in X-Visitor-Token");
  const claims = await verifyToken<VisitorClaims>(tokenSecret(env), token);
  if (!claims || claims.kind !== "visitor" || claims.exp <= now) throw new AppError("unauthorized", "The visitor token is invalid or expired");
  // A token for another conversation must not reveal that this one exists.
  if (claims.conv !== conversationId) throw new AppError("not_found", "conversation not found");
  return claims;
}

/** What the shop signs for a logged-in shopper (docs/api.md): `externalId + "\n" + (email ?? "")`, so an email is trusted only when signed. */
export function identityPayload(externalId: string, email: string | undefined): string {
  return `${externalId}\n${email ?? ""}`;
}

/** `identityHash` = hex HMAC-SHA256 of identityPayload with the account's identity secret. */
export async function identityHashOf(secret: string, externalId: string, email: string | undefined): Promise<string> {
  return hmacHex(secret, identityPayload(externalId, email));
}

export async function identityVerified(secret: string, externalId: string | undefined, identityHash: string | undefined, email?: string): Promise<boolean> {
  if (!externalId || !identityHash) return false;
  return timingSafeEqual(await identityHashOf(secret, externalId, email), identityHash.toLowerCase());
}

/**
 * Web-chat routes of one conversation (`:id`): the visitor token must be that conversation's, and a browser request
 * must come from a site the account lets embed its chat. Sets `visitor`. The token travels in X-Visitor-Token, or
 * in `?visitorToken=` where a browser cannot set headers (WebSocket, GET links).
 */
export function requireVisitor(token: "header" | "header-or-query" | "query" = "header"): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = token === "query" ? c.req.query("visitorToken") : token === "header" ? c.req.header("X-Visitor-Token") : (c.req.header("X-Visitor-Token") ?? c.req.query("visitorToken"));
    const claims = await verifyVisitor(c.env, raw, c.req.param("id") ?? "");
    await assertOriginAllowed(c.env, claims.acc, c.req.header("Origin"));
    c.set("visitor", claims);
    await next();
  };
}
