// Agent test helpers: a keyword intent router standing in for the real one, a shop with the demo store and its knowledge base, and one agent turn.
import { env } from "cloudflare:workers";
import type { LanguageModel } from "ai";
import { demoKnowledgeBase } from "../../src/integrations/demo-store/index.ts";
import { runAgentTurn, type AgentTurnInput, type AgentTurnResult } from "../../src/agent/runTurn.ts";
import type { IntentRouter, SkillId } from "../../src/agent/router/index.ts";
import type { AgentChannel, HistoryEntry, ShopperProfile } from "../../src/agent/types.ts";
import { call, signup, unique, type TestAccount } from "../helpers.ts";

const rules: [RegExp, SkillId][] = [
  [/\b(human|real person|someone from (your|the) team|talk to (an? )?(agent|person|someone)|representative)\b/i, "handoff"],
  [/\b(cancel|change|edit|modify|remove)\b.*\border\b|\border\b.*\b(cancel|change|edit|modify)\b/i, "order_editing"],
  [/\b(return|exchange|refund)/i, "returns_exchanges"],
  [/\b(subscription|subscribed|coffee club|sock club|next (delivery|charge))\b/i, "subscriptions"],
  [/\b(points?|rewards?|loyalty|tier)\b/i, "loyalty"],
  [/\b(discount|coupon|promo|code)s?\b/i, "coupons_discounts"],
  [/\b(where is|track|tracking|shipped|arrive|status of)\b|\border #?\d+/i, "order_tracking"],
  [/\b(recommend|looking for|suggest|do you (sell|have))\b/i, "product_recommendations"],
  [/^\s*(hi|hello|hey|thanks|thank you|bye)\b/i, "other"],
];

/** Keyword rules, confident when one matches; a question that matches none goes to Q&A, anything else is unclear. */
export const keywordRouter: IntentRouter = {
  async classify({ text }) {
    for (const [re, skill] of rules) if (re.test(text)) return { skill, confidence: 0.9 };
    if (/\?\s*$/.test(text) || text.split(/\s+/).length >= 4) return { skill: "general_qa", confidence: 0.75 };
    return { skill: "other", confidence: 0.3 };
  },
};

/** A router that always answers the same, to drive a path directly. */
export function fixedRouter(skill: SkillId, confidence = 0.9): IntentRouter {
  return { classify: async () => ({ skill, confidence }) };
}

/** A new account with the demo store connected and the demo knowledge base loaded, through the public API. */
export async function demoShop(opts: { store?: boolean; knowledge?: boolean } = {}): Promise<TestAccount> {
  const shop = await signup(unique("northwind"));
  if (opts.store !== false) {
    const res = await call("PUT", "/api/integrations/demo", { token: shop.token, body: {} });
    if (res.status !== 200) throw new Error(`connect demo failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  if (opts.knowledge !== false) {
    for (const article of demoKnowledgeBase) {
      const res = await call("POST", "/api/knowledge", { token: shop.token, body: article });
      if (res.status !== 201) throw new Error(`add article failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  return shop;
}

export const anonymous: ShopperProfile = { loggedIn: false };
export const sam: ShopperProfile = { id: "prof_sam", email: "shopper@example.com", name: "Sam Shopper", loggedIn: true };
export const alex: ShopperProfile = { id: "prof_alex", email: "alex@example.com", name: "Alex Rivera", loggedIn: true };

export interface TurnOptions {
  channel?: AgentChannel;
  profile?: ShopperProfile;
  history?: HistoryEntry[];
  router?: IntentRouter;
  model?: LanguageModel;
  modelTimeoutMs?: number;
  handoffMessage?: string;
  ticketId?: string;
}

export function turn(shop: { accountId: string }, text: string, opts: TurnOptions = {}): Promise<AgentTurnResult> {
  const input: AgentTurnInput = {
    accountId: shop.accountId,
    ticketId: opts.ticketId ?? unique("tkt"),
    channel: opts.channel ?? "webchat",
    text,
    history: opts.history ?? [],
    profile: opts.profile ?? anonymous,
    router: opts.router ?? keywordRouter,
    model: opts.model,
    modelTimeoutMs: opts.modelTimeoutMs,
    handoffMessage: opts.handoffMessage,
  };
  return runAgentTurn(env, input);
}

/** A conversation so far: alternating shopper and agent messages a minute apart. */
export function history(...texts: [author: HistoryEntry["author"], text: string][]): HistoryEntry[] {
  const start = Date.now() - texts.length * 60_000;
  return texts.map(([author, text], i) => ({ author, text, at: start + i * 60_000 }));
}

export function allText(result: AgentTurnResult): string {
  return result.replies.map((r) => r.body).join("\n");
}

export function cardsOf(result: AgentTurnResult) {
  return result.replies.flatMap((r) => r.cards);
}

/** A small stand-in for the helpdesk's API: records each request and answers with a scripted status. */
export function fakeHelpdesk(status: number, json: unknown) {
  const requests: { url: string; method: string; authorization: string | null; body: unknown }[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    requests.push({ url: req.url, method: req.method, authorization: req.headers.get("authorization"), body: await req.json() });
    return Response.json(json, { status });
  };
  return { requests, fetch: fetchFn };
}
