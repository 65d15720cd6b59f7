import { createServer } from "node:http";
import { afterEach, describe, expect, it } from "vitest";

import { createShopifyStore, createShopifyStorefrontCatalog, shopDomain } from "../../src/integrations/shopify.ts";
import type { Order } from "../../src/integrations/types.ts";
import { inOrder, startFakeServer } from "./fakeServer.ts";
import type { FakeReply, FakeServer, RecordedRequest } from "./fakeServer.ts";

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const cost = {
  cost: {
    requestedQueryCost: 52,
    actualQueryCost: 12,
    throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1988, restoreRate: 100 },
  },
};

const inTransitOrder = {
  id: "gid://shopify/Order/5551234567890",
  name: "#1042",
  createdAt: "2026-11-18T10:21:04Z",
  cancelledAt: null,
  email: "shopper@example.com",
  statusPageUrl: "https://northwind.myshopify.com/73012/orders/4f2a/authenticate?key=9c1d",
  displayFinancialStatus: "PAID",
  displayFulfillmentStatus: "PARTIALLY_FULFILLED",
  totalPriceSet: { shopMoney: { amount: "224.00", currencyCode: "USD" } },
  lineItems: {
    nodes: [
      {
        id: "gid://shopify/LineItem/13901234567890",
        title: "Ridgeline Rain Jacket",
        quantity: 1,
        sku: "NW-RJ-M-MOSS",
        variantTitle: "M / Moss",
        product: { id: "gid://shopify/Product/8801" },
        originalUnitPriceSet: { shopMoney: { amount: "189.00", currencyCode: "USD" } },
      },
      {
        id: "gid://shopify/LineItem/13901234567891",
        title: "Gift wrap",
        quantity: 1,
        sku: null,
        variantTitle: null,
        product: null,
        originalUnitPriceSet: { shopMoney: { amount: "35.00", currencyCode: "USD" } },
      },
    ],
  },
  fulfillments: [
    {
      status: "SUCCESS",
      displayStatus: "IN_TRANSIT",
      estimatedDeliveryAt: "2026-11-22T20:00:00Z",
      deliveredAt: null,
      trackingInfo: [{ company: "UPS", number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" }],
    },
    { status: "CANCELLED", displayStatus: "CANCELED", estimatedDeliveryAt: null, deliveredAt: null, trackingInfo: [] },
  ],
};

const deliveredOrder = {
  ...inTransitOrder,
  id: "gid://shopify/Order/5550000000001",
  name: "#1029",
  createdAt: "2026-10-26T08:00:00Z",
  displayFulfillmentStatus: "FULFILLED",
  totalPriceSet: { shopMoney: { amount: "179.00", currencyCode: "USD" } },
  lineItems: { nodes: [] },
  fulfillments: [
    { status: "SUCCESS", displayStatus: "DELIVERED", estimatedDeliveryAt: null, deliveredAt: "2026-10-30T15:00:00Z", trackingInfo: [] },
  ],
};

const mappedInTransit: Order = {
  id: "gid://shopify/Order/5551234567890",
  number: "1042",
  name: "#1042",
  createdAt: "2026-11-18T10:21:04Z",
  financialStatus: "paid",
  fulfillmentStatus: "partially_fulfilled",
  cancelledAt: null,
  total: { amount: 224, currency: "USD" },
  lineItems: [
    {
      id: "gid://shopify/LineItem/13901234567890",
      title: "Ridgeline Rain Jacket",
      quantity: 1,
      variantTitle: "M / Moss",
      sku: "NW-RJ-M-MOSS",
      productId: "gid://shopify/Product/8801",
      unitPrice: { amount: 189, currency: "USD" },
    },
    { id: "gid://shopify/LineItem/13901234567891", title: "Gift wrap", quantity: 1, unitPrice: { amount: 35, currency: "USD" } },
  ],
  shipments: [
    {
      carrier: "UPS",
      trackingNumber: "1Z999AA10123456784",
      trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
      status: "in_transit",
      estimatedDeliveryAt: "2026-11-22T20:00:00Z",
    },
  ],
  customerEmail: "shopper@example.com",
  statusPageUrl: "https://northwind.myshopify.com/73012/orders/4f2a/authenticate?key=9c1d",
};

function gql(req: RecordedRequest): { query: string; variables: Record<string, unknown> } {
  return req.json as { query: string; variables: Record<string, unknown> };
}

function store(s: FakeServer) {
  return createShopifyStore({ shop: "northwind", accessToken: "shpat_test", baseUrl: s.url });
}

const ok = (data: unknown): FakeReply => ({ json: { data, extensions: cost } });

describe("Shopify orders", () => {
  it("finds a shopper's orders by email and maps fulfillments and tracking into orders", async () => {
    server = await startFakeServer(createServer, inOrder(ok({ orders: { nodes: [inTransitOrder, deliveredOrder] } })));

    const orders = await store(server).findOrdersByCustomer({ email: "shopper@example.com" }, 5);

    const req = server.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/admin/api/2025-01/graphql.json");
    expect(req.headers["x-shopify-access-token"]).toBe("shpat_test");
    expect(gql(req).query).toContain("orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true)");
    expect(gql(req).variables).toEqual({ first: 5, query: 'email:"shopper@example.com"' });
    expect(orders[0]).toEqual(mappedInTransit);
    expect(orders[1]).toMatchObject({
      number: "1029",
      fulfillmentStatus: "fulfilled",
      lineItems: [],
      shipments: [{ carrier: null, trackingNumber: null, trackingUrl: null, status: "delivered", deliveredAt: "2026-10-30T15:00:00Z" }],
    });
  });

  it("searches by customer id, and by phone through the customer record", async () => {
    server = await startFakeServer(
      createServer,
      inOrder(
        ok({ orders: { nodes: [] } }),
        ok({ customers: { nodes: [{ id: "gid://shopify/Customer/207119551" }, { id: "gid://shopify/Customer/207119552" }] } }),
        ok({ orders: { nodes: [deliveredOrder] } }),
      ),
    );
    const shopify = store(server);

    await shopify.findOrdersByCustomer({ customerId: "gid://shopify/Customer/207119551" }, 100);
    const byPhone = await shopify.findOrdersByCustomer({ phone: "+15551234567" }, 3);

    expect(gql(server.requests[0]!).variables).toEqual({ first: 50, query: "customer_id:207119551" });
    expect(gql(server.requests[1]!).variables).toEqual({ query: 'phone:"+15551234567"' });
    expect(gql(server.requests[2]!).variables).toEqual({ first: 3, query: "customer_id:207119551 OR customer_id:207119552" });
    expect(byPhone.map((o) => o.name)).toEqual(["#1029"]);
  });

  it("looks an order up by the number the shopper quotes and hides it from another email", async () => {
    server = await startFakeServer(createServer, inOrder(ok({ orders: { nodes: [inTransitOrder] } }), ok({ orders: { nodes: [inTransitOrder] } })));
    const shopify = store(server);

    expect(await shopify.getOrder({ number: "1042", email: "Shopper@Example.com" })).toEqual(mappedInTransit);
    expect(await shopify.getOrder({ number: "#1042", email: "someone@else.com" })).toBeNull();
    expect(gql(server.requests[0]!).variables).toEqual({ first: 1, query: 'name:"#1042"' });
    expect(gql(server.requests[1]!).variables).toEqual({ first: 1, query: 'name:"#1042"' });
  });

  it("looks an order up by id, accepting a numeric id", async () => {
    server = await startFakeServer(createServer, inOrder(ok({ order: inTransitOrder }), ok({ order: null })));
    const shopify = store(server);

    expect((await shopify.getOrder({ id: "5551234567890" }))?.name).toBe("#1042");
    expect(await shopify.getOrder({ id: "gid://shopify/Order/1" })).toBeNull();
    expect(gql(server.requests[0]!).query).toContain("order(id: $id)");
    expect(gql(server.requests[0]!).variables).toEqual({ id: "gid://shopify/Order/5551234567890" });
  });
});

describe("Shopify cancel and edit", () => {
  it("cancels with refund, restock and a customer notification", async () => {
    server = await startFakeServer(createServer, inOrder(ok({ orderCancel: { job: { id: "gid://shopify/Job/1", done: false }, orderCancelUserErrors: [] } })));

    const outcome = await store(server).cancelOrder("gid://shopify/Order/5551234567890", "customer");

    expect(outcome).toEqual({ orderId: "gid://shopify/Order/5551234567890", status: "cancelling" });
    const { query, variables } = gql(server.requests[0]!);
    expect(query).toContain("orderCancel(orderId: $orderId, reason: $reason, refund: true, restock: true, notifyCustomer: true");
    expect(variables).toEqual({ orderId: "gid://shopify/Order/5551234567890", reason: "CUSTOMER", staffNote: "Cancelled from Edgedesk" });
  });

  it("turns orderCancelUserErrors into a rejected error with Shopify's words", async () => {
    server = await startFakeServer(
      createServer,
      inOrder(ok({ orderCancel: { job: null, orderCancelUserErrors: [{ code: "INVALID", field: ["orderId"], message: "Cannot cancel a fulfilled order" }] } })),
    );

    await expect(store(server).cancelOrder("5551234567890", "customer")).rejects.toMatchObject({
      provider: "shopify",
      code: "rejected",
      details: ["Cannot cancel a fulfilled order"],
    });
  });

  it("changes a quantity through begin, set quantity and commit", async () => {
    const edited = { ...inTransitOrder, displayFulfillmentStatus: "UNFULFILLED", fulfillments: [], lineItems: { nodes: [{ ...inTransitOrder.lineItems.nodes[0], quantity: 2 }] } };
    server = await startFakeServer(
      createServer,
      inOrder(
        ok({
          orderEditBegin: {
            calculatedOrder: {
              id: "gid://shopify/CalculatedOrder/77",
              lineItems: { nodes: [{ id: "gid://shopify/CalculatedLineItem/13901234567891", quantity: 1 }, { id: "gid://shopify/CalculatedLineItem/13901234567890", quantity: 1 }] },
            },
            userErrors: [],
          },
        }),
        ok({ orderEditSetQuantity: { calculatedOrder: { id: "gid://shopify/CalculatedOrder/77" }, userErrors: [] } }),
        ok({ orderEditCommit: { order: edited, userErrors: [] } }),
      ),
    );

    const order = await store(server).editQuantity("gid://shopify/Order/5551234567890", "gid://shopify/LineItem/13901234567890", 2);

    expect(server.requests.map((r) => gql(r).variables)).toEqual([
      { id: "gid://shopify/Order/5551234567890" },
      { id: "gid://shopify/CalculatedOrder/77", lineItemId: "gid://shopify/CalculatedLineItem/13901234567890", quantity: 2 },
      { id: "gid://shopify/CalculatedOrder/77", staffNote: "Quantity changed from Edgedesk" },
    ]);
    expect(gql(server.requests[0]!).query).toContain("orderEditBegin(id: $id)");
    expect(gql(server.requests[1]!).query).toContain("orderEditSetQuantity(id: $id, lineItemId: $lineItemId, quantity: $quantity, restock: true)");
    expect(gql(server.requests[2]!).query).toContain("orderEditCommit(id: $id, notifyCustomer: true, staffNote: $staffNote)");
    expect(order.lineItems[0]?.quantity).toBe(2);
    expect(order.fulfillmentStatus).toBe("unfulfilled");
  });

  it("stops before editing when the line item is not on the order, and on userErrors", async () => {
    server = await startFakeServer(
      createServer,
      inOrder(
        ok({ orderEditBegin: { calculatedOrder: { id: "gid://shopify/CalculatedOrder/78", lineItems: { nodes: [] } }, userErrors: [] } }),
        ok({ orderEditBegin: { calculatedOrder: null, userErrors: [{ field: ["id"], message: "The order cannot be edited." }] } }),
      ),
    );
    const shopify = store(server);

    await expect(shopify.editQuantity("1", "gid://shopify/LineItem/5", 1)).rejects.toMatchObject({ code: "not_found" });
    await expect(shopify.editQuantity("1", "gid://shopify/LineItem/5", 1)).rejects.toMatchObject({ code: "rejected", details: ["The order cannot be edited."] });
    await expect(shopify.editQuantity("1", "gid://shopify/LineItem/5", -1)).rejects.toMatchObject({ code: "rejected" });
    expect(server.requests).toHaveLength(2);
  });
});

describe("Shopify errors", () => {
  it("maps HTTP 429 to rate_limited with Retry-After", async () => {
    server = await startFakeServer(createServer, inOrder({ status: 429, headers: { "Retry-After": "2.0" }, json: { errors: "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." } }));

    await expect(store(server).findOrdersByCustomer({ email: "a@b.c" }, 1)).rejects.toMatchObject({ provider: "shopify", status: 429, code: "rate_limited", retryAfterSeconds: 2 });
  });

  it("maps a THROTTLED GraphQL error to rate_limited and works out the wait from the cost", async () => {
    server = await startFakeServer(
      createServer,
      inOrder({
        json: {
          errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
          extensions: { cost: { requestedQueryCost: 752, actualQueryCost: null, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 666, restoreRate: 50 } } },
        },
      }),
    );

    await expect(store(server).getOrder({ number: "1042" })).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 2, details: ["Throttled"] });
  });

  it("maps a bad token and a missing scope to unauthorized", async () => {
    server = await startFakeServer(
      createServer,
      inOrder(
        { status: 401, json: { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" } },
        { json: { errors: [{ message: "Access denied for orders field.", extensions: { code: "ACCESS_DENIED" } }] } },
      ),
    );
    const shopify = store(server);

    await expect(shopify.getOrder({ number: "1" })).rejects.toMatchObject({ code: "unauthorized", status: 401 });
    await expect(shopify.getOrder({ number: "1" })).rejects.toMatchObject({ code: "unauthorized", details: ["Access denied for orders field."] });
  });

  it("reports an unreadable answer as upstream", async () => {
    server = await startFakeServer(createServer, inOrder(ok({ orders: { nodes: [{ id: 5 }] } })));

    await expect(store(server).findOrdersByCustomer({ email: "a@b.c" }, 1)).rejects.toMatchObject({ code: "upstream" });
  });
});

describe("Shopify catalog", () => {
  it("searches active products through the Admin API", async () => {
    server = await startFakeServer(
      createServer,
      inOrder(
        ok({
          products: {
            nodes: [
              {
                id: "gid://shopify/Product/8801",
                title: "Ridgeline Rain Jacket",
                description: "Fully seam-sealed 2.5-layer shell.",
                handle: "ridgeline-rain-jacket",
                onlineStoreUrl: null,
                tags: ["rain", "jackets"],
                status: "ACTIVE",
                totalInventory: 0,
                tracksInventory: true,
                featuredMedia: { preview: { image: { url: "https://cdn.shopify.com/s/files/1/jacket.jpg" } } },
                priceRangeV2: { minVariantPrice: { amount: "189.0", currencyCode: "USD" } },
              },
            ],
          },
        }),
      ),
    );

    const products = await store(server).searchProducts('waterproof "jacket" (men:s)', { limit: 4 });

    expect(gql(server.requests[0]!).variables).toEqual({ first: 4, query: "waterproof jacket men s status:active", sortKey: "RELEVANCE" });
    expect(products).toEqual([
      {
        id: "gid://shopify/Product/8801",
        title: "Ridgeline Rain Jacket",
        description: "Fully seam-sealed 2.5-layer shell.",
        price: 189,
        currency: "USD",
        url: "https://northwind.myshopify.com/products/ridgeline-rain-jacket",
        imageUrl: "https://cdn.shopify.com/s/files/1/jacket.jpg",
        tags: ["rain", "jackets"],
        available: false,
      },
    ]);
  });

  it("searches through the Storefront API with the storefront token", async () => {
    server = await startFakeServer(
      createServer,
      inOrder(
        ok({
          products: {
            nodes: [
              {
                id: "gid://shopify/Product/8802",
                title: "Merino Hiking Socks",
                description: "Cushioned merino socks.",
                handle: "merino-hiking-socks",
                onlineStoreUrl: "https://northwind.example/products/merino-hiking-socks",
                tags: ["socks"],
                availableForSale: true,
                featuredImage: null,
                priceRange: { minVariantPrice: { amount: "36.0", currencyCode: "EUR" } },
              },
            ],
          },
        }),
      ),
    );
    const catalog = createShopifyStorefrontCatalog({ shop: "northwind.myshopify.com", storefrontAccessToken: "sf_tok", apiVersion: "2025-04", baseUrl: server.url });

    const [socks] = await catalog.searchProducts("", { limit: 10 });

    const req = server.requests[0]!;
    expect(req.path).toBe("/api/2025-04/graphql.json");
    expect(req.headers["x-shopify-storefront-access-token"]).toBe("sf_tok");
    expect(gql(req).variables).toEqual({ first: 10, query: "", sortKey: "TITLE" });
    expect(socks).toEqual({
      id: "gid://shopify/Product/8802",
      title: "Merino Hiking Socks",
      description: "Cushioned merino socks.",
      price: 36,
      currency: "EUR",
      url: "https://northwind.example/products/merino-hiking-socks",
      imageUrl: null,
      tags: ["socks"],
      available: true,
    });
  });

  it("normalises the shop name to its myshopify domain", () => {
    expect(shopDomain("Northwind")).toBe("northwind.myshopify.com");
    expect(shopDomain("https://northwind.myshopify.com/admin")).toBe("northwind.myshopify.com");
  });
});
