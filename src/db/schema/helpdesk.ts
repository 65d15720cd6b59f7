// D1 tables for helpdesk tools that are not tickets: macros (saved replies).
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const macros = sqliteTable(
  "macros",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    name: text("name").notNull(),
    body: text("body").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    usageCount: integer("usage_count").notNull().default(0),
  },
  (t) => [index("macros_account_idx").on(t.accountId, t.name)],
);

/** Every message and note of every ticket, for search (migrations/0011 adds the FTS5 index `messages_fts` over `body`). */
export const ticketMessagesSearch = sqliteTable(
  "ticket_messages_search",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    ticketId: text("ticket_id").notNull(),
    body: text("body").notNull(),
    internal: integer("internal", { mode: "boolean" }).notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("ticket_messages_search_ticket_idx").on(t.ticketId)],
);
