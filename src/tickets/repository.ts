// Write-through of a ticket actor's state into the D1 index (views, filters, reports).
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { visibleAiTags } from "./autoTags.ts";
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
    aiTags: JSON.stringify(visibleAiTags(t.aiTags, t.tags)),
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
    priority: t.priority ?? "normal",
    csatAskedAt: t.csatAskedAt ?? null,
    csatScore: t.csat?.score ?? null,
    csatAt: t.csat?.at ?? null,
    slaPolicyId: t.sla?.policyId ?? t.slaPolicyId ?? null,
    slaDueAt: t.sla?.dueAt ?? null,
    slaWarnAt: t.sla?.warnAt ?? null,
    slaMeasured: t.slaMeasured ?? 0,
    slaMet: t.slaMet ?? 0,
    mergedInto: t.mergedInto ?? null,
  };
}

/**
 * The upsert of a ticket row, built by drizzle once (with placeholders) and bound on every write: it runs for every
 * change of every ticket, and building the query each time cost more than running it.
 */
let upsertTemplate: { sql: string; names: (keyof TicketRow)[] } | null = null;
type TicketRow = ReturnType<typeof ticketRow>;

function ticketUpsert(d: Db, row: TicketRow): D1PreparedStatement {
  if (!upsertTemplate) {
    const columns = getTableColumns(tickets);
    const keys = Object.keys(row) as (keyof TicketRow)[];
    const values = Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as unknown as TicketRow;
    // The newer version wins: every column takes the incoming value only when its version is higher.
    const set = Object.fromEntries(keys.filter((k) => k !== "id").map((k) => [k, sql.raw(`excluded."${columns[k].name}"`)]));
    const query = d.insert(tickets).values(values).onConflictDoUpdate({ target: tickets.id, set, setWhere: sql`excluded.version > ${tickets.version}` }).toSQL();
    // Each parameter is drizzle's Param around our placeholder (which carries the column key as its name).
    const names = query.params.map((p) => (p as { value?: { name?: string }; name?: string }).value?.name ?? (p as { name?: string }).name);
    if (names.some((n) => n === undefined || !(n in row))) throw new Error("ticket upsert: a parameter is not a placeholder");
    upsertTemplate = { sql: query.sql, names: names as (keyof TicketRow)[] };
  }
  const { sql: text, names } = upsertTemplate;
  return d.$client.prepare(text).bind(...names.map((n) => toDriver(row[n])));
}

function toDriver(v: unknown): string | number | null {
  if (typeof v === "boolean") return v ? 1 : 0;
  return (v ?? null) as string | number | null;
}

/**
 * Upserts the ticket row unless D1 already holds a newer version, and — when its tags changed since `knownTags`
 * (what the last write stored) — replaces its tag rows if the stored version is this one; in one D1 batch (one
 * transaction), with `also` (the new messages' search rows). Returns the tags it leaves in D1.
 */
export async function writeTicketIndex(d: Db, t: TicketState, knownTags: string | null = null, also: readonly D1PreparedStatement[] = []): Promise<string> {
  const tags = JSON.stringify(t.tags.map((x) => x.toLowerCase()));
  const upsert = ticketUpsert(d, ticketRow(t));
  if (tags === knownTags) {
    await d.$client.batch([upsert, ...also]);
    return tags;
  }
  const current = and(eq(tickets.id, t.id), eq(tickets.version, t.version));
  const statements = [
    d.delete(ticketTags).where(and(eq(ticketTags.ticketId, t.id), sql`EXISTS (SELECT 1 FROM ${tickets} WHERE ${current})`)),
    ...t.tags.map((tag) =>
      d
        .insert(ticketTags)
        .select(d.select({ accountId: tickets.accountId, ticketId: tickets.id, tag: sql<string>`${tag.toLowerCase()}`.as("tag"), updatedAt: tickets.updatedAt }).from(tickets).where(current))
        .onConflictDoNothing(),
    ),
  ].map((q) => {
    const { sql: text, params } = q.toSQL();
    return d.$client.prepare(text).bind(...params.map(toDriver));
  });
  await d.$client.batch([upsert, ...statements, ...also]);
  return tags;
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
