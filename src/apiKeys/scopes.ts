// What an API key may call: a small set of scopes and the one table mapping every agent route group to one of them.
// A route not in the table is closed to keys (403), so a new route stays human-only until it is given a scope here.

export const API_KEY_SCOPES = [
  "tickets:read",
  "tickets:write",
  "profiles:read",
  "profiles:write",
  "reports:read",
  "settings:manage",
  "webhooks:manage",
  "audit:read",
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What a route asks of a key: a scope, `any` (every key may call it), or null (people only: keys get 403). */
export type RouteNeed = ApiKeyScope | "any" | null;

type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RouteGroup {
  /** Matches the path after `/api`. */
  path: RegExp;
  read: RouteNeed;
  write: RouteNeed;
}

const GROUPS: readonly RouteGroup[] = [
  // People only: managing keys, one's own session, password and presence, the live dashboard sockets.
  { path: /^\/api-keys(\/|$)/, read: null, write: null },
  { path: /^\/(logout|me\/password)$/, read: null, write: null },
  { path: /^\/agents\/me(\/|$)/, read: null, write: null },
  { path: /^\/inbox\/ws$/, read: null, write: null },
  { path: /^\/tickets\/[^/]+\/typing$/, read: null, write: null },
  { path: /^\/me$/, read: "any", write: null },
  { path: /^\/agent\/classify$/, read: "any", write: "any" },
  { path: /^\/exports\/tickets\.csv$/, read: "tickets:read", write: null },
  { path: /^\/exports\/report\.csv$/, read: "reports:read", write: null },
  { path: /^\/(tickets|views|macros)(\/|$)/, read: "tickets:read", write: "tickets:write" },
  { path: /^\/profiles(\/|$)/, read: "profiles:read", write: "profiles:write" },
  { path: /^\/reports(\/|$)/, read: "reports:read", write: null },
  { path: /^\/(knowledge|skills|teams|agents|sla-policies)(\/|$)/, read: "tickets:read", write: "settings:manage" },
  { path: /^\/(settings|integrations|admin)(\/|$)/, read: "settings:manage", write: "settings:manage" },
  { path: /^\/webhooks(\/|$)/, read: "webhooks:manage", write: "webhooks:manage" },
  { path: /^\/audit(\/|$)/, read: "audit:read", write: null },
];

/** The scope a key needs for `method path` (`path` with or without the `/api` prefix). */
export function scopeFor(method: string, path: string): RouteNeed {
  const rest = path.startsWith("/api/") ? path.slice(4) : path;
  const group = GROUPS.find((g) => g.path.test(rest));
  if (!group) return null;
  const m = method.toUpperCase() as Method;
  return m === "GET" || m === "HEAD" ? group.read : group.write;
}

/** Whether a key holding `scopes` may call a route that needs `need`. */
export function keyMay(scopes: readonly string[], need: RouteNeed): boolean {
  if (need === null) return false;
  return need === "any" || scopes.includes(need);
}
