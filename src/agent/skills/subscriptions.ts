// Skill: subscriptions — the logged-in shopper's subscriptions with the portal to pause, skip, swap or cancel, and the shop's subscription rules.
import { subscriptionCard } from "../cards.ts";
import { callTool } from "../tools/call.ts";
import { listSubscriptions } from "../tools/listSubscriptions.ts";
import type { Skill } from "../types.ts";
import { answer, findPassage, needsLogin, withQuote } from "./shared.ts";

export const subscriptions: Skill = {
  id: "subscriptions",
  name: "Subscriptions",
  overview: "Shows shoppers their subscriptions — status, price, frequency and next charge — explains how to pause, skip, swap or cancel from the shop's rules, and links to the subscription portal.",
  whenToUse: "The shopper asks about a subscription: pausing, skipping, cancelling, changing frequency or product, or when the next charge or delivery is.",
  howToRespond:
    "For a logged-in shopper, list their subscriptions from the subscription provider with a subscription card and the “Manage subscription” link; quote the shop's rules from the knowledge base. A shopper who isn't logged in is asked to log in. Never change a subscription yourself or invent dates.",
  tools: ["getProfile", "listSubscriptions", "searchKnowledge"],
  needsLogin: true,
  prerequisites: [
    { type: "integration", slot: "subscriptions", missing: "Connect a subscription provider (Recharge)" },
    { type: "content", kinds: ["subscription"], missing: "Add subscription policy content to the knowledge base" },
  ],
  async answer(ctx) {
    const rules = await findPassage(ctx, ["subscription"], "manage pause skip cancel subscription");
    if (!ctx.verifiedEmail) return needsLogin(ctx, "your subscriptions and manage them", withQuote("", rules));
    const r = await callTool(ctx, listSubscriptions, {});
    if (r.subscriptions.length === 0) return answer("unresolved", `I couldn't find a subscription for ${ctx.verifiedEmail}.`);
    const lines = r.subscriptions.map((s) => {
      const next = s.nextChargeOn ? `, next charge on ${s.nextChargeOn}` : "";
      return `Your ${s.product} subscription is ${s.status}: ${s.quantity} × ${s.price} every ${s.every}${next}.`;
    });
    const manage = r.portalUrl ? " You can pause, skip, swap or cancel from your subscription page (“Manage subscription”)." : "";
    const quoted = withQuote(`${lines.join(" ")}${manage}`, rules);
    return answer("resolved", quoted.body, { cards: r.subscriptions.slice(0, 3).map((s) => subscriptionCard(s, r.portalUrl)), sources: quoted.sources });
  },
};
