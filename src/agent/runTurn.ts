// One turn of the AI customer agent in the Worker: the shop's providers from the account's connected integrations and its knowledge base from D1 (the turn itself is src/agent/turn.ts).
import { accountProviders, slotsOf } from "../accounts/integrations.ts";
import { contentKinds, searchArticles } from "../knowledge/service.ts";
import type { Providers } from "../integrations/registry.ts";
import { shopLexiconFor } from "./shopLexicon.ts";
import { runTurnWith, type AgentTurnInput, type AgentTurnResult } from "./turn.ts";

export { runTurnWith } from "./turn.ts";
export type { AgentTurnInput, AgentTurnResult, TurnSources } from "./turn.ts";

/** The turn in the Worker: providers from the account's integrations, the knowledge base from D1. */
export function runAgentTurn(env: Env, input: AgentTurnInput): Promise<AgentTurnResult> {
  const now = input.now ?? Date.now();
  let connected: Promise<{ providers: Providers; slots: ReadonlySet<string> }> | undefined;
  return runTurnWith(
    {
      providers: () =>
        (connected ??= accountProviders(env, input.accountId, { now: () => now, ...input.integrations }).then((providers) => ({ providers, slots: slotsOf(providers) }))),
      contentKinds: () => contentKinds(env, input.accountId),
      knowledge: (query, opts) => searchArticles(env, input.accountId, query, { limit: opts.limit ?? 3, kinds: opts.kinds }),
      // The router reads the shop's catalog and help-centre words (kept per account for a few minutes).
      lexicon: () => shopLexiconFor(env, input.accountId, { integrations: input.integrations }),
    },
    input,
  );
}
