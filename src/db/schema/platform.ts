// Platform tables: the audit log (who did what, and when).
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
