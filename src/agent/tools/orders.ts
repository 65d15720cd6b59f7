// Tools: the shopper's recent orders (logged in) and one order's status by number (logged in, or verified by the email on the order).
import { z } from "zod";
import { orderOfInterest } from "../orders.ts";
import { defineTool } from "./call.ts";
import { orderFacts, type OrderFacts } from "./facts.ts";
import { lookupEmail } from "./identity.ts";

export const findOrders = defineTool({
  name: "findOrders",
  description: "The logged-in shopper's most recent orders (newest first) with status, items, total and tracking. Empty when the shopper isn't logged in.",
  input: z.object({ limit: z.number().int().min(1).max(10).optional() }),
  async run(ctx, input): Promise<{ verified: boolean; orders: OrderFacts[]; current: OrderFacts | null }> {
    if (!ctx.verifiedEmail || !ctx.providers.orders) return { verified: Boolean(ctx.verifiedEmail), orders: [], current: null };
    const orders = await ctx.providers.orders.findOrdersByCustomer({ email: ctx.verifiedEmail }, input.limit ?? 5);
    const current = orderOfInterest(orders);
    return { verified: true, orders: orders.map((o) => orderFacts(o, ctx.language, ctx.now)), current: current ? orderFacts(current, ctx.language, ctx.now) : null };
  },
});

export const orderStatus = defineTool({
  name: "orderStatus",
  description:
    "Status, items, total and tracking of one order by its number. A shopper who isn't logged in must have written the email used for the order; the order is only returned when that email matches.",
  input: z.object({
    orderNumber: z.string().trim().min(1).max(20).transform((s) => s.replace(/^#/, "")).describe("The order number, e.g. 1042"),
    email: z.string().trim().max(254).optional().describe("The email the shopper wrote for the order, when they aren't logged in"),
  }),
  async run(ctx, input): Promise<{ found: boolean; emailKnown: boolean; order: OrderFacts | null }> {
    const email = lookupEmail(ctx, input.email);
    if (!email || !ctx.providers.orders) return { found: false, emailKnown: Boolean(email), order: null };
    const order = await ctx.providers.orders.getOrder({ number: input.orderNumber, email });
    return { found: order !== null, emailKnown: true, order: order ? orderFacts(order, ctx.language, ctx.now) : null };
  },
});
