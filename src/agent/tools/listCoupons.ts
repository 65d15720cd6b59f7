// Tool: discount codes the shopper can use now: the public ones, plus their own codes when logged in.
import { z } from "zod";
import { formatDay } from "../i18n/index.ts";
import { defineTool } from "./call.ts";

export interface CouponFacts {
  code: string;
  description: string;
  expiresOn: string | null;
  personal: boolean;
}

export const listCoupons = defineTool({
  name: "listCoupons",
  description: "Discount codes valid now: public codes for everyone, plus codes issued to this shopper when they are logged in.",
  input: z.object({}),
  async run(ctx): Promise<{ coupons: CouponFacts[]; includesPersonal: boolean }> {
    if (!ctx.providers.coupons) return { coupons: [], includesPersonal: false };
    const coupons = await ctx.providers.coupons.listCoupons(ctx.verifiedEmail ? { email: ctx.verifiedEmail } : {});
    return {
      // A code issued to someone else never reaches a shopper who isn't logged in as them.
      coupons: coupons
        .filter((c) => !c.profileSpecific || ctx.verifiedEmail)
        .map((c) => ({ code: c.code, description: c.description, expiresOn: c.expiresAt ? formatDay(c.expiresAt, ctx.language) : null, personal: c.profileSpecific })),
      includesPersonal: Boolean(ctx.verifiedEmail),
    };
  },
});
