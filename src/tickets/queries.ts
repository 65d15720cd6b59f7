// Ticket views and filters served from the D1 index, with keyset cursors.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { tickets } from "../db/schema/index.ts";
import { base64url, fromBase64url } from "../lib/crypto.ts";
import { AppError } from "../lib/errors.ts";
import type { TicketFilters, TicketView } from "../schemas/ticket.ts";
import { iso } from "../lib/clock.ts";

type Row = typeof tickets.$inferSelect;

const sorts = {
  updated_desc: { column: "updated_at", dir: "DESC" },
  updated_asc: { column: "updated_at", dir: "ASC" },
  created_desc: { column: "created_at", dir: "DESC" },
  created_asc: { column: "created_at", dir: "ASC" },
} as const;

interface Cursor {
  v: number;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return base64url(new TextEncoder().encode(JSON.stringify(c)));
}

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(new TextDecoder().decode(fromBase64url(raw))) as Cursor;
    if (typeof c.v === "number" && typeof c.id === "string") return c;
  } catch {
    // fall through
  }
  throw new AppError("validation_failed", "cursor is not valid", [{ path: "cursor", message: "use the nextCursor of a previous page" }]);
}

/** The SQL conditions a view plus filters stand for (docs/api.md: views default to open, except `all`). */
export function ticketConditions(accountId: string, me: string, f: TicketFilters): SQL[] {
  const where: SQL[] = [sql`t.account_id = ${accountId}`, sql`t.message_count > 0`, sql`t.handled_by = 'team'`];
  const view = f.view ?? "all";
  const status = f.status ?? (view === "all" ? undefined : "open");
  if (status) where.push(sql`t.status = ${status}`);
  where.push(view === "spam" ? sql`t.spam = 1` : sql`t.spam = 0`);
  if (view === "mine") where.push(sql`t.assignee_id = ${me}`);
  if (view === "unassigned") where.push(sql`t.assignee_id IS NULL`);
  if (f.channel) where.push(sql`t.channel = ${f.channel}`);
  if (f.assigneeId) where.push(f.assigneeId === "none" ? sql`t.assignee_id IS NULL` : sql`t.assignee_id = ${f.assigneeId}`);
  if (f.teamId) where.push(sql`t.team_id = ${f.teamId}`);
  if (f.tag) where.push(sql`EXISTS (SELECT 1 FROM ticket_tags tt WHERE tt.ticket_id = t.id AND tt.tag = ${f.tag.toLowerCase()})`);
  if (f.createdFrom) where.push(sql`t.created_at >= ${Date.parse(f.createdFrom)}`);
  if (f.createdTo) where.push(sql`t.created_at < ${Date.parse(f.createdTo)}`);
  if (f.q) {
    const byNumber = /^#(\d+)$/.exec(f.q);
    if (byNumber) {
      where.push(sql`t.number = ${Number(byNumber[1])}`);
    } else {
      const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
      const asNumber = /^\d+$/.test(f.q) ? Number(f.q) : -1;
      where.push(
        sql`(t.number = ${asNumber} OR lower(coalesce(t.customer_email,'')) LIKE ${like} ESCAPE '\\' OR lower(coalesce(t.customer_name,'')) LIKE ${like} ESCAPE '\\' OR coalesce(t.customer_phone,'') LIKE ${like} ESCAPE '\\' OR lower(coalesce(t.subject,'')) LIKE ${like} ESCAPE '\\' OR lower(coalesce(t.preview,'')) LIKE ${like} ESCAPE '\\')`,
      );
    }
  }
  return where;
}

export async function listTickets(d: Db, accountId: string, me: string, f: TicketFilters & { cursor?: string | undefined; limit: number }) {
  const sort = sorts[f.sort ?? "updated_desc"];
  const where = ticketConditions(accountId, me, f);
  const col = sql.raw(`t.${sort.column}`);
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    where.push(sort.dir === "DESC" ? sql`(${col} < ${c.v} OR (${col} = ${c.v} AND t.id < ${c.id}))` : sql`(${col} > ${c.v} OR (${col} = ${c.v} AND t.id > ${c.id}))`);
  }
  const dir = sql.raw(sort.dir);
  const rows = await d.all<RawRow>(sql`SELECT t.* FROM tickets t WHERE ${sql.join(where, sql` AND `)} ORDER BY ${col} ${dir}, t.id ${dir} LIMIT ${f.limit + 1}`);
  const page = rows.slice(0, f.limit).map(fromRaw);
  const last = page[page.length - 1];
  const nextCursor = rows.length > f.limit && last ? encodeCursor({ v: sort.column === "updated_at" ? last.updatedAt : last.createdAt, id: last.id }) : null;
  return { items: page.map(rowToView), nextCursor };
}

export async function countTickets(d: Db, accountId: string, me: string, f: TicketFilters): Promise<number> {
  const rows = await d.all<{ n: number }>(sql`SELECT COUNT(*) AS n FROM tickets t WHERE ${sql.join(ticketConditions(accountId, me, f), sql` AND `)}`);
  return rows[0]?.n ?? 0;
}

interface RawRow {
  id: string;
  account_id: string;
  number: number;
  channel: Row["channel"];
  status: Row["status"];
  snooze_until: number | null;
  assignee_id: string | null;
  team_id: string | null;
  tags: string;
  customer_profile_id: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  customer_name: string | null;
  subject: string | null;
  preview: string | null;
  spam: number;
  unread: number;
  handled_by: Row["handledBy"];
  message_count: number;
  created_at: number;
  updated_at: number;
  last_message_at: number | null;
  first_response_at: number | null;
  closed_at: number | null;
}

function fromRaw(r: RawRow) {
  return {
    id: r.id,
    number: r.number,
    channel: r.channel,
    status: r.status,
    snoozeUntil: r.snooze_until,
    assigneeId: r.assignee_id,
    teamId: r.team_id,
    tags: JSON.parse(r.tags) as string[],
    customer: { profileId: r.customer_profile_id, email: r.customer_email, phone: r.customer_phone, name: r.customer_name },
    subject: r.subject,
    preview: r.preview,
    spam: r.spam === 1,
    unread: r.unread === 1,
    handledBy: r.handled_by,
    messageCount: r.message_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastMessageAt: r.last_message_at,
    firstResponseAt: r.first_response_at,
    closedAt: r.closed_at,
  };
}

function rowToView(r: ReturnType<typeof fromRaw>): TicketView {
  const customer: TicketView["customer"] = {};
  if (r.customer.profileId) customer.profileId = r.customer.profileId;
  if (r.customer.email) customer.email = r.customer.email;
  if (r.customer.phone) customer.phone = r.customer.phone;
  if (r.customer.name) customer.name = r.customer.name;
  const v: TicketView = {
    id: r.id,
    number: r.number,
    channel: r.channel,
    status: r.status,
    assigneeId: r.assigneeId,
    teamId: r.teamId,
    tags: r.tags,
    customer,
    spam: r.spam,
    unread: r.unread,
    handledBy: r.handledBy,
    messageCount: r.messageCount,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
  if (r.status === "snoozed" && r.snoozeUntil != null) v.snoozeUntil = iso(r.snoozeUntil);
  if (r.subject) v.subject = r.subject;
  if (r.preview) v.preview = r.preview;
  if (r.lastMessageAt != null) v.lastMessageAt = iso(r.lastMessageAt);
  if (r.firstResponseAt != null) v.firstResponseAt = iso(r.firstResponseAt);
  if (r.closedAt != null) v.closedAt = iso(r.closedAt);
  return v;
}
