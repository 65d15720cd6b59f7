// Skill: order editing — whether an order can still be changed or cancelled (only before fulfilment), the shop's rules and the self-service link.
import { orderCard } from "../cards.ts";
import type { Skill } from "../types.ts";
import { answer, findPassage, lookUpOrder, say, sentences, withQuote } from "./shared.ts";

export const orderEditing: Skill = {
  id: "order_editing",
  name: "Order editing",
  overview: "Helps shoppers change or cancel an order before it is fulfilled: checks whether the order has been packed yet, explains the shop's rules for edits and cancellations and links to the order page.",
  whenToUse: "The shopper wants to cancel an order, change a quantity, remove an item, change the address or otherwise edit an order they placed.",
  howToRespond:
    "Find the order, say plainly whether it can still be changed (only before fulfilment), quote the shop's edit and cancellation rules from the knowledge base and show the order card with the self-service link. Once shipped, point to returns instead. Never claim a change was made.",
  tools: ["getProfile", "findOrders", "orderStatus", "searchKnowledge"],
  needsLogin: true,
  prerequisites: [
    { type: "integration", slot: "orders", missing: "Connect your store (Shopify)" },
    { type: "content", kinds: ["order_editing"], missing: "Add order editing and cancellation rules to the knowledge base" },
  ],
  async answer(ctx) {
    const rules = await findPassage(ctx, ["order_editing"], "change or cancel an order");
    const found = await lookUpOrder(ctx, { allowMostRecent: true });
    if (found.kind === "stop") {
      const quoted = withQuote(ctx, found.answer.body, rules, "before");
      return { ...found.answer, body: quoted.body, sources: quoted.sources };
    }
    const { order } = found;
    const card = orderCard(ctx.language, order, { focus: "manage" });
    let body: string;
    if (order.stage === "cancelled") body = sentences(order.summary, say(ctx, "editing.nothingLeft"));
    else if (order.canEdit) body = say(ctx, "editing.canEdit", { order: order.name, action: card.actions?.[0]?.label ?? "" });
    else if (order.stage === "delivered") body = say(ctx, "editing.delivered", { order: order.name });
    else if (order.stage === "in_transit" || order.stage === "out_for_delivery") body = say(ctx, "editing.shipped", { order: order.name });
    // Packed or on hold, not shipped: the reply names the same status the card shows.
    else body = say(ctx, "editing.locked", { order: order.name, status: order.statusLabel });
    const quoted = withQuote(ctx, body, rules);
    return answer("resolved", quoted.body, { cards: [card], sources: quoted.sources });
  },
};
