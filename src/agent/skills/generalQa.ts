// Skill: general Q&A — answers from the shop's knowledge base, quoting and naming the article, and says so when nothing there answers.
import { callTool } from "../tools/call.ts";
import { searchKnowledge } from "../tools/searchKnowledge.ts";
import type { Skill } from "../types.ts";
import { answer, quote } from "./shared.ts";

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
    if (!best) return answer("unresolved", "I couldn't find anything about that in our help centre, so I don't want to guess.");
    return answer("resolved", quote(best), { sources: [best.title] });
  },
};
