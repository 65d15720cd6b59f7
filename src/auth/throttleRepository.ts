// Login throttle state in D1 (table login_throttle): one row per email or client address with a failure streak.
import { inArray, eq, sql } from "drizzle-orm";
import { db } from "../db/client.ts";
import { loginThrottle } from "../db/schema/index.ts";
import { blockAfter, STREAK_RESET_MS, type ThrottlePolicy } from "./throttle.ts";

/** The longest block still running on any of the keys, in ms (0 = free to try). */
export async function blockedFor(env: Env, keys: string[], now: number): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db(env.DB).select({ until: loginThrottle.blockedUntil }).from(loginThrottle).where(inArray(loginThrottle.key, keys));
  return Math.max(0, ...rows.map((r) => (r.until ?? 0) - now));
}

/** Counts one failure (atomically, so concurrent guesses all count) and starts or lengthens the key's block. */
export async function recordFailure(env: Env, key: string, policy: ThrottlePolicy, now: number): Promise<{ failures: number; blockMs: number }> {
  const d = db(env.DB);
  const rows = await d
    .insert(loginThrottle)
    .values({ key, failures: 1, lastFailureAt: now, blockedUntil: null })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`CASE WHEN ${loginThrottle.lastFailureAt} < ${now - STREAK_RESET_MS} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: loginThrottle.failures });
  const failures = rows[0]?.failures ?? 1;
  const blockMs = blockAfter(failures, policy);
  if (blockMs > 0) {
    await d
      .update(loginThrottle)
      .set({ blockedUntil: sql`MAX(COALESCE(${loginThrottle.blockedUntil}, 0), ${now + blockMs})` })
      .where(eq(loginThrottle.key, key));
  }
  return { failures, blockMs };
}

/** A successful login ends the email's streak (the address keeps its own). */
export async function clearFailures(env: Env, key: string): Promise<void> {
  await db(env.DB).delete(loginThrottle).where(eq(loginThrottle.key, key));
}
