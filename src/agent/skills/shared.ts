// What several skills share: quoting the knowledge base, finding the order a shopper means (logged in, or order number + email), and asking them to log in.
import { emailIn, latestMention, orderNumberIn } from "../orders.ts";
import { callTool } from "../tools/call.ts";
import type { OrderFacts } from "../tools/facts.ts";
import { givenEmails, mentionedOrderNumber } from "../tools/identity.ts";
import { findOrders, orderStatus } from "../tools/orders.ts";
import { searchKnowledge, type KnowledgePassage } from "../tools/searchKnowledge.ts";
import type { AgentAnswer, SkillContext } from "../types.ts";

export function answer(outcome: AgentAnswer["outcome"], body: string, extra: Partial<Pick<AgentAnswer, "cards" | "sources">> = {}): AgentAnswer {
  return { outcome, body: body.trim(), cards: extra.cards ?? [], sources: extra.sources ?? [] };
}

/** The most relevant passage of these kinds, trying the shopper's words first and then the skill's own topic. */
export async function findPassage(ctx: SkillContext, kinds: readonly string[], topic: string): Promise<KnowledgePassage | null> {
  const asked = await callTool(ctx, searchKnowledge, { query: ctx.text, kinds: [...kinds] });
  const relevant = asked.passages.find((p) => p.relevant);
  if (relevant) return relevant;
  const onTopic = await callTool(ctx, searchKnowledge, { query: topic, kinds: [...kinds] });
  return onTopic.passages[0] ?? null;
}

/** Quotes an article and names it, so the team and the shopper can see where an answer came from. */
export function quote(p: KnowledgePassage): string {
  return `Our “${p.title}” article says: ${p.excerpt}`;
}

export function withQuote(body: string, p: KnowledgePassage | null, where: "before" | "after" = "after"): { body: string; sources: string[] } {
  if (!p) return { body, sources: [] };
  return { body: where === "before" ? `${quote(p)}\n\n${body}` : `${body}\n\n${quote(p)}`, sources: [p.title] };
}

/** A question about the shopper's own account ("how many points do I have?") rather than about the programme or policy. */
export function isAboutOwnAccount(text: string): boolean {
  return /\b(my|mine|balance|how many|do i have|have i got|i have|i've got|i'm subscribed|am i)\b/i.test(text);
}

/** Asks a shopper who isn't logged in to log in (web chat); elsewhere the turn hands the conversation to the team. */
export function needsLogin(ctx: SkillContext, what: string, publicPart: { body: string; sources: string[] } = { body: "", sources: [] }): AgentAnswer {
  const ask = ctx.channel === "webchat" ? `To see ${what}, please log in to your account and ask me again.` : "";
  return answer("needs_login", [publicPart.body, ask].filter(Boolean).join("\n\n"), { sources: publicPart.sources });
}

export type OrderLookup = { kind: "order"; order: OrderFacts; others: OrderFacts[] } | { kind: "stop"; answer: AgentAnswer };

function askForOrder(ctx: SkillContext, number: string | null, email: string | null): AgentAnswer {
  if (number && !email) return answer("asked", `Thanks! What's the email address you used for order #${number}?`);
  if (!number && email) return answer("asked", "Thanks! What's the order number? You'll find it in your order confirmation email (for example #1001).");
  const login = ctx.channel === "webchat" ? "please log in, or " : "";
  return answer("asked", `I can look that up for you: ${login}tell me your order number and the email address you used for the order.`);
}

/** Whether an earlier message already gave enough to look an order up (so this is at least the second try). */
function triedBefore(ctx: SkillContext): boolean {
  const earlier = ctx.customerTexts.slice(0, -1);
  const emailOnFile = Boolean(ctx.verifiedEmail) || (ctx.channel === "email" && Boolean(ctx.shopper.email));
  return earlier.some((t, i) => {
    if (orderNumberIn(t) === null && emailIn(t) === null) return false;
    const upTo = earlier.slice(0, i + 1);
    return latestMention(upTo, orderNumberIn) !== null && (emailOnFile || latestMention(upTo, emailIn) !== null);
  });
}

function notFound(ctx: SkillContext, number: string, email: string): AgentAnswer {
  if (triedBefore(ctx)) {
    return answer("unresolved", `I still can't find order #${number} for ${email}, so it's best that someone from our team looks into it.`);
  }
  return answer("asked", `I couldn't find order #${number} for ${email}. Could you double-check the order number and the email address you used?`);
}

/**
 * The order the shopper means: by number (theirs when logged in; otherwise only when the email they wrote is the order's),
 * or a logged-in shopper's current order. Anything else asks for what's missing or gives up after one retry.
 */
export async function lookUpOrder(ctx: SkillContext, opts: { allowMostRecent: boolean }): Promise<OrderLookup> {
  const number = mentionedOrderNumber(ctx);
  if (ctx.verifiedEmail) {
    if (number) {
      const r = await callTool(ctx, orderStatus, { orderNumber: number });
      return r.order ? { kind: "order", order: r.order, others: [] } : { kind: "stop", answer: notFound(ctx, number, ctx.verifiedEmail) };
    }
    const r = await callTool(ctx, findOrders, {});
    if (!r.current) return { kind: "stop", answer: answer("unresolved", `I couldn't find any orders for ${ctx.verifiedEmail}.`) };
    if (!opts.allowMostRecent && r.orders.length > 1) {
      const list = r.orders.slice(0, 3).map((o) => `${o.name} (${o.statusLabel.toLowerCase()})`).join(", ");
      return { kind: "stop", answer: answer("asked", `Which order is it about? Your most recent orders are ${list}.`) };
    }
    return { kind: "order", order: r.current, others: r.orders.filter((o) => o.id !== r.current?.id) };
  }
  const email = givenEmails(ctx)[0] ?? null;
  if (!number || !email) return { kind: "stop", answer: askForOrder(ctx, number, email) };
  const r = await callTool(ctx, orderStatus, { orderNumber: number, email });
  return r.order ? { kind: "order", order: r.order, others: [] } : { kind: "stop", answer: notFound(ctx, number, email) };
}
