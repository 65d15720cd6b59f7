// The agent's cards (docs/product.md §4): order, coupon, product, comparison, loyalty, subscription and the handoff offer, labelled in the shopper's language.
import type { Card } from "../schemas/ticket.ts";
import { t, type Lang } from "./i18n/index.ts";
import type { CouponFacts } from "./tools/listCoupons.ts";
import type { SubscriptionFacts } from "./tools/listSubscriptions.ts";
import type { OrderFacts, ProductFacts } from "./tools/facts.ts";

type Action = NonNullable<Card["actions"]>[number];

/** "month", "2 weeks": how often a subscription comes. */
export function everyText(lang: Lang, interval: SubscriptionFacts["interval"]): string {
  const { every, unit } = interval;
  if (every === 1) return t(lang, `subs.unit.${unit}`);
  return t(lang, `subs.unit.${unit}s`, { count: every });
}

/** `focus` puts the action the skill is about first (SMS keeps only the first link). */
export function orderCard(lang: Lang, order: OrderFacts, extra: { focus?: "track" | "manage" | "return"; returnsUrl?: string | null } = {}): Card {
  const lead = order.shipments.find((s) => s.status !== "delivered" && s.status !== "cancelled") ?? order.shipments[0];
  const focus = extra.focus ?? "track";
  const actions: Action[] = [];
  const trackUrl = lead?.trackingUrl ?? order.statusPageUrl;
  if (focus === "manage" && order.statusPageUrl) actions.push({ label: t(lang, order.canEdit ? "card.order.changeOrCancel" : "card.order.view"), url: order.statusPageUrl });
  if (focus === "return" && extra.returnsUrl) actions.push({ label: t(lang, "card.order.startReturn"), url: extra.returnsUrl });
  if (trackUrl && order.stage !== "cancelled" && !(focus === "manage" && trackUrl === order.statusPageUrl)) actions.push({ label: t(lang, "card.order.track"), url: trackUrl });
  if (focus !== "return" && extra.returnsUrl) actions.push({ label: t(lang, "card.order.startReturn"), url: extra.returnsUrl });
  return {
    type: "order",
    title: t(lang, "card.order.title", { order: order.name }),
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

export function couponCard(lang: Lang, coupon: Pick<CouponFacts, "code" | "description" | "expiresOn" | "personal">): Card {
  return {
    type: "coupon",
    title: coupon.code,
    data: { code: coupon.code, description: coupon.description, expiresOn: coupon.expiresOn, personal: coupon.personal },
    actions: [{ label: t(lang, "card.coupon.copy"), action: "copy_code" }],
  };
}

export function productCard(lang: Lang, product: ProductFacts): Card {
  return {
    type: "product",
    title: product.title,
    data: { price: product.price, description: product.description, imageUrl: product.imageUrl, available: product.available, restockOn: product.restockOn },
    actions: [{ label: t(lang, product.available ? "card.product.view" : "card.product.viewOutOfStock"), url: product.url }],
  };
}

/** Two products side by side: the same facts for each, in the same order (as `items`, which the widget lists as "title (price)"). */
export function comparisonCard(lang: Lang, a: ProductFacts, b: ProductFacts): Card {
  const row = (p: ProductFacts) => ({
    title: p.title,
    variant: p.available ? p.price : `${p.price} · ${t(lang, "card.line.outOfStock")}`,
    price: p.price,
    available: p.available,
    description: p.description,
  });
  return {
    type: "comparison",
    title: t(lang, "card.comparison.title", { a: a.title, b: b.title }),
    data: { items: [row(a), row(b)] },
    actions: [a, b].map((p) => ({ label: `${t(lang, "card.product.view")}: ${p.title}`, url: p.url })),
  };
}

export function loyaltyCard(
  lang: Lang,
  input: { programName: string | null; points: number; tier: string | null; redeemable: { name: string; pointsCost: number }[]; redeemUrl?: string | null | undefined },
): Card {
  return {
    type: "loyalty",
    title: input.programName ?? t(lang, "card.loyalty.title"),
    data: {
      points: input.points,
      tier: input.tier,
      redeemable: input.redeemable.map((r) => t(lang, "card.loyalty.reward", { name: r.name, points: r.pointsCost })),
    },
    actions: input.redeemUrl ? [{ label: t(lang, "card.loyalty.redeem"), url: input.redeemUrl }] : [],
  };
}

export function subscriptionCard(lang: Lang, sub: SubscriptionFacts, portalUrl: string | null): Card {
  return {
    type: "subscription",
    title: sub.product,
    data: { status: t(lang, `subs.status.${sub.status}`), quantity: sub.quantity, price: sub.price, frequency: everyText(lang, sub.interval), nextChargeOn: sub.nextChargeOn },
    actions: portalUrl ? [{ label: t(lang, "card.subscription.manage"), url: portalUrl }] : [],
  };
}

/** "Yes, connect me with an agent": on web chat the handoff happens only when the shopper clicks it (docs/product.md §4). */
export function handoffOfferCard(lang: Lang, opts: { emailRequired: boolean; email?: string | undefined }): Card {
  return {
    type: "handoff_offer",
    title: t(lang, "card.handoff.title"),
    data: { emailRequired: opts.emailRequired, email: opts.email ?? null },
    actions: [{ label: t(lang, "card.handoff.action"), action: "handoff" }],
  };
}
