// The built-in demo store (Northwind Outfitters): every provider interface answered from seed data in memory, so every skill is Live offline. Deterministic for a given clock.
import { IntegrationError } from "../errors.ts";
import type {
  CatalogProvider,
  Coupon,
  CouponLookup,
  CouponProvider,
  LoyaltyProvider,
  Order,
  OrderProvider,
  Product,
  ReturnRequest,
  ReturnsProvider,
  Subscription,
  SubscriptionProvider,
} from "../types.ts";
import {
  demoCoupons,
  demoCustomers,
  demoLoyaltyMembers,
  demoLoyaltyProgram,
  demoOrders,
  demoProducts,
  demoReturns,
  demoReturnsPolicy,
  demoStoreInfo,
  demoSubscriptions,
} from "./data.ts";
import type { DemoCouponSeed, DemoOrderSeed, DemoProductSeed, DemoSubscriptionSeed } from "./data.ts";

export { demoKnowledgeBase } from "./knowledge.ts";
export type { DemoArticle, DemoArticleKind } from "./knowledge.ts";
export { demoCustomers, demoPolicies, demoStoreInfo } from "./data.ts";

export interface DemoStoreOptions {
  /** Epoch ms; seed dates are laid out relative to the time the store is created. */
  now?: () => number;
}

export type DemoStore = OrderProvider &
  CatalogProvider &
  ReturnsProvider &
  SubscriptionProvider &
  LoyaltyProvider &
  CouponProvider & { readonly info: typeof demoStoreInfo };

const DAY = 86_400_000;

const productsBySku = new Map(demoProducts.map((p) => [p.sku, p]));

function productFor(sku: string): DemoProductSeed {
  const product = productsBySku.get(sku);
  if (!product) throw new Error(`demo store seed refers to unknown SKU ${sku}`);
  return product;
}

function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

function sameEmail(a: string | null | undefined, b: string): boolean {
  return typeof a === "string" && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function digits(phone: string): string {
  return phone.replace(/\D/g, "");
}

interface StoredOrder {
  order: Order;
  shippingFee: number;
}

function buildOrder(seed: DemoOrderSeed, at: number): StoredOrder {
  const iso = (daysAgo: number) => new Date(at - daysAgo * DAY).toISOString();
  const lineItems = seed.items.map((item, i) => {
    const product = productFor(item.sku);
    return {
      id: `demo_li_${seed.number}_${i + 1}`,
      title: product.title,
      quantity: item.quantity,
      ...(item.variant ? { variantTitle: item.variant } : {}),
      sku: item.variant ? `${item.sku}-${item.variant.replace(/[^A-Za-z0-9]+/g, "-").toUpperCase()}` : item.sku,
      productId: product.id,
      unitPrice: { amount: product.price, currency: demoStoreInfo.currency },
    };
  });
  const subtotal = lineItems.reduce((sum, li) => sum + li.unitPrice.amount * li.quantity, 0);
  return {
    shippingFee: seed.shippingFee,
    order: {
      id: `demo_order_${seed.number}`,
      number: String(seed.number),
      name: `#${seed.number}`,
      createdAt: iso(seed.placedDaysAgo),
      financialStatus: seed.financialStatus,
      fulfillmentStatus: seed.fulfillmentStatus,
      cancelledAt: seed.cancelledDaysAgo === undefined ? null : iso(seed.cancelledDaysAgo),
      total: { amount: cents(subtotal + seed.shippingFee), currency: demoStoreInfo.currency },
      lineItems,
      shipments: seed.shipments.map((s) => ({
        carrier: s.carrier,
        trackingNumber: s.trackingNumber,
        trackingUrl: `${demoStoreInfo.url}/track/${s.trackingNumber}`,
        status: s.status,
        ...(s.etaDaysFromNow === undefined ? {} : { estimatedDeliveryAt: iso(-s.etaDaysFromNow) }),
        ...(s.deliveredDaysAgo === undefined ? {} : { deliveredAt: iso(s.deliveredDaysAgo) }),
      })),
      customerEmail: seed.email,
      statusPageUrl: `${demoStoreInfo.url}/orders/${seed.number}/status`,
    },
  };
}

function toProduct(seed: DemoProductSeed, at: number): Product {
  return {
    ...(seed.restockInDays === undefined ? {} : { restockAt: new Date(at + seed.restockInDays * DAY).toISOString().slice(0, 10) }),
    id: seed.id,
    title: seed.title,
    description: seed.description,
    price: seed.price,
    currency: demoStoreInfo.currency,
    url: `${demoStoreInfo.url}/products/${seed.handle}`,
    imageUrl: `${demoStoreInfo.url}/images/${seed.handle}.jpg`,
    tags: [...seed.tags],
    available: seed.available,
  };
}

const stopWords = new Set([
  "a", "an", "and", "any", "are", "do", "for", "good", "have", "i", "in", "is", "it", "looking", "me", "my", "need", "of", "on",
  "or", "recommend", "show", "some", "something", "that", "the", "to", "want", "what", "which", "with", "you", "your",
]);

function stem(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

function terms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !stopWords.has(w))
    .map(stem);
}

function relevance(product: DemoProductSeed, queryTerms: string[]): number {
  const title = new Set(terms(product.title));
  const tags = new Set(product.tags.flatMap(terms));
  const description = new Set(terms(product.description));
  let score = 0;
  for (const t of queryTerms) {
    if (title.has(t)) score += 3;
    if (tags.has(t)) score += 2;
    if (description.has(t)) score += 1;
  }
  return score;
}

function toSubscription(s: DemoSubscriptionSeed, at: number): Subscription {
  return {
    id: s.id,
    productTitle: s.productTitle,
    status: s.status,
    nextChargeAt: s.nextChargeInDays === undefined ? null : new Date(at + s.nextChargeInDays * DAY).toISOString().slice(0, 10),
    interval: { ...s.interval },
    price: { amount: s.price, currency: demoStoreInfo.currency },
    quantity: s.quantity,
  };
}

function intervalMs(interval: Subscription["interval"]): number {
  const days = interval.unit === "day" ? 1 : interval.unit === "week" ? 7 : 30;
  return interval.every * days * DAY;
}

function notFound(what: string): IntegrationError {
  return new IntegrationError({ provider: "demo", status: 404, code: "not_found", message: `${what} was not found in the demo store` });
}

function rejected(message: string, status = 409): IntegrationError {
  return new IntegrationError({ provider: "demo", status, code: "rejected", message, details: [message] });
}

export function createDemoStore(opts: DemoStoreOptions = {}): DemoStore {
  const now = opts.now ?? Date.now;
  const createdAt = now();
  const isoAt = (ms: number) => new Date(ms).toISOString();
  // This instance owns its copy: cancels and edits change it and nothing else.
  const orders: StoredOrder[] = demoOrders.map((seed) => buildOrder(seed, createdAt));
  const subscriptions: Subscription[] = demoSubscriptions.map((s) => toSubscription(s, createdAt));
  const subscriptionEmail = new Map(demoSubscriptions.map((s) => [s.id, s.email]));

  function toCoupon(c: DemoCouponSeed): Coupon {
    return {
      code: c.code,
      description: c.description,
      ...(c.expiresInDays === undefined ? {} : { expiresAt: isoAt(createdAt + c.expiresInDays * DAY) }),
      profileSpecific: c.email !== undefined,
      ...(c.minimumSpend === undefined ? {} : { minimumSpend: { amount: c.minimumSpend, currency: demoStoreInfo.currency } }),
      ...(c.oncePerCustomer ? { oncePerCustomer: true } : {}),
    };
  }
  const expired = (c: DemoCouponSeed) => c.expiresInDays !== undefined && createdAt + c.expiresInDays * DAY <= now();

  function stored(orderId: string): StoredOrder {
    const found = orders.find((o) => o.order.id === orderId);
    if (!found) throw notFound(`Order ${orderId}`);
    return found;
  }

  function assertBeforeFulfilment(order: Order, action: string): void {
    if (order.cancelledAt !== null) throw rejected(`Order ${order.name} is already cancelled, so it can't be ${action}.`);
    if (order.fulfillmentStatus !== "unfulfilled") {
      throw rejected(`Order ${order.name} has already been fulfilled or is being fulfilled, so it can't be ${action}. The items can be returned once they arrive.`);
    }
  }

  return {
    info: demoStoreInfo,

    async findOrdersByCustomer(who, limit) {
      const customer = demoCustomers.find(
        (c) =>
          (who.customerId !== undefined && c.id === who.customerId) ||
          (who.email !== undefined && sameEmail(c.email, who.email)) ||
          (who.phone !== undefined && c.phone !== undefined && digits(c.phone) === digits(who.phone)),
      );
      const email = customer?.email ?? who.email;
      if (email === undefined) return [];
      return orders
        .filter((o) => sameEmail(o.order.customerEmail, email))
        .map((o) => o.order)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, Math.max(0, limit))
        .map((o) => structuredClone(o));
    },

    async getOrder(ref) {
      const match =
        "id" in ref
          ? orders.find((o) => o.order.id === ref.id)
          : orders.find((o) => o.order.number === ref.number.trim().replace(/^#/, ""));
      if (!match) return null;
      if (ref.email !== undefined && !sameEmail(match.order.customerEmail, ref.email)) return null;
      return structuredClone(match.order);
    },

    async cancelOrder(orderId) {
      const { order } = stored(orderId);
      assertBeforeFulfilment(order, "cancelled");
      order.cancelledAt = isoAt(now());
      order.financialStatus =
        order.financialStatus === "paid" || order.financialStatus === "partially_paid" ? "refunded" : "voided";
      return { orderId: order.id, status: "cancelled" };
    },

    async editQuantity(orderId, lineItemId, quantity) {
      const entry = stored(orderId);
      const { order } = entry;
      assertBeforeFulfilment(order, "edited");
      if (!Number.isInteger(quantity) || quantity < 0) throw rejected("Quantity must be a whole number of 0 or more.", 422);
      const line = order.lineItems.find((li) => li.id === lineItemId);
      if (!line) throw notFound(`Line item ${lineItemId} on order ${order.name}`);
      const remaining = order.lineItems.filter((li) => li !== line).reduce((n, li) => n + li.quantity, 0);
      if (quantity === 0 && remaining === 0) throw rejected(`Removing the last item would empty order ${order.name}; cancel the order instead.`, 422);

      if (quantity === 0) order.lineItems = order.lineItems.filter((li) => li !== line);
      else line.quantity = quantity;
      const subtotal = order.lineItems.reduce((sum, li) => sum + (li.unitPrice?.amount ?? 0) * li.quantity, 0);
      order.total = { amount: cents(subtotal + entry.shippingFee), currency: order.total.currency };
      return structuredClone(order);
    },

    async searchProducts(query, { limit }) {
      const queryTerms = terms(query);
      const ranked = demoProducts
        .map((product, index) => ({ product, index, score: queryTerms.length === 0 ? 1 : relevance(product, queryTerms) }))
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score || Number(b.product.available) - Number(a.product.available) || a.index - b.index);
      return ranked.slice(0, Math.max(0, limit)).map((r) => toProduct(r.product, createdAt));
    },

    returnsPortalUrl(order) {
      const params = new URLSearchParams({ order: order.number });
      if (order.customerEmail) params.set("email", order.customerEmail);
      return `${demoStoreInfo.url}/returns?${params.toString()}`;
    },

    async listReturns({ email }) {
      return demoReturns
        .filter((r) => sameEmail(r.email, email))
        .map((r): ReturnRequest => {
          const items = r.items.map((i) => ({ title: productFor(i.sku).title, sku: i.sku, reason: i.reason }));
          const amount = r.items.reduce((sum, i) => sum + productFor(i.sku).price, 0);
          return {
            id: r.id,
            orderName: `#${r.orderNumber}`,
            state: r.state,
            outcome: r.outcome,
            createdAt: isoAt(createdAt - r.createdDaysAgo * DAY),
            items,
            total: { amount: cents(amount), currency: demoStoreInfo.currency },
          };
        });
    },

    policySummary() {
      return demoReturnsPolicy;
    },

    async listSubscriptions({ email }) {
      return subscriptions.filter((s) => sameEmail(subscriptionEmail.get(s.id), email)).map((s) => structuredClone(s));
    },

    async changeSubscription({ email }, subscriptionId, change) {
      const sub = subscriptions.find((s) => s.id === subscriptionId && sameEmail(subscriptionEmail.get(s.id), email));
      if (!sub) throw notFound(`Subscription ${subscriptionId}`);
      if (sub.status === "cancelled") throw rejected(`The ${sub.productTitle} subscription is cancelled.`);
      switch (change.type) {
        case "skip": {
          if (sub.status !== "active" || !sub.nextChargeAt) throw rejected(`The ${sub.productTitle} subscription has no upcoming charge to skip.`);
          sub.nextChargeAt = isoAt(Date.parse(`${sub.nextChargeAt.slice(0, 10)}T00:00:00Z`) + intervalMs(sub.interval)).slice(0, 10);
          break;
        }
        case "pause":
          sub.status = "paused";
          sub.nextChargeAt = null;
          break;
        case "cancel":
          sub.status = "cancelled";
          sub.nextChargeAt = null;
          break;
        case "frequency":
          sub.interval = { ...change.interval };
          break;
      }
      return structuredClone(sub);
    },

    async portalUrl() {
      return `${demoStoreInfo.url}/account/subscriptions`;
    },

    async getBalance({ email }) {
      const member = demoLoyaltyMembers.find((m) => sameEmail(m.email, email));
      if (!member) return null;
      return {
        points: member.points,
        tier: member.tier,
        rewards: demoLoyaltyProgram.rewards.filter((r) => r.pointsCost <= member.points).map((r) => ({ ...r })),
      };
    },

    async programInfo() {
      return {
        name: demoLoyaltyProgram.name,
        pointsName: demoLoyaltyProgram.pointsName,
        earningRules: [...demoLoyaltyProgram.earningRules],
        tiers: demoLoyaltyProgram.tiers.map((t) => ({ ...t })),
        rewards: demoLoyaltyProgram.rewards.map((r) => ({ ...r })),
        redeemUrl: `${demoStoreInfo.url}/account/rewards`,
      };
    },

    async listCoupons({ email }) {
      return demoCoupons
        .filter((c) => c.email === undefined || (email !== undefined && sameEmail(c.email, email)))
        .filter((c) => !expired(c))
        .map(toCoupon);
    },

    async findCoupon(code, { email }): Promise<CouponLookup> {
      const seed = demoCoupons.find((c) => c.code.toUpperCase() === code.trim().toUpperCase());
      if (!seed) return { status: "unknown" };
      if (seed.email !== undefined && !(email !== undefined && sameEmail(seed.email, email))) return { status: "not_yours" };
      return { status: expired(seed) ? "expired" : "valid", coupon: toCoupon(seed) };
    },
  };
}
