// API keys: created with scopes and shown once, stored as a keyed hash, listed by prefix, revoked; and the check that
// turns `Authorization: Bearer edk_…` into the account and a synthetic actor (docs/platform.md "API keys").
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { db } from "../db/client.ts";
import { accounts, agents, apiKeys } from "../db/schema/index.ts";
import { base64url, hmacHex } from "../lib/crypto.ts";
import { notFound } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import type { ApiKeyScope } from "./scopes.ts";

/** Every key starts with this, so it is recognisable (secret scanners, logs) and told apart from session tokens. */
export const API_KEY_PREFIX = "edk_";
/** How much of the key lists show. */
const SHOWN_CHARS = 12;
/** last_used_at is written at most this often per key: a busy script costs one D1 write a minute, not one per call. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export function isApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/** 240 random bits: a fast keyed hash (HMAC-SHA256 under TOKEN_SECRET) is enough, no password KDF needed. */
function hashKey(secret: string, key: string): Promise<string> {
  return hmacHex(secret, `api-key\n${key}`);
}

type KeyRow = typeof apiKeys.$inferSelect;

function keyView(k: KeyRow) {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: JSON.parse(k.scopes) as ApiKeyScope[],
    createdAt: new Date(k.createdAt).toISOString(),
    lastUsedAt: k.lastUsedAt === null ? null : new Date(k.lastUsedAt).toISOString(),
    createdBy: k.createdBy,
  };
}
export type ApiKeyView = ReturnType<typeof keyView>;

/** `secret` is TOKEN_SECRET (tokenSecret(env)): rotating it invalidates every key, as it does every session. */
export async function createApiKey(env: Env, secret: string, input: { accountId: string; name: string; scopes: readonly ApiKeyScope[]; createdBy: string }, now = Date.now()) {
  const key = `${API_KEY_PREFIX}${base64url(crypto.getRandomValues(new Uint8Array(30)))}`;
  const row: KeyRow = {
    id: newId("key", now),
    accountId: input.accountId,
    name: input.name,
    prefix: key.slice(0, SHOWN_CHARS),
    keyHash: await hashKey(secret, key),
    scopes: JSON.stringify([...new Set(input.scopes)]),
    createdBy: input.createdBy,
    createdAt: now,
    lastUsedAt: null,
    revokedAt: null,
  };
  await db(env.DB).insert(apiKeys).values(row);
  return { ...keyView(row), key };
}

export async function listApiKeys(env: Env, accountId: string): Promise<ApiKeyView[]> {
  const rows = await db(env.DB).select().from(apiKeys).where(and(eq(apiKeys.accountId, accountId), isNull(apiKeys.revokedAt))).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(keyView);
}

export async function revokeApiKey(env: Env, accountId: string, id: string, now = Date.now()): Promise<ApiKeyView> {
  const rows = await db(env.DB)
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.accountId, accountId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  if (!rows[0]) throw notFound("API key");
  return keyView(rows[0]);
}

type AgentRow = typeof agents.$inferSelect;

export interface KeyIdentity {
  key: { id: string; scopes: string[] };
  /** The synthetic actor the key acts as: its id is the key's id, so audit entries and notes name the key. */
  agent: AgentRow;
  account: typeof accounts.$inferSelect;
}

/** The live key behind `token`, or null. Marks it used (at most once a minute). */
export async function authenticateApiKey(env: Env, secret: string, token: string, now = Date.now()): Promise<KeyIdentity | null> {
  const d = db(env.DB);
  const rows = await d
    .select({ key: apiKeys, account: accounts })
    .from(apiKeys)
    .innerJoin(accounts, eq(accounts.id, apiKeys.accountId))
    .where(and(eq(apiKeys.keyHash, await hashKey(secret, token)), isNull(apiKeys.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const { key, account } = row;
  if (key.lastUsedAt === null || key.lastUsedAt < now - LAST_USED_RESOLUTION_MS) {
    await d
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, now - LAST_USED_RESOLUTION_MS))));
  }
  const agent: AgentRow = {
    id: key.id,
    accountId: account.id,
    name: key.name,
    email: "",
    // Scopes, not the role, bound what a key does: the role only opens the routes' role checks.
    role: "admin",
    passwordHash: "",
    passwordSalt: "",
    passwordIterations: 0,
    status: "offline",
    lastSeenAt: null,
    capacity: null,
    createdAt: key.createdAt,
    deactivatedAt: null,
  };
  return { key: { id: key.id, scopes: JSON.parse(key.scopes) as string[] }, agent, account };
}
