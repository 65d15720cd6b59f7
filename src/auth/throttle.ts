// Login throttling rules (issue 10 item 2): a few free failures per key, then a block that doubles with each further
// failure up to a cap. Never permanent: a block ends by itself, and a quiet hour forgets the streak.
export interface ThrottlePolicy {
  /** Failures allowed before the first block. */
  free: number;
  /** The first block; each further failure doubles it. */
  baseMs: number;
  /** The longest block. */
  capMs: number;
}

/** Per account email: the real user waits at most 15 minutes, however long an attacker keeps trying. */
export const EMAIL_POLICY: ThrottlePolicy = { free: 5, baseMs: 15_000, capMs: 15 * 60_000 };
/** Per client address: more room (an office behind one address), a longer cap. */
export const IP_POLICY: ThrottlePolicy = { free: 20, baseMs: 15_000, capMs: 60 * 60_000 };
/** A streak with no failure for this long starts over. */
export const STREAK_RESET_MS = 60 * 60_000;

/** How long to block after the `failures`-th failure in a row (0 = not yet). */
export function blockAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.free) return 0;
  const doublings = Math.min(failures - policy.free, 30);
  return Math.min(policy.baseMs * 2 ** doublings, policy.capMs);
}

/** Whole seconds for Retry-After, at least 1. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}

export function emailKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

export function ipKey(ip: string): string {
  return `ip:${ip}`;
}
