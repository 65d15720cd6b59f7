// The router's lexicon for one account, built from its catalog integration and its knowledge base and kept per isolate for a few minutes.
import { eq } from "drizzle-orm";
import { accountProviders } from "../accounts/integrations.ts";
import { db } from "../db/client.ts";
import { knowledgeArticles } from "../db/schema/index.ts";
import type { ProvidersForOptions } from "../integrations/registry.ts";
import { buildShopLexicon } from "./router/lexicon.ts";
import type { LexiconArticle, LexiconProduct, ShopLexicon } from "./router/lexicon.ts";

/** How long a built lexicon is used before the catalog and articles are read again. */
export const LEXICON_TTL_MS = 5 * 60_000;
/** A lexicon built while the catalog could not be read is retried sooner. */
const PARTIAL_TTL_MS = 30_000;
/** Catalog products read per build (Shopify returns at most 50 a page; the demo store all of them). */
const CATALOG_PRODUCTS = 250;
/** Accounts kept per isolate; the oldest goes first. */
const MAX_ACCOUNTS = 200;

interface Entry {
  readonly lexicon: ShopLexicon;
  readonly expiresAt: number;
}

// Built lexicons only, never a pending build: a promise started by one request must not be awaited by another
// (workerd cancels continuations of a request that has finished). Two turns that miss at once both build it.
const cache = new Map<string, Entry>();

async function catalogProducts(env: Env, accountId: string, integrations: ProvidersForOptions | undefined): Promise<LexiconProduct[] | null> {
  try {
    const providers = await accountProviders(env, accountId, integrations ?? {});
    if (!providers.catalog) return [];
    const products = await providers.catalog.searchProducts("", { limit: CATALOG_PRODUCTS });
    return products.map((p) => ({ title: p.title, tags: p.tags }));
  } catch (err) {
    console.error(`router: could not read the catalog of account ${accountId}`, err);
    return null;
  }
}

async function articleTitlesAndKinds(env: Env, accountId: string): Promise<LexiconArticle[] | null> {
  try {
    return await db(env.DB)
      .select({ title: knowledgeArticles.title, kind: knowledgeArticles.kind })
      .from(knowledgeArticles)
      .where(eq(knowledgeArticles.accountId, accountId));
  } catch (err) {
    console.error(`router: could not read the knowledge base of account ${accountId}`, err);
    return null;
  }
}

/**
 * The account's lexicon: its catalog's titles and tags and its help-centre titles and kinds. Built at most once per
 * account every few minutes per isolate; a failed read gives a lexicon without that part, kept for a shorter time.
 */
export async function shopLexiconFor(
  env: Env,
  accountId: string,
  opts: { integrations?: ProvidersForOptions | undefined; now?: number | undefined } = {},
): Promise<ShopLexicon> {
  const now = opts.now ?? Date.now();
  const cached = cache.get(accountId);
  if (cached && cached.expiresAt > now) return cached.lexicon;
  const [products, articles] = await Promise.all([catalogProducts(env, accountId, opts.integrations), articleTitlesAndKinds(env, accountId)]);
  const lexicon = buildShopLexicon({ products: products ?? [], articles: articles ?? [] });
  const ttl = products === null || articles === null ? PARTIAL_TTL_MS : LEXICON_TTL_MS;
  cache.delete(accountId);
  cache.set(accountId, { lexicon, expiresAt: now + ttl });
  while (cache.size > MAX_ACCOUNTS) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return lexicon;
}

/** Drops the account's lexicon so the next message rebuilds it (after a catalog or knowledge-base change). */
export function forgetShopLexicon(accountId: string): void {
  cache.delete(accountId);
}
