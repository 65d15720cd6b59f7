// The model path: the language model writes the reply with the skill's tools and a guardrail prompt; a reply with any fact the tools didn't return is dropped for the template.
import { generateText, isStepCount, tool, type LanguageModel, type ModelMessage, type ToolSet } from "ai";
import type { Lang } from "./i18n/index.ts";
import { ungroundedFacts } from "./rules.ts";
import { callTool } from "./tools/call.ts";
import { agentTools } from "./tools/index.ts";
import type { AgentAnswer, AgentTool, Skill, SkillContext } from "./types.ts";

const languageNames: Record<Lang, string> = { en: "English", es: "Spanish", fr: "French", de: "German", it: "Italian", pt: "Portuguese", nl: "Dutch" };

/** Tool calls per reply: enough to look something up and check a second thing, bounded for latency. */
const MAX_STEPS = 4;

/** Tools that change something for the shopper: only the skill calls them, after the shopper confirmed in the chat. */
const actionTools = new Set<string>(["changeSubscription"]);

function toolSet(ctx: SkillContext, names: readonly string[]): ToolSet {
  const set: ToolSet = {};
  for (const name of names) {
    if (!Object.hasOwn(agentTools, name) || actionTools.has(name)) continue;
    const t: AgentTool = agentTools[name as keyof typeof agentTools];
    set[name] = tool({
      description: t.description,
      inputSchema: t.input,
      execute: async (input: unknown) => {
        try {
          return await callTool(ctx, t, input);
        } catch {
          // The model sees a failure it must not paper over; the template path reports it to the shopper.
          return { error: "The store's system could not be reached. Do not guess; offer to connect the shopper with the team." };
        }
      },
    });
  }
  return set;
}

function conversation(ctx: SkillContext): ModelMessage[] {
  const messages: ModelMessage[] = [];
  for (const h of ctx.history.slice(-10)) {
    if (h.author === "customer") messages.push({ role: "user", content: h.text });
    else if (h.author === "ai") messages.push({ role: "assistant", content: h.text });
    else if (h.author === "agent") messages.push({ role: "assistant", content: `(A member of the team wrote:) ${h.text}` });
  }
  const last = ctx.history.at(-1);
  if (!(last?.author === "customer" && last.text === ctx.text)) messages.push({ role: "user", content: ctx.text });
  return messages;
}

function evidenceOf(ctx: SkillContext): unknown[] {
  return ctx.ledger.filter((c) => c.ok).map((c) => ({ tool: c.tool, input: c.input, result: c.output }));
}

export function guardrails(ctx: SkillContext, skill: Skill, draft: AgentAnswer): string {
  const shopper = ctx.verifiedEmail
    ? `The shopper is logged in${ctx.shopper.name ? ` as ${ctx.shopper.name}` : ""} (${ctx.verifiedEmail}).`
    : "The shopper is not logged in: only show order details the tools return for the order number and email they wrote themselves.";
  const length = ctx.channel === "sms" ? "at most 2 short sentences (under 300 characters)" : "at most 3 short sentences";
  return [
    `You are the customer-service assistant of an online shop, answering a shopper by ${ctx.channel === "webchat" ? "web chat" : ctx.channel}.`,
    `Topic: ${skill.name}. ${skill.howToRespond}`,
    "Rules:",
    "- Use only facts from the tool results below, from tools you call now, and from the shopper's own messages.",
    "- Never invent or guess orders, order numbers, prices, dates, tracking numbers, discount codes, points or policies.",
    "- When you use a help-centre article, name it in quotes, e.g. Our “Returns policy” article says …",
    "- If the facts don't answer the question, say you don't know and offer to connect the shopper with the team.",
    "- You cannot change, cancel or refund anything yourself. Say a change was made only when the correct answer below says so.",
    "- Never ask for passwords or payment card details.",
    `- Reply in plain text, ${length}, in ${languageNames[ctx.language]}. Cards with links are shown with your reply, so don't paste URLs.`,
    shopper,
    `Tool results so far (JSON): ${JSON.stringify(evidenceOf(ctx))}`,
    `A correct answer written from those results, to improve on: ${JSON.stringify(draft.body)}`,
  ].join("\n");
}

/**
 * Lets the model phrase a resolved answer. Guardrails in code, not only in the prompt: the login, verification and
 * handoff decisions, the cards and the sources stay the template's; the model's text is used only when every
 * number and code in it appears in the tool results, passages or the shopper's words.
 */
export async function answerWithModel(ctx: SkillContext, skill: Skill, draft: AgentAnswer, model: LanguageModel): Promise<AgentAnswer> {
  try {
    const result = await generateText({
      model,
      instructions: guardrails(ctx, skill, draft),
      messages: conversation(ctx),
      tools: toolSet(ctx, skill.tools),
      stopWhen: isStepCount(MAX_STEPS),
      temperature: 0.2,
      maxOutputTokens: 400,
      maxRetries: 1,
    });
    const text = result.text.trim();
    if (!text) return draft;
    const evidence = [JSON.stringify(evidenceOf(ctx)), draft.body, ...ctx.customerTexts];
    const ungrounded = ungroundedFacts(text, evidence);
    if (ungrounded.length > 0) {
      console.warn(`agent: model reply dropped for ungrounded facts ${ungrounded.join(", ")}`);
      return draft;
    }
    return { ...draft, body: text };
  } catch (err) {
    console.warn("agent: model failed, answering from the template", err);
    return draft;
  }
}
