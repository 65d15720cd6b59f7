// The small interfaces the AI customer agent's skills, the helpdesk customer panel and the handoff use to reach outside services; all data is plain JSON with ISO time strings.

export interface Money {
  amount: number;
  currency: string;
}

// --- Orders (order tracking, order editing, the helpdesk customer panel) ---

export type FinancialStatus =
  | "pending"
  | "authorized"
  | "partially_paid"
  | "paid"
  | "partially_refunded"
  | "refunded"
  | "voided"
  | "expired";

export type FulfillmentStatus =
  | "unfulfilled"
  | "partially_fulfilled"
  | "fulfilled"
  | "on_hold"
  | "scheduled"
  | "restocked";

export type ShipmentStatus =
  | "confirmed"
  | "label_printed"
  | "in_transit"
  | "out_for_delivery"
  | "attempted_delivery"
  | "ready_for_pickup"
  | "delivered"
  | "picked_up"
  | "failure"
  | "cancelled";

export interface OrderLineItem {
  id: string;
  title: string;
  quantity: number;
  variantTitle?: string;
  sku?: string;
  productId?: string;
  unitPrice?: Money;
}

export interface Shipment {
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  status: ShipmentStatus;
  estimatedDeliveryAt?: string;
  deliveredAt?: string;
}

export interface Order {
  id: string;
  /** The order number without its prefix, e.g. "1042". */
  number: string;
  /** The name the shopper sees, e.g. "#1042". */
  name: string;
  createdAt: string;
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentStatus;
  cancelledAt: string | null;
  total: Money;
  lineItems: OrderLineItem[];
  shipments: Shipment[];
  customerEmail: string | null;
  statusPageUrl: string | null;
}

export interface CustomerLookup {
  email?: string;
  phone?: string;
  customerId?: string;
}

/** Either the number the shopper quotes ("1042" or "#1042") or the store's order id. When `email` is given the order is only returned if it belongs to that email. */
export type OrderRef = { number: string; email?: string } | { id: string; email?: string };

export type CancelReason = "customer" | "inventory" | "fraud" | "declined" | "staff" | "other";

export interface CancelOutcome {
  orderId: string;
  /** "cancelling" when the store cancels in the background (Shopify runs a job). */
  status: "cancelled" | "cancelling";
}

export interface OrderProvider {
  /** Most recent orders first. */
  findOrdersByCustomer(who: CustomerLookup, limit: number): Promise<Order[]>;
  getOrder(ref: OrderRef): Promise<Order | null>;
  /** Only before fulfilment; the store emails the customer. */
  cancelOrder(orderId: string, reason: CancelReason): Promise<CancelOutcome>;
  /** Only before fulfilment; returns the order as it stands after the edit. */
  editQuantity(orderId: string, lineItemId: string, quantity: number): Promise<Order>;
}

// --- Catalog (product recommendations) ---

export interface Product {
  id: string;
  title: string;
  description: string;
  price: number;
  currency: string;
  url: string;
  imageUrl: string | null;
  tags: string[];
  available: boolean;
  /** ISO date the store expects the product back in stock; absent when unknown. */
  restockAt?: string;
}

export interface CatalogProvider {
  searchProducts(query: string, opts: { limit: number }): Promise<Product[]>;
}

// --- Returns & exchanges ---

export type ReturnState = "open" | "review" | "closed" | "cancelled" | "expired";

export interface ReturnRequest {
  id: string;
  orderName: string;
  state: ReturnState;
  /** "refund", "exchange", "credit", … as the returns provider names it. */
  outcome: string | null;
  createdAt: string;
  items: { title: string; sku?: string; reason: string | null }[];
  total: Money | null;
}

export interface ReturnsProvider {
  /** Where the shopper starts a return or exchange for this order. */
  returnsPortalUrl(order: Pick<Order, "number" | "name" | "customerEmail">): string;
  listReturns(who: { email: string }): Promise<ReturnRequest[]>;
  policySummary?(): string;
}

// --- Subscriptions ---

export type SubscriptionStatus = "active" | "paused" | "cancelled";

export interface Subscription {
  id: string;
  productTitle: string;
  status: SubscriptionStatus;
  /** ISO date (or date-time) of the next charge; null when paused or cancelled. */
  nextChargeAt: string | null;
  interval: { every: number; unit: "day" | "week" | "month" };
  price: Money;
  quantity: number;
}

export type SubscriptionChange =
  | { type: "skip" }
  | { type: "pause" }
  | { type: "cancel" }
  | { type: "frequency"; interval: { every: number; unit: "day" | "week" | "month" } };

export interface SubscriptionProvider {
  listSubscriptions(who: { email: string }): Promise<Subscription[]>;
  /** Where the shopper pauses, skips, swaps or cancels. */
  portalUrl(who: { email: string }): Promise<string>;
  /**
   * Changes a subscription of this shopper's in the provider (absent when the integration can't: the agent links
   * to the portal instead). Returns the subscription as it stands after the change.
   */
  changeSubscription?(who: { email: string }, subscriptionId: string, change: SubscriptionChange): Promise<Subscription>;
}

// --- Loyalty ---

export interface LoyaltyReward {
  name: string;
  pointsCost: number;
}

export interface LoyaltyBalance {
  points: number;
  tier?: string;
  /** Rewards the member can redeem right now. */
  rewards: LoyaltyReward[];
}

export interface LoyaltyProgram {
  name: string;
  pointsName: string;
  earningRules: string[];
  tiers: { name: string; description: string }[];
  rewards: LoyaltyReward[];
  /** Where members redeem points, when the programme has such a page. */
  redeemUrl?: string;
}

export interface LoyaltyProvider {
  /** null when the email is not a member of the programme. */
  getBalance(who: { email: string }): Promise<LoyaltyBalance | null>;
  programInfo(): Promise<LoyaltyProgram>;
}

// --- Coupons & discounts ---

export interface Coupon {
  code: string;
  description: string;
  expiresAt?: string;
  /** true when the code was issued to this shopper only (needs login to reveal). */
  profileSpecific: boolean;
  /** The order subtotal the code needs, when it has a minimum. */
  minimumSpend?: Money;
  /** true when each customer may use the code once. */
  oncePerCustomer?: boolean;
}

/** What the store knows of one code a shopper named. */
export type CouponLookup =
  | { status: "valid"; coupon: Coupon }
  | { status: "expired"; coupon: Coupon }
  /** Issued to another shopper (or to one who isn't logged in): nothing about it may be shown. */
  | { status: "not_yours" }
  | { status: "unknown" };

export interface CouponProvider {
  /** Public codes, plus the shopper's own codes when an email is given. Expired codes are left out. */
  listCoupons(who: { email?: string }): Promise<Coupon[]>;
  /** One code by name, expired ones included (absent when the provider can only list valid codes). */
  findCoupon?(code: string, who: { email?: string }): Promise<CouponLookup>;
}

// --- Handoff to an outside helpdesk (Zendesk, Gorgias) ---

export type TranscriptAuthor = "customer" | "ai" | "agent" | "system";

export interface TranscriptEntry {
  author: TranscriptAuthor;
  body: string;
  createdAt: string;
}

export type HandoffChannel = "webchat" | "email" | "sms" | "whatsapp" | "instagram";

export interface HandoffTicket {
  subject: string;
  transcript: TranscriptEntry[];
  requester: { email: string; name?: string };
  profileId?: string;
  channel: HandoffChannel;
  tags?: string[];
  /** Edgedesk's own id for the conversation, stored on the outside ticket to link back. */
  externalId?: string;
}

export interface HelpdeskProvider {
  createTicket(ticket: HandoffTicket): Promise<{ externalId: string; url?: string }>;
}
