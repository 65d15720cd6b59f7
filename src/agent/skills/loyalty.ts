// Skill: loyalty — the logged-in shopper's points, tier and redeemable rewards, and how the shop's loyalty programme works.
import { loyaltyCard } from "../cards.ts";
import { callTool } from "../tools/call.ts";
import { loyaltyBalance, loyaltyProgram } from "../tools/loyalty.ts";
import type { Skill } from "../types.ts";
import { answer, findPassage, isAboutOwnAccount, needsLogin, withQuote } from "./shared.ts";

export const loyalty: Skill = {
  id: "loyalty",
  name: "Loyalty",
  overview: "Tells shoppers their points balance, tier and the rewards they can redeem now, and explains how the loyalty programme works: earning points, tiers and rewards.",
  whenToUse: "The shopper asks about points, rewards, their tier, or how the loyalty or rewards programme works.",
  howToRespond:
    "Programme questions are answered from the programme content in the knowledge base, naming the article. A logged-in shopper's balance comes from the loyalty provider with a loyalty card; a shopper who isn't logged in is asked to log in for their balance. Never estimate points.",
  tools: ["getProfile", "loyaltyBalance", "loyaltyProgram", "searchKnowledge"],
  needsLogin: true,
  prerequisites: [
    { type: "integration", slot: "loyalty", missing: "Connect a loyalty provider (Smile.io)" },
    { type: "content", kinds: ["loyalty"], missing: "Add loyalty programme content to the knowledge base" },
  ],
  async answer(ctx) {
    const programme = await findPassage(ctx, ["loyalty"], "loyalty rewards points earn redeem");
    const own = isAboutOwnAccount(ctx.text);
    if (!ctx.verifiedEmail) {
      if (own) return needsLogin(ctx, "your points balance", withQuote("", programme));
      if (programme) return answer("resolved", withQuote("", programme).body, { sources: [programme.title] });
      return needsLogin(ctx, "your points and rewards");
    }
    const [balance, info] = await Promise.all([callTool(ctx, loyaltyBalance, {}), callTool(ctx, loyaltyProgram, {})]);
    const programName = info.program?.name ?? null;
    if (!balance.member || balance.points === null) {
      const body = `You haven't joined ${programName ?? "our rewards programme"} yet — it's free to join.`;
      const quoted = withQuote(body, programme);
      return answer("resolved", quoted.body, { sources: quoted.sources });
    }
    const tier = balance.tier ? ` and you're in the ${balance.tier} tier` : "";
    const rewards =
      balance.redeemable.length > 0
        ? ` You can redeem: ${balance.redeemable.map((r) => `${r.name} (${r.pointsCost} points)`).join(", ")}.`
        : " You don't have enough points for a reward yet.";
    const mine = `You have ${balance.points} ${info.program?.pointsName ?? "points"}${tier}.${rewards}`;
    const quoted = own ? { body: mine, sources: [] } : withQuote(mine, programme, "before");
    return answer("resolved", quoted.body, {
      cards: [loyaltyCard({ programName, points: balance.points, tier: balance.tier, redeemable: balance.redeemable })],
      sources: quoted.sources,
    });
  },
};
