// Shopify's GraphQL: the transport (errors, throttling), the queries and mutations, and the mapping of Shopify's shapes to ours.
import { z } from "zod";

import { IntegrationError } from "./errors.ts";
import type { IntegrationErrorCode, IntegrationProviderName } from "./errors.ts";
import { parseResponse, requestJson, resolveFetch, trimTrailingSlash } from "./http.ts";
import type { FetchFn } from "./http.ts";
import type { CancelReason, FinancialStatus, FulfillmentStatus, Money, Order, Shipment, ShipmentStatus } from "./types.ts";

// --- GraphQL transport ---

export const graphqlEnvelope = z.object({
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

export type Gql = <S extends z.ZodType>(
  query: string,
  variables: Record<string, unknown>,
  dataSchema: S,
) => Promise<z.output<S>>;

export function graphqlClient(
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
export function shopifyError(code: IntegrationErrorCode, message: string, status = 200): IntegrationError {
  return new IntegrationError({ provider: "shopify", status, code, message });
}

export function rejectOnUserErrors(userErrors: { message: string; code?: string | null | undefined }[]): void {
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

export const ORDER_FIELDS = `
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

export const moneyBag = z.object({ shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }) });

export const orderNode = z.object({
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
export type ShopifyOrder = z.output<typeof orderNode>;

export const userError = z.object({ message: z.string(), code: z.string().nullish() });

export const financialStatuses: Record<string, FinancialStatus> = {
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
export const fulfillmentStatuses: Record<string, FulfillmentStatus> = {
  UNFULFILLED: "unfulfilled",
  PARTIALLY_FULFILLED: "partially_fulfilled",
  FULFILLED: "fulfilled",
  ON_HOLD: "on_hold",
  SCHEDULED: "scheduled",
  RESTOCKED: "restocked",
};

export const shipmentStatuses: Record<string, ShipmentStatus> = {
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

export const cancelReasons: Record<CancelReason, string> = {
  customer: "CUSTOMER",
  inventory: "INVENTORY",
  fraud: "FRAUD",
  declined: "DECLINED",
  staff: "STAFF",
  other: "OTHER",
};

export function money(bag: z.output<typeof moneyBag>): Money {
  return { amount: Number(bag.shopMoney.amount), currency: bag.shopMoney.currencyCode };
}

export function toShipments(fulfillment: ShopifyOrder["fulfillments"][number]): Shipment[] {
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

export function toGid(type: string, id: string): string {
  return id.startsWith("gid://") ? id : `gid://shopify/${type}/${id}`;
}

export function numericId(id: string): string {
  return id.replace(/^gid:\/\/shopify\/\w+\//, "").replace(/\?.*$/, "");
}

/** Quotes a value for Shopify's search syntax. */
export function searchValue(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export function sameEmail(a: string | null, b: string): boolean {
  return a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function clampLimit(limit: number): number {
  return Math.min(50, Math.max(1, Math.floor(limit)));
}

// Free text becomes plain search terms; field syntax from a shopper is not passed through.
export function searchTerms(query: string): string {
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

export const priceMoney = z.object({ amount: z.string(), currencyCode: z.string() });

export const adminProducts = z.object({
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

export const storefrontProducts = z.object({
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

export function productSearchVariables(query: string, limit: number, extraFilter: string): Record<string, unknown> {
  const terms = searchTerms(query);
  return {
    first: clampLimit(limit),
    query: [terms, extraFilter].filter(Boolean).join(" "),
    sortKey: terms ? "RELEVANCE" : "TITLE",
  };
}

// --- Factories ---

