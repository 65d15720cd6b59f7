// The skills page: statuses follow integrations and knowledge content, volume and performance come from the agent's turns, skill requests.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { recordTurn } from "../../src/agent/turnLog.ts";
import { call, signup, type TestAccount } from "../helpers.ts";

interface SkillRow {
  id: string;
  name: string;
  status: string;
  reason?: string;
  volume: number;
}

async function skills(shop: TestAccount): Promise<Record<string, SkillRow>> {
  const res = await call<{ items: SkillRow[] }>("GET", "/api/skills", { token: shop.token });
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.items.map((s) => [s.id, s]));
}

async function article(shop: TestAccount, kind: string, title = `${kind} article`) {
  const res = await call("POST", "/api/knowledge", { token: shop.token, body: { title, body: `Everything about ${kind}.`, kind } });
  expect(res.status).toBe(201);
}

describe("skills page", () => {
  it("lists every skill, none live for a new shop, each naming what's missing", async () => {
    const shop = await signup();
    const s = await skills(shop);
    expect(Object.keys(s)).toEqual([
      "order_tracking",
      "order_editing",
      "returns_exchanges",
      "subscriptions",
      "loyalty",
      "coupons_discounts",
      "general_qa",
      "product_recommendations",
      "gift_cards",
      "product_reviews",
    ]);
    expect(s["order_tracking"]).toEqual({ id: "order_tracking", name: "Order tracking", status: "unavailable", reason: "Connect your store (Shopify)", volume: 0 });
    expect(s["returns_exchanges"]?.reason).toBe("Connect a returns provider (Loop) and add returns policy content to the knowledge base");
    expect(s["general_qa"]?.reason).toBe("Add FAQ or help-centre articles to the knowledge base");
    expect(s["product_recommendations"]?.reason).toBe("Connect your product catalog (Shopify)");
    expect(s["gift_cards"]).toMatchObject({ status: "coming_soon", name: "Gift cards" });
    expect(s["product_reviews"]?.status).toBe("coming_soon");
  });

  it("turns skills live as the store is connected and content is added", async () => {
    const shop = await signup();
    await call("PUT", "/api/integrations/demo", { token: shop.token, body: {} });
    let s = await skills(shop);
    expect(s["order_tracking"]?.status).toBe("live");
    expect(s["product_recommendations"]?.status).toBe("live");
    expect(s["returns_exchanges"]).toMatchObject({ status: "unavailable", reason: "Add returns policy content to the knowledge base" });
    expect(s["order_editing"]?.reason).toBe("Add order editing and cancellation rules to the knowledge base");
    expect(s["coupons_discounts"]?.reason).toBe("Add discount code content to the knowledge base");

    await article(shop, "returns");
    s = await skills(shop);
    expect(s["returns_exchanges"]?.status).toBe("live");
    expect(s["general_qa"]?.status).toBe("live");

    for (const kind of ["order_editing", "subscription", "loyalty", "coupon"]) await article(shop, kind);
    s = await skills(shop);
    expect(Object.values(s).filter((x) => x.status === "live").map((x) => x.id)).toHaveLength(8);
  });

  it("names the provider that's missing when only content is there, and drops back when disconnected", async () => {
    const shop = await signup();
    await article(shop, "subscription");
    expect((await skills(shop))["subscriptions"]?.reason).toBe("Connect a subscription provider (Recharge)");
    await call("PUT", "/api/integrations/recharge", { token: shop.token, body: { apiToken: "rk_0123456789abcdef", storeUrl: "https://northwind.example" } });
    expect((await skills(shop))["subscriptions"]?.status).toBe("live");
    await call("DELETE", "/api/integrations/recharge", { token: shop.token });
    expect((await skills(shop))["subscriptions"]?.status).toBe("unavailable");
  });

  it("shows a skill's overview, tools, prerequisites and performance from the agent's turns", async () => {
    const shop = await signup();
    await call("PUT", "/api/integrations/demo", { token: shop.token, body: {} });
    const now = Date.now();
    await recordTurn(env, { accountId: shop.accountId, ticketId: "tkt_1", skill: "order_tracking", confidence: 0.9, channel: "webchat", question: "Where is my order?", outcome: "resolved", at: now - 86_400_000 });
    await recordTurn(env, { accountId: shop.accountId, ticketId: "tkt_2", skill: "order_tracking", confidence: 0.8, channel: "sms", question: "Has #1038 shipped?", outcome: "handoff", at: now - 1000 });
    await recordTurn(env, { accountId: shop.accountId, ticketId: "tkt_3", skill: "loyalty", confidence: 0.8, channel: "sms", question: "Points?", outcome: "pending", at: now });
    await recordTurn(env, { accountId: shop.accountId, ticketId: "tkt_old", skill: "order_tracking", confidence: 0.8, channel: "sms", question: "Ancient", outcome: "resolved", at: now - 40 * 86_400_000 });

    expect((await skills(shop))["order_tracking"]?.volume).toBe(2);
    const res = await call("GET", "/api/skills/order_tracking", { token: shop.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: "order_tracking", status: "live", volume: 2, needsLogin: true });
    expect(res.body.overview).toContain("where their order is");
    expect(res.body.whenToUse).toBeTruthy();
    expect(res.body.howToRespond).toBeTruthy();
    expect(res.body.tools.map((t: { name: string }) => t.name)).toEqual(["getProfile", "findOrders", "orderStatus", "searchKnowledge"]);
    expect(res.body.tools.every((t: { description: string }) => t.description.length > 10)).toBe(true);
    expect(res.body.prerequisites).toEqual([{ type: "integration", description: "Connect your store (Shopify)", met: true }]);
    const perf = res.body.performance;
    expect(perf.volumeByDay).toHaveLength(30);
    expect(perf.volumeByDay.at(-1).day).toBe(new Date(now).toISOString().slice(0, 10));
    expect(perf.volumeByDay.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(2);
    expect(perf).toMatchObject({ resolved: 1, routedToTeam: 1 });
    expect(perf.recentQuestions.slice(0, 2)).toEqual([
      { question: "Has #1038 shipped?", at: expect.any(String), outcome: "handoff", ticketId: "tkt_2" },
      { question: "Where is my order?", at: expect.any(String), outcome: "resolved", ticketId: "tkt_1" },
    ]);
  });

  it("shows partly-login skills and coming-soon skills, and 404s unknown ones", async () => {
    const shop = await signup();
    expect((await call("GET", "/api/skills/coupons_discounts", { token: shop.token })).body).toMatchObject({ needsLogin: "partly", status: "unavailable" });
    expect((await call("GET", "/api/skills/general_qa", { token: shop.token })).body.needsLogin).toBe(false);
    expect((await call("GET", "/api/skills/gift_cards", { token: shop.token })).body).toMatchObject({ status: "coming_soon", tools: [] });
    const missing = await call("GET", "/api/skills/time_travel", { token: shop.token });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
  });

  it("records a skill request", async () => {
    const shop = await signup();
    const res = await call("POST", "/api/skills/requests", { token: shop.token, body: { description: "Book in-store fitting appointments" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.stringMatching(/^req_/), description: "Book in-store fitting appointments", createdAt: expect.any(String) });
    expect((await call("POST", "/api/skills/requests", { token: shop.token, body: { description: "" } })).status).toBe(400);
  });

  it("counts only the account's own turns", async () => {
    const a = await signup();
    const b = await signup();
    await recordTurn(env, { accountId: a.accountId, ticketId: "tkt_a", skill: "general_qa", confidence: 0.9, channel: "webchat", question: "Private question of A", outcome: "resolved" });
    expect((await skills(b))["general_qa"]?.volume).toBe(0);
    const detail = await call("GET", "/api/skills/general_qa", { token: b.token });
    expect(detail.body.performance.recentQuestions).toEqual([]);
    expect((await skills(a))["general_qa"]?.volume).toBe(1);
  });

  it("requires a token", async () => {
    expect((await call("GET", "/api/skills")).status).toBe(401);
    expect((await call("POST", "/api/skills/requests", { body: { description: "x" } })).status).toBe(401);
  });
});
