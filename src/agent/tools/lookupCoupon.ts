// Tool: what the store knows of one discount code the shopper named: valid, expired or unknown, with its conditions.
import { z } from "zod";
import { formatDay } from "../i18n/index.ts";
import { formatMoney } from "../orders.ts";
import { defineTool } from "./call.ts";

export interface CodeFacts {
  /** The code as the store knows it; null when the store doesn't know it (the shopper's words are never a fact). */
  code: string | null;
  status: "valid" | "expired" | "unknown" | "not_yours";
  description: string | null;
  expiresOn: string | null;
  minimumSpend: string | null;
  oncePerCustomer: boolean;
}

export const lookupCoupon = defineTool({
  name: "lookupCoupon",
  description: "Looks up one discount code by name: valid, expired or unknown, its minimum spend, whether it is once per customer and when it ends.",
  input: z.object({ code: z.string().trim().min(2).max(40).describe("The code as the shopper wrote it, e.g. SUMMER25") }),
  async run(ctx, input): Promise<CodeFacts> {
    const code = input.code.toUpperCase();
    const unknown: CodeFacts = { code: null, status: "unknown", description: null, expiresOn: null, minimumSpend: null, oncePerCustomer: false };
    const coupons = ctx.providers.coupons;
    if (!coupons) return unknown;
    const who = ctx.verifiedEmail ? { email: ctx.verifiedEmail } : {};
    if (!coupons.findCoupon) {
      // A provider that only lists valid codes can't tell expired from unknown.
      const valid = (await coupons.listCoupons(who)).find((c) => c.code.toUpperCase() === code && (!c.profileSpecific || ctx.verifiedEmail));
      if (!valid) return unknown;
      return { ...unknown, code: valid.code, status: "valid", description: valid.description, expiresOn: valid.expiresAt ? formatDay(valid.expiresAt, ctx.language) : null };
    }
    const found = await coupons.findCoupon(code, who);
    if (found.status === "unknown" || found.status === "not_yours") return { ...unknown, status: found.status };
    const c = found.coupon;
    return {
      code: c.code,
      status: found.status,
      description: c.description,
      expiresOn: c.expiresAt ? formatDay(c.expiresAt, ctx.language) : null,
      minimumSpend: c.minimumSpend ? formatMoney(c.minimumSpend) : null,
      oncePerCustomer: c.oncePerCustomer === true,
    };
  },
});
