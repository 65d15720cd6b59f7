// Shared shapes of the AI customer agent: the conversation it sees, the context skills and tools work in, and a skill's answer.
import type { LanguageModel } from "ai";
import type { z } from "zod";
import type { AnswerOutcome } from "./rules.ts";
import type { Prerequisite } from "./skillStatus.ts";
import type { Providers } from "../integrations/registry.ts";
import type { Card } from "../schemas/ticket.ts";
import type { SkillId } from "./router/index.ts";
import type { Lang } from "./i18n/index.ts";

export type { Card };

export type AgentChannel = "webchat" | "sms" | "email" | "whatsapp" | "instagram";

export interface HistoryEntry {
  author: "customer" | "ai" | "agent" | "system";
  text: string;
  at: number;
}

export interface ShopperProfile {
  id?: string | undefined;
  email?: string | undefined;
  name?: string | undefined;
  /** Logged in on the shop (a verified web-chat visitor): their email may be used to look up their data. */
  loggedIn: boolean;
}

/** One tool call of a turn, kept so cards and the grounding check can use exactly what the tools returned. */
export interface ToolCall {
  tool: string;
  input: unknown;
  ok: boolean;
  output: unknown;
}

/** A help-center article found for a query (what src/knowledge/service.ts searchArticles returns, as far as tools read it). */
export interface KnowledgeHit {
  title: string;
  body: string;
  kind: string;
}

export interface ToolContext {
  accountId: string;
  channel: AgentChannel;
  /** The language the shopper writes in: replies, dates and card labels use it. */
  language: Lang;
  providers: Providers;
  shopper: ShopperProfile;
  /** The logged-in shopper's email; undefined for a shopper who isn't logged in. */
  verifiedEmail: string | undefined;
  /** Everything the shopper wrote in this conversation, oldest first, the current message last. */
  customerTexts: readonly string[];
  knowledge(query: string, opts: { kinds?: readonly string[]; limit?: number }): Promise<KnowledgeHit[]>;
  now: number;
  /** Calls made this turn; identical calls are answered from here. */
  ledger: ToolCall[];
}

export interface AgentTool<I extends z.ZodType = z.ZodType, O = unknown> {
  name: string;
  description: string;
  input: I;
  run(ctx: ToolContext, input: z.output<I>): Promise<O>;
}

export interface SkillContext extends ToolContext {
  ticketId: string;
  text: string;
  history: readonly HistoryEntry[];
  model?: LanguageModel | undefined;
  /** The shopper's yes or no to a change the agent asked them to confirm, with the message that asked for the change. */
  confirmation?: { answer: "yes" | "no"; request: string } | undefined;
  /** How long the model may take to write the answer (compose.ts; default ANSWER_TIMEOUT_MS). */
  modelTimeoutMs?: number | undefined;
}

export interface AgentAnswer {
  outcome: AnswerOutcome;
  body: string;
  cards: Card[];
  /** Titles of the knowledge-base articles the body quotes. */
  sources: string[];
  /** A person should be offered even though the answer stands (damaged item, parcel missing, late order). */
  offerHuman?: boolean;
  /**
   * Why an unresolved answer is unresolved: "not_found" (nothing in the help center: a human is offered) or
   * "off_topic" (not about the shop: declined without a human).
   */
  why?: "not_found" | "off_topic";
}

export type AnsweringSkillId = Exclude<SkillId, "handoff" | "other">;

export interface Skill {
  id: AnsweringSkillId;
  name: string;
  overview: string;
  whenToUse: string;
  howToRespond: string;
  /** Tool names (keys of `agentTools`). */
  tools: readonly string[];
  needsLogin: boolean | "partly";
  prerequisites: readonly Prerequisite[];
  /** The offline answer: templates filled only from tool results and retrieved passages. */
  answer(ctx: SkillContext): Promise<AgentAnswer>;
}

/** A skill shown on the skills page that isn't built yet. */
export interface ComingSoonSkill {
  id: string;
  name: string;
  overview: string;
}
