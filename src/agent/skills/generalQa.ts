// Skill: general Q&A — answers from the shop's knowledge base, quoting and naming the article; says so when nothing there answers (and offers a person), and declines questions that aren't about the shop.
import { callTool } from "../tools/call.ts";
import { searchKnowledge } from "../tools/searchKnowledge.ts";
import type { Skill } from "../types.ts";
import { isAboutTheShop } from "../escalation.ts";
import { asksSizing } from "./intents.ts";
import { answer, focused, quote, say } from "./shared.ts";

export const generalQa: Skill = {
  id: "general_qa",
  name: "General Q&A",
  overview: "Answers questions about the shop — shipping, payment, sizing, care, warranty, contact details and other policies — from the shop's knowledge base, naming the article it quotes.",
  whenToUse: "The shopper asks a general question about the shop or its policies that isn't about one of their own orders, returns, subscriptions, points or discount codes.",
  howToRespond:
    "Search the knowledge base and answer only from the passages found, naming the article. If nothing relevant is found, say so and offer to connect the shopper with the team. Never answer from general knowledge.",
  tools: ["searchKnowledge"],
  needsLogin: false,
  prerequisites: [{ type: "content", kinds: "*", missing: "Add FAQ or help-centre articles to the knowledge base" }],
  async answer(ctx) {
    const r = await callTool(ctx, searchKnowledge, { query: ctx.text });
    const best = r.passages.find((p) => p.relevant);
    // Size charts: the measurements ("M fits 38–40 in") rarely share a word with the question.
    if (best) return answer("resolved", quote(ctx, asksSizing(ctx.text) ? focused(best, `${ctx.text} fits size`, 3) : best), { sources: [best.title] });
    if (!isAboutTheShop(ctx.text)) return answer("unresolved", say(ctx, "fallback.offTopic"), { why: "off_topic" });
    return answer("unresolved", say(ctx, "fallback.notFound"), { why: "not_found" });
  },
};
