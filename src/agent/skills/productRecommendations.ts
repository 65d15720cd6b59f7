// Skill: product recommendations — suggests products from the store's catalog with product cards, in stock first.
import { productCard } from "../cards.ts";
import { callTool } from "../tools/call.ts";
import { catalogSearch } from "../tools/catalogSearch.ts";
import type { Skill } from "../types.ts";
import { answer } from "./shared.ts";

export const productRecommendations: Skill = {
  id: "product_recommendations",
  name: "Product recommendations",
  overview: "Suggests products from the store's catalog that match what the shopper is looking for, with product cards showing price, availability and a link.",
  whenToUse: "The shopper asks for a recommendation, looks for a kind of product, or asks whether the shop sells or has something in stock.",
  howToRespond: "Search the catalog with the shopper's words and suggest up to three products from the results, in stock first, each on a product card. Never suggest a product or price that the catalog didn't return.",
  tools: ["catalogSearch"],
  needsLogin: false,
  prerequisites: [{ type: "integration", slot: "catalog", missing: "Connect your product catalog (Shopify)" }],
  async answer(ctx) {
    const r = await callTool(ctx, catalogSearch, { query: ctx.text });
    const inStock = r.products.filter((p) => p.available);
    const picks = (inStock.length > 0 ? inStock : r.products).slice(0, 3);
    if (picks.length === 0) return answer("unresolved", "I couldn't find anything matching that in our catalog.");
    const list = picks.map((p) => `${p.title} (${p.price})`).join(", ");
    const body =
      inStock.length > 0
        ? `Here ${picks.length === 1 ? "is a pick" : "are some picks"} from our catalog: ${list}.`
        : `I found ${list}, but ${picks.length === 1 ? "it's" : "they're"} out of stock at the moment.`;
    return answer("resolved", body, { cards: picks.map(productCard) });
  },
};
