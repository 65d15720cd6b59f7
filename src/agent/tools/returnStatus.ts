// Tool: the shopper's returns and refunds as the returns provider records them (logged in, or verified by order number + the order's email).
import { z } from "zod";
import { formatDay } from "../i18n/index.ts";
import { defineTool } from "./call.ts";
import { lookupEmail } from "./identity.ts";
import type { ReturnFacts } from "./returnsPortal.ts";

export const returnStatus = defineTool({
  name: "returnStatus",
  description:
    "The shopper's returns and exchanges with their state (open, review, closed, cancelled, expired) and outcome (refund, exchange, credit). A shopper who isn't logged in must have written an order number and its email.",
  input: z.object({
    orderNumber: z.string().trim().max(20).transform((s) => s.replace(/^#/, "")).optional(),
    email: z.string().trim().max(254).optional(),
  }),
  async run(ctx, input): Promise<{ verified: boolean; email: string | null; returns: ReturnFacts[] }> {
    const email = lookupEmail(ctx, input.email);
    if (!email || !ctx.providers.returns) return { verified: false, email: email ?? null, returns: [] };
    if (!ctx.verifiedEmail) {
      // Without a login the email is only trusted together with an order of theirs.
      const order = input.orderNumber && ctx.providers.orders ? await ctx.providers.orders.getOrder({ number: input.orderNumber, email }) : null;
      if (!order) return { verified: false, email, returns: [] };
    }
    const returns = await ctx.providers.returns.listReturns({ email });
    const wanted = input.orderNumber ? `#${input.orderNumber}` : null;
    return {
      verified: true,
      email,
      returns: returns
        .filter((r) => !wanted || r.orderName === wanted)
        .map((r) => ({ orderName: r.orderName, state: r.state, outcome: r.outcome, items: r.items.map((i) => i.title), createdOn: formatDay(r.createdAt, ctx.language) })),
    };
  },
});
