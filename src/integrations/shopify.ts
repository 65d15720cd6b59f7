// Shopify adapters: orders, cancel and order edit through the Admin GraphQL API, product search through the Admin or the Storefront GraphQL API.
import { z } from "zod";

import { resolveFetch, trimTrailingSlash } from "./http.ts";
import type { AdapterOptions } from "./http.ts";
import { ADMIN_PRODUCTS_QUERY, CUSTOMERS_BY_PHONE_QUERY, ORDERS_QUERY, ORDER_CANCEL_MUTATION, ORDER_EDIT_BEGIN_MUTATION, ORDER_EDIT_COMMIT_MUTATION, ORDER_EDIT_SET_QUANTITY_MUTATION, ORDER_QUERY, STOREFRONT_PRODUCTS_QUERY, adminProducts, cancelReasons, clampLimit, graphqlClient, mapShopifyOrder, numericId, orderNode, productSearchVariables, rejectOnUserErrors, sameEmail, searchValue, shopifyError, storefrontProducts, toGid, userError } from "./shopifyGraphql.ts";
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
