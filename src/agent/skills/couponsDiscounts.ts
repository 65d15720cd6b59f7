// Skill: coupons & discounts — a code the shopper names (valid, expired, unknown, its conditions), the stacking rule, and the codes valid now with coupon cards (personal ones once logged in).
import { couponCard } from "../cards.ts";
import { callTool } from "../tools/call.ts";
import { listCoupons, type CouponFacts } from "../tools/listCoupons.ts";
import { lookupCoupon, type CodeFacts } from "../tools/lookupCoupon.ts";
import type { AgentAnswer, Skill, SkillContext } from "../types.ts";
import { asksStacking, namedCodes } from "./intents.ts";
import { answer, askedText, findPassage, focused, passageOn, say, sentences, withQuote } from "./shared.ts";

function describe(ctx: SkillContext, c: CouponFacts): string {
  return c.expiresOn ? say(ctx, "coupons.itemUntil", { code: c.code, description: c.description, date: c.expiresOn }) : say(ctx, "coupons.item", { code: c.code, description: c.description });
}

function aboutCode(ctx: SkillContext, asked: string, found: CodeFacts): string {
  const code = { ...found, code: found.code ?? asked };
  switch (code.status) {
    case "valid":
      return sentences(
        say(ctx, "coupons.valid", { code: code.code, description: code.description ?? "" }),
        code.minimumSpend && say(ctx, "coupons.minimum", { amount: code.minimumSpend }),
        code.oncePerCustomer && say(ctx, "coupons.once"),
        code.expiresOn && say(ctx, "coupons.until", { date: code.expiresOn }),
        (code.minimumSpend || code.oncePerCustomer) && say(ctx, "coupons.checkConditions"),
      );
    case "expired":
      return code.expiresOn ? say(ctx, "coupons.expired", { code: code.code, date: code.expiresOn }) : say(ctx, "coupons.expiredNoDate", { code: code.code });
    case "not_yours":
      return say(ctx, "coupons.notYours", { code: code.code });
    case "unknown":
      return say(ctx, "coupons.unknown", { code: code.code });
  }
}

/** The codes the shopper named, each looked up; the stacking rule when they ask to combine; valid alternatives when one doesn't work. */
async function namedAnswer(ctx: SkillContext, codes: string[]): Promise<AgentAnswer> {
  const asked = codes.slice(0, 3);
  const facts = await Promise.all(asked.map((code) => callTool(ctx, lookupCoupon, { code })));
  const parts = facts.map((f, i) => aboutCode(ctx, asked[i] ?? "", f));
  const sources: string[] = [];
  if (asksStacking(ctx.text) || codes.length > 1) {
    const rule = await passageOn(ctx, "one code per order combined stacked", ["coupon"]);
    if (rule) {
      const quoted = withQuote(ctx, "", focused(rule, "one code per order combined stacked"));
      parts.unshift(quoted.body);
      sources.push(...quoted.sources);
    }
  }
  const cards = facts.flatMap((f) => (f.status === "valid" && f.code ? [couponCard(ctx.language, { code: f.code, description: f.description ?? "", expiresOn: f.expiresOn, personal: false })] : []));
  if (facts.every((f) => f.status !== "valid")) {
    const valid = (await callTool(ctx, listCoupons, {})).coupons.filter((c) => !c.personal);
    if (valid.length > 0) {
      parts.push(say(ctx, "coupons.alternatives", { list: valid.map((c) => describe(ctx, c)).join("; ") }));
      cards.push(...valid.slice(0, 3).map((c) => couponCard(ctx.language, c)));
    }
  }
  return answer("resolved", parts.join("\n\n"), { cards, sources });
}

export const couponsDiscounts: Skill = {
  id: "coupons_discounts",
  name: "Coupons & discounts",
  overview: "Checks a code the shopper names (valid, expired or unknown, minimum spend, once per customer), explains whether codes can be combined, and shares the codes a shopper can use right now as coupon cards — public codes for everyone and, once logged in, codes issued to them.",
  whenToUse: "The shopper asks for a discount code, a coupon, a promo or sale, whether codes can be combined, or why a code doesn't work.",
  howToRespond:
    "A named code: look it up and say exactly whether it is valid, expired or unknown, with its conditions. Stacking: quote the shop's rule, naming the article. Otherwise list only codes the store returns as valid now (personal ones only to the logged-in shopper they belong to), each on a coupon card. Never make up a code or a discount.",
  tools: ["getProfile", "listCoupons", "lookupCoupon", "searchKnowledge"],
  needsLogin: "partly",
  prerequisites: [{ type: "content", kinds: ["coupon"], missing: "Add discount code content to the knowledge base" }],
  async answer(ctx) {
    const codes = ctx.providers.coupons ? namedCodes(askedText(ctx)) : [];
    if (codes.length > 0) return namedAnswer(ctx, codes);
    if (asksStacking(askedText(ctx))) {
      const rule = await passageOn(ctx, "one code per order combined stacked", ["coupon"]);
      if (rule) return answer("resolved", withQuote(ctx, "", focused(rule, "one code per order combined stacked")).body, { sources: [rule.title] });
    }
    const rules = await findPassage(ctx, ["coupon"], "discount codes coupons");
    if (!ctx.providers.coupons) {
      if (!rules) return answer("unresolved", say(ctx, "coupons.noInfo"));
      return answer("resolved", withQuote(ctx, "", rules).body, { sources: [rules.title] });
    }
    const r = await callTool(ctx, listCoupons, {});
    const personal = r.coupons.filter((c) => c.personal);
    const open = r.coupons.filter((c) => !c.personal);
    if (open.length === 0 && personal.length === 0) {
      if (!rules) return answer("unresolved", say(ctx, "coupons.none"));
      const quoted = withQuote(ctx, say(ctx, "coupons.none"), rules);
      return answer("resolved", quoted.body, { sources: quoted.sources });
    }
    const body = sentences(
      open.length > 0 && say(ctx, "coupons.list", { list: open.map((c) => describe(ctx, c)).join("; ") }),
      personal.length > 0 &&
        say(ctx, open.length > 0 ? (personal.length === 1 ? "coupons.personalAlsoOne" : "coupons.personalAlso") : personal.length === 1 ? "coupons.personalOnlyOne" : "coupons.personalOnly", {
          list: personal.map((c) => describe(ctx, c)).join("; "),
        }),
      !r.includesPersonal && ctx.channel === "webchat" && say(ctx, "coupons.loginHint"),
    );
    const cards = [...personal, ...open].slice(0, 4).map((c) => couponCard(ctx.language, c));
    return answer("resolved", body, { cards });
  },
};
