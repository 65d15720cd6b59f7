// Skill: order tracking — live status of the shopper's order with an order card (needs login, or order number + email).
import { orderCard } from "../cards.ts";
import type { Skill } from "../types.ts";
import { answer, lookUpOrder } from "./shared.ts";

export const orderTracking: Skill = {
  id: "order_tracking",
  name: "Order tracking",
  overview: "Tells shoppers where their order is — placed, packed, shipped, out for delivery or delivered — with the carrier, tracking number and expected date, and shows an order card with a tracking link.",
  whenToUse: "The shopper asks where their order is, when it will arrive, for a tracking number, or whether it has shipped.",
  howToRespond:
    "Look the order up (the logged-in shopper's current order, or the order number they give, verified by the email on the order), state its status in one or two sentences only from the store's data, and show the order card. Never guess dates or carriers; if the order can't be found after one retry, offer a human.",
  tools: ["getProfile", "findOrders", "orderStatus"],
  needsLogin: true,
  prerequisites: [{ type: "integration", slot: "orders", missing: "Connect your store (Shopify)" }],
  async answer(ctx) {
    const found = await lookUpOrder(ctx, { allowMostRecent: true });
    if (found.kind === "stop") return found.answer;
    const { order, others } = found;
    const contents = order.items.length > 0 ? ` It contains ${order.items.join(", ")}.` : "";
    const more = others.length > 0 ? ` (You have ${others.length} other recent order${others.length === 1 ? "" : "s"}; tell me the number if you meant another one.)` : "";
    return answer("resolved", `${order.summary}${contents}${more}`, { cards: [orderCard(order, { focus: "track" })] });
  },
};
