// Widget identity verification (issue 10 item 1): the hash signs externalId and email, and the AI agent reads only
// the data of the identity the hash proves.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { identityCanonical, identityHash } from "../../src/chat/identity.ts";
import { addAgent, call, chatSay, type TestAccount } from "../helpers.ts";
import { demoShop } from "../agent/helpers.ts";

interface Reply {
  body: string;
  cards?: { type: string; title?: string }[];
}

async function secretOf(shop: TestAccount): Promise<string> {
  const row = await env.DB.prepare("SELECT identity_secret FROM accounts WHERE id = ?").bind(shop.accountId).first<{ identity_secret: string }>();
  return row?.identity_secret ?? "";
}

function start(shop: TestAccount, visitor: Record<string, string>) {
  return call<{ conversationId: string; ticketId: string; visitorToken: string; verified: boolean }>("POST", "/api/chat/conversations", { body: { accountId: shop.accountId, visitor } });
}

describe("identity verification", () => {
  let shop: TestAccount;
  let secret: string;
  beforeAll(async () => {
    shop = await demoShop();
    expect((await call("PUT", "/api/settings/agent", { token: shop.token, body: { enabled: true } })).status).toBe(200);
    secret = await secretOf(shop);
  });

  it("signs externalId, a newline and the email", () => {
    expect(identityCanonical("cust_1", "a@example.com")).toBe("cust_1\na@example.com");
    expect(identityCanonical("cust_1")).toBe("cust_1\n");
  });

  it("refuses a verified shopper who adds another shopper's email to a hash that signs only their id", async () => {
    // The attack from issue 10: a valid hash for "me", and Alex's email beside it.
    const hash = await identityHash(secret, "cust_mine");
    const res = await start(shop, { externalId: "cust_mine", identityHash: hash, email: "alex@example.com" });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("refuses a hash signed for one email when the visitor sends another", async () => {
    const hash = await identityHash(secret, "cust_mine", "mine@example.com");
    const res = await start(shop, { externalId: "cust_mine", identityHash: hash, email: "alex@example.com" });
    expect(res.status).toBe(401);
  });

  it("never shows a verified shopper another shopper's orders", async () => {
    // Signed without an email: logged in, but nothing proves an email, so the agent looks nothing up by one.
    const conv = await start(shop, { externalId: "cust_noemail", identityHash: await identityHash(secret, "cust_noemail") });
    expect(conv.body.verified).toBe(true);
    await chatSay(conv.body, "alex@example.com");
    const res = await chatSay(conv.body, "Where is my order?");
    const replies = res.body.replies as Reply[];
    const text = replies.map((r) => r.body).join(" ");
    expect(text).not.toContain("#1041");
    expect(replies.flatMap((r) => r.cards ?? []).some((c) => c.type === "order")).toBe(false);
  });

  it("shows a verified shopper their own orders, by the email the shop signed", async () => {
    const conv = await start(shop, { externalId: "demo_cust_02", email: "alex@example.com", identityHash: await identityHash(secret, "demo_cust_02", "alex@example.com") });
    expect(conv.status).toBe(201);
    expect(conv.body.verified).toBe(true);
    const res = await chatSay(conv.body, "Where is my order?");
    expect((res.body.replies as Reply[]).map((r) => r.body).join(" ")).toContain("#1041");
  });

  it("keeps an anonymous visitor's email as contact details only", async () => {
    const conv = await start(shop, { email: "alex@example.com" });
    expect(conv.body.verified).toBe(false);
    const res = await chatSay(conv.body, "Where is my order?");
    expect((res.body.replies as Reply[]).flatMap((r) => r.cards ?? []).some((c) => c.type === "order")).toBe(false);
  });
});

describe("the identity secret in Settings → Widget", () => {
  it("is shown to owners and admins only", async () => {
    const shop = await demoShop({ knowledge: false });
    const own = await call("GET", "/api/settings/widget", { token: shop.token });
    expect(own.status).toBe(200);
    expect(own.body.identitySecret).toBe(await secretOf(shop));
    expect(own.body.allowedOrigins).toEqual([]);
    const admin = await addAgent(shop, "admin");
    expect((await call("GET", "/api/settings/widget", { token: admin.token })).status).toBe(200);
    const support = await addAgent(shop, "support");
    expect((await call("GET", "/api/settings/widget", { token: support.token })).status).toBe(403);
    expect((await call("POST", "/api/settings/widget/identity-secret/rotate", { token: support.token })).status).toBe(403);
    // The secret never shows up where every agent can read it.
    expect(JSON.stringify((await call("GET", "/api/settings", { token: support.token })).body)).not.toContain(own.body.identitySecret);
  });

  it("rotates: the new secret verifies at once, the old one until its grace ends", async () => {
    const shop = await demoShop({ knowledge: false });
    const old = await secretOf(shop);
    const rotated = await call("POST", "/api/settings/widget/identity-secret/rotate", { token: shop.token });
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.identitySecret as string;
    expect(fresh).toMatch(/^[0-9a-f]{64}$/);
    expect(fresh).not.toBe(old);
    expect(Date.parse(rotated.body.previousSecretValidUntil)).toBeGreaterThan(Date.now());
    expect((await call("GET", "/api/settings/widget", { token: shop.token })).body.identitySecret).toBe(fresh);

    const visitor = async (s: string) => start(shop, { externalId: "cust_r", email: "r@example.com", identityHash: await identityHash(s, "cust_r", "r@example.com") });
    expect((await visitor(fresh)).body.verified).toBe(true);
    expect((await visitor(old)).body.verified).toBe(true);
    await env.DB.prepare("UPDATE accounts SET previous_identity_secret_until = ? WHERE id = ?").bind(Date.now() - 1, shop.accountId).run();
    expect((await visitor(old)).status).toBe(401);
    expect((await visitor(fresh)).body.verified).toBe(true);
    const audit = await call("GET", "/api/audit?action=settings.*", { token: shop.token });
    expect(audit.body.items.map((i: { action: string }) => i.action)).toContain("settings.identity_secret_rotated");
  });
});
