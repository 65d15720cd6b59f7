// Demo data for the AI agent (dev seed): the demo store connected and its help-centre articles in the knowledge base, so every skill is Live. Idempotent.
import { connectIntegration } from "../accounts/integrations.ts";
import { demoKnowledgeBase } from "../integrations/demo-store/index.ts";
import { articleTitles, createArticle } from "../knowledge/service.ts";
import { knowledgeKindSchema } from "../schemas/agent.ts";

export async function seedDemoAgentData(env: Env, accountId: string, now = Date.now()): Promise<{ articlesAdded: number }> {
  await connectIntegration(env, accountId, "demo", {}, now);
  const existing = await articleTitles(env, accountId);
  let articlesAdded = 0;
  for (const [i, article] of demoKnowledgeBase.entries()) {
    if (existing.has(article.title)) continue;
    // Spaced by a millisecond so the knowledge base lists them in their seed order.
    await createArticle(env, accountId, { title: article.title, body: article.body, kind: knowledgeKindSchema.parse(article.kind) }, now + i);
    articlesAdded++;
  }
  return { articlesAdded };
}
