// Skill: loyalty — the logged-in shopper's points, tier and redeemable rewards, how to redeem them, and how the shop's loyalty programme works.
import { loyaltyCard } from "../cards.ts";
import { callTool } from "../tools/call.ts";
import { loyaltyBalance, loyaltyProgram } from "../tools/loyalty.ts";
import type { Skill } from "../types.ts";
import { asksRedeem } from "./intents.ts";
import { answer, findPassage, focused, isAboutOwnAccount, needsLogin, passageOn, say, sentences, withQuote } from "./shared.ts";

export const loyalty: Skill = {
  id: "loyalty",
  name: "Loyalty",
  overview: "Tells shoppers their points balance, tier and the rewards they can redeem now, how to redeem them, and how the loyalty programme works: earning points, tiers and rewards.",
  whenToUse: "The shopper asks about points, rewards, their tier, how to redeem points, or how the loyalty or rewards programme works.",
  howToRespond:
    "Programme questions are answered from the programme content in the knowledge base, naming the article. Redeeming: quote the rewards the programme offers and give the rewards page link. A logged-in shopper's balance comes from the loyalty provider with a loyalty card; a shopper who isn't logged in is asked to log in for their balance. Never estimate points.",
  tools: ["getProfile", "loyaltyBalance", "loyaltyProgram", "searchKnowledge"],
  needsLogin: true,
  prerequisites: [
    { type: "integration", slot: "loyalty", missing: "Connect a loyalty provider (Smile.io)" },
    { type: "content", kinds: ["loyalty"], missing: "Add loyalty programme content to the knowledge base" },
  ],
  async answer(ctx) {
    const redeem = asksRedeem(ctx.text);
    const programme = redeem
      ? ((await passageOn(ctx, "redeem points for rewards off", ["loyalty"])) ?? (await findPassage(ctx, ["loyalty"], "loyalty rewards points earn redeem")))
      : await findPassage(ctx, ["loyalty"], "loyalty rewards points earn redeem");
    const quotedProgramme = programme && (redeem ? focused(programme, "redeem points rewards off", 1) : programme);
    const info = await callTool(ctx, loyaltyProgram, {});
    const redeemUrl = info.program?.redeemUrl ?? null;
    const redeemAt = redeemUrl ? say(ctx, "loyalty.redeemAt", { action: say(ctx, "card.loyalty.redeem") }) : "";
    if (!ctx.verifiedEmail) {
      if (redeem && quotedProgramme) {
        const quoted = withQuote(ctx, redeemAt, quotedProgramme, "before");
        const cards = redeemUrl ? [{ type: "loyalty", title: info.program?.name ?? say(ctx, "card.loyalty.title"), data: {}, actions: [{ label: say(ctx, "card.loyalty.redeem"), url: redeemUrl }] }] : [];
        return answer("resolved", quoted.body, { sources: quoted.sources, cards });
      }
      if (isAboutOwnAccount(ctx.text)) return needsLogin(ctx, "login.what.points", withQuote(ctx, "", quotedProgramme));
      if (quotedProgramme) return answer("resolved", withQuote(ctx, "", quotedProgramme).body, { sources: [quotedProgramme.title] });
      return needsLogin(ctx, "login.what.rewards");
    }
    const balance = await callTool(ctx, loyaltyBalance, {});
    const programName = info.program?.name ?? null;
    if (!balance.member || balance.points === null) {
      const quoted = withQuote(ctx, say(ctx, "loyalty.notMember", { program: programName ?? say(ctx, "loyalty.ourProgram") }), quotedProgramme);
      return answer("resolved", quoted.body, { sources: quoted.sources });
    }
    const pointsName = info.program?.pointsName ?? "points";
    const mine = sentences(
      balance.tier ? say(ctx, "loyalty.balanceTier", { points: balance.points, pointsName, tier: balance.tier }) : say(ctx, "loyalty.balance", { points: balance.points, pointsName }),
      balance.redeemable.length > 0
        ? say(ctx, "loyalty.canRedeem", { list: balance.redeemable.map((r) => say(ctx, "card.loyalty.reward", { name: r.name, points: r.pointsCost })).join(", ") })
        : say(ctx, "loyalty.notEnough"),
      redeem && redeemAt,
    );
    const quoted = isAboutOwnAccount(ctx.text) && !redeem ? { body: mine, sources: [] } : withQuote(ctx, mine, quotedProgramme, "before");
    return answer("resolved", quoted.body, {
      cards: [loyaltyCard(ctx.language, { programName, points: balance.points, tier: balance.tier, redeemable: balance.redeemable, redeemUrl })],
      sources: quoted.sources,
    });
  },
};
