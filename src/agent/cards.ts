// The agent's cards (docs/product.md §4): order, coupon, product, loyalty, subscription and the handoff offer, as web chat renders them with action buttons.
import type { Card } from "../schemas/ticket.ts";
import type { CouponFacts } from "./tools/listCoupons.ts";
import type { SubscriptionFacts } from "./tools/listSubscriptions.ts";
import type { OrderFacts, ProductFacts } from "./tools/facts.ts";

type Action = NonNullable<Card["actions"]>[number];

/** `focus` puts the action the skill is about first (SMS keeps only the first link). */
export function orderCard(order: OrderFacts, extra: { focus?: "track" | "manage" | "return"; returnsUrl?: string | null } = {}): Card {
  const lead = order.shipments.find((s) => s.status !== "delivered" && s.status !== "cancelled") ?? order.shipments[0];
  const focus = extra.focus ?? "track";
  const actions: Action[] = [];
  const trackUrl = lead?.trackingUrl ?? order.statusPageUrl;
  if (focus === "manage" && order.statusPageUrl) actions.push({ label: order.canEdit ? "Change or cancel order" : "View order", url: order.statusPageUrl });
  if (focus === "return" && extra.returnsUrl) actions.push({ label: "Start a return", url: extra.returnsUrl });
  if (trackUrl && order.stage !== "cancelled" && !(focus === "manage" && trackUrl === order.statusPageUrl)) actions.push({ label: "Track order", url: trackUrl });
  if (focus !== "return" && extra.returnsUrl) actions.push({ label: "Start a return", url: extra.returnsUrl });
  return {
    type: "order",
    title: `Order ${order.name}`,
    data: {
      number: order.number,
      status: order.stage,
      statusLabel: order.statusLabel,
      placedOn: order.placedOn,
      total: order.total,
      items: order.items,
      carrier: lead?.carrier ?? null,
      trackingNumber: lead?.trackingNumber ?? null,
      expectedOn: lead?.expectedOn ?? null,
      deliveredOn: lead?.deliveredOn ?? null,
      canEdit: order.canEdit,
    },
    actions,
  };
}

export function couponCard(coupon: CouponFacts): Card {
  return {
    type: "coupon",
    title: coupon.code,
    data: { code: coupon.code, description: coupon.description, expiresOn: coupon.expiresOn, personal: coupon.personal },
    actions: [{ label: "Copy code", action: "copy_code" }],
  };
}

export function productCard(product: ProductFacts): Card {
  return {
    type: "product",
    title: product.title,
    data: { price: product.price, description: product.description, imageUrl: product.imageUrl, available: product.available },
    actions: [{ label: product.available ? "View product" : "View product (out of stock)", url: product.url }],
  };
}

export function loyaltyCard(input: { programName: string | null; points: number; tier: string | null; redeemable: { name: string; pointsCost: number }[] }): Card {
  return {
    type: "loyalty",
    title: input.programName ?? "Your rewards",
    data: {
      points: input.points,
      tier: input.tier,
      redeemable: input.redeemable.map((r) => `${r.name} (${r.pointsCost} points)`),
    },
    actions: [],
  };
}

export function subscriptionCard(sub: SubscriptionFacts, portalUrl: string | null): Card {
  return {
    type: "subscription",
    title: sub.product,
    data: { status: sub.status, quantity: sub.quantity, price: sub.price, every: sub.every, nextChargeOn: sub.nextChargeOn },
    actions: portalUrl ? [{ label: "Manage subscription", url: portalUrl }] : [],
  };
}

/** "Yes, connect me with an agent": on web chat the handoff happens only when the shopper clicks it (docs/product.md §4). */
export function handoffOfferCard(opts: { emailRequired: boolean; email?: string | undefined }): Card {
  return {
    type: "handoff_offer",
    title: "Talk to our team",
    data: { emailRequired: opts.emailRequired, email: opts.email ?? null },
    actions: [{ label: "Yes, connect me with an agent", action: "handoff" }],
  };
}
