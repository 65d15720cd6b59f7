// Tool: the logged-in shopper's subscriptions and the portal where they pause, skip, swap or cancel.
import { z } from "zod";
import { formatDay, formatMoney } from "../orders.ts";
import { defineTool } from "./call.ts";

export interface SubscriptionFacts {
  id: string;
  product: string;
  status: string;
  quantity: number;
  price: string;
  every: string;
  nextChargeOn: string | null;
}

export const listSubscriptions = defineTool({
  name: "listSubscriptions",
  description: "The logged-in shopper's subscriptions (status, price, frequency, next charge) and the link to manage them.",
  input: z.object({}),
  async run(ctx): Promise<{ verified: boolean; subscriptions: SubscriptionFacts[]; portalUrl: string | null }> {
    if (!ctx.verifiedEmail || !ctx.providers.subscriptions) return { verified: Boolean(ctx.verifiedEmail), subscriptions: [], portalUrl: null };
    const who = { email: ctx.verifiedEmail };
    const [subs, portalUrl] = await Promise.all([ctx.providers.subscriptions.listSubscriptions(who), ctx.providers.subscriptions.portalUrl(who)]);
    return {
      verified: true,
      portalUrl,
      subscriptions: subs.map((s) => ({
        id: s.id,
        product: s.productTitle,
        status: s.status,
        quantity: s.quantity,
        price: formatMoney(s.price),
        every: `${s.interval.every === 1 ? "" : `${s.interval.every} `}${s.interval.unit}${s.interval.every === 1 ? "" : "s"}`,
        nextChargeOn: s.nextChargeAt ? formatDay(s.nextChargeAt) : null,
      })),
    };
  },
});
