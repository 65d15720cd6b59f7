// D1 tables for the customer profile's timeline, saved timeline filters and the commerce actions agents take from a ticket.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Events Edgedesk itself saw (conversations, clicks, consent, loyalty and commerce changes); store events are read live. */
export const profileEvents = sqliteTable(
  "profile_events",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    profileId: text("profile_id").notNull(),
    metric: text("metric").notNull(),
    occurredAt: integer("occurred_at").notNull(),
    /** JSON object. */
    properties: text("properties").notNull().default("{}"),
  },
  (t) => [index("profile_events_profile_idx").on(t.accountId, t.profileId, t.occurredAt)],
);

export const profileEventFilters = sqliteTable(
  "profile_event_filters",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    agentId: text("agent_id").notNull(),
    name: text("name").notNull(),
    /** JSON array of metric names. */
    metrics: text("metrics").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("profile_event_filters_name_unique").on(t.accountId, t.agentId, t.name)],
);

/** Links in outgoing SMS, shortened to the Worker's own /l/:code; a click lands on the profile's timeline. */
export const shortLinks = sqliteTable("short_links", {
  code: text("code").primaryKey(),
  accountId: text("account_id").notNull(),
  profileId: text("profile_id"),
  ticketId: text("ticket_id").notNull(),
  messageId: text("message_id").notNull(),
  url: text("url").notNull(),
  createdAt: integer("created_at").notNull(),
});

/** Order and subscription changes made from a ticket; the demo store replays its own rows to keep its state. */
export const commerceActions = sqliteTable(
  "commerce_actions",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    profileId: text("profile_id").notNull(),
    ticketId: text("ticket_id"),
    agentId: text("agent_id").notNull(),
    provider: text("provider").notNull(),
    action: text("action", { enum: ["order.cancel", "order.line_quantity", "subscription.skip", "subscription.cancel", "subscription.frequency"] }).notNull(),
    targetId: text("target_id").notNull(),
    /** JSON object. */
    params: text("params").notNull().default("{}"),
    at: integer("at").notNull(),
  },
  (t) => [index("commerce_actions_account_provider_idx").on(t.accountId, t.provider, t.at)],
);
