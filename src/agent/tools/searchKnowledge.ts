// Tool: full-text search of the shop's knowledge base (FTS5, bm25-ranked), with whether each passage really answers the question.
import { z } from "zod";
import { bestSentences, isRelevant } from "../../knowledge/retrieval.ts";
import { defineTool } from "./call.ts";

export interface KnowledgePassage {
  title: string;
  kind: string;
  /** The sentences of the article closest to the question. */
  excerpt: string;
  body: string;
  relevant: boolean;
}

export const searchKnowledge = defineTool({
  name: "searchKnowledge",
  description: "Search the shop's help-centre articles (policies, FAQ). Returns the best passages with their article titles; quote them and name the article.",
  input: z.object({
    query: z.string().min(1).max(500).describe("The shopper's question in their words"),
    kinds: z.array(z.string()).max(5).optional().describe("Only articles of these kinds, e.g. returns, order_editing, subscription, loyalty, coupon, faq, policy"),
  }),
  async run(ctx, input): Promise<{ passages: KnowledgePassage[] }> {
    const hits = await ctx.knowledge(input.query, { ...(input.kinds ? { kinds: input.kinds } : {}), limit: 3 });
    const passages = hits.map((h) => ({
      title: h.title,
      kind: h.kind,
      excerpt: bestSentences(input.query, h.body, 3).join(" "),
      body: h.body,
      relevant: isRelevant(input.query, h),
    }));
    return { passages };
  },
});
