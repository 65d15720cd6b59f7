// The ticket actor's line to its account's inbox actor (the dashboards' sockets and the live view counts).
import type { InboxEvent } from "../schemas/live.ts";
import type { TicketState } from "./model.ts";

type InboxStub = ReturnType<Env["INBOX"]["get"]>;

export class InboxLink {
  private stub: InboxStub | null = null;

  constructor(
    private readonly env: Env,
    private readonly waitUntil: (p: Promise<unknown>) => void,
  ) {}

  /** The ticket's events go out serialised once, with the fields the inbox's mirror needs; dashboards are never waited for. */
  publish(events: InboxEvent[], t: TicketState): void {
    if (events.length === 0) return;
    const ticket = { id: t.id, status: t.status, spam: t.spam, assigneeId: t.assigneeId, unread: t.unread, handledBy: t.handledBy, messageCount: t.messageCount, updatedAt: t.updatedAt };
    this.waitUntil(this.inbox(t.accountId).publishFrames({ frames: events.map((e) => JSON.stringify(e)), ticket }).catch((err) => console.warn(`ticket ${t.id}: the inbox did not take an event`, err)));
  }

  /** The shopper is typing: the dashboards viewing the ticket show it (best effort). */
  customerTyping(t: TicketState): void {
    void this.inbox(t.accountId).publish([{ type: "typing", ticketId: t.id, author: "customer" }]).catch(() => undefined);
  }

  /** Announces the ticket to the inbox, the registry the D1 index is rebuilt from. */
  register(t: TicketState): Promise<void> {
    return this.inbox(t.accountId).register({ ticketId: t.id, createdAt: t.createdAt });
  }

  private inbox(accountId: string): InboxStub {
    // One stub for the actor's lifetime keeps calls to the inbox in order.
    this.stub ??= this.env.INBOX.get(this.env.INBOX.idFromName(accountId));
    return this.stub;
  }
}
