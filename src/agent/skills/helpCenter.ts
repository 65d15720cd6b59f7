// A question answered from the shop's help center alone: a topic the shop hasn't connected an integration for (no returns provider, say), or a message the router isn't sure about that an article clearly covers.
import { coverage, sentencesOf } from "../../knowledge/retrieval.ts";
import { callTool } from "../tools/call.ts";
import { searchKnowledge } from "../tools/searchKnowledge.ts";
import type { AgentAnswer, Skill, SkillContext } from "../types.ts";
import { answer, findPassage, quote } from "./shared.ts";

/** The question's own words: emails and numbers identify the shopper, they say nothing about the topic. */
function topicWords(text: string): string {
  return text.replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, " ").replace(/#?\d+/g, " ");
}

/**
 * With a skill: its own kind of article (the returns policy for returns), else a passage sharing at least two of the
 * shopper's words. Without one (the router wasn't sure): only a passage covering at least two words and half of the question.
 */
export async function helpCenterAnswer(ctx: SkillContext, skill: Skill | undefined): Promise<AgentAnswer> {
  const kinds = (skill?.prerequisites ?? []).flatMap((p) => (p.type === "content" && p.kinds !== "*" ? [...p.kinds] : []));
  if (kinds.length > 0) {
    const own = await findPassage(ctx, kinds, skill?.name ?? ctx.text);
    // The shop's policy on the topic, from its start: the conditions usually follow the first sentence.
    if (own) return answer("resolved", quote(ctx, { ...own, excerpt: sentencesOf(own.body).slice(0, 3).join(" ") }), { sources: [own.title] });
  }
  const question = topicWords(ctx.text).trim();
  if (!question) return answer("unresolved", "");
  const r = await callTool(ctx, searchKnowledge, { query: question });
  const best = r.passages.find((p) => {
    const c = coverage(question, p);
    return p.relevant && c.matched.length >= 2 && (skill !== undefined || c.share >= 0.5);
  });
  if (!best) return answer("unresolved", "");
  return answer("resolved", quote(ctx, best), { sources: [best.title] });
}
