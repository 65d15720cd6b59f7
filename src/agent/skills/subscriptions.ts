// Skill: subscriptions — the logged-in shopper's subscriptions; skip, pause, change frequency or cancel through the provider once the shopper confirms in the chat (else the portal link).
import { everyText, subscriptionCard } from "../cards.ts";
import { callTool } from "../tools/call.ts";
import { changeSubscription } from "../tools/changeSubscription.ts";
import { listSubscriptions, type SubscriptionFacts } from "../tools/listSubscriptions.ts";
import type { AgentAnswer, Skill, SkillContext } from "../types.ts";
import { questionWords, stem } from "../../knowledge/retrieval.ts";
import { subscriptionAction, type SubscriptionAction } from "./intents.ts";
import { answer, findPassage, list, needsLogin, say, sentences, withQuote } from "./shared.ts";

/** The subscription a message is about: the one whose product it names, or the only one that can still change. */
function target(text: string, subs: readonly SubscriptionFacts[]): SubscriptionFacts | SubscriptionFacts[] {
  const live = subs.filter((s) => s.status !== "cancelled");
  const words = new Set(questionWords(text).map(stem));
  const named = subs.filter((s) => questionWords(s.product).some((w) => w.length > 3 && !["club", "subscription"].includes(w) && words.has(stem(w))));
  if (named.length === 1 && named[0]) return named[0];
  const pool = named.length > 1 ? named : live;
  if (pool.length === 1 && pool[0]) return pool[0];
  return pool.length > 0 ? pool : subs.slice();
}

function alreadyDone(s: SubscriptionFacts, action: SubscriptionAction): boolean {
  return (action.type === "pause" && s.status === "paused") || (action.type === "cancel" && s.status === "cancelled");
}

function confirmText(ctx: SkillContext, s: SubscriptionFacts, action: SubscriptionAction): string {
  if (action.type === "frequency") return say(ctx, "subs.confirm.frequency", { product: s.product, every: everyText(ctx.language, action.interval) });
  return say(ctx, `subs.confirm.${action.type}`, { product: s.product });
}

function doneText(ctx: SkillContext, s: SubscriptionFacts, action: SubscriptionAction): string {
  switch (action.type) {
    case "skip":
      return s.nextChargeOn ? say(ctx, "subs.done.skipNext", { product: s.product, date: s.nextChargeOn }) : say(ctx, "subs.done.skip", { product: s.product });
    case "frequency":
      return say(ctx, "subs.done.frequency", { product: s.product, every: everyText(ctx.language, s.interval) });
    default:
      return say(ctx, `subs.done.${action.type}`, { product: s.product });
  }
}

async function change(ctx: SkillContext, action: SubscriptionAction, request: string, subs: SubscriptionFacts[], portalUrl: string | null): Promise<AgentAnswer> {
  const chosen = target(request, subs);
  if (Array.isArray(chosen)) return answer("asked", say(ctx, "subs.which", { list: list(ctx, chosen.map((s) => s.product)) }));
  const card = (s: SubscriptionFacts) => [subscriptionCard(ctx.language, s, portalUrl)];
  if (alreadyDone(chosen, action)) return answer("resolved", say(ctx, "subs.already", { product: chosen.product, status: say(ctx, `subs.status.${chosen.status}`) }), { cards: card(chosen) });
  const canChange = Boolean(ctx.providers.subscriptions?.changeSubscription);
  if (!canChange) return answer("resolved", say(ctx, "subs.portalOnly", { action: say(ctx, "card.subscription.manage") }), { cards: card(chosen) });
  if (ctx.confirmation?.answer !== "yes") return answer("asked", confirmText(ctx, chosen, action), { cards: card(chosen) });
  try {
    const r = await callTool(ctx, changeSubscription, { subscriptionId: chosen.id, change: action });
    if (!r.done || !r.subscription) return answer("resolved", say(ctx, "subs.portalOnly", { action: say(ctx, "card.subscription.manage") }), { cards: card(chosen) });
    return answer("resolved", doneText(ctx, r.subscription, action), { cards: card(r.subscription) });
  } catch {
    // Nothing changed: the shopper can still do it in the portal, or a person can.
    return answer("unresolved", sentences(say(ctx, "subs.failed"), portalUrl && say(ctx, "subs.manage", { action: say(ctx, "card.subscription.manage") })), { cards: card(chosen) });
  }
}

export const subscriptions: Skill = {
  id: "subscriptions",
  name: "Subscriptions",
  overview:
    "Shows shoppers their subscriptions — status, price, frequency and next charge — and skips, pauses, changes the frequency of or cancels one once the shopper confirms in the chat (where the subscription provider allows it; otherwise it links to the subscription portal).",
  whenToUse: "The shopper asks about a subscription: pausing, skipping, cancelling, changing frequency or product, or when the next charge or delivery is.",
  howToRespond:
    "For a logged-in shopper, list their subscriptions from the subscription provider with a subscription card and the “Manage subscription” link; quote the shop's rules from the knowledge base. To skip, pause, change frequency or cancel: name the subscription and the change and ask the shopper to confirm; only after they say yes call changeSubscription, and only say it's done when it succeeded. A shopper who isn't logged in is asked to log in. Never invent dates.",
  tools: ["getProfile", "listSubscriptions", "changeSubscription", "searchKnowledge"],
  needsLogin: true,
  prerequisites: [
    { type: "integration", slot: "subscriptions", missing: "Connect a subscription provider (Recharge)" },
    { type: "content", kinds: ["subscription"], missing: "Add subscription policy content to the knowledge base" },
  ],
  async answer(ctx) {
    if (ctx.confirmation?.answer === "no") return answer("resolved", say(ctx, "subs.declined"));
    const request = ctx.confirmation?.request ?? ctx.text;
    const action = subscriptionAction(request);
    const rules = action ? null : await findPassage(ctx, ["subscription"], "manage pause skip cancel subscription");
    if (!ctx.verifiedEmail) return needsLogin(ctx, "login.what.subscriptions", withQuote(ctx, "", rules ?? (await findPassage(ctx, ["subscription"], "manage pause skip cancel subscription"))));
    const r = await callTool(ctx, listSubscriptions, {});
    if (r.subscriptions.length === 0) return answer("unresolved", say(ctx, "subs.none", { email: ctx.verifiedEmail }));
    if (action) return change(ctx, action, request, r.subscriptions, r.portalUrl);
    const lines = r.subscriptions.map((s) => {
      const vars = { product: s.product, status: say(ctx, `subs.status.${s.status}`), quantity: s.quantity, price: s.price, every: everyText(ctx.language, s.interval) };
      return s.nextChargeOn ? say(ctx, "subs.lineNext", { ...vars, date: s.nextChargeOn }) : say(ctx, "subs.line", vars);
    });
    const manage = r.portalUrl ? say(ctx, "subs.manage", { action: say(ctx, "card.subscription.manage") }) : "";
    const quoted = withQuote(ctx, sentences(...lines, manage), rules);
    return answer("resolved", quoted.body, { cards: r.subscriptions.slice(0, 3).map((s) => subscriptionCard(ctx.language, s, r.portalUrl)), sources: quoted.sources });
  },
};
