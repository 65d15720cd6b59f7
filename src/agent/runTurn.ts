// One turn of the AI customer agent: route the shopper's message to a skill, answer it (templates, or the model when there is one), decide the handoff and render per channel.
import type { LanguageModel } from "ai";
import { accountProviders, slotsOf } from "../accounts/integrations.ts";
import { handoffAfter, handoffModeFor, LOW_CONFIDENCE, smalltalkReply, turnPath, type HandoffMode } from "./rules.ts";
import { emailIn, isIdentificationOnly, latestMention } from "./orders.ts";
import { skillStatus } from "./skillStatus.ts";
import type { Providers, ProvidersForOptions } from "../integrations/registry.ts";
import { contentKinds, searchArticles } from "../knowledge/service.ts";
import { handoffOfferCard } from "./cards.ts";
import { answerWithModel } from "./compose.ts";
import { renderReply, type Reply } from "./render.ts";
import type { IntentRouter, SkillId, Turn } from "./router/index.ts";
import { shopLexiconFor } from "./shopLexicon.ts";
import { skillFor } from "./skills/index.ts";
import { conversationLanguage, type Lang } from "./language.ts";
import type { AgentAnswer, AgentChannel, HistoryEntry, ShopperProfile, SkillContext } from "./types.ts";

export interface AgentTurnInput {
  accountId: string;
  ticketId: string;
  channel: AgentChannel;
  /** The shopper's new message. */
  text: string;
  /** The conversation before this message, oldest first. */
  history: HistoryEntry[];
  profile: ShopperProfile;
  router: IntentRouter;
  model?: LanguageModel | undefined;
  /** How long the model may take to write an answer before the offline one is used (ms). */
  modelTimeoutMs?: number | undefined;
  /** Set when the shop's handoff method is "Send a message": shown instead of offering a human (docs/product.md §4). */
  handoffMessage?: string | undefined;
  now?: number | undefined;
  /** Adapter options (a fetch for fake servers, a shared demo store) — tests and the dev seed. */
  integrations?: ProvidersForOptions | undefined;
}

/** One plain shape (it crosses the ticket actor's RPC boundary). */
export interface AgentTurnResult {
  skill: string;
  confidence: number;
  replies: { body: string; cards: Reply["cards"] }[];
  handoff: HandoffMode;
  resolved: boolean;
  /** The shopper's language, as detected for this turn. */
  language?: Lang;
}

const answering = new Set<string>(["order_tracking", "order_editing", "returns_exchanges", "subscriptions", "loyalty", "coupons_discounts", "product_recommendations", "general_qa"]);

function routerHistory(history: readonly HistoryEntry[]): Turn[] {
  return history.filter((h): h is HistoryEntry & { author: Turn["author"] } => h.author !== "system").map((h) => ({ author: h.author, text: h.text }));
}

/**
 * "1042, sam@example.com" answers the agent's question and says nothing about intent on its own:
 * such a message keeps the skill of the shopper's last message that had one.
 */
async function classify(env: Env, input: AgentTurnInput): Promise<{ skill: SkillId; confidence: number }> {
  const history = routerHistory(input.history);
  const lexicon = await shopLexiconFor(env, input.accountId, { integrations: input.integrations });
  if (isIdentificationOnly(input.text)) {
    const earlier = history
      .map((h, i) => ({ h, i }))
      .filter(({ h }) => h.author === "customer" && !isIdentificationOnly(h.text))
      .slice(-3)
      .reverse();
    for (const { h, i } of earlier) {
      const previous = await input.router.classify({ text: h.text, history: history.slice(0, i), lexicon });
      if (answering.has(previous.skill) && previous.confidence >= LOW_CONFIDENCE) return previous;
    }
  }
  return input.router.classify({ text: input.text, history, lexicon });
}

type HandoffWhy = "asked_for_human" | "low_confidence" | "skill_unavailable" | "unresolved";

function offerText(channel: AgentChannel, mode: HandoffMode, why: HandoffWhy): string {
  if (mode === "now") {
    const how = channel === "sms" || channel === "whatsapp" ? "reply to you here" : channel === "email" ? "reply to your email" : "get back to you here";
    const lead = why === "asked_for_human" ? "Sure — I've" : "I've";
    return `${lead} passed your message to our team, and someone will ${how} as soon as possible.`;
  }
  const email = mode === "ask_email" ? " Tap the button below and leave your email address so they can get back to you." : "";
  switch (why) {
    case "asked_for_human":
      return `Of course — I can connect you with someone from our team.${email}`;
    case "low_confidence":
      return `I'm not sure I understood. Could you rephrase that, or would you like me to connect you with someone from our team?${email}`;
    case "skill_unavailable":
      return `I'm not able to help with that here yet. Would you like me to connect you with someone from our team?${email}`;
    case "unresolved":
      return `Would you like me to connect you with someone from our team?${email}`;
  }
}

interface Composed {
  replies: Reply[];
  handoff: HandoffMode;
}

/** The answer, then the handoff in a message of its own (with the offer card on web chat). */
function withHandoff(input: AgentTurnInput, body: string, cards: Reply["cards"], mode: HandoffMode, why: HandoffWhy): Composed {
  const answerReply: Reply[] = body ? [{ body, cards }] : [];
  if (mode === "none") return { replies: answerReply, handoff: "none" };
  if (input.handoffMessage) return { replies: [...answerReply, { body: input.handoffMessage, cards: [] }], handoff: "none" };
  const text = offerText(input.channel, mode, why);
  // Its own message, so shortening the answer for SMS can never cut the handoff off.
  if (mode === "now") return { replies: [...answerReply, { body: text, cards: [] }], handoff: "now" };
  const card = handoffOfferCard({ emailRequired: mode === "ask_email", email: input.profile.email });
  return { replies: [...answerReply, { body: text, cards: [card] }], handoff: mode };
}

async function answerWithSkill(ctx: SkillContext, skillId: string): Promise<AgentAnswer> {
  const skill = skillFor(skillId);
  if (!skill) return { outcome: "unresolved", body: "", cards: [], sources: [] };
  let draft: AgentAnswer;
  try {
    draft = await skill.answer(ctx);
  } catch (err) {
    console.error(`agent: ${skillId} failed`, err);
    return { outcome: "unresolved", body: "I couldn't reach our store's systems just now, so I can't check that for you.", cards: [], sources: [] };
  }
  if (ctx.model) return answerWithModel(ctx, skill, draft, ctx.model);
  return draft;
}

export async function runAgentTurn(env: Env, input: AgentTurnInput): Promise<AgentTurnResult> {
  const now = input.now ?? Date.now();
  const route = await classify(env, input);
  // For the handoff only: an email the shopper already wrote is not asked for again (it is no proof of who they are).
  const customerTexts = [...input.history.filter((h) => h.author === "customer").map((h) => h.text), input.text];
  const written = latestMention(customerTexts, emailIn) ?? undefined;
  const shopper = { loggedIn: input.profile.loggedIn, email: input.profile.email ?? written };
  const language = conversationLanguage(customerTexts);

  let composed: Composed;
  let resolved = false;
  const skill = skillFor(route.skill);
  let live = false;
  let providers: Providers = {};
  if (skill && route.confidence >= LOW_CONFIDENCE) {
    providers = await accountProviders(env, input.accountId, { now: () => now, ...input.integrations });
    live = skillStatus(skill, { slots: slotsOf(providers), contentKinds: await contentKinds(env, input.accountId) }).status === "live";
  }
  const path = turnPath({ skill: route.skill, confidence: route.confidence, skillLive: live });

  if (path.path === "handoff") {
    composed = withHandoff(input, "", [], handoffModeFor(input.channel, shopper), path.why);
  } else if (path.path === "smalltalk") {
    composed = { replies: [{ body: smalltalkReply(input.text), cards: [] }], handoff: "none" };
  } else {
    const ctx: SkillContext = {
      accountId: input.accountId,
      ticketId: input.ticketId,
      channel: input.channel,
      providers,
      shopper: input.profile,
      verifiedEmail: input.profile.loggedIn && input.profile.email ? input.profile.email.trim().toLowerCase() : undefined,
      customerTexts,
      knowledge: (query, opts) => searchArticles(env, input.accountId, query, { limit: opts.limit ?? 3, kinds: opts.kinds }),
      now,
      ledger: [],
      text: input.text,
      history: input.history,
      language,
      model: input.model,
      modelTimeoutMs: input.modelTimeoutMs,
    };
    const answer = await answerWithSkill(ctx, route.skill);
    resolved = answer.outcome === "resolved";
    const mode = handoffAfter(answer.outcome, input.channel, shopper);
    composed = withHandoff(input, answer.body, answer.cards, mode, "unresolved");
  }

  return {
    skill: route.skill,
    confidence: route.confidence,
    replies: composed.replies.map((r) => renderReply(input.channel, r)),
    handoff: composed.handoff,
    resolved,
    language,
  };
}
