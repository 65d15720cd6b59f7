// Platform tables: the audit log (who did what, and when), API keys, outbound webhooks and their deliveries.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    at: integer("at").notNull(),
    /** The agent (or API key) that acted; null for the anonymous (a failed login, a webhook). */
    actorId: text("actor_id"),
    /** Dotted verb, e.g. `auth.login.failed`, `settings.updated`, `api_key.created`. */
    action: text("action").notNull(),
    /** What was acted on: an id, or an email for a login. */
    target: text("target"),
    ip: text("ip"),
    /** Extra facts as a JSON object (never secrets). */
    details: text("details").notNull().default("{}"),
  },
  (t) => [
    index("audit_account_at_idx").on(t.accountId, t.at, t.id),
    index("audit_account_action_at_idx").on(t.accountId, t.action, t.at, t.id),
    index("audit_account_actor_at_idx").on(t.accountId, t.actorId, t.at, t.id),
  ],
);

/** API keys: only a keyed hash of the key is kept; `prefix` is what lists show. */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    /** JSON array of scopes (src/apiKeys/scopes.ts). */
    scopes: text("scopes").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_hash_unique").on(t.keyHash), index("api_keys_account_idx").on(t.accountId, t.createdAt)],
);

/** Outbound webhook subscriptions: where an account's events go, signed with `secret` (sealed at rest). */
export const webhookSubscriptions = sqliteTable(
  "webhook_subscriptions",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    url: text("url").notNull(),
    /** JSON array of event types (src/webhooks/events.ts). */
    events: text("events").notNull(),
    secret: text("secret").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("webhook_subscriptions_account_idx").on(t.accountId, t.createdAt)],
);

/** One row per delivery attempt of an event to a subscription: the log the dashboard shows. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    subscriptionId: text("subscription_id").notNull(),
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    attempt: integer("attempt").notNull(),
    /** The receiver's HTTP status; null when no response came (timeout, refused connection). */
    status: integer("status"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
    at: integer("at").notNull(),
  },
  (t) => [index("webhook_deliveries_subscription_at_idx").on(t.subscriptionId, t.at, t.id), index("webhook_deliveries_at_idx").on(t.at)],
);
