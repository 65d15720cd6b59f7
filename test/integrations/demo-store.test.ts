import { describe, expect, it } from "vitest";

import { createDemoStore, demoCustomers, demoKnowledgeBase } from "../../src/integrations/demo-store/index.ts";
import { IntegrationError } from "../../src/integrations/errors.ts";

const NOW = Date.parse("2026-11-20T12:00:00.000Z");
const DAY = 86_400_000;

function clock(start = NOW) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

async function failure(p: Promise<unknown>): Promise<IntegrationError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof IntegrationError)) throw new Error(`expected an IntegrationError, got ${String(err)}`);
  return err;
}

describe("demo store lookups", () => {
  it("lists a shopper's orders newest first, up to the limit", async () => {
    const store = createDemoStore({ now: () => NOW });

    const orders = await store.findOrdersByCustomer({ email: "Shopper@Example.com" }, 3);

    expect(orders.map((o) => o.name)).toEqual(["#1042", "#1038", "#1029"]);
    expect(orders[0]).toMatchObject({
      fulfillmentStatus: "unfulfilled",
      financialStatus: "paid",
      cancelledAt: null,
      total: { amount: 261, currency: "USD" },
      customerEmail: "shopper@example.com",
      createdAt: new Date(NOW - 1.2 * DAY).toISOString(),
    });
  });

  it("finds the same shopper by phone or customer id", async () => {
    const store = createDemoStore({ now: () => NOW });

    const byPhone = await store.findOrdersByCustomer({ phone: "+1 (555) 010-0102" }, 10);
    const byId = await store.findOrdersByCustomer({ customerId: "demo_cust_02" }, 10);

    expect(byPhone.map((o) => o.name)).toEqual(["#1041", "#1033", "#1031", "#1026"]);
    expect(byId).toEqual(byPhone);
    expect(await store.findOrdersByCustomer({ email: "stranger@example.com" }, 10)).toEqual([]);
  });

  it("looks an order up by the number the shopper quotes, only for its own email", async () => {
    const store = createDemoStore({ now: () => NOW });

    const order = await store.getOrder({ number: "#1038", email: "shopper@example.com" });

    expect(order?.shipments).toEqual([
      {
        carrier: "UPS",
        trackingNumber: "1Z8W31V60312345678",
        trackingUrl: "https://northwind-outfitters.example/track/1Z8W31V60312345678",
        status: "in_transit",
        estimatedDeliveryAt: new Date(NOW + 2 * DAY).toISOString(),
      },
    ]);
    expect(await store.getOrder({ number: "1038", email: "alex@example.com" })).toBeNull();
    expect(await store.getOrder({ number: "9999" })).toBeNull();
    expect((await store.getOrder({ id: "demo_order_1041" }))?.fulfillmentStatus).toBe("partially_fulfilled");
  });

  it("has orders in every state a support team meets", async () => {
    const store = createDemoStore({ now: () => NOW });
    const all = (await Promise.all(demoCustomers.map((c) => store.findOrdersByCustomer({ email: c.email }, 50)))).flat();

    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(new Set(all.map((o) => o.fulfillmentStatus))).toEqual(new Set(["unfulfilled", "partially_fulfilled", "fulfilled", "on_hold"]));
    expect(all.some((o) => o.cancelledAt !== null)).toBe(true);
    const shipmentStates = new Set(all.flatMap((o) => o.shipments.map((s) => s.status)));
    for (const s of ["label_printed", "in_transit", "out_for_delivery", "attempted_delivery", "delivered"] as const) expect(shipmentStates).toContain(s);
  });

  it("is deterministic for a given clock", async () => {
    const a = createDemoStore({ now: () => NOW });
    const b = createDemoStore({ now: () => NOW });

    expect(await a.findOrdersByCustomer({ email: "alex@example.com" }, 10)).toEqual(await b.findOrdersByCustomer({ email: "alex@example.com" }, 10));
    expect(await a.searchProducts("merino", { limit: 5 })).toEqual(await b.searchProducts("merino", { limit: 5 }));
  });
});

describe("demo store cancelling, only before fulfilment", () => {
  it("cancels an unfulfilled order, refunds it and stamps the time", async () => {
    const time = clock();
    const store = createDemoStore({ now: time.now });
    time.advance(60_000);

    expect(await store.cancelOrder("demo_order_1042", "customer")).toEqual({ orderId: "demo_order_1042", status: "cancelled" });

    const order = await store.getOrder({ number: "1042" });
    expect(order).toMatchObject({ cancelledAt: new Date(NOW + 60_000).toISOString(), financialStatus: "refunded", fulfillmentStatus: "unfulfilled" });
  });

  it("voids an order that was only authorised", async () => {
    const store = createDemoStore({ now: () => NOW });

    await store.cancelOrder("demo_order_1040", "customer");

    expect((await store.getOrder({ number: "1040" }))?.financialStatus).toBe("voided");
  });

  it("refuses to cancel once fulfilment has started, or twice", async () => {
    const store = createDemoStore({ now: () => NOW });

    for (const id of ["demo_order_1038", "demo_order_1041", "demo_order_1039"]) {
      expect(await failure(store.cancelOrder(id, "customer"))).toMatchObject({ provider: "demo", code: "rejected", status: 409 });
    }
    await store.cancelOrder("demo_order_1043", "customer");
    expect((await failure(store.cancelOrder("demo_order_1043", "customer"))).message).toContain("already cancelled");
    expect(await failure(store.cancelOrder("demo_order_0001", "customer"))).toMatchObject({ code: "not_found", status: 404 });
  });

  it("keeps each store's changes to itself", async () => {
    const first = createDemoStore({ now: () => NOW });
    const second = createDemoStore({ now: () => NOW });

    await first.cancelOrder("demo_order_1042", "customer");

    expect((await second.getOrder({ number: "1042" }))?.cancelledAt).toBeNull();
  });
});

describe("demo store quantity edits, only before fulfilment", () => {
  it("changes a quantity and recalculates the total", async () => {
    const store = createDemoStore({ now: () => NOW });

    const edited = await store.editQuantity("demo_order_1042", "demo_li_1042_2", 1);

    expect(edited.lineItems.map((li) => [li.title, li.quantity])).toEqual([
      ["Ridgeline Rain Jacket", 1],
      ["Merino Hiking Socks (3-pack)", 1],
    ]);
    expect(edited.total).toEqual({ amount: 225, currency: "USD" });
    expect(await store.getOrder({ number: "1042" })).toEqual(edited);
  });

  it("removes an item at quantity 0 but never empties the order", async () => {
    const store = createDemoStore({ now: () => NOW });

    const edited = await store.editQuantity("demo_order_1043", "demo_li_1043_2", 0);
    expect(edited.lineItems.map((li) => li.id)).toEqual(["demo_li_1043_1"]);
    expect(edited.total).toEqual({ amount: 40.95, currency: "USD" });

    expect(await failure(store.editQuantity("demo_order_1043", "demo_li_1043_1", 0))).toMatchObject({ code: "rejected", status: 422 });
  });

  it("refuses edits after fulfilment, on cancelled orders, for bad quantities and unknown lines", async () => {
    const store = createDemoStore({ now: () => NOW });

    expect(await failure(store.editQuantity("demo_order_1038", "demo_li_1038_1", 2))).toMatchObject({ code: "rejected" });
    expect(await failure(store.editQuantity("demo_order_1031", "demo_li_1031_1", 1))).toMatchObject({ code: "rejected" });
    expect(await failure(store.editQuantity("demo_order_1042", "demo_li_1042_1", 1.5))).toMatchObject({ code: "rejected", status: 422 });
    expect(await failure(store.editQuantity("demo_order_1042", "demo_li_9999_1", 1))).toMatchObject({ code: "not_found" });
  });

  it("hands out copies, so callers cannot change the store by accident", async () => {
    const store = createDemoStore({ now: () => NOW });

    const order = await store.getOrder({ number: "1042" });
    if (!order) throw new Error("missing order");
    order.lineItems[0]!.quantity = 99;
    order.cancelledAt = "tampered";

    expect(await store.getOrder({ number: "1042" })).toMatchObject({ cancelledAt: null, lineItems: [{ quantity: 1 }, { quantity: 2 }] });
  });
});

describe("demo store coupons", () => {
  it("shows only the public, unexpired codes to an anonymous shopper", async () => {
    const store = createDemoStore({ now: () => NOW });

    expect(await store.listCoupons({})).toEqual([
      { code: "WELCOME10", description: "10% off your first order", profileSpecific: false, minimumSpend: { amount: 50, currency: "USD" }, oncePerCustomer: true },
      { code: "FREESHIP", description: "Free standard shipping on any order (orders over $75 ship free anyway)", expiresAt: new Date(NOW + 30 * DAY).toISOString(), profileSpecific: false },
    ]);
  });

  it("adds a logged-in shopper's own codes, and nobody else's", async () => {
    const store = createDemoStore({ now: () => NOW });

    const alex = await store.listCoupons({ email: "alex@example.com" });
    const sam = await store.listCoupons({ email: "shopper@example.com" });

    expect(alex.filter((c) => c.profileSpecific).map((c) => c.code)).toEqual(["ALEX-BDAY20"]);
    expect(sam.filter((c) => c.profileSpecific).map((c) => c.code)).toEqual(["SAM-SUMMIT15"]);
    expect(sam.map((c) => c.code)).toEqual(["WELCOME10", "FREESHIP", "SAM-SUMMIT15"]);
  });

  it("drops codes as they expire", async () => {
    const time = clock();
    const store = createDemoStore({ now: time.now });
    time.advance(31 * DAY);

    expect((await store.listCoupons({ email: "shopper@example.com" })).map((c) => c.code)).toEqual(["WELCOME10"]);
  });
});

describe("demo store catalog, returns, subscriptions and loyalty", () => {
  it("has a real catalog to recommend from, best match first", async () => {
    const store = createDemoStore({ now: () => NOW });

    const all = await store.searchProducts("", { limit: 100 });
    const jackets = await store.searchProducts("I need a waterproof rain jacket for hiking", { limit: 3 });
    const socks = await store.searchProducts("socks", { limit: 5 });

    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    expect(jackets[0]).toMatchObject({ title: "Ridgeline Rain Jacket", price: 189, currency: "USD", available: true, url: "https://northwind-outfitters.example/products/ridgeline-rain-jacket" });
    expect(socks.map((p) => p.title)).toContain("Merino Hiking Socks (3-pack)");
    expect(await store.searchProducts("zzz unknown", { limit: 3 })).toEqual([]);
  });

  it("lists a shopper's returns and links each order to the returns portal", async () => {
    const store = createDemoStore({ now: () => NOW });

    const returns = await store.listReturns({ email: "alex@example.com" });

    expect(returns).toEqual([
      {
        id: "demo_ret_01",
        orderName: "#1033",
        state: "open",
        outcome: "exchange",
        createdAt: new Date(NOW - 4 * DAY).toISOString(),
        items: [{ title: "Alpine Softshell Jacket", sku: "NW-SS", reason: "Too small, exchanging for a Medium" }],
        total: { amount: 159, currency: "USD" },
      },
    ]);
    expect(store.returnsPortalUrl({ number: "1033", name: "#1033", customerEmail: "alex@example.com" })).toBe(
      "https://northwind-outfitters.example/returns?order=1033&email=alex%40example.com",
    );
    expect(store.policySummary?.()).toContain("30 days");
  });

  it("lists subscriptions with their next charge", async () => {
    const store = createDemoStore({ now: () => NOW });

    expect(await store.listSubscriptions({ email: "shopper@example.com" })).toEqual([
      {
        id: "demo_sub_01",
        productTitle: "Trailhead Coffee Club — Whole bean",
        status: "active",
        nextChargeAt: "2026-11-29",
        interval: { every: 1, unit: "month" },
        price: { amount: 14, currency: "USD" },
        quantity: 2,
      },
    ]);
    expect((await store.listSubscriptions({ email: "alex@example.com" }))[0]).toMatchObject({ status: "paused", nextChargeAt: null });
    expect(await store.portalUrl({ email: "shopper@example.com" })).toBe("https://northwind-outfitters.example/account/subscriptions");
  });

  it("reads loyalty balances and the rewards within reach", async () => {
    const store = createDemoStore({ now: () => NOW });

    expect(await store.getBalance({ email: "shopper@example.com" })).toEqual({
      points: 820,
      tier: "Summit",
      rewards: [
        { name: "Free standard shipping", pointsCost: 200 },
        { name: "$5 off your order", pointsCost: 500 },
      ],
    });
    expect(await store.getBalance({ email: "marco.rossi@example.com" })).toBeNull();
    const program = await store.programInfo();
    expect(program.tiers.map((t) => t.name)).toEqual(["Trail", "Summit", "Alpine"]);
    expect(program.earningRules[0]).toContain("1 point for every $1");
  });
});

describe("demo knowledge base", () => {
  it("covers every kind of content the skills need", () => {
    expect(demoKnowledgeBase.length).toBeGreaterThanOrEqual(15);
    expect(new Set(demoKnowledgeBase.map((a) => a.kind))).toEqual(
      new Set(["faq", "policy", "coupon", "loyalty", "subscription", "returns", "order_editing"]),
    );
    expect(new Set(demoKnowledgeBase.map((a) => a.title)).size).toBe(demoKnowledgeBase.length);
  });
});
