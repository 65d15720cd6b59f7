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

