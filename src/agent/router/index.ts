// The intent router: picks the skill for each customer message, with Workers AI in production and the bundled model offline.
import { generateText, Output } from "ai";
import type { LanguageModel } from "ai";
import { createWorkersAI } from "workers-ai-provider";
import { z } from "zod";

import { bundledRouterModel, createOfflineClassifier } from "./offline.ts";
import type { RouteDecision, Turn } from "./offline.ts";
import type { ShopLexicon } from "./lexicon.ts";
import type { RouterModel } from "./model-file.ts";
import { skillDescriptions, skillIdSchema, skillIds } from "./skills.ts";
import type { SkillId } from "./skills.ts";

export type { RouteDecision, Turn } from "./offline.ts";
export type { SkillId } from "./skills.ts";
export type { ShopLexicon } from "./lexicon.ts";
export { buildShopLexicon } from "./lexicon.ts";
export { skillIdSchema, skillIds } from "./skills.ts";

export interface IntentRouter {
  /** `lexicon`: the shop's catalog and help-centre words (shopLexiconFor); without it only common product nouns are known. */
  classify(input: { text: string; history?: Turn[]; lexicon?: ShopLexicon | undefined }): Promise<{ skill: SkillId; confidence: number }>;
}

/** The Workers AI text model the production router asks. */
export const workersAiRouterModel = "@cf/meta/llama-3.1-8b-instruct";

/** The router that needs no network: the logistic-regression model committed as model.json. */
export function createOfflineRouter(model: RouterModel = bundledRouterModel()): IntentRouter {
  const classify = createOfflineClassifier(model);
  return {
    classify: async (input) => classify(input),
  };
}

/** What the language model must answer with. */
export const routeDecisionSchema = z.object({
  skill: skillIdSchema.describe("The one skill that should answer the latest customer message."),
  confidence: z.number().min(0).max(1).describe("How sure you are, from 0 to 1."),
});

export const routerInstructions = [
  "You route messages from shoppers in an online shop's support chat to exactly one skill.",
  "Skills:",
  ...skillIds.map((id) => `- ${id}: ${skillDescriptions[id]}`),
  "Rules:",
  "- Classify the LATEST customer message; earlier turns are context only.",
  '- A short follow-up with no topic of its own ("yes", "ok and the other one?", "#1042", "my email is a@b.com", "what about it") keeps the topic of the previous customer message.',
  "- A message with a clear new topic gets the new topic, even mid-conversation.",
  "- Asking for a person, agent, representative, manager or call back is handoff, whatever else the message mentions.",
  "- Changing or cancelling an order that has not shipped is order_editing; returning or exchanging something received is returns_exchanges.",
  "- Recurring deliveries (pause, skip, cancel a subscription) are subscriptions, not order_editing.",
  '- Reply with JSON only: {"skill": "<one of the skill ids>", "confidence": <number from 0 to 1>}.',
].join("\n");

const maxHistoryTurns = 10;
const maxCharsPerMessage = 1000;

const authorLabel = { customer: "Customer", ai: "AI agent", agent: "Human agent" } as const satisfies Record<Turn["author"], string>;

function clip(text: string): string {
  return text.length > maxCharsPerMessage ? `${text.slice(0, maxCharsPerMessage)}…` : text;
}

/** The conversation as the language model reads it: recent turns, then the message to route. */
export function routerPrompt(text: string, history: readonly Turn[] = []): string {
  const recent = history.slice(-maxHistoryTurns);
  const transcript = recent.map((turn) => `${authorLabel[turn.author]}: ${clip(turn.text)}`).join("\n");
  return [
    recent.length > 0 ? `Conversation so far:\n${transcript}\n` : "There are no earlier messages.\n",
    `Latest customer message:\n${clip(text)}`,
  ].join("\n");
}

export interface WorkersAiRouterOptions {
  /** Used when the model call fails or times out; defaults to the offline router. */
  readonly fallback?: IntentRouter;
  /** Give up on the model after this long (ms) and use the fallback. */
  readonly timeoutMs?: number;
  /** Told about every fallback, e.g. to log it. */
  readonly onFallback?: (error: unknown) => void;
}

/** Routes with a language model through the `ai` SDK (structured output); falls back to the offline router on any error. */
export function createWorkersAiRouter(model: LanguageModel, options: WorkersAiRouterOptions = {}): IntentRouter {
  let fallback = options.fallback;
  const timeoutMs = options.timeoutMs ?? 8000;
  return {
    async classify(input) {
      try {
        const { output } = await generateText({
          model,
          instructions: routerInstructions,
          prompt: routerPrompt(input.text, input.history),
          output: Output.object({ schema: routeDecisionSchema, name: "route" }),
          temperature: 0,
          maxRetries: 1,
          timeout: timeoutMs,
        });
        return { skill: output.skill, confidence: output.confidence };
      } catch (error) {
        options.onFallback?.(error);
        fallback ??= createOfflineRouter();
        return fallback.classify(input);
      }
    },
  };
}

/** The Workers AI binding (`Ai`), named through the provider so Node-side scripts that lack the workerd globals still typecheck. */
type WorkersAiBinding = Extract<Parameters<typeof createWorkersAI>[0], { binding: unknown }>["binding"];

/** The router for this deployment: Workers AI when the AI binding exists (production), the offline model otherwise. */
export function routerFor(env: { AI?: WorkersAiBinding }): IntentRouter {
  if (!env.AI) return createOfflineRouter();
  return createWorkersAiRouter(createWorkersAI({ binding: env.AI })(workersAiRouterModel));
}
