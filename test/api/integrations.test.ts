// Integrations: connect with validated credentials (owner/admin), list with secrets masked, disconnect, per account.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addAgent, call, signup } from "../helpers.ts";

const shopify = { shop: "Northwind", accessToken: "shpat_live_0123456789abcdef" };

describe("integrations", () => {
  it("lists every kind a shop can connect, none connected for a new account", async () => {
    const owner = await signup();
    const res = await call("GET", "/api/integrations", { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { kind: string }) => i.kind)).toEqual(["shopify", "catalog", "zendesk", "gorgias", "loop", "recharge", "smile", "twilio", "instagram", "postmark", "demo"]);
    expect(res.body.items.every((i: { connected: boolean; credentials: unknown }) => !i.connected && i.credentials === null)).toBe(true);
    expect(res.body.items.find((i: { kind: string }) => i.kind === "loop")).toMatchObject({ label: "Loop Returns", provides: ["returns"], connectedAt: null });
  });

  it("names each kind's credential fields, which are required and which are secret, so a form can be built from the list", async () => {
    const owner = await signup();
    const items = (await call("GET", "/api/integrations", { token: owner.token })).body.items as { kind: string; fields: unknown }[];
    const fields = (kind: string) => items.find((i) => i.kind === kind)?.fields;
    expect(fields("zendesk")).toEqual([
      { name: "subdomain", required: true, secret: false },
      { name: "email", required: true, secret: false },
      { name: "apiToken", required: true, secret: true },
    ]);
    expect(fields("shopify")).toEqual([
      { name: "shop", required: true, secret: false },
      { name: "accessToken", required: true, secret: true },
      { name: "apiVersion", required: false, secret: false },
    ]);
    expect(fields("demo")).toEqual([]);
  });

  it("refuses credentials that don't fit the kind with the zod issues", async () => {
    const owner = await signup();
    const res = await call("PUT", "/api/integrations/shopify", { token: owner.token, body: { shop: "https://evil.example" } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["accessToken", "shop"]);
    const zendesk = await call("PUT", "/api/integrations/zendesk", { token: owner.token, body: { subdomain: "northwind", email: "not-an-email", apiToken: "t" } });
    expect(zendesk.body.error.issues).toEqual([{ path: "email", message: expect.any(String) }]);
    expect((await call("GET", "/api/integrations", { token: owner.token })).body.items.some((i: { connected: boolean }) => i.connected)).toBe(false);
  });

  it("connects, never echoes the secret back and keeps it sealed in D1", async () => {
    const owner = await signup();
    const res = await call("PUT", "/api/integrations/shopify", { token: owner.token, body: shopify });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: "shopify", connected: true, credentials: { shop: "northwind", accessToken: "••••cdef" } });
    expect(Date.parse(res.body.connectedAt)).toBeGreaterThan(0);
    const list = await call("GET", "/api/integrations", { token: owner.token });
    expect(JSON.stringify(list.body)).not.toContain("shpat_live");
    expect(list.body.items.find((i: { kind: string }) => i.kind === "shopify")).toMatchObject({ connected: true, credentials: { shop: "northwind", accessToken: "••••cdef" } });
    const row = await env.DB.prepare("SELECT credentials FROM integrations WHERE account_id = ? AND kind = 'shopify'").bind(owner.accountId).first<{ credentials: string }>();
    expect(row?.credentials).toMatch(/^v1\./);
    expect(row?.credentials).not.toContain("shpat_live");
  });

  it("replaces credentials on reconnect and keeps when it was first connected", async () => {
    const owner = await signup();
    const first = await call("PUT", "/api/integrations/shopify", { token: owner.token, body: shopify });
    const again = await call("PUT", "/api/integrations/shopify", { token: owner.token, body: { ...shopify, accessToken: "shpat_live_ffffffffffff9999" } });
    expect(again.body.credentials.accessToken).toBe("••••9999");
    expect(again.body.connectedAt).toBe(first.body.connectedAt);
  });

  it("drops fields the kind doesn't know", async () => {
    const owner = await signup();
    const res = await call("PUT", "/api/integrations/demo", { token: owner.token, body: { password: "hunter2" } });
    expect(res.status).toBe(200);
    expect(res.body.credentials).toEqual({});
  });

  it("answers 404 for a kind that doesn't exist", async () => {
    const owner = await signup();
    const res = await call("PUT", "/api/integrations/magento", { token: owner.token, body: {} });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("disconnects and forgets the credentials", async () => {
    const owner = await signup();
    await call("PUT", "/api/integrations/demo", { token: owner.token, body: {} });
    expect((await call("DELETE", "/api/integrations/demo", { token: owner.token })).status).toBe(204);
    expect((await call("DELETE", "/api/integrations/demo", { token: owner.token })).status).toBe(404);
    const list = await call("GET", "/api/integrations", { token: owner.token });
    expect(list.body.items.find((i: { kind: string }) => i.kind === "demo").connected).toBe(false);
  });

  it("lets only owners and admins connect or disconnect; everyone in the helpdesk can see", async () => {
    const owner = await signup();
    const support = await addAgent(owner, "support");
    const manager = await addAgent(owner, "manager", "Morgan Manager");
    const admin = await addAgent(owner, "admin", "Ada Admin");
    expect((await call("PUT", "/api/integrations/demo", { token: support.token, body: {} })).status).toBe(403);
    expect((await call("PUT", "/api/integrations/demo", { token: manager.token, body: {} })).status).toBe(403);
    expect((await call("PUT", "/api/integrations/demo", { token: admin.token, body: {} })).status).toBe(200);
    expect((await call("DELETE", "/api/integrations/demo", { token: support.token })).status).toBe(403);
    expect((await call("GET", "/api/integrations", { token: support.token })).status).toBe(200);
  });

  it("keeps each account's integrations to itself", async () => {
    const a = await signup();
    const b = await signup();
    await call("PUT", "/api/integrations/shopify", { token: a.token, body: shopify });
    const seenByB = await call("GET", "/api/integrations", { token: b.token });
    expect(seenByB.body.items.find((i: { kind: string }) => i.kind === "shopify").connected).toBe(false);
    expect((await call("DELETE", "/api/integrations/shopify", { token: b.token })).status).toBe(404);
    const seenByA = await call("GET", "/api/integrations", { token: a.token });
    expect(seenByA.body.items.find((i: { kind: string }) => i.kind === "shopify").connected).toBe(true);
  });

  it("requires a token", async () => {
    expect((await call("GET", "/api/integrations")).status).toBe(401);
    expect((await call("PUT", "/api/integrations/demo", { body: {} })).status).toBe(401);
  });
});
