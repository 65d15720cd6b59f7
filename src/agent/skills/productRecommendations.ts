// Skill: product recommendations — picks from the store's catalog within the shopper's budget, stock and restock answers, a side-by-side comparison of two named products, and sizing from the knowledge base.
import { comparisonCard, productCard } from "../cards.ts";
import { formatMoney } from "../orders.ts";
import { callTool } from "../tools/call.ts";
import { catalogSearch } from "../tools/catalogSearch.ts";
import type { ProductFacts } from "../tools/facts.ts";
import type { AgentAnswer, Skill, SkillContext } from "../types.ts";
import { asksComparison, asksSizing, asksStock, comparedNames, priceCap, type PriceCap } from "./intents.ts";
import { answer, focused, list, passageOn, say, withQuote } from "./shared.ts";

const item = (ctx: SkillContext, p: ProductFacts) => say(ctx, "products.item", { title: p.title, price: p.price });

/** Products the agent named in its last reply ("Ridgeline Rain Jacket ($189.00)"), for "compare these two" or "when is it back?". */
function productsNamedBefore(ctx: SkillContext): string[] {
  const last = [...ctx.history].reverse().find((h) => h.author === "ai");
  if (!last) return [];
  return [...last.text.matchAll(/([A-Z][\p{L}0-9'’ &-]+?) \([$€£]?[\d.,]+\s?[$€£]?\)/gu)].map((m) => (m[1] ?? "").trim()).filter(Boolean);
}

async function bestMatch(ctx: SkillContext, query: string): Promise<ProductFacts | null> {
  const r = await callTool(ctx, catalogSearch, { query: query.slice(0, 200) });
  return r.products[0] ?? null;
}

async function compare(ctx: SkillContext): Promise<AgentAnswer> {
  let names = comparedNames(ctx.text);
  if (names.length < 2) names = productsNamedBefore(ctx).slice(0, 2);
  const found: ProductFacts[] = [];
  for (const name of names) {
    const p = await bestMatch(ctx, name);
    if (p && !found.some((f) => f.id === p.id)) found.push(p);
  }
  const [a, b] = found;
  if (!a || !b) return answer("asked", say(ctx, "products.compareNeedTwo"));
  const line = (p: ProductFacts) => say(ctx, "products.compareLine", { title: p.title, price: p.price, stock: p.available ? "" : say(ctx, "products.compareOutOfStock"), description: p.description });
  return answer("resolved", [say(ctx, "products.compareIntro"), `- ${line(a)}`, `- ${line(b)}`].join("\n"), { cards: [comparisonCard(ctx.language, a, b)] });
}

async function stock(ctx: SkillContext): Promise<AgentAnswer> {
  const query = ctx.text.replace(/\b(when|will|the|be|back|in|stock|restock(ing)?|available|again|is|are|it|they|come|sold|out|of|get|more)\b/gi, " ").trim();
  let product = query.length > 2 ? await bestMatch(ctx, query) : null;
  if (!product) {
    const earlier = productsNamedBefore(ctx)[0];
    if (earlier) product = await bestMatch(ctx, earlier);
  }
  if (!product) return answer("unresolved", say(ctx, "products.none"));
  const body = product.available
    ? say(ctx, "products.inStock", { title: product.title, price: product.price })
    : product.restockOn
      ? say(ctx, "products.outWithDate", { title: product.title, date: product.restockOn })
      : say(ctx, "products.outNoDate", { title: product.title });
  return answer("resolved", body, { cards: [productCard(ctx.language, product)] });
}

async function sizing(ctx: SkillContext): Promise<AgentAnswer | null> {
  const guide = await passageOn(ctx, `size sizing guide fit ${ctx.text}`);
  if (!guide) return null;
  // The measurements ("M fits 38–40 in") rarely share a word with the question: quote the fitting sentences too.
  const quoted = withQuote(ctx, "", focused(guide, `${ctx.text} fits size`, 3));
  return answer("resolved", quoted.body, { sources: quoted.sources });
}

function capText(ctx: SkillContext, cap: PriceCap): string {
  const amount = formatMoney({ amount: cap.amount, currency: "USD" }).replace(/\.00$/, "");
  return say(ctx, cap.strict ? "products.cap.under" : "products.cap.upTo", { amount });
}

export const productRecommendations: Skill = {
  id: "product_recommendations",
  name: "Product recommendations",
  overview:
    "Suggests products from the store's catalog that match what the shopper is looking for and their budget, says whether an item is in stock (and its restock date when the store has one), compares two products side by side and answers sizing from the help center.",
  whenToUse: "The shopper asks for a recommendation, looks for a kind of product, has a budget, compares products, asks about sizing or whether the shop sells or has something in stock.",
  howToRespond:
    "Search the catalog with the shopper's words and suggest up to three products from the results, in stock first, each on a product card, never over the shopper's budget. Out of stock: say the restock date only when the catalog gives one, otherwise that it is unknown. Two named products: compare them on a comparison card. Sizing: quote the size guide. Never suggest a product or price that the catalog didn't return.",
  tools: ["catalogSearch", "searchKnowledge"],
  needsLogin: false,
  prerequisites: [{ type: "integration", slot: "catalog", missing: "Connect your product catalog (Shopify)" }],
  async answer(ctx) {
    if (asksComparison(ctx.text)) return compare(ctx);
    if (asksStock(ctx.text)) return stock(ctx);
    if (asksSizing(ctx.text)) {
      const sized = await sizing(ctx);
      if (sized) return sized;
    }
    const cap = priceCap(ctx.text);
    const query = cap ? ctx.text.replace(cap.phrase, " ").trim() || "gift" : ctx.text;
    const r = await callTool(ctx, catalogSearch, { query, ...(cap ? { maxPrice: cap.amount, belowMax: cap.strict } : {}) });
    const inStock = r.products.filter((p) => p.available);
    const picks = (inStock.length > 0 ? inStock : r.products).slice(0, 3);
    if (picks.length === 0) return answer("unresolved", cap ? say(ctx, "products.noneCap", { cap: capText(ctx, cap) }) : say(ctx, "products.none"));
    const names = list(ctx, picks.map((p) => item(ctx, p)));
    const body =
      inStock.length === 0
        ? say(ctx, picks.length === 1 ? "products.outOfStockOne" : "products.outOfStockMany", { list: names })
        : cap
          ? say(ctx, "products.picksCap", { cap: capText(ctx, cap), list: names })
          : say(ctx, picks.length === 1 ? "products.pick" : "products.picks", { list: names });
    return answer("resolved", body, { cards: picks.map((p) => productCard(ctx.language, p)) });
  },
};
