// The `Edgedesk-Signature` header of outbound webhooks: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
// Receivers verify it as `verifySignature` does (docs/platform.md "Verifying a webhook").
import { hmacHex, timingSafeEqual } from "../lib/crypto.ts";

export const SIGNATURE_HEADER = "Edgedesk-Signature";
/** A receiver should refuse a signature older (or newer) than this: a captured request can't be replayed later. */
export const REPLAY_WINDOW_SECONDS = 300;

export async function signatureHeader(secret: string, body: string, nowMs: number): Promise<string> {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${await hmacHex(secret, `${t}.${body}`)}`;
}

/** Whether `header` signs `body` with `secret` within the replay window around `nowMs`. */
export async function verifySignature(secret: string, header: string | null, body: string, nowMs: number, windowSeconds = REPLAY_WINDOW_SECONDS): Promise<boolean> {
  if (!header) return false;
  const parts = new Map<string, string[]>();
  for (const piece of header.split(",")) {
    const [k, v] = piece.split("=", 2).map((s) => s.trim());
    if (k && v) parts.set(k, [...(parts.get(k) ?? []), v]);
  }
  const t = Number(parts.get("t")?.[0]);
  if (!Number.isInteger(t) || Math.abs(nowMs / 1000 - t) > windowSeconds) return false;
  const expected = await hmacHex(secret, `${t}.${body}`);
  // Several v1 values may come while a secret is being rolled: any one matching is enough.
  return (parts.get("v1") ?? []).some((v) => timingSafeEqual(v, expected));
}
