// The knowledge base: add articles, list them by page, search ranked by bm25 with snippets, delete; per account.
import { describe, expect, it } from "vitest";
import { addAgent, call, signup, type TestAccount } from "../helpers.ts";

async function add(shop: TestAccount, article: { title: string; body: string; kind?: string }) {
  const res = await call("POST", "/api/knowledge", { token: shop.token, body: article });
  if (res.status !== 201) throw new Error(`add failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; title: string };
}

describe("knowledge base", () => {
  it("adds an article, a FAQ unless told otherwise", async () => {
    const shop = await signup();
    const res = await call("POST", "/api/knowledge", { token: shop.token, body: { title: " Gift cards ", body: "Gift cards never expire." } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.stringMatching(/^art_/), title: "Gift cards", body: "Gift cards never expire.", kind: "faq" });
    expect((await call("GET", `/api/knowledge/${res.body.id}`, { token: shop.token })).body.title).toBe("Gift cards");
  });

  it("refuses an empty title or body and an unknown kind", async () => {
    const shop = await signup();
    const empty = await call("POST", "/api/knowledge", { token: shop.token, body: { title: "", body: "x" } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues[0].path).toBe("title");
    expect((await call("POST", "/api/knowledge", { token: shop.token, body: { title: "x", body: "y", kind: "gossip" } })).status).toBe(400);
  });

  it("ranks search results by relevance, title matches first, with a snippet", async () => {
    const shop = await signup();
    await add(shop, { title: "Payment methods", body: "We accept Visa, Mastercard and PayPal. Gift cards can be used at checkout." });
    await add(shop, { title: "Returns policy", kind: "returns", body: "Return unworn items within 30 days. We email a prepaid return label; a $6 label fee applies to refunds." });
    await add(shop, { title: "Exchanges", kind: "returns", body: "Exchanges are free. Choose Exchange in the returns portal." });
    await add(shop, { title: "Shipping", body: "We ship worldwide. Returned parcels are not reshipped." });

    const res = await call("GET", "/api/knowledge?q=return%20label", { token: shop.token });
    expect(res.status).toBe(200);
    const titles = res.body.items.map((i: { title: string }) => i.title);
    expect(titles[0]).toBe("Returns policy");
    expect(titles).not.toContain("Payment methods");
    expect(res.body.items[0].snippet).toContain("**label**");
    const scores = res.body.items.map((i: { score: number }) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(res.body.nextCursor).toBeNull();
  });

  it("matches word forms and the start of the last word (search as you type)", async () => {
    const shop = await signup();
    await add(shop, { title: "Shipping times", body: "Orders ship the same day when placed before 1 pm." });
    expect((await call("GET", "/api/knowledge?q=shipped", { token: shop.token })).body.items).toHaveLength(1);
    expect((await call("GET", "/api/knowledge?q=sam%20shi", { token: shop.token })).body.items).toHaveLength(1);
  });

  it("takes any text as a query without FTS5 syntax errors", async () => {
    const shop = await signup();
    await add(shop, { title: "Care", body: "Wash merino cold." });
    for (const q of ['"unbalanced', "NEAR(", "title:merino*", "AND OR NOT", "***"]) {
      const res = await call("GET", `/api/knowledge?q=${encodeURIComponent(q)}`, { token: shop.token });
      expect(res.status, q).toBe(200);
    }
    expect((await call("GET", `/api/knowledge?q=${encodeURIComponent("merino AND")}`, { token: shop.token })).body.items).toHaveLength(1);
  });

  it("filters by kind", async () => {
    const shop = await signup();
    await add(shop, { title: "Returns policy", kind: "returns", body: "Return within 30 days." });
    await add(shop, { title: "Returned parcels", kind: "faq", body: "Returned parcels get refunded." });
    const res = await call("GET", "/api/knowledge?q=return&kind=returns", { token: shop.token });
    expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(["Returns policy"]);
    const list = await call("GET", "/api/knowledge?kind=faq", { token: shop.token });
    expect(list.body.items.map((i: { title: string }) => i.title)).toEqual(["Returned parcels"]);
  });

  it("lists newest first by page without q", async () => {
    const shop = await signup();
    for (const n of [1, 2, 3]) await add(shop, { title: `Article ${n}`, body: "Body" });
    const first = await call("GET", "/api/knowledge?limit=2", { token: shop.token });
    expect(first.body.items.map((i: { title: string }) => i.title)).toEqual(["Article 3", "Article 2"]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call("GET", `/api/knowledge?limit=2&cursor=${first.body.nextCursor}`, { token: shop.token });
    expect(second.body.items.map((i: { title: string }) => i.title)).toEqual(["Article 1"]);
    expect(second.body.nextCursor).toBeNull();
    expect((await call("GET", "/api/knowledge?cursor=%21%21", { token: shop.token })).status).toBe(400);
  });

  it("deletes an article and drops it from search", async () => {
    const shop = await signup();
    const article = await add(shop, { title: "Warranty", body: "Two years on manufacturing defects." });
    expect((await call("GET", "/api/knowledge?q=warranty", { token: shop.token })).body.items).toHaveLength(1);
    expect((await call("DELETE", `/api/knowledge/${article.id}`, { token: shop.token })).status).toBe(204);
    expect((await call("GET", "/api/knowledge?q=warranty", { token: shop.token })).body.items).toHaveLength(0);
    expect((await call("DELETE", `/api/knowledge/${article.id}`, { token: shop.token })).status).toBe(404);
  });

  it("edits an article in place, and search follows the new words", async () => {
    const shop = await signup();
    const support = await addAgent(shop, "support");
    const article = await add(shop, { title: "Warranty", body: "Two years on manufacturing defects." });
    const edited = await call("PATCH", `/api/knowledge/${article.id}`, { token: shop.token, body: { body: "Three years on stitching and zips." } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: "Warranty", body: "Three years on stitching and zips.", kind: "faq" });
    expect((await call("GET", "/api/knowledge?q=stitching", { token: shop.token })).body.items).toHaveLength(1);
    expect((await call("GET", "/api/knowledge?q=manufacturing", { token: shop.token })).body.items).toHaveLength(0);
    expect((await call("PATCH", `/api/knowledge/${article.id}`, { token: shop.token, body: {} })).status).toBe(400);
    expect((await call("PATCH", `/api/knowledge/${article.id}`, { token: support.token, body: { title: "Mine" } })).status).toBe(403);
    expect((await call("PATCH", "/api/knowledge/art_nope", { token: shop.token, body: { title: "X" } })).status).toBe(404);
  });

  it("lets managers and up write; support agents search", async () => {
    const shop = await signup();
    const support = await addAgent(shop, "support");
    const manager = await addAgent(shop, "manager", "Morgan Manager");
    expect((await call("POST", "/api/knowledge", { token: support.token, body: { title: "x", body: "y" } })).status).toBe(403);
    const article = await call("POST", "/api/knowledge", { token: manager.token, body: { title: "Sizing", body: "Boots run true to size." } });
    expect(article.status).toBe(201);
    expect((await call("GET", "/api/knowledge?q=boots", { token: support.token })).body.items).toHaveLength(1);
    expect((await call("DELETE", `/api/knowledge/${article.body.id}`, { token: support.token })).status).toBe(403);
  });

  it("keeps each account's knowledge base to itself", async () => {
    const a = await signup();
    const b = await signup();
    const article = await add(a, { title: "Secret sale", body: "Friends and family sale next week." });
    expect((await call("GET", "/api/knowledge?q=sale", { token: b.token })).body.items).toHaveLength(0);
    expect((await call("GET", "/api/knowledge", { token: b.token })).body.items).toHaveLength(0);
    expect((await call("GET", `/api/knowledge/${article.id}`, { token: b.token })).status).toBe(404);
    expect((await call("DELETE", `/api/knowledge/${article.id}`, { token: b.token })).status).toBe(404);
    expect((await call("GET", "/api/knowledge?q=sale", { token: a.token })).body.items).toHaveLength(1);
  });
});
