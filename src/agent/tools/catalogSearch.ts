// Tool: search the store's catalog for products matching what the shopper is looking for.
import { z } from "zod";
import { questionWords } from "../../domain/retrieval.ts";
import { defineTool } from "./call.ts";
import { productFacts, type ProductFacts } from "./facts.ts";

const filler = new Set(["recommend", "recommendation", "recommendations", "suggest", "suggestion", "suggestions", "buy", "shop", "find", "good", "best", "great", "nice", "new", "sell"]);

/** The words of the request that describe the product; keyword search engines choke on "can you recommend". */
export function productQuery(text: string): string {
  return questionWords(text)
    .filter((w) => !filler.has(w))
    .join(" ");
}

export const catalogSearch = defineTool({
  name: "catalogSearch",
  description: "Search the store's products. Returns title, price, availability and link; only suggest products from these results.",
  input: z.object({ query: z.string().min(1).max(200).describe("What the shopper is looking for, e.g. waterproof hiking jacket") }),
  async run(ctx, input): Promise<{ products: ProductFacts[] }> {
    if (!ctx.providers.catalog) return { products: [] };
    const query = productQuery(input.query) || input.query;
    const products = await ctx.providers.catalog.searchProducts(query, { limit: 6 });
    return { products: products.map(productFacts) };
  },
});
