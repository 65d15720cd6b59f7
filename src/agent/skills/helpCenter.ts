// A topic the shop hasn't connected an integration for (no returns provider, say) answered from its help center, when the help center covers it.
import { coverage, sentencesOf } from "../../knowledge/retrieval.ts";
import { callTool } from "../tools/call.ts";
import { searchKnowledge } from "../tools/searchKnowledge.ts";
import type { AgentAnswer, Skill, SkillContext } from "../types.ts";
import { answer, findPassage, quote } from "./shared.ts";

/** The skill's own kind of article (the returns policy for returns), else a passage sharing at least two of the shopper's words; unresolved when neither. */
export async function helpCenterAnswer(ctx: SkillContext, skill: Skill | undefined): Promise<AgentAnswer> {
  const kinds = (skill?.prerequisites ?? []).flatMap((p) => (p.type === "content" && p.kinds !== "*" ? [...p.kinds] : []));
  if (kinds.length > 0) {
    const own = await findPassage(ctx, kinds, skill?.name ?? ctx.text);
    // The shop's policy on the topic, from its start: the conditions usually follow the first sentence.
    if (own) return answer("resolved", quote(ctx, { ...own, excerpt: sentencesOf(own.body).slice(0, 3).join(" ") }), { sources: [own.title] });
  }
  const r = await callTool(ctx, searchKnowledge, { query: ctx.text });
  const best = r.passages.find((p) => p.relevant && coverage(ctx.text, p).matched.length >= 2);
  if (!best) return answer("unresolved", "");
  return answer("resolved", quote(ctx, best), { sources: [best.title] });
}
