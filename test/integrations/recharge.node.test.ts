import { createServer } from "node:http";
import { afterEach, describe, expect, it } from "vitest";

import { createRechargeSubscriptions } from "../../src/integrations/subscriptions/recharge.ts";
import { inOrder, startFakeServer } from "./fakeServer.ts";
import type { FakeServer } from "./fakeServer.ts";

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const coffee = {
  id: 27364812,
  address_id: 178918,
  customer_id: 1438715,
  analytics_data: { utm_params: [] },
  cancellation_reason: null,
  cancelled_at: null,
  charge_interval_frequency: 1,
  created_at: "2026-06-02T11:31:05+00:00",
  external_product_id: { ecommerce: "1255183683" },
  external_variant_id: { ecommerce: "3844924611" },
  has_queued_charges: true,
  is_prepaid: false,
  is_skippable: true,
  is_swappable: false,
  next_charge_scheduled_at: "2026-12-01",
  order_interval_frequency: 1,
  order_interval_unit: "month",
  presentment_currency: "USD",
  price: "28.00",
  product_title: "Trailhead Coffee Club",
  quantity: 2,
  sku: "NW-COF-WB",
  status: "active",
  updated_at: "2026-11-01T11:31:05+00:00",
  variant_title: "Whole bean",
};

describe("Recharge subscriptions", () => {
  it("finds the Recharge customer by email, then lists their subscriptions with the access token and API version", async () => {
    server = await startFakeServer(
      createServer,
      inOrder(
        { json: { customers: [{ id: 1438715, email: "shopper@example.com", first_name: "Sam", subscriptions_active_count: 1 }] } },
        {
          json: {
            next_cursor: null,
            previous_cursor: null,
            subscriptions: [
              coffee,
              { ...coffee, id: 27364813, status: "cancelled", next_charge_scheduled_at: null, order_interval_frequency: "3", order_interval_unit: "week", price: 12.5, product_title: "Merino Sock Club", variant_title: null, quantity: 1 },
            ],
          },
        },
      ),
    );
    const recharge = createRechargeSubscriptions({ apiToken: "rc_tok", storeUrl: "https://northwind.example/", baseUrl: server.url });

    const subs = await recharge.listSubscriptions({ email: " shopper@example.com " });

    const [customers, list] = server.requests;
    expect(customers?.method).toBe("GET");
    expect(customers?.path).toBe("/customers");
    expect(customers?.query.get("email")).toBe("shopper@example.com");
    expect(customers?.headers["x-recharge-access-token"]).toBe("rc_tok");
    expect(customers?.headers["x-recharge-version"]).toBe("2021-11");
    expect(list?.path).toBe("/subscriptions");
    expect(Object.fromEntries(list?.query ?? [])).toEqual({ customer_id: "1438715", limit: "50" });
    expect(subs).toEqual([
      {
        id: "27364812",
        productTitle: "Trailhead Coffee Club — Whole bean",
        status: "active",
        nextChargeAt: "2026-12-01",
        interval: { every: 1, unit: "month" },
        price: { amount: 28, currency: "USD" },
        quantity: 2,
      },
      {
        id: "27364813",
        productTitle: "Merino Sock Club",
        status: "cancelled",
        nextChargeAt: null,
        interval: { every: 3, unit: "week" },
        price: { amount: 12.5, currency: "USD" },
        quantity: 1,
      },
    ]);
  });

  it("returns no subscriptions for an email Recharge does not know", async () => {
    server = await startFakeServer(createServer, inOrder({ json: { customers: [] } }));
    const recharge = createRechargeSubscriptions({ apiToken: "t", storeUrl: "https://northwind.example", baseUrl: server.url });

    expect(await recharge.listSubscriptions({ email: "nobody@example.com" })).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("sends shoppers to the store's account login unless a portal address is set", async () => {
    const viaStore = createRechargeSubscriptions({ apiToken: "t", storeUrl: "https://northwind.example/" });
    const custom = createRechargeSubscriptions({ apiToken: "t", storeUrl: "https://northwind.example", portalUrl: "https://subscriptions.northwind.example" });

    expect(await viaStore.portalUrl({ email: "shopper@example.com" })).toBe("https://northwind.example/account/login");
    expect(await custom.portalUrl({ email: "shopper@example.com" })).toBe("https://subscriptions.northwind.example");
  });

  it("reports an invalid token as unauthorized and throttling as rate_limited", async () => {
    server = await startFakeServer(
      createServer,
      inOrder({ status: 401, json: { errors: "Invalid API token" } }, { status: 429, json: { errors: "Too many requests" } }),
    );
    const recharge = createRechargeSubscriptions({ apiToken: "bad", storeUrl: "https://northwind.example", baseUrl: server.url });

    await expect(recharge.listSubscriptions({ email: "a@b.c" })).rejects.toMatchObject({ provider: "recharge", code: "unauthorized", details: ["Invalid API token"] });
    await expect(recharge.listSubscriptions({ email: "a@b.c" })).rejects.toMatchObject({ provider: "recharge", code: "rate_limited" });
  });
});
