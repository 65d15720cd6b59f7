// Skill: order tracking — live status of the shopper's order with an order card (needs login, or order number + email); a parcel marked delivered that never came and a late order get an apology and a person.
import { orderCard } from "../cards.ts";
import type { Skill } from "../types.ts";
import { saysLate, saysMissing } from "./intents.ts";
import { answer, askedText, lookUpOrder, passageOn, say, sentences, withQuote } from "./shared.ts";

export const orderTracking: Skill = {
  id: "order_tracking",
  name: "Order tracking",
  overview: "Tells shoppers where their order is — placed, packed, shipped, out for delivery or delivered — with the carrier, tracking number and expected date, and shows an order card with a tracking link.",
  whenToUse: "The shopper asks where their order is, when it will arrive, for a tracking number, or whether it has shipped.",
  howToRespond:
    "Look the order up (the logged-in shopper's current order, or the order number they give, verified by the email on the order), state its status in one or two sentences only from the store's data, and show the order card. A parcel marked delivered that never arrived: quote the help center's claim rule and offer a person. A late order: apologise, give the status and offer a person. Never guess dates or carriers; if the order can't be found after one retry, offer a human.",
  tools: ["getProfile", "findOrders", "orderStatus", "searchKnowledge"],
  needsLogin: true,
  prerequisites: [{ type: "integration", slot: "orders", missing: "Connect your store (Shopify)" }],
  async answer(ctx) {
    const found = await lookUpOrder(ctx, { allowMostRecent: true });
    if (found.kind === "stop") return found.answer;
    const { order, others } = found;
    const card = orderCard(ctx.language, order, { focus: "track" });
    const asked = askedText(ctx);
    const missing = saysMissing(asked);
    if (missing && order.stage === "delivered") {
      const claim = await passageOn(ctx, "parcel shows delivered but can't find it claim carrier");
      const quoted = withQuote(ctx, sentences(say(ctx, "tracking.missing"), order.summary), claim);
      // Someone has to open the claim: the answer stands, the question isn't closed.
      return answer("unresolved", quoted.body, { cards: [card], sources: quoted.sources });
    }
    if (missing || saysLate(asked) || order.overdue) {
      const late = order.overdue && order.shipments[0]?.expectedOn ? say(ctx, "tracking.overdue", { order: order.name, date: order.shipments[0].expectedOn }) : say(ctx, "tracking.late");
      const stillComing = missing && order.stage !== "delivered" && order.stage !== "cancelled" ? say(ctx, "tracking.notDeliveredYet") : "";
      return answer("resolved", sentences(late, order.summary, stillComing), { cards: [card], offerHuman: true });
    }
    const contents = order.items.length > 0 ? say(ctx, "tracking.contains", { items: order.items.join(", ") }) : "";
    const more = others.length === 0 ? "" : others.length === 1 ? say(ctx, "tracking.otherOrder") : say(ctx, "tracking.otherOrders", { count: others.length });
    return answer("resolved", sentences(order.summary, contents, more), { cards: [card] });
  },
};
