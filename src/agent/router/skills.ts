// The skills the router can activate: the ids, their zod enum and a one-line description each.
import { z } from "zod";

export const skillIds = [
  "order_tracking",
  "order_editing",
  "returns_exchanges",
  "subscriptions",
  "loyalty",
  "coupons_discounts",
  "product_recommendations",
  "general_qa",
  "handoff",
  "other",
] as const;

export const skillIdSchema = z.enum(skillIds);

export type SkillId = z.infer<typeof skillIdSchema>;

export function isSkillId(value: string): value is SkillId {
  return (skillIds as readonly string[]).includes(value);
}

/** What each skill covers, in the support team's words (used in the Workers AI prompt and docs). */
export const skillDescriptions = {
  order_tracking:
    "Where an order is: shipping status, tracking number or link, late, lost or missing parcels, delivery date, 'says delivered but I don't have it'.",
  order_editing:
    "Changing or cancelling an order that has not shipped yet: cancel order, change shipping address, size, colour or quantity, add or remove an item, fix a typo in the order.",
  returns_exchanges:
    "Returns, refunds and exchanges after delivery: return policy and window, return label, wrong or damaged item received, doesn't fit, refund status, swap for another size.",
  subscriptions:
    "Recurring subscription orders: pause, skip, cancel or resume a subscription, change frequency, next box or renewal date, subscription billing or card update.",
  loyalty:
    "The loyalty/rewards program: points balance, earning and redeeming points, VIP tiers, rewards, birthday rewards, referral credit.",
  coupons_discounts:
    "Discount codes and promotions: available codes, a code that doesn't work, sales, first-order, student or free-shipping discounts, price drops.",
  product_recommendations:
    "Finding or choosing products: suggestions, gift ideas, what suits a need, comparing products, whether an item is in stock or comes in a colour or size.",
  general_qa:
    "Store questions answered from the FAQ: shipping times, costs and countries, payment methods, store hours and locations, materials, care, size charts, warranty, gift cards, account help.",
  handoff: "The shopper asks for a human: a person, agent, representative, manager, a call back, or says the bot is not helping.",
  other: "Greetings, thanks, goodbyes, chit-chat, gibberish, tests and off-topic messages that are not about the shop.",
} as const satisfies Record<SkillId, string>;
