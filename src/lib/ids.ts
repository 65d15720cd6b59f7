// Opaque, prefixed, time-ordered ids: the random tail makes them unguessable, the time head sorts them.
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

export type IdPrefix = "acc" | "agt" | "tkt" | "msg" | "team" | "view" | "art" | "mac" | "prof" | "sess" | "req" | "conv" | "out" | "aud" | "sla" | "fil" | "key" | "whk" | "whd" | "evt" | "pev" | "pef" | "cact" | "inv";

function randomTail(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = "";
  for (const b of bytes) out += ALPHABET[b % 36];
  return out;
}

/** `tkt_` + 9 base36 chars of epoch ms + 12 random chars. */
export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  return `${prefix}_${now.toString(36).padStart(9, "0")}${randomTail(12)}`;
}
