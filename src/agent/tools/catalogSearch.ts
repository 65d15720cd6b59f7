// Tool: search the store's catalog for products matching what the shopper is looking for.
import { z } from "zod";
import { coverage, questionWords } from "../../knowledge/retrieval.ts";
import type { Product } from "../../integrations/types.ts";
import { defineTool } from "./call.ts";
import { productFacts, type ProductFacts } from "./facts.ts";

const filler = new Set(["recommend", "recommendation", "recommendations", "suggest", "suggestion", "suggestions", "buy", "shop", "find", "good", "best", "great", "nice", "new", "sell"]);

/** The words of the request that describe the product; keyword search engines choke on "can you recommend". */
export function productQuery(text: string): string {
  return questionWords(text)
    .filter((w) => !filler.has(w))
    .join(" ");
}

/**
 * Keeps the products about as relevant as the best one (by the share of the shopper's words in title, tags and
 * description): a keyword hit on "button-down" shouldn't be recommended next to the down jacket asked for.
 */
export function closestMatches(query: string, products: readonly Product[]): Product[] {
  const shares = products.map((p) => coverage(query, { title: p.title, body: `${p.tags.join(" ")} ${p.description}` }).share);
  const best = Math.max(0, ...shares);
  if (best === 0) return [...products];
  return products.filter((_, i) => (shares[i] ?? 0) >= best * 0.75);
}

export const catalogSearch = defineTool({
  name: "catalogSearch",
  description: "Search the store's products. Returns title, price, availability and link; only suggest products from these results.",
  input: z.object({
    query: z.string().min(1).max(200).describe("What the shopper is looking for, e.g. waterproof hiking jacket"),
    maxPrice: z.number().positive().optional().describe("The shopper's budget: only products at or under this price"),
    belowMax: z.boolean().optional().describe("true for 'under $50' (strictly below maxPrice)"),
  }),
  async run(ctx, input): Promise<{ products: ProductFacts[] }> {
    if (!ctx.providers.catalog) return { products: [] };
    const query = productQuery(input.query) || input.query;
    const cap = input.maxPrice;
    const fits = (p: Product) => cap === undefined || (input.belowMax ? p.price < cap : p.price <= cap);
    // With a budget, look further down the results: the best matches may all be over it.
    const products = (await ctx.providers.catalog.searchProducts(query, { limit: cap === undefined ? 6 : 30 })).filter(fits);
    return { products: closestMatches(query, products).slice(0, 6).map((p) => productFacts(p, ctx.language)) };
  },
});
