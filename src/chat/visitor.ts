// Visitor tokens for web chat: signed, scoped to one conversation, no session store needed.
import { tokenSecret } from "../auth/context.ts";
import { hmacHex, signToken, timingSafeEqual, verifyToken } from "../lib/crypto.ts";
import { AppError } from "../lib/errors.ts";

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

/** `identityHash` = hex HMAC-SHA256 of `externalId` with the account's identity secret. */
export async function identityVerified(secret: string, externalId: string | undefined, identityHash: string | undefined): Promise<boolean> {
  if (!externalId || !identityHash) return false;
  return timingSafeEqual(await hmacHex(secret, externalId), identityHash.toLowerCase());
}
