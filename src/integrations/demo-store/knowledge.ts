// Help-centre articles of the demo store; they seed the knowledge base the General Q&A and other skills answer from.

import { demoPolicies as policy } from "./data.ts";

export type DemoArticleKind = "faq" | "policy" | "coupon" | "loyalty" | "subscription" | "returns" | "order_editing";

export interface DemoArticle {
  title: string;
  body: string;
  kind: DemoArticleKind;
}

export const demoKnowledgeBase: readonly DemoArticle[] = [
  {
    kind: "faq",
    title: "Shipping times and costs",
    body:
      `Orders placed before 1 pm Eastern on a business day ship the same day. Standard shipping within the US takes 3–5 business days and costs $${policy.standardShipping}, or is free on orders over $${policy.freeShippingOver}. ` +
      "Express shipping takes 1–2 business days and costs $14.95 (free for Alpine members). We ship to Canada in 5–8 business days and to the EU and UK in 7–14 business days with DHL Express; " +
      "international shipping starts at $24.95 and duties are calculated at checkout so there is nothing to pay on delivery.",
  },
  {
    kind: "faq",
    title: "Tracking your order",
    body:
      "As soon as your order ships we email a tracking link. You can also ask our chat assistant for the status of any order; have your order number (for example #1042) and email handy. " +
      `Tracking can take up to 24 hours to show the first scan. If a parcel shows as delivered but you can't find it, check with neighbours and your building's mailroom, then contact us within ${policy.missingParcelClaimDays} days and we'll open a claim with the carrier.`,
  },
  {
    kind: "returns",
    title: "Returns policy",
    body:
      `You can return unworn, unwashed items with their tags attached within ${policy.returnWindowDays} days of delivery. Start a return from our returns portal with your order number and email; we'll email a prepaid label. ` +
      `Exchanges and store credit are free. Refunds go back to your original payment method within ${policy.refundBusinessDays} business days of your return arriving at our warehouse, minus a $${policy.returnLabelFee} return label fee. ` +
      "Gift cards and opened Coffee Club bags are final sale. Worn footwear can only be returned if it is faulty.",
  },
  {
    kind: "returns",
    title: "Exchanging for a different size or colour",
    body:
      "Choose “Exchange” in the returns portal and pick the new size or colour. We reserve the replacement straight away and ship it as soon as your return gets its first carrier scan, so you don't wait for it to reach us. " +
      "If the new item costs more, you pay only the difference; if it costs less, we refund the difference. One free exchange per item.",
  },
  {
    kind: "returns",
    title: "Damaged, faulty or wrong items",
    body:
      `If something arrives damaged or isn't what you ordered, tell us within ${policy.damagedReportDays} days with a photo and your order number. We'll send a replacement or a full refund including shipping, and you won't pay for the return label. ` +
      "Manufacturing faults are covered by our Trail Promise for two years.",
  },
  {
    kind: "order_editing",
    title: "Changing or cancelling an order",
    body:
      "You can change the quantity of an item, remove an item, change the shipping address or cancel your order only until it has been fulfilled, that is before we pack it. " +
      "Because orders placed before 1 pm Eastern usually ship the same day, please ask as soon as possible. Once an order has shipped (even partly) it can no longer be cancelled or edited: you can return the items instead for a refund. " +
      "To add a new item, place a new order; we can't merge orders. Cancelled orders are refunded in full to the original payment method within 5–7 business days; if your card was only authorised, the hold is released.",
  },
  {
    kind: "subscription",
    title: "Managing your Coffee Club or Sock Club subscription",
    body:
      "Manage your subscription in your account under Subscriptions: change the delivery frequency, swap between whole bean and ground, skip a delivery, pause for up to 3 months or cancel. " +
      "Changes must be made at least 2 days before your next charge date to apply to that delivery. There are no cancellation fees and no minimum number of deliveries. A paused subscription resumes automatically on the date you choose.",
  },
  {
    kind: "loyalty",
    title: "Northwind Trail Rewards",
    body:
      "Join Trail Rewards for free by creating an account. You earn 1 point for every $1 you spend, 100 points for signing up, 200 points on your birthday, 150 points when a friend you refer places their first order and 50 points for a review with a photo. " +
      "Tiers: Trail (everyone), Summit (500 points earned in a calendar year; 1.25 points per $1 and early access to sales) and Alpine (1,500 points in a year; 1.5 points per $1, free express shipping and a birthday gift). " +
      "Redeem points for free standard shipping (200), $5 off (500), $10 off (1,000), a free Everyday Merino Beanie (1,500) or $25 off (2,000). Points expire after 12 months without any activity.",
  },
  {
    kind: "coupon",
    title: "Discount codes and coupons",
    body:
      `New here? Use WELCOME10 for 10% off your first order of $50 or more (once per customer). FREESHIP gives free standard shipping on any order; orders over $${policy.freeShippingOver} ship free anyway. ` +
      "Trail Rewards members also receive personal codes (birthday, tier rewards) that appear in their account and can be shown by our chat assistant once you're logged in. " +
      "Only one code can be used per order, so codes can't be combined or stacked. Codes can't be applied to gift cards, and they can't be added after an order is placed.",
  },
  {
    kind: "faq",
    title: "Payment methods",
    body:
      "We accept Visa, Mastercard, American Express, Discover, PayPal, Apple Pay, Google Pay, Shop Pay and Northwind gift cards. Shop Pay Installments lets you split orders over $50 into 4 interest-free payments. " +
      "Your card is charged when the order is placed; for pre-orders it is only authorised until the item ships. All prices are in US dollars.",
  },
  {
    kind: "faq",
    title: "Sizing guide",
    body:
      "Tops and jackets: measure around the fullest part of your chest. S fits 35–37 in, M 38–40 in, L 41–43 in, XL 44–46 in. Our jackets are cut to layer over a fleece; if you're between sizes and wear slim layers, size down. " +
      "Pants come in waist sizes 28–38 with 30, 32 and 34 in inseams. Footwear runs true to size; for half sizes we recommend sizing up, especially for hiking boots. Kids' sizes follow age with room to grow.",
  },
  {
    kind: "faq",
    title: "Care instructions",
    body:
      "Merino: machine wash cold on a wool cycle, lay flat to dry, no fabric softener. Waterproof jackets: wash with a technical cleaner, tumble dry low to reactivate the water repellency, and re-proof once or twice a season. " +
      "Down: wash rarely, front-loader only, tumble dry low with clean tennis balls until fully dry. Leather boots: brush off mud, dry away from direct heat and treat with wax twice a year.",
  },
  {
    kind: "faq",
    title: "Contact us",
    body:
      "Chat with us any time: our assistant answers straight away and our team is online Monday to Friday, 9 am–6 pm Eastern. Email help@northwind-outfitters.example and we'll reply within one business day. " +
      "Phone: +1 (555) 013-0199, Monday to Friday, 10 am–4 pm Eastern. Northwind Outfitters, 120 Harbor Street, Portland, ME 04101, USA.",
  },
  {
    kind: "policy",
    title: "Trail Promise warranty and repairs",
    body:
      "Everything we make is covered against manufacturing defects for two years from delivery. If a seam, zip or buckle fails in normal use, we'll repair, replace or refund it. " +
      "Damage from accidents or wear and tear isn't covered, but we offer low-cost repairs: send us a photo and we'll quote before any work starts.",
  },
  {
    kind: "policy",
    title: "Price adjustments",
    body:
      "If something you bought at full price is reduced within 14 days of your order, contact us and we'll refund the difference once per item. Price adjustments don't apply to clearance, bundles or discount codes.",
  },
  {
    kind: "faq",
    title: "Gift cards",
    body:
      "Northwind gift cards are delivered by email, come in any amount from $25 to $500 and never expire. You can schedule delivery for a date of your choice. Gift cards can't be returned or exchanged for cash.",
  },
];
