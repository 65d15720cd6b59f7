// Agent passwords: scrypt (N=2^14, r=8, p=5 — one of OWASP's equivalent scrypt settings, 16 MiB) through workerd's
// native node:crypto. Cloudflare's WebCrypto refuses PBKDF2 above 100,000 iterations, a sixth of what OWASP asks for
// PBKDF2-SHA256, so older PBKDF2 hashes are checked as they are and re-hashed with scrypt at the next login (README).
import { scrypt } from "node:crypto";
import { fromHex, hashPassword as pbkdf2Hash, timingSafeEqual, toHex } from "../lib/crypto.ts";

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** What new hashes use. 16 MiB of memory per hash; ~0.2 s of CPU, measured in the README. */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 14, r: 8, p: 5 };
/** Development only (`PASSWORD_HASHING=fast`, set by the test config): the same construction at a toy cost. */
const FAST_PARAMS: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

/** As stored in the agents table: `hash` says its scheme; `iterations` is PBKDF2's count (0 for scrypt). */
export interface StoredPassword {
  hash: string;
  salt: string;
  iterations: number;
}

export function passwordParams(env: { ENVIRONMENT?: string; PASSWORD_HASHING?: string }): ScryptParams {
  return env.ENVIRONMENT === "development" && env.PASSWORD_HASHING === "fast" ? FAST_PARAMS : SCRYPT_PARAMS;
}

function derive(password: string, salt: Uint8Array, params: ScryptParams): Promise<string> {
  return new Promise((resolve, reject) => {
    // maxmem: 128 * N * r * p bytes of scratch plus slack (Node's default cap is 32 MiB).
    scrypt(password.normalize("NFKC"), salt, 32, { ...params, maxmem: 128 * params.N * params.r * (params.p + 1) + 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(toHex(key))));
  });
}

/** `scrypt$<N>$<r>$<p>$<hex key>`, with the salt beside it. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<StoredPassword> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await derive(password, salt, params);
  return { hash: `scrypt$${params.N}$${params.r}$${params.p}$${key}`, salt: toHex(salt), iterations: 0 };
}

function scryptParts(hash: string): { params: ScryptParams; key: string } | null {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([0-9a-f]{64})$/.exec(hash);
  if (!m) return null;
  return { params: { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) }, key: m[4]! };
}

export async function verifyPassword(password: string, stored: StoredPassword): Promise<boolean> {
  const parts = scryptParts(stored.hash);
  if (parts) return timingSafeEqual(await derive(password, fromHex(stored.salt), parts.params), parts.key);
  // Legacy: PBKDF2-SHA256 hex, with its iteration count in its own column.
  const legacy = await pbkdf2Hash(password, stored.iterations, stored.salt);
  return timingSafeEqual(legacy.hash, stored.hash);
}

/** A hash made with anything but the current parameters is replaced at the next successful login. */
export function needsRehash(stored: StoredPassword, params: ScryptParams): boolean {
  const parts = scryptParts(stored.hash);
  return !parts || parts.params.N !== params.N || parts.params.r !== params.r || parts.params.p !== params.p;
}

/** Spends the same work as a real check when the email is unknown, so timing does not tell which emails exist. */
export async function burnPasswordCheck(password: string, params: ScryptParams): Promise<false> {
  await derive(password, new Uint8Array(16), params);
  return false;
}
