// Tool: skip, pause, cancel or change the frequency of one of the logged-in shopper's subscriptions, where the subscription provider allows it.
import { z } from "zod";
import { defineTool } from "./call.ts";
import { subscriptionFacts, type SubscriptionFacts } from "./listSubscriptions.ts";

export const changeSubscription = defineTool({
  name: "changeSubscription",
  description:
    "Changes one of the logged-in shopper's subscriptions (skip the next delivery, pause, cancel, or change frequency). Only after the shopper confirmed this exact change in the chat. supported is false when the provider can't: link the portal instead.",
  input: z.object({
    subscriptionId: z.string().min(1).max(100),
    change: z.discriminatedUnion("type", [
      z.object({ type: z.literal("skip") }),
      z.object({ type: z.literal("pause") }),
      z.object({ type: z.literal("cancel") }),
      z.object({ type: z.literal("frequency"), interval: z.object({ every: z.number().int().min(1).max(12), unit: z.enum(["day", "week", "month"]) }) }),
    ]),
  }),
  async run(ctx, input): Promise<{ supported: boolean; done: boolean; subscription: SubscriptionFacts | null }> {
    const provider = ctx.providers.subscriptions;
    if (!ctx.verifiedEmail || !provider?.changeSubscription) return { supported: false, done: false, subscription: null };
    const after = await provider.changeSubscription({ email: ctx.verifiedEmail }, input.subscriptionId, input.change);
    return { supported: true, done: true, subscription: subscriptionFacts(after, ctx.language) };
  },
});
