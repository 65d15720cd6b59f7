// Who the shopper is, for tools: a logged-in email, or an email they wrote themselves (order number + email verifies one order).
import { emailIn, latestMention, orderNumberIn } from "../orders.ts";
import type { ToolContext } from "../types.ts";

/** Emails the shopper gave in this conversation, newest first; on email the sender's address counts as given. */
export function givenEmails(ctx: Pick<ToolContext, "customerTexts" | "channel" | "shopper">): string[] {
  const out: string[] = [];
  for (let i = ctx.customerTexts.length - 1; i >= 0; i--) {
    const e = emailIn(ctx.customerTexts[i] ?? "");
    if (e && !out.includes(e)) out.push(e);
  }
  const sender = ctx.channel === "email" ? ctx.shopper.email?.toLowerCase() : undefined;
  if (sender && !out.includes(sender)) out.push(sender);
  return out;
}

/**
 * The email an order lookup may use: the logged-in one, else one the shopper wrote (never one a model made up).
 * The store only returns an order whose email matches, which is what verifies a shopper who isn't logged in.
 */
export function lookupEmail(ctx: Pick<ToolContext, "customerTexts" | "channel" | "shopper" | "verifiedEmail">, requested?: string): string | undefined {
  if (ctx.verifiedEmail) return ctx.verifiedEmail;
  const given = givenEmails(ctx);
  const wanted = requested?.trim().toLowerCase();
  if (wanted && given.includes(wanted)) return wanted;
  return given[0];
}

export function mentionedOrderNumber(ctx: Pick<ToolContext, "customerTexts">): string | null {
  return latestMention(ctx.customerTexts, orderNumberIn);
}
