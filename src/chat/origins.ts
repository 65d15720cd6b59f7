// Which websites may embed an account's chat widget. No list = any site (the default); with a list, a browser
// request from any other origin is refused. Requests without an Origin header (servers, curl) are not browsers
// embedding the widget and pass.
import { getSettings } from "../accounts/settings.ts";
import { AppError } from "../lib/errors.ts";

/** An origin pattern matches exactly, or "https://*.shop.example" matches any subdomain of shop.example over https. */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  for (const pattern of allowed) {
    const wild = /^(https?):\/\/\*\.(.+)$/.exec(pattern);
    if (wild) {
      if (url.protocol === `${wild[1]}:` && url.hostname.endsWith(`.${wild[2]!.replace(/:\d+$/, "")}`)) return true;
      continue;
    }
    if (url.origin === pattern) return true;
  }
  return false;
}

const CACHE_MS = 30_000;
const cache = new Map<string, { origins: string[]; until: number }>();

/** Settings change rarely and chat messages are frequent: each isolate keeps the list for 30 seconds. */
async function allowedOrigins(env: Env, accountId: string): Promise<string[]> {
  const hit = cache.get(accountId);
  const now = Date.now();
  if (hit && hit.until > now) return hit.origins;
  const origins = (await getSettings(env, accountId)).widget?.allowedOrigins ?? [];
  if (cache.size > 5_000) cache.clear();
  cache.set(accountId, { origins, until: now + CACHE_MS });
  return origins;
}

export function forgetAllowedOrigins(accountId: string): void {
  cache.delete(accountId);
}

export async function assertOriginAllowed(env: Env, accountId: string, origin: string | undefined): Promise<void> {
  if (!origin) return;
  const allowed = await allowedOrigins(env, accountId);
  if (allowed.length === 0 || originAllowed(origin, allowed)) return;
  throw new AppError("forbidden", `This shop's chat is not enabled on ${origin}`);
}
