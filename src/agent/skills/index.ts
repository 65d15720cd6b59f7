// The agent's skills, in the order the skills page lists them, and the ones still to come.
import type { AnsweringSkillId, ComingSoonSkill, Skill } from "../types.ts";
import { couponsDiscounts } from "./couponsDiscounts.ts";
import { generalQa } from "./generalQa.ts";
import { loyalty } from "./loyalty.ts";
import { orderEditing } from "./orderEditing.ts";
import { orderTracking } from "./orderTracking.ts";
import { productRecommendations } from "./productRecommendations.ts";
import { returnsExchanges } from "./returnsExchanges.ts";
import { subscriptions } from "./subscriptions.ts";

export const skills = {
  order_tracking: orderTracking,
  order_editing: orderEditing,
  returns_exchanges: returnsExchanges,
  subscriptions,
  loyalty,
  coupons_discounts: couponsDiscounts,
  general_qa: generalQa,
  product_recommendations: productRecommendations,
} satisfies Record<AnsweringSkillId, Skill>;

export const comingSoonSkills: readonly ComingSoonSkill[] = [
  { id: "gift_cards", name: "Gift cards", overview: "Checks a gift card's balance and helps with gift card delivery." },
  { id: "product_reviews", name: "Product reviews", overview: "Answers questions from product reviews and helps shoppers leave one." },
];

export function skillFor(id: string): Skill | undefined {
  return Object.hasOwn(skills, id) ? skills[id as AnsweringSkillId] : undefined;
}
