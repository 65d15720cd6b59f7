// Erasing a customer's content from one ticket actor: the thread, the replies' outbox, webhook events not yet handed
// over, and everything in the state that names the customer. What reports count stays: the ticket's number, channel,
// times, assignee, team and tags (docs/platform.md "Erasure").
import { forgetVerified } from "../chat/verifiedShopper.ts";
import { closeSocket } from "../lib/sockets.ts";
import { before, type TicketHost } from "../tickets/host.ts";
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

/** The ticket actor's collaborator for erasure: content gone, sockets closed, one commit (the D1 row follows). */
export class TicketErasure {
  constructor(
    private readonly host: TicketHost,
    private readonly ctx: DurableObjectState,
  ) {}

  async erase(): Promise<ErasedContent> {
    const t = this.host.ticket();
    const previous = before(t);
    const erased = eraseTicketContent(this.host.store.sql, t, this.host.seams().clock.now());
    forgetVerified(this.host.store);
    for (const ws of this.ctx.getWebSockets()) closeSocket(ws, 4000, "conversation erased");
    await this.host.commit(previous, []);
    return erased;
  }
}
