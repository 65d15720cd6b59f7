// Tool: the logged-in shopper's subscriptions and the portal where they pause, skip, swap or cancel.
import { z } from "zod";
import { formatDay } from "../i18n/index.ts";
import { formatMoney } from "../orders.ts";
import type { Lang } from "../i18n/index.ts";
import type { Subscription } from "../../integrations/types.ts";
import { defineTool } from "./call.ts";

export interface SubscriptionFacts {
  id: string;
  product: string;
  status: Subscription["status"];
  quantity: number;
  price: string;
  interval: Subscription["interval"];
  nextChargeOn: string | null;
}

export function subscriptionFacts(s: Subscription, lang: Lang): SubscriptionFacts {
  return {
    id: s.id,
    product: s.productTitle,
    status: s.status,
    quantity: s.quantity,
    price: formatMoney(s.price),
    interval: { ...s.interval },
    nextChargeOn: s.nextChargeAt ? formatDay(s.nextChargeAt, lang) : null,
  };
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
      subscriptions: subs.map((s) => subscriptionFacts(s, ctx.language)),
    };
  },
});
