// Outbound webhook events: their types, their JSON body, and which ones a ticket commit produces (pure rules).
import type { TicketEventType } from "../schemas/live.ts";
import type { MessageView, TicketView } from "../schemas/ticket.ts";

export const WEBHOOK_EVENT_TYPES = ["ticket.created", "ticket.updated", "ticket.closed", "message.created", "handoff", "csat.created"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** Sent only by the test-send route, to the one subscription it tests. */
export const TEST_EVENT_TYPE = "webhook.test" as const;

/** The JSON body of every request: `id` is the idempotency id, the same on every retry of this event. */
export interface WebhookEvent {
  id: string;
  type: WebhookEventType | typeof TEST_EVENT_TYPE;
  createdAt: string;
  accountId: string;
  data: { ticket?: TicketView; message?: MessageView; [k: string]: unknown };
}

export interface CommitFacts {
  /** The inbox events the commit asked for (ticket.created, ticket.updated, ticket.snooze_ended). */
  inboxEvents: readonly TicketEventType[];
  previous: { status: TicketView["status"]; handledBy: "team" | "ai" };
  ticket: TicketView;
  messages: readonly MessageView[];
}

/**
 * The webhook events of one commit, in order: ticket.created, then one message.created per message (carrying the
 * ticket, as on the inbox socket), else ticket.updated for a change without messages; ticket.closed when the status
 * became closed; handoff when the AI agent passed the conversation to the team; csat.created when the customer rated it.
 */
export function eventsOfCommit(c: CommitFacts): { type: WebhookEventType; data: WebhookEvent["data"] }[] {
  const out: { type: WebhookEventType; data: WebhookEvent["data"] }[] = [];
  const created = c.inboxEvents.includes("ticket.created");
  if (created) out.push({ type: "ticket.created", data: { ticket: c.ticket } });
  for (const message of c.messages) out.push({ type: "message.created", data: { ticket: c.ticket, message } });
  if (!created && c.messages.length === 0 && c.inboxEvents.length > 0) out.push({ type: "ticket.updated", data: { ticket: c.ticket } });
  if (c.previous.status !== "closed" && c.ticket.status === "closed") out.push({ type: "ticket.closed", data: { ticket: c.ticket } });
  if (c.previous.handledBy === "ai" && c.ticket.handledBy === "team") out.push({ type: "handoff", data: { ticket: c.ticket } });
  if (c.inboxEvents.includes("ticket.csat") && c.ticket.csat) out.push({ type: "csat.created", data: { ticket: c.ticket, csat: c.ticket.csat } });
  return out;
}
