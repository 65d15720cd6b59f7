// Skill: coupons & discounts — codes valid now with coupon cards (codes issued to one shopper only once they are logged in) and the shop's discount rules.
import { couponCard } from "../cards.ts";
import { callTool } from "../tools/call.ts";
import { listCoupons } from "../tools/listCoupons.ts";
import type { Skill } from "../types.ts";
import { answer, findPassage, withQuote } from "./shared.ts";

export const couponsDiscounts: Skill = {
  id: "coupons_discounts",
  name: "Coupons & discounts",
  overview: "Shares the discount codes a shopper can use right now as coupon cards — public codes for everyone and, once logged in, codes issued to them — and explains the shop's discount rules.",
  whenToUse: "The shopper asks for a discount code, a coupon, a promo or sale, or why a code doesn't work.",
  howToRespond:
    "List only codes the store returns as valid now (personal ones only to the logged-in shopper they belong to), each on a coupon card; answer rules from the coupon content in the knowledge base, naming the article. Never make up a code or a discount.",
  tools: ["getProfile", "listCoupons", "searchKnowledge"],
  needsLogin: "partly",
  prerequisites: [{ type: "content", kinds: ["coupon"], missing: "Add discount code content to the knowledge base" }],
  async answer(ctx) {
    const rules = await findPassage(ctx, ["coupon"], "discount codes coupons");
    if (!ctx.providers.coupons) {
      if (!rules) return answer("unresolved", "I couldn't find any information about discount codes.");
      return answer("resolved", withQuote("", rules).body, { sources: [rules.title] });
    }
    const r = await callTool(ctx, listCoupons, {});
    const personal = r.coupons.filter((c) => c.personal);
    const open = r.coupons.filter((c) => !c.personal);
    const describe = (c: (typeof r.coupons)[number]) => `${c.code} — ${c.description}${c.expiresOn ? ` (until ${c.expiresOn})` : ""}`;
    const parts: string[] = [];
    if (open.length > 0) parts.push(`Here are the codes you can use right now: ${open.map(describe).join("; ")}.`);
    if (personal.length > 0) parts.push(`${open.length > 0 ? "And" : "Here are"} your personal code${personal.length === 1 ? "" : "s"}: ${personal.map(describe).join("; ")}.`);
    if (!r.includesPersonal && ctx.channel === "webchat") parts.push("If you have an account, log in and I can show codes issued to you personally.");
    if (open.length === 0 && personal.length === 0) {
      if (!rules) return answer("unresolved", "There are no discount codes available right now.");
      const quoted = withQuote("There are no discount codes available right now.", rules);
      return answer("resolved", quoted.body, { sources: quoted.sources });
    }
    const cards = [...personal, ...open].slice(0, 4).map(couponCard);
    return answer("resolved", parts.join(" "), { cards });
  },
};
