// D1 tables for assignment: teams (tags and customer segments they take, routing priority) and their members in rotation order.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const teams = sqliteTable(
  "teams",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    /** Routing order: the first matching team by ascending priority takes the ticket. */
    priority: integer("priority").notNull(),
    /** JSON array of ticket tags this team takes. */
    tags: text("tags").notNull().default("[]"),
    /** JSON array of customer segment ids this team takes. */
    segments: text("segments").notNull().default("[]"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("teams_account_priority_idx").on(t.accountId, t.priority), uniqueIndex("teams_account_name_unique").on(t.accountId, t.name)],
);

/** A team's agents; `position` is their order in the team's rotation. */
export const teamMembers = sqliteTable(
  "team_members",
  {
    accountId: text("account_id").notNull(),
    teamId: text("team_id").notNull(),
    agentId: text("agent_id").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.agentId] }), index("team_members_account_agent_idx").on(t.accountId, t.agentId)],
);
