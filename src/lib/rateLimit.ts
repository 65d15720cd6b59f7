// Request rate limits on the Workers Rate Limiting binding (wrangler.toml [[ratelimits]]; numbers and reasons in the
// README): fixed windows counted per Cloudflare location, cheap enough for every chat message. Login throttling
// needs a growing back-off instead and lives in D1 (src/auth/throttle.ts).
import { rateLimited } from "./errors.ts";

/** Each limiter: its binding and the window its limit is counted over (the binding's `period`). */
const limiters = {
  // Also counts follow-up link exchanges (POST /chat/conversations/:id/resume): each starts a chat on a device.
  chatStartPerIp: { binding: "RL_CHAT_START_IP", periodSeconds: 60, what: "new conversations from your address" },
  chatMessagePerConversation: { binding: "RL_CHAT_MESSAGE_CONVERSATION", periodSeconds: 10, what: "messages in this conversation" },
  chatMessagePerIp: { binding: "RL_CHAT_MESSAGE_IP", periodSeconds: 10, what: "chat messages from your address" },
  signupPerIp: { binding: "RL_SIGNUP_IP", periodSeconds: 60, what: "signups from your address" },
  chatUploadPerConversation: { binding: "RL_CHAT_UPLOAD_CONVERSATION", periodSeconds: 60, what: "files in this conversation" },
  chatUploadPerIp: { binding: "RL_CHAT_UPLOAD_IP", periodSeconds: 60, what: "files from your address" },
} as const;

export type LimiterName = keyof typeof limiters;

interface LimiterEnv {
  RATE_LIMIT_EXEMPT_IPS?: string;
}

/**
 * Addresses that skip the chat and signup limits (`RATE_LIMIT_EXEMPT_IPS`, comma-separated): a load test or the
 * shop's own monitoring. The bench sets it for loopback; login throttling ignores it.
 */
export function isExemptIp(env: Env, ip: string | null): boolean {
  const list = (env as LimiterEnv).RATE_LIMIT_EXEMPT_IPS;
  if (!ip || !list) return false;
  return list.split(",").some((entry) => entry.trim() === ip);
}

/** Counts one request against `key`; over the limit → 429 `rate_limited` with Retry-After (the window's length). */
export async function enforceLimit(env: Env, name: LimiterName, key: string): Promise<void> {
  const l = limiters[name];
  const binding = (env as unknown as Record<string, RateLimit | undefined>)[l.binding];
  // A deployment whose wrangler.toml predates the limiters has no binding: serve rather than fail every chat.
  if (!binding) return;
  const { success } = await binding.limit({ key });
  if (!success) throw rateLimited(`Too many ${l.what}; try again in ${l.periodSeconds} seconds`, l.periodSeconds);
}

/** The per-address limiters: skipped when the address is unknown (local tests) or exempt. */
export async function enforceIpLimit(env: Env, name: LimiterName, ip: string | null): Promise<void> {
  if (!ip || isExemptIp(env, ip)) return;
  await enforceLimit(env, name, ip);
}
