// Reads that go to D1 as batches: all the statements of one batch cost one round trip, which is most of a read
// route's time (auth + a view query through D1 cost more than running them). A route's reads may carry its
// caller's session check along (src/auth/sessionReads.ts).
import { getTableColumns, type SQL } from "drizzle-orm";
import { SQLiteAsyncDialect, type SQLiteTable } from "drizzle-orm/sqlite-core";

const dialect = new SQLiteAsyncDialect();

/** What the view queries need to read: `all` is what drizzle's client offers too, so either can be passed. */
export interface SqlReader {
  all<T>(query: SQL): PromiseLike<T[]>;
}

export interface Reads extends SqlReader {
  /** Each statement's result, in one round trip (one D1 batch). */
  batch(statements: D1PreparedStatement[]): Promise<D1Result[]>;
  all<T>(query: SQL): Promise<T[]>;
}

function toDriver(v: unknown): string | number | null | ArrayBuffer {
  if (typeof v === "boolean") return v ? 1 : 0;
  return (v ?? null) as string | number | null;
}

/** A drizzle SQL fragment as a D1 statement. */
export function statementOf(d1: D1Database, query: SQL): D1PreparedStatement {
  const q = dialect.sqlToQuery(query);
  return d1.prepare(q.sql).bind(...q.params.map(toDriver));
}

/** Reads straight from D1 (no session to check along). */
export function d1Reads(d1: D1Database): Reads {
  return readsThrough(d1, async (statements) => (statements.length === 0 ? [] : d1.batch(statements)));
}

/** Reads whose every batch goes through `batch` (which may add statements of its own in front). */
export function readsThrough(d1: D1Database, batch: (statements: D1PreparedStatement[]) => Promise<D1Result[]>): Reads {
  return {
    batch,
    all: async <T>(query: SQL) => ((await batch([statementOf(d1, query)]))[0]?.results ?? []) as T[],
  };
}

/** The rows of a batch result. */
export function rowsOf<T>(r: D1Result | undefined): T[] {
  return (r?.results ?? []) as T[];
}

/** A D1 row (keyed by column name, as `SELECT *` gives it) as drizzle maps it for `table`. */
export function rowOf<T extends SQLiteTable>(table: T, raw: Record<string, unknown>): T["$inferSelect"] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const v = raw[column.name];
    out[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
  }
  return out as T["$inferSelect"];
}
