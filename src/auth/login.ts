// Logging in: throttled per account email and per client address (src/auth/throttle.ts), every outcome audited.
import { checkPassword } from "../accounts/service.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError, rateLimited } from "../lib/errors.ts";
import type { AgentRow } from "./context.ts";
import { EMAIL_POLICY, emailKey, IP_POLICY, ipKey, retryAfterSeconds } from "./throttle.ts";
import { blockedFor, clearFailures, recordFailure } from "./throttleRepository.ts";

function tooMany(waitMs: number): AppError {
  return rateLimited("Too many failed logins; wait before trying again", retryAfterSeconds(waitMs));
}

/**
 * While a block runs nothing is checked (a right password waits too: otherwise the block would only slow guessing,
 * not stop it). Blocks end by themselves, so the real user is never locked out for good.
 */
export async function login(env: Env, input: { email: string; password: string; ip: string | null }, now = Date.now()): Promise<AgentRow> {
  const keys = [emailKey(input.email), ...(input.ip ? [ipKey(input.ip)] : [])];
  const wait = await blockedFor(env, keys, now);
  if (wait > 0) throw tooMany(wait);
  const { agent, ok } = await checkPassword(env, input.email, input.password);
  if (agent && ok) {
    await clearFailures(env, emailKey(input.email));
    // A deactivated agent's right password opens nothing (and is not a failure to throttle).
    if (agent.deactivatedAt !== null) throw new AppError("unauthorized", "This agent was deactivated: ask an admin of your team");
    await recordAudit(env, { accountId: agent.accountId, action: "auth.login", actorId: agent.id, target: agent.email, ip: input.ip }, now);
    return agent;
  }
  const byEmail = await recordFailure(env, emailKey(input.email), EMAIL_POLICY, now);
  const byIp = input.ip ? await recordFailure(env, ipKey(input.ip), IP_POLICY, now) : null;
  if (agent) {
    const audit = { accountId: agent.accountId, target: agent.email, ip: input.ip };
    await recordAudit(env, { ...audit, action: "auth.login_failed", details: { failuresInARow: byEmail.failures } }, now);
    if (byEmail.blockMs > 0) await recordAudit(env, { ...audit, action: "auth.login_throttled", details: { retryAfterSeconds: retryAfterSeconds(byEmail.blockMs) } }, now);
  }
  const blockMs = Math.max(byEmail.blockMs, byIp?.blockMs ?? 0);
  // The failure that starts a block already says so, with how long to wait.
  if (blockMs > 0) throw tooMany(blockMs);
  throw new AppError("unauthorized", "Wrong email or password");
}
