// The knowledge base: help-centre articles per account, listed by page and searched with FTS5 ranked by bm25().
import { decodeCursor, encodeCursor } from "../lib/cursor.ts";
import { and, count, desc, eq, lt } from "drizzle-orm";
import { db } from "../db/client.ts";
import { knowledgeArticles } from "../db/schema/index.ts";
import { ftsQuery } from "./retrieval.ts";
import { iso } from "../lib/clock.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import type { KnowledgeKind } from "../schemas/agent.ts";

export interface Article {
  id: string;
  title: string;
  body: string;
  kind: KnowledgeKind;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleHit extends Article {
  snippet: string;
  score: number;
}

type ArticleRow = typeof knowledgeArticles.$inferSelect;

function toArticle(r: Pick<ArticleRow, "id" | "title" | "body" | "kind" | "createdAt" | "updatedAt">): Article {
  return { id: r.id, title: r.title, body: r.body, kind: r.kind as KnowledgeKind, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) };
}

export async function createArticle(env: Env, accountId: string, input: { title: string; body: string; kind: KnowledgeKind }, now = Date.now()): Promise<Article> {
  const row = { id: newId("art", now), accountId, kind: input.kind, title: input.title, body: input.body, createdAt: now, updatedAt: now };
  await db(env.DB).insert(knowledgeArticles).values(row);
  return toArticle(row);
}

/** Edits an article in place (its search index follows by trigger, migrations/0003). */
export async function updateArticle(env: Env, accountId: string, id: string, change: { title?: string | undefined; body?: string | undefined; kind?: KnowledgeKind | undefined }, now = Date.now()): Promise<Article> {
  const set: Partial<ArticleRow> = { updatedAt: now };
  if (change.title !== undefined) set.title = change.title;
  if (change.body !== undefined) set.body = change.body;
  if (change.kind !== undefined) set.kind = change.kind;
  const rows = await db(env.DB)
    .update(knowledgeArticles)
    .set(set)
    .where(and(eq(knowledgeArticles.id, id), eq(knowledgeArticles.accountId, accountId)))
    .returning();
  const row = rows[0];
  if (!row) throw new AppError("not_found", "article not found");
  return toArticle(row);
}

export async function deleteArticle(env: Env, accountId: string, id: string): Promise<void> {
  const res = await db(env.DB)
    .delete(knowledgeArticles)
    .where(and(eq(knowledgeArticles.id, id), eq(knowledgeArticles.accountId, accountId)))
    .run();
  if (res.meta.changes === 0) throw new AppError("not_found", "article not found");
}

export async function getArticle(env: Env, accountId: string, id: string): Promise<Article> {
  const rows = await db(env.DB)
    .select()
    .from(knowledgeArticles)
    .where(and(eq(knowledgeArticles.id, id), eq(knowledgeArticles.accountId, accountId)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new AppError("not_found", "article not found");
  return toArticle(row);
}

/** Newest first; the cursor is the position of the last article of the previous page. */
export async function listArticles(env: Env, accountId: string, opts: { limit: number; cursor?: string | undefined; kind?: KnowledgeKind | undefined }): Promise<{ items: Article[]; nextCursor: string | null }> {
  // The shared keyset cursor (src/lib/cursor.ts): "garbage", 1e999 or a hand-made number are a 400, not a first page.
  const after = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor).v;
  if (after !== undefined && !Number.isSafeInteger(after)) throw new AppError("validation_failed", "cursor is not valid", [{ path: "cursor", message: "use the nextCursor of a previous page" }]);
  const rows = await db(env.DB)
    .select()
    .from(knowledgeArticles)
    .where(
      and(
        eq(knowledgeArticles.accountId, accountId),
        opts.kind ? eq(knowledgeArticles.kind, opts.kind) : undefined,
        after !== undefined ? lt(knowledgeArticles.seq, after) : undefined,
      ),
    )
    .orderBy(desc(knowledgeArticles.seq))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return { items: page.map(toArticle), nextCursor: rows.length > opts.limit && last ? encodeCursor({ v: last.seq, id: last.id }) : null };
}

interface HitRow {
  id: string;
  title: string;
  body: string;
  kind: string;
  created_at: number;
  updated_at: number;
  snippet: string;
  rank: number;
}

/**
 * Ranked full-text search: bm25() with the title weighted 5× the body, best first. The question is reduced to
 * quoted words OR-ed together, so shopper text can never be an FTS5 syntax error.
 */
export async function searchArticles(
  env: Env,
  accountId: string,
  text: string,
  opts: { limit?: number; kinds?: readonly string[] | undefined; prefixLast?: boolean } = {},
): Promise<ArticleHit[]> {
  const match = ftsQuery(text, { prefixLast: opts.prefixLast ?? false });
  if (match === null) return [];
  const kinds = opts.kinds && opts.kinds.length > 0 ? opts.kinds : null;
  const kindFilter = kinds ? ` AND a.kind IN (${kinds.map(() => "?").join(", ")})` : "";
  const sql =
    "SELECT a.id, a.title, a.body, a.kind, a.created_at, a.updated_at, " +
    "snippet(knowledge_fts, -1, '**', '**', '…', 24) AS snippet, bm25(knowledge_fts, 5.0, 1.0) AS rank " +
    "FROM knowledge_fts JOIN knowledge_articles a ON a.seq = knowledge_fts.rowid " +
    `WHERE knowledge_fts MATCH ? AND a.account_id = ?${kindFilter} ORDER BY rank LIMIT ?`;
  const { results } = await env.DB.prepare(sql)
    .bind(match, accountId, ...(kinds ?? []), opts.limit ?? 5)
    .all<HitRow>();
  return results.map((r) => ({
    ...toArticle({ id: r.id, title: r.title, body: r.body, kind: r.kind, createdAt: r.created_at, updatedAt: r.updated_at }),
    snippet: r.snippet,
    // bm25() is lower-is-better and negative; the API shows higher-is-better.
    score: Math.round(-r.rank * 1000) / 1000,
  }));
}

/** Article count per kind: what skill status reads as "content". */
export async function contentKinds(env: Env, accountId: string): Promise<Map<string, number>> {
  const rows = await db(env.DB)
    .select({ kind: knowledgeArticles.kind, n: count() })
    .from(knowledgeArticles)
    .where(eq(knowledgeArticles.accountId, accountId))
    .groupBy(knowledgeArticles.kind);
  return new Map(rows.map((r) => [r.kind, r.n]));
}

export async function articleTitles(env: Env, accountId: string): Promise<Set<string>> {
  const rows = await db(env.DB).select({ title: knowledgeArticles.title }).from(knowledgeArticles).where(eq(knowledgeArticles.accountId, accountId));
  return new Set(rows.map((r) => r.title));
}
