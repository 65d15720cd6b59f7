// Shopify adapters: orders, cancel and order edit through the Admin GraphQL API, product search through the Admin or the Storefront GraphQL API.
import { z } from "zod";

import { IntegrationError } from "./errors.ts";
import type { IntegrationErrorCode, IntegrationProviderName } from "./errors.ts";
import { parseResponse, requestJson, resolveFetch, trimTrailingSlash } from "./http.ts";
import type { AdapterOptions, FetchFn } from "./http.ts";
import type {
  CancelReason,
  CatalogProvider,
  FinancialStatus,
  FulfillmentStatus,
  Money,
  Order,
  OrderProvider,
  Product,
  Shipment,
  ShipmentStatus,
} from "./types.ts";

// statusPageUrl needs 2024-10 or later.
export const defaultShopifyApiVersion = "2025-01";

export interface ShopifyOptions extends AdapterOptions {
  /** "northwind" or "northwind.myshopify.com" */
  shop: string;
  /** Admin API access token of a custom app (read_orders, write_orders, write_order_edits, read_products, read_customers). */
  accessToken: string;
  apiVersion?: string;
}

export interface ShopifyStorefrontOptions extends AdapterOptions {
  shop: string;
  /** Storefront API access token (unauthenticated_read_product_listings). */
  storefrontAccessToken: string;
  apiVersion?: string;
}

export function shopDomain(shop: string): string {
  const host = shop.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  return host.endsWith(".myshopify.com") ? host : `${host}.myshopify.com`;
}

// --- GraphQL transport ---

const graphqlEnvelope = z.object({
  data: z.unknown().optional(),
  errors: z
    .array(z.object({ message: z.string(), extensions: z.object({ code: z.string().optional() }).optional() }))
    .optional(),
  extensions: z
    .object({
      cost: z
        .object({
          requestedQueryCost: z.number().optional(),
          throttleStatus: z
            .object({ currentlyAvailable: z.number(), restoreRate: z.number() })
            .optional(),
        })
        .optional(),
    })
    .optional(),
});

type Gql = <S extends z.ZodType>(
  query: string,
  variables: Record<string, unknown>,
  dataSchema: S,
) => Promise<z.output<S>>;

function graphqlClient(
  provider: IntegrationProviderName,
  endpoint: string,
  headers: Record<string, string>,
  doFetch: FetchFn,
): Gql {
  return async (query, variables, dataSchema) => {
    const raw = await requestJson(provider, doFetch, { method: "POST", url: endpoint, headers, body: { query, variables } });
    const envelope = parseResponse(provider, graphqlEnvelope, raw);
    const errors = envelope.errors ?? [];
    if (errors.length > 0) {
      const codes = errors.map((e) => e.extensions?.code);
      const details = errors.map((e) => e.message);
      if (codes.includes("THROTTLED")) {
        const cost = envelope.extensions?.cost;
        const status = cost?.throttleStatus;
        const wait =
          cost?.requestedQueryCost !== undefined && status && status.restoreRate > 0
            ? Math.max(1, Math.ceil((cost.requestedQueryCost - status.currentlyAvailable) / status.restoreRate))
            : undefined;
        throw new IntegrationError({
          provider,
          status: 200,
          code: "rate_limited",
          message: `${provider} throttled the request`,
          details,
          ...(wait === undefined ? {} : { retryAfterSeconds: wait }),
        });
      }
      throw new IntegrationError({
        provider,
        status: 200,
        code: codes.includes("ACCESS_DENIED") ? "unauthorized" : "upstream",
        message: `${provider} GraphQL error: ${details[0] ?? "unknown"}`,
        details,
      });
    }
    return parseResponse(provider, dataSchema, envelope.data);
  };
}

// GraphQL answers 200 even when the change is refused, hence the default status.
function shopifyError(code: IntegrationErrorCode, message: string, status = 200): IntegrationError {
  return new IntegrationError({ provider: "shopify", status, code, message });
}

function rejectOnUserErrors(userErrors: { message: string; code?: string | null | undefined }[]): void {
  if (userErrors.length === 0) return;
  const notFound = userErrors.some((e) => e.code === "NOT_FOUND");
  throw new IntegrationError({
    provider: "shopify",
    status: 200,
    code: notFound ? "not_found" : "rejected",
    message: `Shopify refused the change: ${userErrors.map((e) => e.message).join("; ")}`,
    details: userErrors.map((e) => e.message),
  });
}

// --- Orders ---

const ORDER_FIELDS = `
fragment EdgedeskOrder on Order {
  id
  name
  createdAt
  cancelledAt
  email
  statusPageUrl
  displayFinancialStatus
  displayFulfillmentStatus
  totalPriceSet { shopMoney { amount currencyCode } }
  lineItems(first: 50) {
    nodes {
      id
      title
      quantity
      sku
      variantTitle
      product { id }
      originalUnitPriceSet { shopMoney { amount currencyCode } }
    }
  }
  fulfillments(first: 10) {
    status
    displayStatus
    estimatedDeliveryAt
    deliveredAt
    trackingInfo(first: 5) { company number url }
  }
}`;

export const ORDERS_QUERY = `query EdgedeskOrders($first: Int!, $query: String!) {
  orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) { nodes { ...EdgedeskOrder } }
}
${ORDER_FIELDS}`;

export const ORDER_QUERY = `query EdgedeskOrder($id: ID!) {
  order(id: $id) { ...EdgedeskOrder }
}
${ORDER_FIELDS}`;

export const CUSTOMERS_BY_PHONE_QUERY = `query EdgedeskCustomersByPhone($query: String!) {
  customers(first: 5, query: $query) { nodes { id } }
}`;

export const ORDER_CANCEL_MUTATION = `mutation EdgedeskCancelOrder($orderId: ID!, $reason: OrderCancelReason!, $staffNote: String) {
  orderCancel(orderId: $orderId, reason: $reason, refund: true, restock: true, notifyCustomer: true, staffNote: $staffNote) {
    job { id done }
    orderCancelUserErrors { code field message }
  }
}`;

export const ORDER_EDIT_BEGIN_MUTATION = `mutation EdgedeskBeginEdit($id: ID!) {
  orderEditBegin(id: $id) {
    calculatedOrder { id lineItems(first: 250) { nodes { id quantity } } }
    userErrors { field message }
  }
}`;

export const ORDER_EDIT_SET_QUANTITY_MUTATION = `mutation EdgedeskSetQuantity($id: ID!, $lineItemId: ID!, $quantity: Int!) {
  orderEditSetQuantity(id: $id, lineItemId: $lineItemId, quantity: $quantity, restock: true) {
    calculatedOrder { id }
    userErrors { field message }
  }
}`;

export const ORDER_EDIT_COMMIT_MUTATION = `mutation EdgedeskCommitEdit($id: ID!, $staffNote: String) {
  orderEditCommit(id: $id, notifyCustomer: true, staffNote: $staffNote) {
    order { ...EdgedeskOrder }
    userErrors { field message }
  }
}
${ORDER_FIELDS}`;

const moneyBag = z.object({ shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }) });

const orderNode = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  email: z.string().nullish(),
  statusPageUrl: z.string().nullish(),
  displayFinancialStatus: z.string().nullable(),
  displayFulfillmentStatus: z.string(),
  totalPriceSet: moneyBag,
  lineItems: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        quantity: z.number(),
        sku: z.string().nullish(),
        variantTitle: z.string().nullish(),
        product: z.object({ id: z.string() }).nullish(),
        originalUnitPriceSet: moneyBag.nullish(),
      }),
    ),
  }),
  fulfillments: z.array(
    z.object({
      status: z.string(),
      displayStatus: z.string().nullish(),
      estimatedDeliveryAt: z.string().nullish(),
      deliveredAt: z.string().nullish(),
      trackingInfo: z.array(
        z.object({ company: z.string().nullish(), number: z.string().nullish(), url: z.string().nullish() }),
      ),
    }),
  ),
});
type ShopifyOrder = z.output<typeof orderNode>;

const userError = z.object({ message: z.string(), code: z.string().nullish() });

const financialStatuses: Record<string, FinancialStatus> = {
  PENDING: "pending",
  AUTHORIZED: "authorized",
  PARTIALLY_PAID: "partially_paid",
  PAID: "paid",
  PARTIALLY_REFUNDED: "partially_refunded",
  REFUNDED: "refunded",
  VOIDED: "voided",
  EXPIRED: "expired",
};

// OPEN, IN_PROGRESS, PENDING_FULFILLMENT and REQUEST_DECLINED all mean nothing has shipped yet.
const fulfillmentStatuses: Record<string, FulfillmentStatus> = {
  UNFULFILLED: "unfulfilled",
  PARTIALLY_FULFILLED: "partially_fulfilled",
  FULFILLED: "fulfilled",
  ON_HOLD: "on_hold",
  SCHEDULED: "scheduled",
  RESTOCKED: "restocked",
};

const shipmentStatuses: Record<string, ShipmentStatus> = {
  ATTEMPTED_DELIVERY: "attempted_delivery",
  CANCELED: "cancelled",
  CONFIRMED: "confirmed",
  DELIVERED: "delivered",
  FAILURE: "failure",
  FULFILLED: "confirmed",
  IN_TRANSIT: "in_transit",
  LABEL_PRINTED: "label_printed",
  LABEL_PURCHASED: "label_printed",
  LABEL_VOIDED: "cancelled",
  MARKED_AS_FULFILLED: "confirmed",
  NOT_DELIVERED: "failure",
  OUT_FOR_DELIVERY: "out_for_delivery",
  PICKED_UP: "picked_up",
  READY_FOR_PICKUP: "ready_for_pickup",
  SUBMITTED: "confirmed",
};

const cancelReasons: Record<CancelReason, string> = {
  customer: "CUSTOMER",
  inventory: "INVENTORY",
  fraud: "FRAUD",
  declined: "DECLINED",
  staff: "STAFF",
  other: "OTHER",
};

function money(bag: z.output<typeof moneyBag>): Money {
  return { amount: Number(bag.shopMoney.amount), currency: bag.shopMoney.currencyCode };
}

function toShipments(fulfillment: ShopifyOrder["fulfillments"][number]): Shipment[] {
  const status =
    (fulfillment.displayStatus ? shipmentStatuses[fulfillment.displayStatus] : undefined) ??
    (fulfillment.deliveredAt ? "delivered" : "confirmed");
  const dates = {
    ...(fulfillment.estimatedDeliveryAt ? { estimatedDeliveryAt: fulfillment.estimatedDeliveryAt } : {}),
    ...(fulfillment.deliveredAt ? { deliveredAt: fulfillment.deliveredAt } : {}),
  };
  if (fulfillment.trackingInfo.length === 0) {
    return [{ carrier: null, trackingNumber: null, trackingUrl: null, status, ...dates }];
  }
  return fulfillment.trackingInfo.map((t) => ({
    carrier: t.company ?? null,
    trackingNumber: t.number ?? null,
    trackingUrl: t.url ?? null,
    status,
    ...dates,
  }));
}

export function mapShopifyOrder(o: ShopifyOrder): Order {
  return {
    id: o.id,
    number: o.name.replace(/^#/, ""),
    name: o.name,
    createdAt: o.createdAt,
    financialStatus: (o.displayFinancialStatus ? financialStatuses[o.displayFinancialStatus] : undefined) ?? "pending",
    fulfillmentStatus: fulfillmentStatuses[o.displayFulfillmentStatus] ?? "unfulfilled",
    cancelledAt: o.cancelledAt,
    total: money(o.totalPriceSet),
    lineItems: o.lineItems.nodes.map((li) => ({
      id: li.id,
      title: li.title,
      quantity: li.quantity,
      ...(li.variantTitle ? { variantTitle: li.variantTitle } : {}),
      ...(li.sku ? { sku: li.sku } : {}),
      ...(li.product ? { productId: li.product.id } : {}),
      ...(li.originalUnitPriceSet ? { unitPrice: money(li.originalUnitPriceSet) } : {}),
    })),
    // Cancelled or errored fulfillments never reached the shopper.
    shipments: o.fulfillments
      .filter((f) => f.status !== "CANCELLED" && f.status !== "ERROR")
      .flatMap(toShipments),
    customerEmail: o.email ?? null,
    statusPageUrl: o.statusPageUrl ?? null,
  };
}

function toGid(type: string, id: string): string {
  return id.startsWith("gid://") ? id : `gid://shopify/${type}/${id}`;
}

function numericId(id: string): string {
  return id.replace(/^gid:\/\/shopify\/\w+\//, "").replace(/\?.*$/, "");
}

/** Quotes a value for Shopify's search syntax. */
export function searchValue(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function sameEmail(a: string | null, b: string): boolean {
  return a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function clampLimit(limit: number): number {
  return Math.min(50, Math.max(1, Math.floor(limit)));
}

// Free text becomes plain search terms; field syntax from a shopper is not passed through.
function searchTerms(query: string): string {
  return query.replace(/[:"()\\*]/g, " ").replace(/\s+/g, " ").trim();
}

// --- Products ---

export const ADMIN_PRODUCTS_QUERY = `query EdgedeskProducts($first: Int!, $query: String!, $sortKey: ProductSortKeys!) {
  products(first: $first, query: $query, sortKey: $sortKey) {
    nodes {
      id
      title
      description(truncateAt: 500)
      handle
      onlineStoreUrl
      tags
      status
      totalInventory
      tracksInventory
      featuredMedia { preview { image { url } } }
      priceRangeV2 { minVariantPrice { amount currencyCode } }
    }
  }
}`;

export const STOREFRONT_PRODUCTS_QUERY = `query EdgedeskCatalog($first: Int!, $query: String!, $sortKey: ProductSortKeys!) {
  products(first: $first, query: $query, sortKey: $sortKey) {
    nodes {
      id
      title
      description(truncateAt: 500)
      handle
      onlineStoreUrl
      tags
      availableForSale
      featuredImage { url }
      priceRange { minVariantPrice { amount currencyCode } }
    }
  }
}`;

const priceMoney = z.object({ amount: z.string(), currencyCode: z.string() });

const adminProducts = z.object({
  products: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        handle: z.string(),
        onlineStoreUrl: z.string().nullish(),
        tags: z.array(z.string()),
        status: z.string(),
        totalInventory: z.number().nullish(),
        tracksInventory: z.boolean().nullish(),
        featuredMedia: z.object({ preview: z.object({ image: z.object({ url: z.string() }).nullish() }).nullish() }).nullish(),
        priceRangeV2: z.object({ minVariantPrice: priceMoney }),
      }),
    ),
  }),
});

const storefrontProducts = z.object({
  products: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        handle: z.string(),
        onlineStoreUrl: z.string().nullish(),
        tags: z.array(z.string()),
        availableForSale: z.boolean(),
        featuredImage: z.object({ url: z.string() }).nullish(),
        priceRange: z.object({ minVariantPrice: priceMoney }),
      }),
    ),
  }),
});

function productSearchVariables(query: string, limit: number, extraFilter: string): Record<string, unknown> {
  const terms = searchTerms(query);
  return {
    first: clampLimit(limit),
    query: [terms, extraFilter].filter(Boolean).join(" "),
    sortKey: terms ? "RELEVANCE" : "TITLE",
  };
}

// --- Factories ---

export function createShopifyStore(opts: ShopifyOptions): OrderProvider & CatalogProvider {
  const domain = shopDomain(opts.shop);
  const base = trimTrailingSlash(opts.baseUrl ?? `https://${domain}`);
  const version = opts.apiVersion ?? defaultShopifyApiVersion;
  const gql = graphqlClient(
    "shopify",
    `${base}/admin/api/${version}/graphql.json`,
    { "X-Shopify-Access-Token": opts.accessToken },
    resolveFetch(opts.fetch),
  );

  async function ordersMatching(query: string, limit: number): Promise<Order[]> {
    const data = await gql(ORDERS_QUERY, { first: clampLimit(limit), query }, z.object({ orders: z.object({ nodes: z.array(orderNode) }) }));
    return data.orders.nodes.map(mapShopifyOrder);
  }

  return {
    async findOrdersByCustomer(who, limit) {
      if (who.customerId) return ordersMatching(`customer_id:${numericId(who.customerId)}`, limit);
      if (who.email) return ordersMatching(`email:${searchValue(who.email)}`, limit);
      if (who.phone) {
        // Orders cannot be searched by phone; find the customer first.
        const data = await gql(
          CUSTOMERS_BY_PHONE_QUERY,
          { query: `phone:${searchValue(who.phone)}` },
          z.object({ customers: z.object({ nodes: z.array(z.object({ id: z.string() })) }) }),
        );
        const ids = data.customers.nodes.map((c) => `customer_id:${numericId(c.id)}`);
        return ids.length === 0 ? [] : ordersMatching(ids.join(" OR "), limit);
      }
      return [];
    },

    async getOrder(ref) {
      let order: Order | null;
      if ("id" in ref) {
        const data = await gql(ORDER_QUERY, { id: toGid("Order", ref.id) }, z.object({ order: orderNode.nullable() }));
        order = data.order ? mapShopifyOrder(data.order) : null;
      } else {
        const number = ref.number.trim();
        const name = number.startsWith("#") ? number : `#${number}`;
        const [first] = await ordersMatching(`name:${searchValue(name)}`, 1);
        order = first ?? null;
      }
      if (order && ref.email !== undefined && !sameEmail(order.customerEmail, ref.email)) return null;
      return order;
    },

    async cancelOrder(orderId, reason) {
      const data = await gql(
        ORDER_CANCEL_MUTATION,
        { orderId: toGid("Order", orderId), reason: cancelReasons[reason], staffNote: "Cancelled from Edgedesk" },
        z.object({
          orderCancel: z.object({
            job: z.object({ id: z.string(), done: z.boolean() }).nullish(),
            orderCancelUserErrors: z.array(userError),
          }),
        }),
      );
      rejectOnUserErrors(data.orderCancel.orderCancelUserErrors);
      return { orderId: toGid("Order", orderId), status: data.orderCancel.job?.done ? "cancelled" : "cancelling" };
    },

    async editQuantity(orderId, lineItemId, quantity) {
      if (!Number.isInteger(quantity) || quantity < 0) {
        throw shopifyError("rejected", "Quantity must be a whole number of 0 or more", 422);
      }
      const begun = await gql(
        ORDER_EDIT_BEGIN_MUTATION,
        { id: toGid("Order", orderId) },
        z.object({
          orderEditBegin: z.object({
            calculatedOrder: z
              .object({ id: z.string(), lineItems: z.object({ nodes: z.array(z.object({ id: z.string(), quantity: z.number() })) }) })
              .nullish(),
            userErrors: z.array(userError),
          }),
        }),
      );
      rejectOnUserErrors(begun.orderEditBegin.userErrors);
      const calculated = begun.orderEditBegin.calculatedOrder;
      if (!calculated) throw shopifyError("upstream", "Shopify did not open an order edit");
      // A CalculatedLineItem keeps the numeric id of the LineItem it was calculated from.
      const target = numericId(lineItemId);
      const line = calculated.lineItems.nodes.find((li) => numericId(li.id) === target);
      if (!line) throw shopifyError("not_found", `Line item ${lineItemId} is not on order ${orderId}`);

      const set = await gql(
        ORDER_EDIT_SET_QUANTITY_MUTATION,
        { id: calculated.id, lineItemId: line.id, quantity },
        z.object({ orderEditSetQuantity: z.object({ userErrors: z.array(userError) }) }),
      );
      rejectOnUserErrors(set.orderEditSetQuantity.userErrors);

      const committed = await gql(
        ORDER_EDIT_COMMIT_MUTATION,
        { id: calculated.id, staffNote: "Quantity changed from Edgedesk" },
        z.object({ orderEditCommit: z.object({ order: orderNode.nullish(), userErrors: z.array(userError) }) }),
      );
      rejectOnUserErrors(committed.orderEditCommit.userErrors);
      if (!committed.orderEditCommit.order) throw shopifyError("upstream", "Shopify committed the edit but returned no order");
      return mapShopifyOrder(committed.orderEditCommit.order);
    },

    async searchProducts(query, { limit }) {
      const data = await gql(ADMIN_PRODUCTS_QUERY, productSearchVariables(query, limit, "status:active"), adminProducts);
      return data.products.nodes.map(
        (p): Product => ({
          id: p.id,
          title: p.title,
          description: p.description,
          price: Number(p.priceRangeV2.minVariantPrice.amount),
          currency: p.priceRangeV2.minVariantPrice.currencyCode,
          url: p.onlineStoreUrl ?? `https://${domain}/products/${p.handle}`,
          imageUrl: p.featuredMedia?.preview?.image?.url ?? null,
          tags: p.tags,
          available: p.status === "ACTIVE" && (p.tracksInventory === false || (p.totalInventory ?? 0) > 0),
        }),
      );
    },
  };
}

export function createShopifyStorefrontCatalog(opts: ShopifyStorefrontOptions): CatalogProvider {
  const domain = shopDomain(opts.shop);
  const base = trimTrailingSlash(opts.baseUrl ?? `https://${domain}`);
  const version = opts.apiVersion ?? defaultShopifyApiVersion;
  const gql = graphqlClient(
    "shopify_storefront",
    `${base}/api/${version}/graphql.json`,
    { "X-Shopify-Storefront-Access-Token": opts.storefrontAccessToken },
    resolveFetch(opts.fetch),
  );

  return {
    async searchProducts(query, { limit }) {
      const data = await gql(STOREFRONT_PRODUCTS_QUERY, productSearchVariables(query, limit, ""), storefrontProducts);
      return data.products.nodes.map(
        (p): Product => ({
          id: p.id,
          title: p.title,
          description: p.description,
          price: Number(p.priceRange.minVariantPrice.amount),
          currency: p.priceRange.minVariantPrice.currencyCode,
          url: p.onlineStoreUrl ?? `https://${domain}/products/${p.handle}`,
          imageUrl: p.featuredImage?.url ?? null,
          tags: p.tags,
          available: p.availableForSale,
        }),
      );
    },
  };
}
