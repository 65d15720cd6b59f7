import { describe, expect, it } from "vitest";

import { createDemoStore } from "../../src/integrations/demo-store/index.ts";
import { integrationKinds, isIntegrationKind, providersFor } from "../../src/integrations/registry.ts";

const NOW = Date.parse("2026-11-20T12:00:00.000Z");

describe("integration credentials", () => {
  it("accepts what each provider needs to connect and normalises names", () => {
    expect(integrationKinds.shopify.credentials.parse({ shop: " Northwind ", accessToken: "shpat_1" })).toEqual({ shop: "northwind", accessToken: "shpat_1" });
    expect(integrationKinds.shopify.credentials.parse({ shop: "northwind.myshopify.com", accessToken: "shpat_1", apiVersion: "2025-04" })).toMatchObject({ apiVersion: "2025-04" });
    expect(integrationKinds.zendesk.credentials.parse({ subdomain: "Northwind", email: "ops@northwind.example", apiToken: "t" })).toEqual({ subdomain: "northwind", email: "ops@northwind.example", apiToken: "t" });
    expect(integrationKinds.gorgias.credentials.safeParse({ domain: "northwind", email: "ops@northwind.example", apiKey: "k" }).success).toBe(true);
    expect(integrationKinds.loop.credentials.safeParse({ apiKey: "k", portalUrl: "https://northwind.loopreturns.com" }).success).toBe(true);
    expect(integrationKinds.recharge.credentials.safeParse({ apiToken: "t", storeUrl: "https://northwind.example" }).success).toBe(true);
    expect(integrationKinds.smile.credentials.safeParse({ apiKey: "k" }).success).toBe(true);
    expect(integrationKinds.catalog.credentials.safeParse({ shop: "northwind", storefrontAccessToken: "sf" }).success).toBe(true);
    expect(integrationKinds.demo.credentials.safeParse({}).success).toBe(true);
  });

  it("refuses incomplete or malformed credentials", () => {
    expect(integrationKinds.shopify.credentials.safeParse({ shop: "northwind" }).success).toBe(false);
    expect(integrationKinds.shopify.credentials.safeParse({ shop: "https://evil.example", accessToken: "t" }).success).toBe(false);
    expect(integrationKinds.shopify.credentials.safeParse({ shop: "northwind", accessToken: "t", apiVersion: "latest" }).success).toBe(false);
    expect(integrationKinds.shopify.credentials.safeParse({ shop: "northwind", accessToken: "t", apiVersion: "2024-07" }).success).toBe(false);
    expect(integrationKinds.zendesk.credentials.safeParse({ subdomain: "northwind", email: "not-an-email", apiToken: "t" }).success).toBe(false);
    expect(integrationKinds.zendesk.credentials.safeParse({ subdomain: "north.wind/x", email: "a@b.co", apiToken: "t" }).success).toBe(false);
    expect(integrationKinds.loop.credentials.safeParse({ apiKey: "k", portalUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(integrationKinds.recharge.credentials.safeParse({ apiToken: "  ", storeUrl: "https://northwind.example" }).success).toBe(false);
  });

  it("knows its kinds and what each provides", () => {
    expect(isIntegrationKind("gorgias")).toBe(true);
    expect(isIntegrationKind("toString")).toBe(false);
    expect(integrationKinds.demo.provides).toEqual(["orders", "catalog", "returns", "subscriptions", "loyalty", "coupons"]);
    expect(integrationKinds.zendesk.provides).toEqual(["helpdesk"]);
  });
});

describe("providersFor", () => {
  it("has nothing when nothing is connected", () => {
    expect(providersFor([])).toEqual({});
  });

  it("lets the demo store provide everything but the outside helpdesks", async () => {
    const providers = providersFor([{ kind: "demo", credentials: {} }], { now: () => NOW });

    expect(Object.keys(providers).sort()).toEqual(["catalog", "coupons", "loyalty", "orders", "returns", "subscriptions"]);
    expect(providers.helpdesk).toBeUndefined();
    expect((await providers.orders?.getOrder({ number: "1042" }))?.createdAt).toBe(new Date(NOW - 1.2 * 86_400_000).toISOString());
  });

  it("reuses a given demo store so a cancel made through it sticks", async () => {
    const demoStore = createDemoStore({ now: () => NOW });

    await providersFor([{ kind: "demo", credentials: {} }], { demoStore }).orders?.cancelOrder("demo_order_1042", "customer");

    const again = providersFor([{ kind: "demo", credentials: {} }], { demoStore });
    expect((await again.orders?.getOrder({ number: "1042" }))?.cancelledAt).not.toBeNull();
  });

  it("lets a real provider take its slot from the demo store whatever the order", () => {
    const providers = providersFor([
      { kind: "shopify", credentials: { shop: "northwind", accessToken: "shpat" } },
      { kind: "demo", credentials: {} },
      { kind: "smile", credentials: { apiKey: "k" } },
    ]);

    expect(providers.orders).toBe(providers.catalog);
    expect(providers.orders).not.toBe(providers.coupons);
    expect(providers.coupons).toBe(providers.returns);
    expect(providers.loyalty).not.toBe(providers.coupons);
  });

  it("prefers the Storefront catalog over Shopify's admin product search", () => {
    const providers = providersFor([
      { kind: "catalog", credentials: { shop: "northwind", storefrontAccessToken: "sf" } },
      { kind: "shopify", credentials: { shop: "northwind", accessToken: "shpat" } },
    ]);

    expect(providers.orders).toBeDefined();
    expect(providers.catalog).not.toBe(providers.orders);
  });

  it("offers both outside helpdesks when both are connected", () => {
    const providers = providersFor([
      { kind: "zendesk", credentials: { subdomain: "northwind", email: "ops@northwind.example", apiToken: "t" } },
      { kind: "gorgias", credentials: { domain: "northwind", email: "ops@northwind.example", apiKey: "k" } },
    ]);

    expect(providers.helpdesk?.zendesk).toBeDefined();
    expect(providers.helpdesk?.gorgias).toBeDefined();
  });

  it("skips unknown kinds and credentials that no longer validate", () => {
    const providers = providersFor([
      { kind: "magento", credentials: { token: "x" } },
      { kind: "zendesk", credentials: { subdomain: "northwind" } },
      { kind: "recharge", credentials: { apiToken: "t", storeUrl: "https://northwind.example" } },
    ]);

    expect(providers.helpdesk).toBeUndefined();
    expect(Object.keys(providers)).toEqual(["subscriptions"]);
  });
});
