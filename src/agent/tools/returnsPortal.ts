// Tool: where the shopper starts a return or exchange for an order, and the returns they already have open.
import { z } from "zod";
import { formatDay } from "../i18n/index.ts";
import { returnableOrder } from "../orders.ts";
import type { Order } from "../../integrations/types.ts";
import { defineTool } from "./call.ts";
import { orderFacts, type OrderFacts } from "./facts.ts";
import { lookupEmail } from "./identity.ts";

export interface ReturnFacts {
  orderName: string;
  state: string;
  outcome: string | null;
  items: string[];
  createdOn: string;
}

export const returnsPortal = defineTool({
  name: "returnsPortal",
  description:
    "The returns-portal link for an order (by number; without one, the shopper's newest delivered order when logged in) and the shopper's existing returns. A shopper who isn't logged in must have written the order's email.",
  input: z.object({
    orderNumber: z.string().trim().max(20).transform((s) => s.replace(/^#/, "")).optional(),
    email: z.string().trim().max(254).optional(),
    item: z.string().max(200).optional().describe("What the shopper wants to return, e.g. hiking boots; picks the order with that item"),
  }),
  async run(ctx, input): Promise<{ emailKnown: boolean; found: boolean; order: OrderFacts | null; portalUrl: string | null; returns: ReturnFacts[] }> {
    const email = lookupEmail(ctx, input.email);
    const none = { emailKnown: Boolean(email), found: false, order: null, portalUrl: null, returns: [] };
    if (!email || !ctx.providers.returns || !ctx.providers.orders) return none;
    let order: Order | null | undefined;
    if (input.orderNumber) order = await ctx.providers.orders.getOrder({ number: input.orderNumber, email });
    else if (ctx.verifiedEmail) order = returnableOrder(await ctx.providers.orders.findOrdersByCustomer({ email }, 10), input.item);
    if (!order) return none;
    const returns = (await ctx.providers.returns.listReturns({ email })).map((r) => ({
      orderName: r.orderName,
      state: r.state,
      outcome: r.outcome,
      items: r.items.map((i) => i.title),
      createdOn: formatDay(r.createdAt, ctx.language),
    }));
    return { emailKnown: true, found: true, order: orderFacts(order, ctx.language, ctx.now), portalUrl: ctx.providers.returns.returnsPortalUrl(order), returns };
  },
});
