// The shops the agent evaluation talks to: the demo store (every integration) and two shops unlike it that connect only a catalog and a help center.
import { createDemoStore, demoCustomers, demoKnowledgeBase } from "../../src/integrations/demo-store/index.ts";
import { demoCoupons, demoLoyaltyMembers, demoLoyaltyProgram } from "../../src/integrations/demo-store/data.ts";
import type { Providers } from "../../src/integrations/registry.ts";
import type { CatalogProvider, Product } from "../../src/integrations/types.ts";
import type { TurnSources } from "../../src/agent/turn.ts";
import { memoryKnowledge, type EvalArticle } from "./knowledge.ts";
import { furnitureArticles, furnitureProducts } from "./shop-furniture.ts";
import { beautyArticles, beautyProducts } from "./shop-beauty.ts";

export type ShopId = "demo" | "furniture" | "beauty";

export interface EvalShop {
  id: ShopId;
  /** A fresh shop for one conversation: changes made in one never leak into the next. */
  sources(now: number): TurnSources;
  /** Everything the shop's systems and help center could tell the agent: the invented-facts check compares replies with it. */
  evidence(now: number): Promise<unknown>;
}

function terms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1)
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
}

/** A catalog answering like a storefront's keyword search: title, tags and description, best first. */
export function memoryCatalog(products: readonly Product[]): CatalogProvider {
  return {
    async searchProducts(query, { limit }) {
      const q = terms(query);
      return products
        .map((p, i) => {
          const title = new Set(terms(p.title));
          const tags = new Set(p.tags.flatMap(terms));
          const body = new Set(terms(p.description));
          const score = q.length === 0 ? 1 : q.reduce((n, t) => n + (title.has(t) ? 3 : 0) + (tags.has(t) ? 2 : 0) + (body.has(t) ? 1 : 0), 0);
          return { p, i, score };
        })
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score || Number(b.p.available) - Number(a.p.available) || a.i - b.i)
        .slice(0, limit)
        .map((r) => structuredClone(r.p));
    },
  };
}

function catalogShop(id: ShopId, products: readonly Product[], articles: readonly EvalArticle[]): EvalShop {
  const kb = memoryKnowledge(articles);
  return {
    id,
    sources: () => {
      const providers: Providers = { catalog: memoryCatalog(products) };
      return { providers: async () => ({ providers, slots: new Set(["catalog"]) }), contentKinds: async () => kb.kinds(), knowledge: (q, o) => kb.search(q, o) };
    },
    evidence: async () => ({ products, articles }),
  };
}

const demoKb = memoryKnowledge(demoKnowledgeBase);

export const shops: Record<ShopId, EvalShop> = {
  demo: {
    id: "demo",
    sources: (now) => {
      const store = createDemoStore({ now: () => now });
      const providers: Providers = { orders: store, catalog: store, returns: store, subscriptions: store, loyalty: store, coupons: store };
      const slots = new Set(Object.keys(providers));
      return { providers: async () => ({ providers, slots }), contentKinds: async () => demoKb.kinds(), knowledge: (q, o) => demoKb.search(q, o) };
    },
    evidence: async (now) => {
      const store = createDemoStore({ now: () => now });
      const skip = (email: string, id: string) => {
        const fresh = createDemoStore({ now: () => now });
        return fresh.changeSubscription ? fresh.changeSubscription({ email }, id, { type: "skip" }) : null;
      };
      const perCustomer = await Promise.all(
        demoCustomers.map(async (c) => ({
          orders: await store.findOrdersByCustomer({ email: c.email }, 100),
          subscriptions: await store.listSubscriptions({ email: c.email }),
          // What a skip the shopper confirms would set the next charge to.
          skipped: await Promise.all(
            (await store.listSubscriptions({ email: c.email }))
              .filter((s) => s.status === "active")
              .map((s) => skip(c.email, s.id)),
          ),
          returns: await store.listReturns({ email: c.email }),
          loyalty: await store.getBalance({ email: c.email }),
          coupons: await Promise.all(demoCoupons.map((k) => store.findCoupon?.(k.code, { email: c.email }))),
        })),
      );
      return {
        perCustomer,
        products: await store.searchProducts("", { limit: 1000 }),
        program: await store.programInfo(),
        loyaltyProgram: demoLoyaltyProgram,
        members: demoLoyaltyMembers,
        returnsPolicy: store.policySummary?.(),
        articles: demoKnowledgeBase,
        info: store.info,
      };
    },
  },
  furniture: catalogShop("furniture", furnitureProducts, furnitureArticles),
  beauty: catalogShop("beauty", beautyProducts, beautyArticles),
};
