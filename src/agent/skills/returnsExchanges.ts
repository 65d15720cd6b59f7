// Skill: returns & exchanges — the shop's returns policy, the shopper's open returns and the returns-portal link for their order.
import { orderCard } from "../cards.ts";
import { callTool } from "../tools/call.ts";
import { givenEmails, mentionedOrderNumber } from "../tools/identity.ts";
import { returnsPortal } from "../tools/returnsPortal.ts";
import type { Skill } from "../types.ts";
import { answer, findPassage, lookUpOrder, withQuote } from "./shared.ts";

export const returnsExchanges: Skill = {
  id: "returns_exchanges",
  name: "Returns & exchanges",
  overview: "Answers returns and exchange questions from the shop's returns policy, tells shoppers about returns they already started and links to the returns portal for their order.",
  whenToUse: "The shopper wants to return or exchange an item, asks about the returns policy, refunds for returns, or the status of a return.",
  howToRespond:
    "Quote the returns policy from the knowledge base and name the article. For the shopper's own order (logged in, or order number + email), give the returns-portal link on an order card with “Start a return” and mention returns already in progress. Never promise a refund amount or approve a return yourself.",
  tools: ["getProfile", "searchKnowledge", "orderStatus", "returnsPortal"],
  needsLogin: true,
  prerequisites: [
    { type: "integration", slot: "returns", missing: "Connect a returns provider (Loop)" },
    { type: "content", kinds: ["returns"], missing: "Add returns policy content to the knowledge base" },
  ],
  async answer(ctx) {
    const policy = await findPassage(ctx, ["returns"], "returns policy");
    const number = mentionedOrderNumber(ctx);
    const canLookUp = Boolean(ctx.verifiedEmail) || (number !== null && givenEmails(ctx).length > 0);
    if (!canLookUp) {
      const login = ctx.channel === "webchat" ? "log in, or " : "";
      const invite = `To start a return for your order, ${login}tell me your order number and the email address you used for it.`;
      const quoted = withQuote(invite, policy, "before");
      return answer(policy ? "resolved" : "asked", quoted.body, { sources: quoted.sources });
    }
    if (number) {
      // Checks the order exists for this shopper (and gives up after one retry) before offering its returns link.
      const found = await lookUpOrder(ctx, { allowMostRecent: false });
      if (found.kind === "stop") return found.answer;
    }
    const r = await callTool(ctx, returnsPortal, number ? { orderNumber: number } : { item: ctx.text });
    if (!r.order || !r.portalUrl) {
      const quoted = withQuote("I couldn't find a delivered order on your account yet. Which order would you like to return? Tell me its number.", policy, "before");
      return answer("asked", quoted.body, { sources: quoted.sources });
    }
    const open = r.returns.filter((x) => x.state === "open" || x.state === "review");
    const inProgress = open.map((x) => `You already have ${x.outcome === "exchange" ? "an exchange" : x.outcome ? `a ${x.outcome}` : "a return"} in progress for ${x.orderName} (${x.items.join(", ")}), opened ${x.createdOn}.`).join(" ");
    const body = [`You can start a return or exchange for order ${r.order.name} in our returns portal (“Start a return”).`, inProgress].filter(Boolean).join(" ");
    const quoted = withQuote(body, policy);
    return answer("resolved", quoted.body, { cards: [orderCard(r.order, { focus: "return", returnsUrl: r.portalUrl })], sources: quoted.sources });
  },
};
