// Ticket views and filters served from the D1 index, with keyset cursors.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rowsOf, statementOf, type Reads, type SqlReader } from "../db/reads.ts";
import { tickets } from "../db/schema/index.ts";
import { decodeCursor, encodeCursor, type KeysetCursor } from "../lib/cursor.ts";
import { slaState } from "../sla/rules.ts";
import type { TicketFilters, TicketView } from "../schemas/ticket.ts";
import { iso } from "../lib/clock.ts";
import { waitingSince } from "./rules.ts";
import { hashNumber, phoneDigits, plainNumber, SHORT_QUERY } from "./searchRules.ts";
import { matchesIn, messageHits, type SearchMatch } from "./search.ts";
import { countKeyStatement, tagCountKey } from "./viewCounts.ts";

function withMatch(v: TicketView, m: SearchMatch | undefined): TicketView {
  return m ? { ...v, match: m } : v;
}

type Row = typeof tickets.$inferSelect;

/**
 * The list orders (docs/api.md `sort`). `last_message` is what a row shows as its time; `last_customer` the customer's
 * latest word; `waiting_longest` puts the customer who has waited longest first (oldest last customer message first).
 */
const sorts = {
  updated_desc: { column: "updated_at", dir: "DESC" },
  updated_asc: { column: "updated_at", dir: "ASC" },
  created_desc: { column: "created_at", dir: "DESC" },
  created_asc: { column: "created_at", dir: "ASC" },
  last_message_desc: { column: "last_message_at", dir: "DESC" },
  last_customer_desc: { column: "last_customer_message_at", dir: "DESC" },
  waiting_longest: { column: "last_customer_message_at", dir: "ASC" },
  priority_desc: { column: "priority_rank", dir: "DESC" },
} as const;
type SortColumn = (typeof sorts)[keyof typeof sorts]["column"];

/** A sort column as a total order: a ticket with no such message sorts by when it was created. */
function sortExpr(column: SortColumn, alias = "t"): SQL {
  if (column === "priority_rank") return sql.raw(`(CASE ${alias}.priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'low' THEN 0 ELSE 1 END) * ${PRIORITY_STEP} + coalesce(${alias}.last_message_at, ${alias}.created_at)`);
  return column === "updated_at" || column === "created_at" ? sql.raw(`${alias}.${column}`) : sql.raw(`coalesce(${alias}.${column}, ${alias}.created_at)`);
}

/** Priority first, then the latest message: one number per ticket (a rank step above any epoch-ms time) for the keyset. */
const PRIORITY_STEP = 10_000_000_000_000;
const PRIORITY_RANK: Record<string, number> = { urgent: 3, high: 2, normal: 1, low: 0 };

type Cursor = KeysetCursor;

/** The SQL conditions a view plus filters stand for (docs/api.md: views default to open, except `all`), short of `tag` and `q`. */
export function ticketConditions(accountId: string, me: string, f: TicketFilters, now = Date.now()): SQL[] {
  const view = f.view ?? "all";
  // The AI agent's view: conversations it handles (open) or resolved (closed) — any status unless one is asked for.
  const where: SQL[] = [sql`t.account_id = ${accountId}`, sql`t.message_count > 0`, view === "ai" ? sql`t.handled_by = 'ai'` : sql`t.handled_by = 'team'`];
  const status = f.status ?? (view === "all" || view === "ai" ? undefined : "open");
  if (status) where.push(sql`t.status = ${status}`);
  where.push(view === "spam" ? sql`t.spam = 1` : sql`t.spam = 0`);
  if (view === "mine") where.push(sql`t.assignee_id = ${me}`);
  if (view === "unassigned") where.push(sql`t.assignee_id IS NULL`);
  // SLA views: the running target's due time has passed, or its warning time has (src/sla/rules.ts slaState).
  if (view === "breached") where.push(sql`t.sla_due_at IS NOT NULL AND t.sla_due_at <= ${now}`);
  if (view === "breaching") where.push(sql`t.sla_warn_at <= ${now} AND t.sla_due_at > ${now}`);
  if (f.priority) where.push(sql`t.priority = ${f.priority}`);
  if (f.channel) where.push(sql`t.channel = ${f.channel}`);
  if (f.assigneeId) where.push(f.assigneeId === "none" ? sql`t.assignee_id IS NULL` : sql`t.assignee_id = ${f.assigneeId}`);
  if (f.teamId) where.push(sql`t.team_id = ${f.teamId}`);
  if (f.createdFrom) where.push(sql`t.created_at >= ${Date.parse(f.createdFrom)}`);
  if (f.createdTo) where.push(sql`t.created_at < ${Date.parse(f.createdTo)}`);
  return where;
}


/**
 * The rowids of the tickets `q` finds (docs/api.md `q`), each from an index: `#123` or `123` the ticket number, the
 * start of the customer's email, and words in the customer's name, phone, subject or in any message or note (an
 * order number too) (FTS5, the last word as a prefix; a phone number also by its digits). A ticket may come more than
 * once. Null for short queries (see `SHORT_QUERY`).
 */
export function searchHits(accountId: string, q: string): SQL | null {
  const byHash = hashNumber(q);
  if (byHash !== null) return sql`SELECT rowid AS r FROM tickets WHERE account_id = ${accountId} AND number = ${byHash}`;
  if (q.length < SHORT_QUERY) return null;
  const hits: SQL[] = [];
  const asNumber = plainNumber(q);
  if (asNumber !== null) hits.push(sql`SELECT rowid AS r FROM tickets WHERE account_id = ${accountId} AND number = ${asNumber}`);
  const email = q.toLowerCase();
  hits.push(sql`SELECT rowid AS r FROM tickets WHERE account_id = ${accountId} AND lower(customer_email) >= ${email} AND lower(customer_email) < ${`${email}\u{10FFFF}`}`);
  const match = ftsMatch(q);
  if (match) hits.push(sql`SELECT rowid AS r FROM tickets_fts WHERE tickets_fts MATCH ${match}`, messageHits(accountId, match));
  return sql.join(hits, sql` UNION ALL `);
}

/** The FTS5 expression for `q`: its words as one phrase, the last a prefix; a phone number's digits as one more. */
export function ftsMatch(q: string): string | null {
  const terms: string[] = [];
  if (/[\p{L}\p{N}]/u.test(q)) terms.push(`"${q.replace(/"/g, '""')}"*`);
  const digits = phoneDigits(q);
  if (digits) terms.push(`"${digits}"*`);
  return terms.length > 0 ? terms.join(" OR ") : null;
}

/** A short query: a substring of the number, email, name, phone, subject or latest message, checked row by row. */
function shortQueryCondition(q: string): SQL {
  const like = `%${q.toLowerCase().replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
  const asNumber = plainNumber(q) ?? -1;
  return sql`(t.number = ${asNumber} OR lower(coalesce(t.customer_email,'')) LIKE ${like} ESCAPE '\\' OR lower(coalesce(t.customer_name,'')) LIKE ${like} ESCAPE '\\' OR coalesce(t.customer_phone,'') LIKE ${like} ESCAPE '\\' OR lower(coalesce(t.subject,'')) LIKE ${like} ESCAPE '\\' OR lower(coalesce(t.preview,'')) LIKE ${like} ESCAPE '\\')`;
}

const hasTag = (tag: string) => sql`EXISTS (SELECT 1 FROM ticket_tags tt WHERE tt.ticket_id = t.id AND tt.tag = ${tag.toLowerCase()})`;

/** From this many search hits on, a page comes faster by walking the view in order and keeping the hits. */
const MANY_HITS = 1000;

/** An email or a phone number names one customer: few hits, whatever the count. */
const namesOneCustomer = (q: string) => q.includes("@") || q.replace(/\D/g, "").length >= 7;

/**
 * Which rows a list or count starts from, so that each reads an index rather than the account's every ticket:
 * a search from its hits (`drive`: few, fetched then sorted; `filter`: many, kept while walking the view); a tag
 * in a view of any assignee from that tag's tickets, already in `updated_at` order (ticket_tags.updated_at
 * follows the ticket's, by trigger); everything else walks a view index (tickets_helpdesk_*) in sort order.
 */
function source(accountId: string, me: string, f: TicketFilters, sortColumn: SortColumn, hits: SQL | null, hitsMode: "drive" | "filter") {
  const where = ticketConditions(accountId, me, f);
  if (f.q && !hits) where.push(shortQueryCondition(f.q));
  if (hits && hitsMode === "drive") {
    if (f.tag) where.push(hasTag(f.tag));
    return { from: sql`(SELECT DISTINCT r FROM (${hits})) s CROSS JOIN tickets t ON t.rowid = s.r`, where, key: { v: sortExpr(sortColumn), id: sql.raw("t.id") } };
  }
  if (hits) where.push(sql`t.rowid IN (${hits})`);
  // An assignee's tickets are few next to a tag's, and come in order from tickets_helpdesk_assignee_idx.
  const byAssignee = f.view === "mine" || f.view === "unassigned" || f.assigneeId !== undefined;
  if (f.tag && sortColumn === "updated_at" && !byAssignee && f.view !== "ai") {
    where.unshift(sql`g.account_id = ${accountId}`, sql`g.tag = ${f.tag.toLowerCase()}`);
    return { from: sql`ticket_tags g CROSS JOIN tickets t ON t.id = g.ticket_id`, where, key: { v: sql.raw("g.updated_at"), id: sql.raw("g.ticket_id") } };
  }
  if (f.tag) where.push(hasTag(f.tag));
  return { from: sql`tickets t`, where, key: { v: sortExpr(sortColumn), id: sql.raw("t.id") } };
}

/** A page of a view. `manyHits`: from how many search hits on to walk the view instead (MANY_HITS). */
export async function listTickets(d: SqlReader, accountId: string, me: string, f: TicketFilters & { cursor?: string | undefined; limit: number }, opts = { manyHits: MANY_HITS }) {
  const sort = sorts[f.sort ?? "updated_desc"];
  const dir = sql.raw(sort.dir);
  const hits = f.q ? searchHits(accountId, f.q) : null;
  const page = (mode: "drive" | "filter", limit: SQL) => {
    const { from, where, key } = source(accountId, me, f, sort.column, hits, mode);
    if (f.cursor) {
      const c = decodeCursor(f.cursor);
      where.push(sort.dir === "DESC" ? sql`(${key.v} < ${c.v} OR (${key.v} = ${c.v} AND ${key.id} < ${c.id}))` : sql`(${key.v} > ${c.v} OR (${key.v} = ${c.v} AND ${key.id} > ${c.id}))`);
    }
    return sql`SELECT t.* FROM ${from} WHERE ${sql.join(where, sql` AND `)} ORDER BY ${key.v} ${dir}, ${key.id} ${dir} LIMIT ${limit}`;
  };
  const size = sql`${f.limit + 1}`;
  // A search either fetches its few hits and sorts them or walks the view keeping its many hits. Which one is
  // decided in the same statement (one round trip): the hits are counted up to `manyHits` once, and only the
  // chosen way gets a non-zero LIMIT — SQLite does not start the other.
  const query =
    f.q && hits && !namesOneCustomer(f.q)
      ? sql`WITH c(n) AS MATERIALIZED (SELECT COUNT(*) FROM (SELECT 1 FROM (${hits}) LIMIT ${opts.manyHits}))
          SELECT u.* FROM (
            SELECT * FROM (${page("drive", sql`(SELECT CASE WHEN n < ${opts.manyHits} THEN ${size} ELSE 0 END FROM c)`)})
            UNION ALL SELECT * FROM (${page("filter", sql`(SELECT CASE WHEN n >= ${opts.manyHits} THEN ${size} ELSE 0 END FROM c)`)})
          ) u ORDER BY ${sortExpr(sort.column, "u")} ${dir}, u.id ${dir}`
      : page("drive", size);
  const rows = await d.all<RawRow>(query);
  const items = rows.slice(0, f.limit).map(fromRaw);
  const last = items[items.length - 1];
  const match = f.q && f.q.length >= SHORT_QUERY ? ftsMatch(f.q) : null;
  const found = match ? await matchesIn(d, accountId, match, items.map((r) => r.id)) : new Map<string, SearchMatch>();
  const nextCursor = rows.length > f.limit && last ? encodeCursor({ v: cursorValue(last, sort.column), id: last.id }) : null;
  return { items: items.map((r) => withMatch(rowToView(r), found.get(r.id))), nextCursor };
}

function cursorValue(r: ReturnType<typeof fromRaw>, column: SortColumn): number {
  if (column === "updated_at") return r.updatedAt;
  if (column === "created_at") return r.createdAt;
  if (column === "priority_rank") return (PRIORITY_RANK[r.priority] ?? 1) * PRIORITY_STEP + (r.lastMessageAt ?? r.createdAt);
  return (column === "last_message_at" ? r.lastMessageAt : r.lastCustomerMessageAt) ?? r.createdAt;
}

/** One `SELECT … AS n` statement per view counting its tickets, for a D1 batch (read with `countsOf`). */
export function countStatements(d1: D1Database, accountId: string, me: string, views: readonly TicketFilters[]): D1PreparedStatement[] {
  return views.map((f) => {
    // A tag in a built-in view has its count kept by triggers (src/tickets/viewCounts.ts).
    const key = tagCountKey(f, me);
    if (key) return countKeyStatement(d1, accountId, key);
    // Counting visits every match whichever way: from the hits, there are no more than that.
    const { from, where } = source(accountId, me, f, "updated_at", f.q ? searchHits(accountId, f.q) : null, "drive");
    return statementOf(d1, sql`SELECT COUNT(*) AS n FROM ${from} WHERE ${sql.join(where, sql` AND `)}`);
  });
}

/** The counts from the results of `countStatements`. */
export function countsOf(results: readonly D1Result[]): number[] {
  return results.map((r) => rowsOf<{ n: number }>(r)[0]?.n ?? 0);
}

/** The number of tickets in each view, in one round trip to D1 (a batch of one count per view). */
export async function countTickets(d1: D1Database, reads: Pick<Reads, "batch">, accountId: string, me: string, views: readonly TicketFilters[]): Promise<number[]> {
  if (views.length === 0) return [];
  return countsOf(await reads.batch(countStatements(d1, accountId, me, views)));
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
  ai_tags: string | null;
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
  last_customer_message_at: number | null;
  last_agent_message_at: number | null;
  first_response_at: number | null;
  closed_at: number | null;
  priority: Row["priority"] | null;
  csat_score: number | null;
  csat_at: number | null;
  csat_asked_at: number | null;
  sla_policy_id: string | null;
  sla_due_at: number | null;
  sla_warn_at: number | null;
  merged_into: string | null;
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
    aiTags: JSON.parse(r.ai_tags ?? "[]") as string[],
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
    lastCustomerMessageAt: r.last_customer_message_at,
    lastAgentMessageAt: r.last_agent_message_at,
    firstResponseAt: r.first_response_at,
    closedAt: r.closed_at,
    priority: r.priority ?? "normal",
    csat: r.csat_score != null ? { score: r.csat_score, at: r.csat_at ?? 0 } : null,
    csatAskedAt: r.csat_asked_at,
    sla: r.sla_policy_id && r.sla_due_at != null ? { policyId: r.sla_policy_id, dueAt: r.sla_due_at, warnAt: r.sla_warn_at ?? r.sla_due_at } : null,
    mergedInto: r.merged_into,
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
    aiTags: r.aiTags,
    customer,
    spam: r.spam,
    unread: r.unread,
    handledBy: r.handledBy,
    messageCount: r.messageCount,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    priority: r.priority,
  };
  if (r.sla && r.status === "open") v.sla = { policyId: r.sla.policyId, dueAt: iso(r.sla.dueAt), warnAt: iso(r.sla.warnAt), state: slaState(r.sla, Date.now()) };
  if (r.csat) v.csat = { score: r.csat.score, at: iso(r.csat.at) };
  if (r.csatAskedAt != null) v.csatAskedAt = iso(r.csatAskedAt);
  if (r.mergedInto) v.mergedInto = r.mergedInto;
  if (r.status === "snoozed" && r.snoozeUntil != null) v.snoozeUntil = iso(r.snoozeUntil);
  if (r.subject) v.subject = r.subject;
  if (r.preview) v.preview = r.preview;
  if (r.lastMessageAt != null) v.lastMessageAt = iso(r.lastMessageAt);
  if (r.lastCustomerMessageAt != null) v.lastCustomerMessageAt = iso(r.lastCustomerMessageAt);
  const waiting = waitingSince(r);
  if (waiting != null) v.waitingSince = iso(waiting);
  if (r.firstResponseAt != null) v.firstResponseAt = iso(r.firstResponseAt);
  if (r.closedAt != null) v.closedAt = iso(r.closedAt);
  return v;
}
