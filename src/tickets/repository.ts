// Write-through of a ticket actor's state into the D1 index (views, filters, reports).
import { and, eq, sql } from "drizzle-orm";
import type { TicketState } from "./model.ts";
import type { Db } from "../db/client.ts";
import { outbox, tickets, ticketTags } from "../db/schema/index.ts";

export function ticketRow(t: TicketState): typeof tickets.$inferInsert {
  return {
    id: t.id,
    accountId: t.accountId,
    number: t.number,
    channel: t.channel,
    status: t.status,
    snoozeUntil: t.status === "snoozed" ? t.snoozeUntil : null,
    assigneeId: t.assigneeId,
    teamId: t.teamId,
    tags: JSON.stringify(t.tags),
    customerProfileId: t.customer.profileId ?? null,
    customerEmail: t.customer.email ?? null,
    customerPhone: t.customer.phone ?? null,
    customerName: t.customer.name ?? null,
    subject: t.subject,
    preview: t.preview,
    spam: t.spam,
    unread: t.unread,
    handledBy: t.handledBy,
    messageCount: t.messageCount,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    lastMessageAt: t.lastMessageAt,
    lastCustomerMessageAt: t.lastCustomerMessageAt,
    lastAgentMessageAt: t.lastAgentMessageAt,
    firstResponseAt: t.firstResponseAt,
    closedAt: t.closedAt,
    version: t.version,
  };
}

/**
 * Upserts the ticket row unless D1 already holds a newer version, and replaces its tag rows only when the stored
 * version is this one — all in one D1 batch (one transaction).
 */
export async function writeTicketIndex(d: Db, t: TicketState): Promise<void> {
  const row = ticketRow(t);
  const { id: _id, ...update } = row;
  const isCurrent = sql`(SELECT version FROM tickets WHERE id = ${t.id}) = ${t.version}`;
  await d.batch([
    d.insert(tickets).values(row).onConflictDoUpdate({ target: tickets.id, set: update, setWhere: sql`excluded.version > ${tickets.version}` }),
    d.delete(ticketTags).where(and(eq(ticketTags.ticketId, t.id), isCurrent)),
    ...t.tags.map((tag) =>
      d
        .insert(ticketTags)
        .select(d.select({ accountId: tickets.accountId, ticketId: tickets.id, tag: sql<string>`${tag.toLowerCase()}`.as("tag") }).from(tickets).where(and(eq(tickets.id, t.id), eq(tickets.version, t.version))))
        .onConflictDoNothing(),
    ),
  ]);
}

/** A reply's delivery state as the D1 `outbox` index shows it (reports and the ticket page read it there). */
export interface OutboxIndexRow {
  id: string;
  messageId: string;
  channel: string;
  recipient: string | null;
  body: string;
  createdAt: number;
  status: "pending" | "sent" | "failed" | "skipped";
  attempts: number;
  lastError: string | null;
  sentAt: number | null;
}

export async function writeOutboxIndex(d: Db, t: Pick<TicketState, "id" | "accountId">, rows: readonly OutboxIndexRow[]): Promise<void> {
  if (rows.length === 0) return;
  await d
    .insert(outbox)
    .values(rows.map((o) => ({ id: o.id, messageId: o.messageId, channel: o.channel, recipient: o.recipient, body: o.body, createdAt: o.createdAt, status: o.status, attempts: o.attempts, lastError: o.lastError, sentAt: o.sentAt, accountId: t.accountId, ticketId: t.id })))
    .onConflictDoUpdate({
      target: outbox.id,
      set: { status: sql`excluded.status`, attempts: sql`excluded.attempts`, lastError: sql`excluded.last_error`, sentAt: sql`excluded.sent_at` },
    });
}
