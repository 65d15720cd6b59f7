// Tools: the logged-in shopper's points and redeemable rewards, and the loyalty programme's rules for everyone.
import { z } from "zod";
import type { LoyaltyProgram, LoyaltyReward } from "../../integrations/types.ts";
import { defineTool } from "./call.ts";

export const loyaltyBalance = defineTool({
  name: "loyaltyBalance",
  description: "The logged-in shopper's points balance, tier and the rewards they can redeem now. member is false when they haven't joined.",
  input: z.object({}),
  async run(ctx): Promise<{ verified: boolean; member: boolean; points: number | null; tier: string | null; redeemable: LoyaltyReward[] }> {
    if (!ctx.verifiedEmail || !ctx.providers.loyalty) return { verified: Boolean(ctx.verifiedEmail), member: false, points: null, tier: null, redeemable: [] };
    const balance = await ctx.providers.loyalty.getBalance({ email: ctx.verifiedEmail });
    if (!balance) return { verified: true, member: false, points: null, tier: null, redeemable: [] };
    return { verified: true, member: true, points: balance.points, tier: balance.tier ?? null, redeemable: balance.rewards };
  },
});

export const loyaltyProgram = defineTool({
  name: "loyaltyProgram",
  description: "How the loyalty programme works: its name, how to earn points, tiers and rewards.",
  input: z.object({}),
  async run(ctx): Promise<{ program: LoyaltyProgram | null }> {
    if (!ctx.providers.loyalty) return { program: null };
    return { program: await ctx.providers.loyalty.programInfo() };
  },
});
