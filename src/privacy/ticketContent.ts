// Erasing a customer's content from one ticket actor: the thread, the replies' outbox, webhook events not yet handed
// over, and everything in the state that names the customer. What reports count stays: the ticket's number, channel,
// times, assignee, team and tags (docs/platform.md "Erasure").
import type { TicketState } from "../tickets/model.ts";

export interface ErasedContent {
  messages: number;
}

/** Runs inside the actor, synchronously, before its commit. */
export function eraseTicketContent(sql: SqlStorage, t: TicketState, now: number): ErasedContent {
  const messages = sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM messages").one().n;
  sql.exec("DELETE FROM messages");
  sql.exec("DELETE FROM outbox");
  sql.exec("DELETE FROM webhook_outbox");
  t.customer = {};
  t.subject = null;
  t.preview = null;
  t.threadKey = null;
  t.erasedAt = now;
  // Nothing is left to answer: an open or snoozed shell would only sit in the team's views.
  if (t.status !== "closed") {
    t.status = "closed";
    t.snoozeUntil = null;
    t.closedAt = now;
  }
  t.unread = false;
  t.updatedAt = now;
  return { messages };
}
