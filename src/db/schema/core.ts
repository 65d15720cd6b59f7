// D1 tables for accounts, agents, sessions and the cross-ticket indexes the ticket actors write through.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const accounts = sqliteTable("accounts", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: integer("created_at").notNull(),
  ticketSeq: integer("ticket_seq").notNull().default(0),
  /** HMAC secret for widget identity verification (`identityHash`). */
  identitySecret: text("identity_secret").notNull(),
  /** The secret before the last rotation, still accepted until `previousIdentitySecretUntil` (src/chat/identity.ts). */
  previousIdentitySecret: text("previous_identity_secret"),
  previousIdentitySecretUntil: integer("previous_identity_secret_until"),
  /** JSON: assignment, officeHours, autoClose, handoff, agent, allowedOrigins, unreadBadge… */
  settings: text("settings").notNull().default("{}"),
});

export const agents = sqliteTable(
  "agents",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    role: text("role", { enum: ["owner", "admin", "manager", "support"] }).notNull(),
    passwordHash: text("password_hash").notNull(),
    passwordSalt: text("password_salt").notNull(),
    passwordIterations: integer("password_iterations").notNull(),
    status: text("status", { enum: ["online", "offline"] }).notNull().default("offline"),
    lastSeenAt: integer("last_seen_at"),
    capacity: integer("capacity"),
    createdAt: integer("created_at").notNull(),
    /** Set when an admin deactivates the agent: no sign-in, no session, no assignment; their history stays. */
    deactivatedAt: integer("deactivated_at"),
  },
  (t) => [uniqueIndex("agents_email_unique").on(t.email), index("agents_account_idx").on(t.accountId)],
);

/** One-time links that let someone join an account as an agent (src/accounts/invitations.ts). */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    email: text("email").notNull(),
    name: text("name"),
    role: text("role", { enum: ["owner", "admin", "manager", "support"] }).notNull(),
    /** SHA-256 of the link's secret; the secret itself is shown once, when the invitation is made. */
    tokenHash: text("token_hash").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    acceptedAt: integer("accepted_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("invitations_token_hash_unique").on(t.tokenHash), index("invitations_account_idx").on(t.accountId, t.createdAt)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    agentId: text("agent_id").notNull(),
    accountId: text("account_id").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("sessions_agent_idx").on(t.agentId)],
);

/** The ticket index: one row per ticket actor, written through by it (`version` orders the writes). */
export const tickets = sqliteTable(
  "tickets",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    number: integer("number").notNull(),
    channel: text("channel", { enum: ["webchat", "email", "sms", "whatsapp", "instagram"] }).notNull(),
    status: text("status", { enum: ["open", "snoozed", "closed"] }).notNull(),
    snoozeUntil: integer("snooze_until"),
    assigneeId: text("assignee_id"),
    teamId: text("team_id"),
    tags: text("tags").notNull().default("[]"),
    /** JSON: the tags the AI set (src/tickets/autoTags.ts), a subset of `tags`. */
    aiTags: text("ai_tags").notNull().default("[]"),
    customerProfileId: text("customer_profile_id"),
    customerEmail: text("customer_email"),
    customerPhone: text("customer_phone"),
    customerName: text("customer_name"),
    subject: text("subject"),
    preview: text("preview"),
    spam: integer("spam", { mode: "boolean" }).notNull().default(false),
    unread: integer("unread", { mode: "boolean" }).notNull().default(true),
    /** "ai" while the AI agent handles the conversation; such tickets stay out of helpdesk views. */
    handledBy: text("handled_by", { enum: ["team", "ai"] }).notNull().default("team"),
    messageCount: integer("message_count").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    lastMessageAt: integer("last_message_at"),
    lastCustomerMessageAt: integer("last_customer_message_at"),
    lastAgentMessageAt: integer("last_agent_message_at"),
    firstResponseAt: integer("first_response_at"),
    closedAt: integer("closed_at"),
    version: integer("version").notNull(),
    priority: text("priority", { enum: ["low", "normal", "high", "urgent"] }).notNull().default("normal"),
    /** CSAT: when the shopper was asked, their score (1–5) and when they answered. */
    csatAskedAt: integer("csat_asked_at"),
    csatScore: integer("csat_score"),
    csatAt: integer("csat_at"),
    /** The SLA target running now (null when none): its policy, due and warning times. */
    slaPolicyId: text("sla_policy_id"),
    slaDueAt: integer("sla_due_at"),
    slaWarnAt: integer("sla_warn_at"),
    /** SLA targets this ticket has finished, and how many of them in time (reports' share met). */
    slaMeasured: integer("sla_measured").notNull().default(0),
    slaMet: integer("sla_met").notNull().default(0),
    mergedInto: text("merged_into"),
  },
  (t) => [
    uniqueIndex("tickets_account_number_unique").on(t.accountId, t.number),
    index("tickets_account_created_idx").on(t.accountId, t.createdAt),
    index("tickets_account_profile_idx").on(t.accountId, t.customerProfileId, t.createdAt),
    // The auto-close sweep (src/tickets/autoCloseSweep.ts): open tickets the team has answered.
    index("tickets_open_replied_idx")
      .on(t.accountId, t.lastAgentMessageAt, t.lastCustomerMessageAt, t.id)
      .where(sql`status = 'open' AND last_agent_message_at IS NOT NULL`),
    // The helpdesk's views in keyset order (src/tickets/queries.ts): the tickets the team sees, then by assignee.
    // Status rides along, so status views and their counts (and the inbox and rotation loads) never read the table;
    // no index leads with status, lest the planner prefer it and read the table for every row of a count.
    index("tickets_helpdesk_updated_idx").on(t.accountId, t.spam, t.updatedAt, t.id, t.status).where(sql`handled_by = 'team' AND message_count > 0`),
    index("tickets_helpdesk_assignee_idx").on(t.accountId, t.assigneeId, t.spam, t.updatedAt, t.id, t.status).where(sql`handled_by = 'team' AND message_count > 0`),
    // Saved views' counts by status, channel, priority, assignee or team: a range of the index, never the table.
    index("tickets_helpdesk_count_idx").on(t.accountId, t.spam, t.status, t.channel, t.priority, t.assigneeId, t.teamId).where(sql`handled_by = 'team' AND message_count > 0`),
    // Sorted by the time rows show (migrations/0011), and the AI agent's view.
    index("tickets_helpdesk_last_message_idx").on(t.accountId, t.spam, t.lastMessageAt, t.id, t.status).where(sql`handled_by = 'team' AND message_count > 0`),
    index("tickets_ai_view_idx").on(t.accountId, t.updatedAt, t.id, t.status).where(sql`handled_by = 'ai' AND message_count > 0`),
    // Search by the start of the customer's email (words go through tickets_fts, migrations/0006).
    index("tickets_account_email_idx").on(t.accountId, sql`lower(${t.customerEmail})`),
    // Reports (src/reports/service.ts) read these alone, never the table.
    index("tickets_report_created_idx")
      .on(t.accountId, t.createdAt, t.status, t.channel, t.assigneeId, t.firstResponseAt, t.closedAt, t.id)
      .where(sql`handled_by = 'team' AND spam = 0`),
    index("tickets_report_closed_idx").on(t.accountId, t.closedAt).where(sql`status = 'closed' AND handled_by = 'team' AND spam = 0`),
    // The report's SLA figures (src/reports/satisfaction.ts): index-only over the tickets with a target measured.
    index("tickets_report_sla_idx")
      .on(t.accountId, t.createdAt, t.slaPolicyId, t.assigneeId, t.teamId, t.slaMeasured, t.slaMet, t.handledBy, t.spam)
      .where(sql`handled_by = 'team' AND spam = 0 AND sla_measured > 0`),
    index("tickets_csat_asked_idx").on(t.accountId, t.csatAskedAt).where(sql`csat_asked_at IS NOT NULL`),
    index("tickets_sla_due_idx").on(t.accountId, t.slaDueAt, t.id).where(sql`sla_due_at IS NOT NULL AND status = 'open'`),
  ],
);

export const ticketTags = sqliteTable(
  "ticket_tags",
  {
    accountId: text("account_id").notNull(),
    ticketId: text("ticket_id").notNull(),
    tag: text("tag").notNull(),
    /** The ticket's `updated_at`, kept in step by triggers (migrations/0006), so a tag's tickets come in view order. */
    updatedAt: integer("updated_at").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.tag] }), index("ticket_tags_account_tag_updated_idx").on(t.accountId, t.tag, t.updatedAt, t.ticketId)],
);

/**
 * Which ticket a channel thread currently attaches to: the sender for SMS/WhatsApp/Instagram,
 * the thread id for email. Swapped with compare-and-set so concurrent inbound messages agree.
 */
export const channelThreads = sqliteTable(
  "channel_threads",
  {
    accountId: text("account_id").notNull(),
    channel: text("channel").notNull(),
    threadKey: text("thread_key").notNull(),
    ticketId: text("ticket_id").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.channel, t.threadKey] }), index("channel_threads_ticket_idx").on(t.ticketId)],
);

/** Exactly-once inbound processing: a provider message id claims its ticket and message id once. */
export const inboundReceipts = sqliteTable(
  "inbound_receipts",
  {
    accountId: text("account_id").notNull(),
    channel: text("channel").notNull(),
    providerMessageId: text("provider_message_id").notNull(),
    ticketId: text("ticket_id").notNull(),
    messageId: text("message_id").notNull(),
    createdTicket: integer("created_ticket", { mode: "boolean" }).notNull(),
    reopened: integer("reopened", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.channel, t.providerMessageId] })],
);

/** Replies waiting for (or done with) delivery to the customer's channel. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    ticketId: text("ticket_id").notNull(),
    messageId: text("message_id").notNull(),
    channel: text("channel").notNull(),
    recipient: text("recipient"),
    body: text("body").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed", "skipped"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [uniqueIndex("outbox_message_unique").on(t.messageId), index("outbox_status_idx").on(t.status, t.createdAt)],
);

export const savedViews = sqliteTable(
  "saved_views",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    agentId: text("agent_id"),
    /** Who saved it (null for shared views saved before migration 0008): support may delete only their own. */
    createdBy: text("created_by"),
    name: text("name").notNull(),
    filters: text("filters").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("saved_views_account_idx").on(t.accountId)],
);

/**
 * The built-in views' ticket counts per account (`all`, `unassigned`, `spam`, `ai`, `mine:<agentId>`), kept exact by
 * triggers on `tickets` (migrations/0014_view_and_report_counts.sql; the rule is src/tickets/viewCounts.ts).
 */
export const viewCounts = sqliteTable(
  "view_counts",
  {
    accountId: text("account_id").notNull(),
    view: text("view").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.view] })],
);

/** Customer profiles: who wrote in, their consent and segment memberships. */
export const profiles = sqliteTable(
  "profiles",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    email: text("email"),
    phone: text("phone"),
    name: text("name"),
    externalId: text("external_id"),
    segments: text("segments").notNull().default("[]"),
    smsConsent: text("sms_consent", { enum: ["unknown", "opted_in", "opted_out"] }).notNull().default("unknown"),
    whatsappConsent: text("whatsapp_consent", { enum: ["unknown", "opted_in", "opted_out"] }).notNull().default("unknown"),
    emailConsent: text("email_consent", { enum: ["unknown", "opted_in", "opted_out"] }).notNull().default("unknown"),
    /** The surviving profile when this one was merged into it; lookups by this profile's identifiers land there. */
    mergedInto: text("merged_into"),
    /** JSON {points, tier} last seen from the loyalty provider, to put changes on the timeline. */
    loyaltySnapshot: text("loyalty_snapshot"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("profiles_account_email_unique").on(t.accountId, t.email).where(sql`email IS NOT NULL`),
    uniqueIndex("profiles_account_phone_unique").on(t.accountId, t.phone).where(sql`phone IS NOT NULL`),
    uniqueIndex("profiles_account_external_unique").on(t.accountId, t.externalId).where(sql`external_id IS NOT NULL`),
    index("profiles_merged_into_idx").on(t.accountId, t.mergedInto).where(sql`merged_into IS NOT NULL`),
  ],
);

