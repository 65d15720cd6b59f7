// The router reads each shop's own words: the classify API for the token's account, the agent turn, and the per-account lexicon cache.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

import type { IntentRouter, ShopLexicon } from "../../src/agent/router/index.ts";
import { markProducts } from "../../src/agent/router/lexicon.ts";
import { forgetShopLexicon, shopLexiconFor } from "../../src/agent/shopLexicon.ts";
import { demoKnowledgeBase } from "../../src/integrations/demo-store/index.ts";
import { call, signup, unique } from "../helpers.ts";
import { demoShop, turn } from "./helpers.ts";

describe("shop lexicon in the router's callers", () => {
  it("POST /api/agent/classify reads a bare product name of the token's shop as a product question", async () => {
    const shop = await demoShop();
    // "Cloudstep" names a product of the demo store's catalog and appears in none of the router's data.
    const withShop = await call("POST", "/api/agent/classify", { token: shop.token, body: { text: "cloudstep?" } });
    expect(withShop.status).toBe(200);
    expect(withShop.body.skill).toBe("product_recommendations");
    expect(withShop.body.confidence).toBeGreaterThanOrEqual(0.5);
    const anonymous = await call("POST", "/api/agent/classify", { body: { text: "cloudstep?" } });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.skill === "product_recommendations" && anonymous.body.confidence >= withShop.body.confidence).toBe(false);
  });

  it("checks a token that is sent even while the offline model answers", async () => {
    const res = await call("POST", "/api/agent/classify", { token: "not-a-token", body: { text: "where is my order" } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
  });

  it("gives the agent turn's router the account's catalog and knowledge-base words", async () => {
    const shop = await demoShop();
    const seen: (ShopLexicon | undefined)[] = [];
    const spy: IntentRouter = {
      async classify({ lexicon }) {
        seen.push(lexicon);
        return { skill: "other", confidence: 0.9 };
      },
    };
    await turn(shop, "switchback boots", { router: spy });
    const lexicon = seen[0];
    expect(lexicon).toBeDefined();
    if (!lexicon) return;
    expect(markProducts(["the", "switchback", "boots"], lexicon)).toEqual(["the", "#product"]);
    // Every demo article whose title has a word of its own ("Care instructions", not "Tracking your order").
    expect(lexicon.articles.length).toBeGreaterThan(0);
    expect(lexicon.articles.length).toBeLessThanOrEqual(demoKnowledgeBase.length);
  });

  it("builds an account's lexicon once and rebuilds it when told to forget it", async () => {
    const shop = await signup(unique("lexicon"));
    const first = await shopLexiconFor(env, shop.accountId);
    expect(first.articles).toEqual([]);
    expect(await shopLexiconFor(env, shop.accountId)).toBe(first);
    const added = await call("POST", "/api/knowledge", { token: shop.token, body: { title: "Fabric swatches", body: "Up to six free swatches.", kind: "faq" } });
    expect(added.status).toBe(201);
    expect(await shopLexiconFor(env, shop.accountId)).toBe(first);
    forgetShopLexicon(shop.accountId);
    const rebuilt = await shopLexiconFor(env, shop.accountId);
    expect(rebuilt.articles.map((a) => a.keys)).toEqual([["fabric", "swatch"]]);
  });

  it("rebuilds a lexicon that is older than its time to live", async () => {
    const shop = await signup(unique("lexicon"));
    const now = Date.now();
    const first = await shopLexiconFor(env, shop.accountId, { now });
    expect(await shopLexiconFor(env, shop.accountId, { now: now + 60_000 })).toBe(first);
    expect(await shopLexiconFor(env, shop.accountId, { now: now + 6 * 60_000 })).not.toBe(first);
  });
});
