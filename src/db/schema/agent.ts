// D1 tables of the AI customer agent: connected integrations, the knowledge base, the turns it answered and skill requests.
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** One row per connected integration; `credentials` is sealed (AES-GCM) and never leaves the Worker. */
export const integrations = sqliteTable(
  "integrations",
  {
    accountId: text("account_id").notNull(),
    kind: text("kind").notNull(),
    credentials: text("credentials").notNull(),
    connectedAt: integer("connected_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.kind] })],
);

/**
 * Which account a channel address belongs to (a Twilio number, an Instagram account id), so one webhook URL serves
 * every account of a deployment. Kept in step with the twilio/instagram integrations; an address has one owner.
 */
export const channelAddresses = sqliteTable(
  "channel_addresses",
  {
    channel: text("channel", { enum: ["sms", "whatsapp", "instagram"] }).notNull(),
    address: text("address").notNull(),
    accountId: text("account_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.address] }), index("channel_addresses_account_idx").on(t.accountId)],
);

/**
 * Help-centre articles the agent answers from. `seq` is the integer rowid the FTS5 index
 * (`knowledge_fts`, kept in step by triggers in the knowledge_fts migration) points at.
 */
export const knowledgeArticles = sqliteTable(
  "knowledge_articles",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull(),
    accountId: text("account_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("knowledge_articles_id_unique").on(t.id),
    index("knowledge_articles_account_created_idx").on(t.accountId, t.createdAt, t.seq),
    index("knowledge_articles_account_kind_idx").on(t.accountId, t.kind),
  ],
);

/** One row per customer message the AI agent answered: feeds skill volume, performance and resolution figures. */
export const agentTurns = sqliteTable(
  "agent_turns",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    accountId: text("account_id").notNull(),
    ticketId: text("ticket_id").notNull(),
    skill: text("skill").notNull(),
    confidence: real("confidence").notNull(),
    channel: text("channel").notNull(),
    question: text("question").notNull(),
    /** resolved: answered from data; pending: asked the shopper something; handoff: routed to the team. */
    outcome: text("outcome", { enum: ["resolved", "pending", "handoff"] }).notNull(),
    at: integer("at").notNull(),
  },
  (t) => [
    index("agent_turns_account_skill_at_idx").on(t.accountId, t.skill, t.at),
    index("agent_turns_account_ticket_idx").on(t.accountId, t.ticketId, t.at),
  ],
);

/** "Request a skill" from the skills page. */
export const skillRequests = sqliteTable(
  "skill_requests",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    agentId: text("agent_id").notNull(),
    description: text("description").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("skill_requests_account_idx").on(t.accountId, t.createdAt)],
);
