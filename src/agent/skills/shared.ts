// What several skills share: quoting the knowledge base, finding the order a shopper means (logged in, or order number + email), and asking them to log in.
import { emailIn, isIdentificationOnly, latestMention, orderNumberIn } from "../orders.ts";
import { t, listOf, type MessageKey, type Vars } from "../i18n/index.ts";
import { callTool } from "../tools/call.ts";
import type { OrderFacts } from "../tools/facts.ts";
import { givenEmails, mentionedOrderNumber } from "../tools/identity.ts";
import { findOrders, orderStatus } from "../tools/orders.ts";
import { searchKnowledge, type KnowledgePassage } from "../tools/searchKnowledge.ts";
import type { AgentAnswer, SkillContext } from "../types.ts";
import { bestSentences } from "../../knowledge/retrieval.ts";

export function answer(outcome: AgentAnswer["outcome"], body: string, extra: Partial<Omit<AgentAnswer, "outcome" | "body">> = {}): AgentAnswer {
  return { ...extra, outcome, body: body.trim(), cards: extra.cards ?? [], sources: extra.sources ?? [] };
}

/**
 * What the shopper is asking about: their message, or, when it only identifies them ("1032, emma@example.com"),
 * the message before it that asked the question.
 */
export function askedText(ctx: Pick<SkillContext, "text" | "customerTexts">): string {
  if (!isIdentificationOnly(ctx.text)) return ctx.text;
  const earlier = ctx.customerTexts.slice(0, -1).filter((t) => !isIdentificationOnly(t)).at(-1);
  return earlier ? `${earlier} ${ctx.text}` : ctx.text;
}

/** A text of the catalogue in the turn's language. */
export function say(ctx: Pick<SkillContext, "language">, key: MessageKey, vars?: Vars): string {
  return t(ctx.language, key, vars);
}

export function list(ctx: Pick<SkillContext, "language">, items: readonly string[]): string {
  return listOf(ctx.language, items);
}

/** Sentences joined with one space, empty ones dropped. */
export function sentences(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p.trim() !== "").map((p) => p.trim()).join(" ");
}

/** The most relevant passage of these kinds, trying the shopper's words first and then the skill's own topic. */
export async function findPassage(ctx: SkillContext, kinds: readonly string[], topic: string): Promise<KnowledgePassage | null> {
  const asked = await callTool(ctx, searchKnowledge, { query: ctx.text, kinds: [...kinds] });
  const relevant = asked.passages.find((p) => p.relevant);
  if (relevant) return relevant;
  const onTopic = await callTool(ctx, searchKnowledge, { query: topic, kinds: [...kinds] });
  return onTopic.passages[0] ?? null;
}

/** The passage that best covers a topic the skill knows it needs (e.g. "damaged faulty wrong item"), or null. */
export async function passageOn(ctx: SkillContext, topic: string, kinds?: readonly string[]): Promise<KnowledgePassage | null> {
  const r = await callTool(ctx, searchKnowledge, { query: topic, ...(kinds ? { kinds: [...kinds] } : {}) });
  return r.passages.find((p) => p.relevant) ?? null;
}

/** The same passage narrowed to the sentences about `topic` (e.g. only the stacking rule of the discount-code article). */
export function focused(p: KnowledgePassage, topic: string, max = 1): KnowledgePassage {
  return { ...p, excerpt: bestSentences(topic, p.body, max).join(" ") };
}

/** Quotes an article and names it, so the team and the shopper can see where an answer came from. */
export function quote(ctx: Pick<SkillContext, "language">, p: KnowledgePassage): string {
  return say(ctx, "quote", { title: p.title, excerpt: p.excerpt });
}

export function withQuote(ctx: Pick<SkillContext, "language">, body: string, p: KnowledgePassage | null, where: "before" | "after" = "after"): { body: string; sources: string[] } {
  if (!p) return { body, sources: [] };
  const q = quote(ctx, p);
  if (!body) return { body: q, sources: [p.title] };
  return { body: where === "before" ? `${q}\n\n${body}` : `${body}\n\n${q}`, sources: [p.title] };
}

/** A question about the shopper's own account ("how many points do I have?") rather than about the programme or policy. */
export function isAboutOwnAccount(text: string): boolean {
  return /\b(my|mine|balance|how many|do i have|have i got|i have|i've got|i'm subscribed|am i|mis|mes|meine|miei|meus|mijn)\b/i.test(text);
}

/** Asks a shopper who isn't logged in to log in (web chat); elsewhere the turn hands the conversation to the team. */
export function needsLogin(ctx: SkillContext, what: MessageKey, publicPart: { body: string; sources: string[] } = { body: "", sources: [] }): AgentAnswer {
  const ask = ctx.channel === "webchat" ? say(ctx, "login.ask", { what: say(ctx, what) }) : "";
  return answer("needs_login", [publicPart.body, ask].filter(Boolean).join("\n\n"), { sources: publicPart.sources });
}

export type OrderLookup = { kind: "order"; order: OrderFacts; others: OrderFacts[] } | { kind: "stop"; answer: AgentAnswer };

function askForOrder(ctx: SkillContext, number: string | null, email: string | null): AgentAnswer {
  if (number && !email) return answer("asked", say(ctx, "order.askEmail", { number }));
  if (!number && email) return answer("asked", say(ctx, "order.askNumber"));
  return answer("asked", say(ctx, "order.askBoth", { login: ctx.channel === "webchat" ? say(ctx, "order.askBoth.login") : "" }));
}

/** Whether an earlier message already gave enough to look an order up (so this is at least the second try). */
function triedBefore(ctx: SkillContext): boolean {
  const earlier = ctx.customerTexts.slice(0, -1);
  const emailOnFile = Boolean(ctx.verifiedEmail) || (ctx.channel === "email" && Boolean(ctx.shopper.email));
  return earlier.some((text, i) => {
    if (orderNumberIn(text) === null && emailIn(text) === null) return false;
    const upTo = earlier.slice(0, i + 1);
    return latestMention(upTo, orderNumberIn) !== null && (emailOnFile || latestMention(upTo, emailIn) !== null);
  });
}

function notFound(ctx: SkillContext, number: string, email: string): AgentAnswer {
  if (triedBefore(ctx)) return answer("unresolved", say(ctx, "order.notFoundAgain", { number, email }));
  return answer("asked", say(ctx, "order.notFound", { number, email }));
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
    if (!r.current) return { kind: "stop", answer: answer("unresolved", say(ctx, "order.noOrders", { email: ctx.verifiedEmail })) };
    if (!opts.allowMostRecent && r.orders.length > 1) {
      const items = r.orders.slice(0, 3).map((o) => say(ctx, "order.item", { order: o.name, status: o.statusLabel }));
      return { kind: "stop", answer: answer("asked", say(ctx, "order.which", { list: list(ctx, items) })) };
    }
    return { kind: "order", order: r.current, others: r.orders.filter((o) => o.id !== r.current?.id) };
  }
  const email = givenEmails(ctx)[0] ?? null;
  if (!number || !email) return { kind: "stop", answer: askForOrder(ctx, number, email) };
  const r = await callTool(ctx, orderStatus, { orderNumber: number, email });
  return r.order ? { kind: "order", order: r.order, others: [] } : { kind: "stop", answer: notFound(ctx, number, email) };
}
