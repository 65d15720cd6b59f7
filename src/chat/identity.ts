// Widget identity verification: the shop's server signs who the shopper is; only a signed identity counts as logged in.
// `identityHash` = hex HMAC-SHA256, keyed with the account's identity secret, over `identityCanonical(externalId, email)`.
import { eq, sql } from "drizzle-orm";
import { db } from "../db/client.ts";
import { accounts } from "../db/schema/index.ts";
import { hmacHex, timingSafeEqual, toHex } from "../lib/crypto.ts";
import { AppError } from "../lib/errors.ts";

/** After a rotation the old secret keeps verifying for this long, so shops can roll their servers over. */
export const IDENTITY_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

/** The signed string (docs/api.md "Added in turn 2"): the shopper's id, a newline, and their email or nothing. */
export function identityCanonical(externalId: string, email?: string | null): string {
  return `${externalId}\n${email ?? ""}`;
}

/** What a shop's server computes; exported for the dev seed, the demo store and tests. */
export function identityHash(secret: string, externalId: string, email?: string | null): Promise<string> {
  return hmacHex(secret, identityCanonical(externalId, email));
}

export function newIdentitySecret(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(32)));
}

export interface IdentitySecrets {
  identitySecret: string;
  previousIdentitySecret?: string | null;
  previousIdentitySecretUntil?: number | null;
}

/** The secrets that verify right now: the current one, and the previous one during its grace period. */
export function liveSecrets(a: IdentitySecrets, now: number): string[] {
  const out = [a.identitySecret];
  if (a.previousIdentitySecret && (a.previousIdentitySecretUntil ?? 0) > now) out.push(a.previousIdentitySecret);
  return out;
}

export interface ClaimedVisitor {
  externalId?: string | undefined;
  email?: string | undefined;
  identityHash?: string | undefined;
}

export interface VerifiedIdentity {
  /** The shop signed this visitor: "logged in" for the AI agent. */
  verified: boolean;
  /** The email the signature covers (null when the shop signed none); the only email the agent may look data up by. */
  email: string | null;
}

/**
 * Checks a visitor's claim. No hash: anonymous (an email is contact details only, never an identity). A hash that
 * does not cover exactly this externalId and email (an email added or changed after signing) is refused.
 */
export async function verifyVisitorIdentity(secrets: IdentitySecrets, v: ClaimedVisitor | undefined, now = Date.now()): Promise<VerifiedIdentity> {
  if (!v?.identityHash) return { verified: false, email: null };
  if (!v.externalId) throw new AppError("validation_failed", "identityHash needs the externalId it signs", [{ path: "visitor.externalId", message: "required with identityHash" }]);
  const given = v.identityHash.toLowerCase();
  for (const secret of liveSecrets(secrets, now)) {
    if (timingSafeEqual(await identityHash(secret, v.externalId, v.email), given)) return { verified: true, email: v.email?.toLowerCase() ?? null };
  }
  throw new AppError("unauthorized", "identityHash does not sign this externalId and email", [
    { path: "visitor.identityHash", message: 'HMAC-SHA256 over externalId + "\\n" + (email ?? "") with the identity secret does not match' },
  ]);
}

/** A new secret; the old one keeps verifying for IDENTITY_SECRET_GRACE_MS. */
export async function rotateIdentitySecret(env: Env, accountId: string, now = Date.now()): Promise<{ identitySecret: string; previousValidUntil: number }> {
  const secret = newIdentitySecret();
  const until = now + IDENTITY_SECRET_GRACE_MS;
  const rows = await db(env.DB)
    .update(accounts)
    .set({ previousIdentitySecret: sql`${accounts.identitySecret}`, previousIdentitySecretUntil: until, identitySecret: secret })
    .where(eq(accounts.id, accountId))
    .returning({ id: accounts.id });
  if (!rows[0]) throw new AppError("not_found", "account not found");
  return { identitySecret: secret, previousValidUntil: until };
}
