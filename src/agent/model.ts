// The language model behind the agent: Workers AI in production (env.AI bound), none offline — then the skills answer from templates.
import type { LanguageModel } from "ai";
import { createWorkersAI } from "workers-ai-provider";

export const WORKERS_AI_MODEL = "@cf/meta/llama-3.1-8b-instruct";

export function modelFor(env: Pick<Env, "AI">): LanguageModel | undefined {
  if (!env.AI) return undefined;
  return createWorkersAI({ binding: env.AI })(WORKERS_AI_MODEL);
}
