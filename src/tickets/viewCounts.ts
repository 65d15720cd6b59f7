// The built-in views' counts (GET /api/views `builtIn`), read from `view_counts`: D1 triggers keep it in the same
// transaction as every change of a ticket row (migrations/0014_view_and_report_counts.sql), so a read is one indexed lookup
// however many tickets an account has, and exact — the same as counting `ticketConditions` (src/tickets/queries.ts).
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "../db/client.ts";
import { statementOf } from "../db/reads.ts";
import { viewCounts } from "../db/schema/index.ts";
import type { TicketFilters } from "../schemas/ticket.ts";

/** The built-in views GET /api/views counts, in the order it answers them. */
export const BUILT_IN_VIEWS = ["mine", "unassigned", "all", "spam", "ai"] as const;
export type BuiltInView = (typeof BUILT_IN_VIEWS)[number];

/** The `view_counts` key of a built-in view for agent `me` (`mine` is per agent). */
const keyOf = (view: BuiltInView, me: string) => (view === "mine" ? `mine:${me}` : view);

/** The statement that reads agent `me`'s built-in counts, for a D1 batch. */
export function builtInCountsStatement(d1: D1Database, accountId: string, me: string): D1PreparedStatement {
  const keys = BUILT_IN_VIEWS.map((v) => keyOf(v, me));
  const query = db(d1)
    .select({ view: viewCounts.view, n: viewCounts.n })
    .from(viewCounts)
    .where(and(eq(viewCounts.accountId, accountId), inArray(viewCounts.view, keys)));
  return statementOf(d1, query.getSQL());
}

/** The rows of `builtInCountsStatement` as GET /api/views answers them (a view no ticket is in counts 0). */
export function builtInCounts(rows: readonly { view: string; n: number }[], me: string): Record<BuiltInView, number> {
  const n = new Map(rows.map((r) => [r.view, r.n]));
  return Object.fromEntries(BUILT_IN_VIEWS.map((v) => [v, n.get(keyOf(v, me)) ?? 0])) as Record<BuiltInView, number>;
}

/**
 * The `view_counts` key of a saved view that is only a tag in a built-in view (`{view?, tag}`, any sort), or null
 * for any other filters: those are counted from the tickets. A ticket's tags are counted per built-in view too.
 */
export function tagCountKey(f: TicketFilters, me: string): string | null {
  const { view = "all", tag, sort: _sort, ...rest } = f;
  if (!tag || !(BUILT_IN_VIEWS as readonly string[]).includes(view)) return null;
  if (Object.values(rest).some((v) => v !== undefined)) return null;
  return `${keyOf(view as BuiltInView, me)}|tag:${tag.toLowerCase()}`;
}

/** The statement reading one `view_counts` key (0 when absent), as `SELECT … AS n` like the counting statements. */
export function countKeyStatement(d1: D1Database, accountId: string, key: string): D1PreparedStatement {
  const n = db(d1)
    .select({ n: viewCounts.n })
    .from(viewCounts)
    .where(and(eq(viewCounts.accountId, accountId), eq(viewCounts.view, key)));
  return statementOf(d1, sql`SELECT coalesce((${n}), 0) AS n`);
}
