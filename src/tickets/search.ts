// Search over every message and note (migrations/0011): the D1 rows the ticket actor writes, the hits a query finds,
// and the snippet of the best matching message shown under a result with its matched words marked.
import { and, eq, fillPlaceholders, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import type { SqlReader } from "../db/reads.ts";
import { ticketMessagesSearch } from "../db/schema/index.ts";
import type { MessageRecord, TicketState } from "./model.ts";
import { messageIdOfRow, searchRowId } from "./searchRows.ts";

/** D1 binds at most 100 values a statement: six columns a row. */
export const SEARCH_ROWS_PER_WRITE = 16;

/**
 * The statements that put messages into the search table, for the index write's own batch (no extra round trip);
 * a message already there stays as it was, so a retry writes nothing new.
 */
export function messageSearchStatements(d: Db, t: Pick<TicketState, "id" | "accountId">, rows: readonly MessageRecord[]): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += SEARCH_ROWS_PER_WRITE) {
    const chunk = rows.slice(i, i + SEARCH_ROWS_PER_WRITE);
    const values: Record<string, string | number> = { accountId: t.accountId, ticketId: t.id };
    chunk.forEach((m, n) => Object.assign(values, { [`id${n}`]: searchRowId(t.id, m), [`body${n}`]: m.body, [`internal${n}`]: m.internal ? 1 : 0, [`createdAt${n}`]: m.createdAt }));
    const q = searchInsert(d, chunk.length);
    out.push(d.$client.prepare(q.sql).bind(...(fillPlaceholders(q.params, values) as (string | number)[])));
  }
  return out;
}

/** Deletes of this ticket's search rows `rowIds` (an unmerge's), for the index write's batch. */
export function searchPurgeStatements(d: Db, ticketId: string, rowIds: readonly string[]): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < rowIds.length; i += SEARCH_PURGE_PER_STATEMENT) {
    const { sql: text, params } = d
      .delete(ticketMessagesSearch)
      .where(and(eq(ticketMessagesSearch.ticketId, ticketId), inArray(ticketMessagesSearch.id, rowIds.slice(i, i + SEARCH_PURGE_PER_STATEMENT))))
      .toSQL();
    out.push(d.$client.prepare(text).bind(...(params as string[])));
  }
  return out;
}

/** D1 binds at most 100 values a statement: the ticket id and the rows. */
const SEARCH_PURGE_PER_STATEMENT = 90;

/**
 * The insert of `rows` search rows, built by drizzle once per size (with placeholders) and bound on every index
 * write: building it each time was a fifth of the write's own work in the isolate.
 */
const searchInserts = new Map<number, { sql: string; params: unknown[] }>();

function searchInsert(d: Db, rows: number): { sql: string; params: unknown[] } {
  let q = searchInserts.get(rows);
  if (!q) {
    const [accountId, ticketId] = [sql.placeholder("accountId"), sql.placeholder("ticketId")];
    const values = Array.from({ length: rows }, (_, n) => ({ id: sql.placeholder(`id${n}`), accountId, ticketId, body: sql.placeholder(`body${n}`), internal: sql.placeholder(`internal${n}`), createdAt: sql.placeholder(`createdAt${n}`) }));
    q = d.insert(ticketMessagesSearch).values(values).onConflictDoNothing().toSQL();
    searchInserts.set(rows, q);
  }
  return q;
}

/** The rowids of the tickets whose messages or notes match the FTS5 expression `match` (one account's). */
export function messageHits(accountId: string, match: string): SQL {
  return sql`SELECT t.rowid AS r FROM messages_fts f CROSS JOIN ticket_messages_search m ON m.rowid = f.rowid CROSS JOIN tickets t ON t.id = m.ticket_id WHERE messages_fts MATCH ${match} AND m.account_id = ${accountId}`;
}

/** A message's words around what matched, with the matched ranges (`start` to before `end`, in `text`). */
export interface SearchMatch {
  messageId: string;
  text: string;
  ranges: { start: number; end: number }[];
}

const OPEN = "\u0002";
const CLOSE = "\u0003";

/** The latest matching message of each of `ticketIds`, as a snippet with its matches marked. */
export async function matchesIn(d: SqlReader, accountId: string, match: string, ticketIds: readonly string[]): Promise<Map<string, SearchMatch>> {
  const out = new Map<string, SearchMatch>();
  if (ticketIds.length === 0) return out;
  const rows = await d.all<{ id: string; ticket_id: string; s: string }>(
    sql`SELECT m.id, m.ticket_id, snippet(messages_fts, 0, ${OPEN}, ${CLOSE}, '…', 16) AS s FROM messages_fts f CROSS JOIN ticket_messages_search m ON m.rowid = f.rowid
        WHERE messages_fts MATCH ${match} AND m.account_id = ${accountId} AND m.ticket_id IN (${sql.join(ticketIds.map((id) => sql`${id}`), sql`, `)})
        ORDER BY m.created_at DESC`,
  );
  for (const r of rows) if (!out.has(r.ticket_id)) out.set(r.ticket_id, { messageId: messageIdOfRow(r.id), ...markedRanges(r.s) });
  return out;
}

/** Text with OPEN/CLOSE markers → the plain text and where the marked parts are. */
export function markedRanges(marked: string): { text: string; ranges: { start: number; end: number }[] } {
  let text = "";
  const ranges: { start: number; end: number }[] = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === OPEN) start = text.length;
    else if (ch === CLOSE) {
      if (start >= 0) ranges.push({ start, end: text.length });
      start = -1;
    } else text += ch;
  }
  return { text, ranges };
}
