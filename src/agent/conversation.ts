// The AI agent inside a ticket's conversation: who answers a new conversation, what the agent sees of the thread,
// and what a handoff carries. Pure functions over the ticket actor's records; the actor does the I/O.
import { DEFAULT_AGENT_CHANNELS, type AccountSettings } from "../accounts/settings.ts";
import type { Channel } from "../schemas/ticket.ts";
import type { MessageRecord } from "../tickets/model.ts";
import type { HandoffPlatform, HandoffRequest } from "./handoffTicket.ts";
import { t, type Lang } from "./i18n/index.ts";
import type { HistoryEntry } from "./types.ts";

/** How many earlier messages a turn sees (the router and the skills only need the recent conversation). */
export const HISTORY_LIMIT = 30;

/** Who answers a new conversation on `channel`: the AI agent when it is on for that channel, the team otherwise (and always for spam). */
export function firstResponder(settings: Pick<AccountSettings, "agent">, channel: Channel, spam = false): "ai" | "team" {
  const agent = settings.agent;
  if (!agent?.enabled || spam) return "team";
  return (agent.channels ?? DEFAULT_AGENT_CHANNELS).includes(channel) ? "ai" : "team";
}

/** The conversation as the agent sees it: public messages, oldest first. */
export function historyOf(messages: readonly MessageRecord[]): HistoryEntry[] {
  return messages.filter((m) => !m.internal).map((m) => ({ author: m.author, text: m.body, at: m.createdAt }));
}

/** The full transcript with timestamps, for a ticket created in an outside helpdesk. */
export function transcriptOf(messages: readonly MessageRecord[]): HandoffRequest["transcript"] {
  return messages.filter((m) => !m.internal).map((m) => ({ author: m.author, text: m.body, at: m.createdAt }));
}

/** Where a handoff goes, from the account's settings: null when the shop chose "Send a message" (no human is offered). */
export function handoffPlatformOf(settings: Pick<AccountSettings, "handoff">): HandoffPlatform | null {
  const h = settings.handoff;
  if (!h) return "builtin";
  return h.method === "helpdesk" ? h.platform : null;
}

/** The shop's own message when it chose "Send a message" instead of a human. */
export function handoffMessageOf(settings: Pick<AccountSettings, "handoff">): string | undefined {
  return settings.handoff?.method === "message" ? settings.handoff.message : undefined;
}

/** Stable ids for what the agent writes in answer to one customer message, so a re-run turn stores nothing twice. */
export function agentReplyId(customerMessageId: string, index: number): string {
  return `${agentReplyPrefix(customerMessageId)}${index}`;
}

/** What the ids of the agent's replies to one customer message start with. */
export function agentReplyPrefix(customerMessageId: string): string {
  return `${customerMessageId}_ai`;
}

export function handoffNoticeId(ticketId: string): string {
  return `msg_ho${ticketId}`;
}

/** Said when a turn failed outright: the team takes the conversation rather than leaving the shopper waiting. */
export function agentFailureText(channel: Channel, lang: Lang = "en"): string {
  return t(lang, channel === "webchat" ? "fallback.failed" : "fallback.failedOther");
}

/** The handoff summary's id: one per ticket (a retried handoff stores it once). */
export function handoffSummaryId(ticketId: string): string {
  return `msg_hs${ticketId}`;
}
