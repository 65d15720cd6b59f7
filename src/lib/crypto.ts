// Legacy PBKDF2-SHA256 password hashes (new ones: src/auth/passwords.ts), signed expiring tokens (HMAC-SHA256) and HMAC helpers, on WebCrypto.
const enc = new TextEncoder();

/** What PBKDF2 hashes were made with before scrypt: still verified, and re-hashed at the next login. */
export const PASSWORD_ITERATIONS = 100_000;

export function toHex(buf: ArrayBuffer | Uint8Array): string {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function fromBase64url(s: string): Uint8Array<ArrayBuffer> {
  const b = atob(s.replaceAll("-", "+").replaceAll("_", "/"));
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
}

/** Constant-time comparison of two equal-length strings. */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

export async function hashPassword(password: string, iterations = PASSWORD_ITERATIONS, saltHex?: string): Promise<PasswordHash> {
  const salt = saltHex ? fromHex(saltHex) : crypto.getRandomValues(new Uint8Array(16));
  const key = await crypto.subtle.importKey("raw", enc.encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, 256);
  return { hash: toHex(bits), salt: toHex(salt), iterations };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await hashPassword(password, stored.iterations, stored.salt);
  return timingSafeEqual(candidate.hash, stored.hash);
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

/**
 * The signing key of tokens, imported once per isolate: every authenticated request verifies a token, and the import
 * was half of that work. One secret signs them all (TOKEN_SECRET), so only the last one is kept.
 */
let tokenKey: { secret: string; key: Promise<CryptoKey> } | null = null;

function tokenSigningKey(secret: string): Promise<CryptoKey> {
  if (tokenKey?.secret !== secret) {
    const key = hmacKey(secret);
    tokenKey = { secret, key };
    key.catch(() => {
      if (tokenKey?.key === key) tokenKey = null;
    });
  }
  return tokenKey.key;
}

export async function hmacHex(secret: string, data: string): Promise<string> {
  return toHex(await crypto.subtle.sign("HMAC", await hmacKey(secret), enc.encode(data)));
}

export async function sha256Hex(data: string): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", enc.encode(data)));
}

/** A compact signed token: base64url(JSON payload) + "." + base64url(HMAC). */
export async function signToken(secret: string, payload: Record<string, unknown>): Promise<string> {
  const body = base64url(enc.encode(JSON.stringify(payload)));
  const sig = await crypto.subtle.sign("HMAC", await tokenSigningKey(secret), enc.encode(body));
  return `${body}.${base64url(new Uint8Array(sig))}`;
}

/**
 * Tokens whose signature this isolate has checked, with their payloads (frozen: callers share them), for the
 * secret that signed them. A dashboard sends the same token with every request, and the HMAC was the largest
 * part of a list request's own work after the D1 read. Only the signature is remembered: expiry and the session
 * (logout, password change) are still checked on every request by the callers.
 */
const VERIFIED_TOKENS_KEPT = 1024;
const verifiedBySecret = new Map<string, Map<string, unknown>>();

export async function verifyToken<T>(secret: string, token: string): Promise<T | null> {
  let verified = verifiedBySecret.get(secret);
  if (!verified) {
    // A handful of secrets sign tokens (agents and visitors, CSAT links); a rotated one is dropped with the rest.
    if (verifiedBySecret.size >= 4) verifiedBySecret.clear();
    verified = new Map();
    verifiedBySecret.set(secret, verified);
  }
  const known = verified.get(token);
  if (known !== undefined) return known as T;
  const [body, sig] = token.split(".");
  if (!body || !sig) return null;
  const expected = base64url(new Uint8Array(await crypto.subtle.sign("HMAC", await tokenSigningKey(secret), enc.encode(body))));
  if (!timingSafeEqual(expected, sig)) return null;
  let payload: T;
  try {
    payload = Object.freeze(JSON.parse(new TextDecoder().decode(fromBase64url(body)))) as T;
  } catch {
    return null;
  }
  remember(verified, token, payload);
  return payload;
}

function remember(tokens: Map<string, unknown>, token: string, payload: unknown): void {
  if (tokens.size >= VERIFIED_TOKENS_KEPT) {
    const oldest = tokens.keys().next().value;
    if (oldest !== undefined) tokens.delete(oldest);
  }
  tokens.set(token, payload);
}
