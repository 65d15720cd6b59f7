// Skill: returns & exchanges — the returns policy, damaged items (the damaged-items article and a person), refund status from the returns provider, and the returns-portal link for a delivered order.
import { orderCard } from "../cards.ts";
import { callTool } from "../tools/call.ts";
import { givenEmails, mentionedOrderNumber } from "../tools/identity.ts";
import { returnStatus } from "../tools/returnStatus.ts";
import { returnsPortal, type ReturnFacts } from "../tools/returnsPortal.ts";
import type { AgentAnswer, Skill, SkillContext } from "../types.ts";
import { asksRefundStatus, saysDamaged } from "./intents.ts";
import { answer, askedText, findPassage, focused, lookUpOrder, passageOn, say, sentences, withQuote } from "./shared.ts";

/** "an exchange" (with its article) or, with `bare`, "exchange" ("Your exchange for order …"). */
function whatOf(ctx: SkillContext, r: ReturnFacts, bare = false): string {
  const kind = r.outcome === "exchange" ? "exchange" : r.outcome === "refund" ? "refund" : "return";
  return say(ctx, bare ? `returns.kind.${kind}` : `returns.what.${kind}`);
}

function canLookUp(ctx: SkillContext, number: string | null): boolean {
  return Boolean(ctx.verifiedEmail) || (number !== null && givenEmails(ctx).length > 0);
}

function invite(ctx: SkillContext, key: "returns.invite" | "returns.refundInvite"): string {
  return say(ctx, key, { login: ctx.channel === "webchat" ? say(ctx, "returns.invite.login") : "" });
}

/** Where the shopper's returns stand, as the returns provider records them. */
async function refundStatus(ctx: SkillContext): Promise<AgentAnswer> {
  const number = mentionedOrderNumber(ctx);
  const timing = await passageOn(ctx, "refunds original payment method business days", ["returns"]);
  if (!canLookUp(ctx, number)) {
    const quoted = withQuote(ctx, invite(ctx, "returns.refundInvite"), timing && focused(timing, "refunds original payment method business days"), "before");
    return answer("asked", quoted.body, { sources: quoted.sources });
  }
  const r = await callTool(ctx, returnStatus, number ? { orderNumber: number } : {});
  if (!r.verified) {
    const found = await lookUpOrder(ctx, { allowMostRecent: false });
    if (found.kind === "stop") return found.answer;
  }
  if (r.returns.length === 0) return answer("unresolved", say(ctx, "returns.refund.none", { email: r.email ?? "" }));
  const lines = r.returns.map((x) => {
    const vars = { what: whatOf(ctx, x, true), order: x.orderName, items: x.items.join(", "), date: x.createdOn };
    switch (x.state) {
      case "open":
        return say(ctx, "returns.refund.open", vars);
      case "review":
        return say(ctx, "returns.refund.review", vars);
      case "closed":
        return say(ctx, "returns.refund.closed", vars);
      case "cancelled":
        return say(ctx, "returns.refund.cancelled", vars);
      default:
        return say(ctx, "returns.refund.expired", vars);
    }
  });
  const quoted = withQuote(ctx, sentences(...lines), timing && focused(timing, "refunds original payment method business days"));
  return answer("resolved", quoted.body, { sources: quoted.sources });
}

/** Torn, broken, faulty or wrong: the damaged-items article, and a person who arranges the replacement or refund. */
async function damaged(ctx: SkillContext): Promise<AgentAnswer> {
  const article = await passageOn(ctx, "damaged faulty wrong item arrives replacement refund photo", ["returns", "policy"]);
  const quoted = withQuote(ctx, say(ctx, "returns.damaged"), article && { ...article, excerpt: article.body.split(/(?<=\.)\s+/).slice(0, 2).join(" ") });
  return answer("unresolved", quoted.body, { sources: quoted.sources, offerHuman: true });
}

export const returnsExchanges: Skill = {
  id: "returns_exchanges",
  name: "Returns & exchanges",
  overview: "Answers returns and exchange questions from the shop's returns policy, tells shoppers where their returns and refunds stand, handles damaged items with a person, and links to the returns portal for their order.",
  whenToUse: "The shopper wants to return or exchange an item, asks about the returns policy, refunds for returns, the status of a return, or received something damaged or wrong.",
  howToRespond:
    "Quote the returns policy from the knowledge base and name the article. Damaged or wrong items: quote the damaged-items article and offer a person. Refund status: from the returns provider only. An order still on its way can't be returned yet: say so. For the shopper's own delivered order (logged in, or order number + email), give the returns-portal link on an order card with “Start a return”. Never promise a refund amount or approve a return yourself.",
  tools: ["getProfile", "searchKnowledge", "orderStatus", "returnsPortal", "returnStatus"],
  needsLogin: true,
  prerequisites: [
    { type: "integration", slot: "returns", missing: "Connect a returns provider (Loop)" },
    { type: "content", kinds: ["returns"], missing: "Add returns policy content to the knowledge base" },
  ],
  async answer(ctx) {
    const asked = askedText(ctx);
    if (saysDamaged(asked)) return damaged(ctx);
    if (asksRefundStatus(asked)) return refundStatus(ctx);
    const policy = await findPassage(ctx, ["returns"], "returns policy");
    const number = mentionedOrderNumber(ctx);
    if (!canLookUp(ctx, number)) {
      const quoted = withQuote(ctx, invite(ctx, "returns.invite"), policy, "before");
      return answer(policy ? "resolved" : "asked", quoted.body, { sources: quoted.sources });
    }
    if (number) {
      // Checks the order exists for this shopper (and gives up after one retry) before offering its returns link.
      const found = await lookUpOrder(ctx, { allowMostRecent: false });
      if (found.kind === "stop") return found.answer;
      const { order } = found;
      if (order.stage !== "delivered" && order.stage !== "cancelled") {
        const body = say(ctx, "returns.notDelivered", { order: order.name, status: order.summary });
        return answer("resolved", body, { cards: [orderCard(ctx.language, order, { focus: "track" })] });
      }
    }
    const r = await callTool(ctx, returnsPortal, number ? { orderNumber: number } : { item: ctx.text });
    if (!r.order || !r.portalUrl) {
      const quoted = withQuote(ctx, say(ctx, "returns.noDelivered"), policy, "before");
      return answer("asked", quoted.body, { sources: quoted.sources });
    }
    const open = r.returns.filter((x) => x.state === "open" || x.state === "review");
    const inProgress = open.map((x) => say(ctx, "returns.inProgress", { what: whatOf(ctx, x), order: x.orderName, items: x.items.join(", "), date: x.createdOn }));
    const card = orderCard(ctx.language, r.order, { focus: "return", returnsUrl: r.portalUrl });
    const body = sentences(say(ctx, "returns.portal", { order: r.order.name, action: say(ctx, "card.order.startReturn") }), ...inProgress);
    const quoted = withQuote(ctx, body, policy);
    return answer("resolved", quoted.body, { cards: [card], sources: quoted.sources });
  },
};
