// Write-through of a ticket actor's state into the D1 index (views, filters, reports).
import { sql } from "drizzle-orm";
import type { TicketState } from "./model.ts";
import type { Db } from "../db/client.ts";
import { outbox, tickets } from "../db/schema/index.ts";

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
 * Upserts the ticket row unless D1 already holds a newer version, and replaces its tag rows
 * only when the stored version is this one — all in one D1 batch (one transaction).
 */
export async function writeTicketIndex(d1: D1Database, d: Db, t: TicketState): Promise<void> {
  const row = ticketRow(t);
  const { id: _id, ...update } = row;
  const upsert = d
    .insert(tickets)
    .values(row)
    .onConflictDoUpdate({ target: tickets.id, set: update, setWhere: sql`excluded.version > ${tickets.version}` })
    .toSQL();
  const isCurrent = "(SELECT version FROM tickets WHERE id = ?) = ?";
  const statements = [
    d1.prepare(upsert.sql).bind(...upsert.params),
    d1.prepare(`DELETE FROM ticket_tags WHERE ticket_id = ? AND ${isCurrent}`).bind(t.id, t.id, t.version),
    ...t.tags.map((tag) =>
      d1
        .prepare(`INSERT OR IGNORE INTO ticket_tags (account_id, ticket_id, tag) SELECT ?, ?, ? WHERE ${isCurrent}`)
        .bind(t.accountId, t.id, tag.toLowerCase(), t.id, t.version),
    ),
  ];
  await d1.batch(statements);
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
