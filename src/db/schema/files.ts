// D1 table for files attached to messages: the bytes live in R2, this row scopes them to an account and a ticket.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const files = sqliteTable(
  "files",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    ticketId: text("ticket_id").notNull(),
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    r2Key: text("r2_key").notNull(),
    /** Who brought it: "visitor", "agent", or the inbound channel ("email", "sms", "whatsapp", "instagram"). */
    source: text("source").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("files_account_ticket_idx").on(t.accountId, t.ticketId)],
);
