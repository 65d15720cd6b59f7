// One turn of the AI customer agent, wherever the shop's data lives: route the shopper's message to a skill, answer it (templates, or the model when there is one), escalate when the shopper is upset or stuck, and render per channel in the shopper's language.
import type { LanguageModel } from "ai";
import { handoffAfter, handoffModeFor, LOW_CONFIDENCE, smalltalkKind, turnPath, type HandoffMode } from "./rules.ts";
import { emailIn, isIdentificationOnly, latestMention } from "./orders.ts";
import { skillStatus } from "./skillStatus.ts";
import type { Providers, ProvidersForOptions } from "../integrations/registry.ts";
import { handoffOfferCard } from "./cards.ts";
import { answerWithModel } from "./compose.ts";
import { asksForHuman, isAboutTheShop, isFrustrated, lastTurnAskedToConfirm, lastTurnUnresolved, repeatsLastAnswer } from "./escalation.ts";
import { DEFAULT_LANG, t, type Lang, type MessageKey } from "./i18n/index.ts";
import { conversationLanguage } from "./language.ts";
import { renderReply, type Reply } from "./render.ts";
import type { IntentRouter, SkillId, Turn } from "./router/index.ts";
import type { ShopLexicon } from "./router/lexicon.ts";
import { helpCenterAnswer } from "./skills/helpCenter.ts";
import { skillFor, skills } from "./skills/index.ts";
import { yesOrNo } from "./skills/intents.ts";
import type { AgentAnswer, AgentChannel, HistoryEntry, KnowledgeHit, ShopperProfile, SkillContext } from "./types.ts";

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
  /** The shopper's language; unset, it is detected from their messages (`conversationLanguage`). Replies, dates and card labels use it. */
  language?: Lang | undefined;
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

/**
 * What a turn reads from the shop: its providers with the slots they fill, which content kinds its knowledge base has,
 * and the knowledge base itself. D1 and the account's integrations in the Worker (runTurn.ts); in memory for scripts/eval-agent.ts.
 */
export interface TurnSources {
  providers(): Promise<{ providers: Providers; slots: ReadonlySet<string> }>;
  contentKinds(): Promise<ReadonlyMap<string, number>>;
  knowledge(query: string, opts: { kinds?: readonly string[] | undefined; limit?: number | undefined }): Promise<KnowledgeHit[]>;
  /** The shop's catalog and help-centre words for the router (src/agent/shopLexicon.ts); none = the built-in nouns only. */
  lexicon?(): Promise<ShopLexicon | undefined>;
}

const answering = new Set<string>(["order_tracking", "order_editing", "returns_exchanges", "subscriptions", "loyalty", "coupons_discounts", "product_recommendations", "general_qa"]);

/** The questions whose "yes" or "no" the next message answers. */
const confirmKeys: readonly MessageKey[] = ["subs.confirm.skip", "subs.confirm.pause", "subs.confirm.cancel", "subs.confirm.frequency"];

function routerHistory(history: readonly HistoryEntry[]): Turn[] {
  return history.filter((h): h is HistoryEntry & { author: Turn["author"] } => h.author !== "system").map((h) => ({ author: h.author, text: h.text }));
}

/**
 * "1042, sam@example.com" answers the agent's question and says nothing about intent on its own:
 * such a message keeps the skill of the shopper's last message that had one.
 */
async function classify(input: AgentTurnInput, sources: TurnSources): Promise<{ skill: SkillId; confidence: number }> {
  const history = routerHistory(input.history);
  const lexicon = sources.lexicon ? await sources.lexicon() : undefined;
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

type OfferWhy = "asked_for_human" | "skill_unavailable" | "unresolved" | "frustrated" | "repeated";

const offerKeys: Record<OfferWhy, MessageKey> = {
  asked_for_human: "offer.asked",
  skill_unavailable: "offer.unavailable",
  unresolved: "offer.unresolved",
  frustrated: "offer.frustrated",
  repeated: "offer.repeated",
};

function offerText(lang: Lang, channel: AgentChannel, mode: HandoffMode, why: OfferWhy): string {
  if (mode === "now") {
    const how = t(lang, channel === "sms" || channel === "whatsapp" ? "handoff.how.text" : channel === "email" ? "handoff.how.email" : "handoff.how.chat");
    return t(lang, why === "asked_for_human" ? "handoff.nowAsked" : "handoff.now", { how });
  }
  const email = mode === "ask_email" ? ` ${t(lang, "offer.askEmail")}` : "";
  return `${t(lang, offerKeys[why])}${email}`;
}

interface Composed {
  replies: Reply[];
  handoff: HandoffMode;
}

/** The answer, then the handoff in a message of its own (with the offer card on web chat). */
function withHandoff(input: AgentTurnInput, lang: Lang, body: string, cards: Reply["cards"], mode: HandoffMode, why: OfferWhy): Composed {
  const answerReply: Reply[] = body ? [{ body, cards }] : [];
  if (mode === "none") return { replies: answerReply, handoff: "none" };
  if (input.handoffMessage) return { replies: [...answerReply, { body: input.handoffMessage, cards: [] }], handoff: "none" };
  const text = offerText(lang, input.channel, mode, why);
  // Its own message, so shortening the answer for SMS can never cut the handoff off.
  if (mode === "now") return { replies: [...answerReply, { body: text, cards: [] }], handoff: "now" };
  const card = handoffOfferCard(lang, { emailRequired: mode === "ask_email", email: input.profile.email });
  return { replies: [...answerReply, { body: text, cards: [card] }], handoff: mode };
}

async function answerWithSkill(ctx: SkillContext, skillId: string, live: boolean): Promise<AgentAnswer> {
  const skill = skillFor(skillId);
  if (!skill) return { outcome: "unresolved", body: "", cards: [], sources: [] };
  let draft: AgentAnswer;
  try {
    draft = live ? await skill.answer(ctx) : await helpCenterAnswer(ctx, skill);
  } catch (err) {
    console.error(`agent: ${skillId} failed`, err);
    return { outcome: "unresolved", body: t(ctx.language, "fallback.error"), cards: [], sources: [] };
  }
  // The model writes resolved and unresolved answers from the turn's tool results (compose.ts decides which).
  if (ctx.model) return answerWithModel(ctx, skill, draft, ctx.model);
  return draft;
}

/** What the turn says before escalation: the answer, its outcome, and whether the shopper needs a person for it. */
interface Draft {
  body: string;
  cards: Reply["cards"];
  resolved: boolean;
  /** Counts as a turn that left the shopper without an answer (two in a row offer a person). */
  stuck: boolean;
  /** A skill's answer (small talk and "not understood" may repeat; an answer may not). */
  fromSkill?: boolean;
  handoff: HandoffMode;
  why: OfferWhy;
}

/**
 * Who the shopper is for the handoff: an email they already wrote in the conversation is not asked for again
 * (it is no proof of who they are: order lookups go by the verified email only).
 */
function handoffShopper(input: AgentTurnInput): { loggedIn: boolean; email: string | undefined } {
  const written = latestMention([...input.history.filter((h) => h.author === "customer").map((h) => h.text), input.text], emailIn) ?? undefined;
  return { loggedIn: input.profile.loggedIn, email: input.profile.email ?? written };
}

async function draftTurn(sources: TurnSources, input: AgentTurnInput, lang: Lang, now: number): Promise<{ route: { skill: SkillId; confidence: number }; draft: Draft }> {
  const shopper = handoffShopper(input);
  const confirmation = lastTurnAskedToConfirm(input.history, confirmKeys) ? yesOrNo(input.text) : null;
  const route = confirmation
    ? { skill: "subscriptions" as const, confidence: 1 }
    : asksForHuman(input.text)
      ? { skill: "handoff" as const, confidence: 1 }
      : await classify(input, sources);
  const skill = skillFor(route.skill);
  let live = false;
  let qaLive = false;
  let providers: Providers = {};
  if (skill && route.confidence >= LOW_CONFIDENCE) {
    const connected = await sources.providers();
    providers = connected.providers;
    const have = { slots: connected.slots, contentKinds: await sources.contentKinds() };
    live = skillStatus(skill, have).status === "live";
    qaLive = skillStatus(skills.general_qa, have).status === "live";
  }
  const path = turnPath({ skill: route.skill, confidence: route.confidence, skillLive: live || qaLive });
  const none = { cards: [], resolved: false, handoff: "none" as const, why: "unresolved" as const };
  const contextWith = (providers: Providers): SkillContext => ({
    accountId: input.accountId,
    ticketId: input.ticketId,
    channel: input.channel,
    language: lang,
    providers,
    shopper: input.profile,
    verifiedEmail: input.profile.loggedIn && input.profile.verifiedEmail ? input.profile.verifiedEmail.trim().toLowerCase() : undefined,
    customerTexts: [...input.history.filter((h) => h.author === "customer").map((h) => h.text), input.text],
    knowledge: (query, opts) => sources.knowledge(query, { limit: opts.limit ?? 3, kinds: opts.kinds }),
    now,
    ledger: [],
    text: input.text,
    history: input.history,
    model: input.model,
    modelTimeoutMs: input.modelTimeoutMs,
    confirmation: confirmation ? { answer: confirmation, request: previousRequest(input.history) } : undefined,
  });

  if (path.path === "handoff") return { route, draft: { ...none, body: "", stuck: false, handoff: handoffModeFor(input.channel, shopper), why: path.why } };
  const kind = path.path === "smalltalk" ? smalltalkKind(input.text) : null;
  if (path.path === "not_understood" || kind === "other") {
    // Unsure, or not small talk: about the shop (or a second try after "I'm not sure I understood") → the help center if
    // it clearly covers it, else a request to rephrase; anything else is declined.
    const about = path.path === "not_understood" || isAboutTheShop(input.text) || lastTurnUnresolved(input.history);
    if (!about) return { route, draft: { ...none, body: t(lang, "fallback.offTopic"), stuck: false } };
    const fromHelpCenter = await helpCenterAnswer(contextWith({}), undefined);
    if (fromHelpCenter.outcome === "resolved") {
      const answered = { skill: "general_qa" as const, confidence: route.confidence };
      return { route: answered, draft: { ...none, body: fromHelpCenter.body, resolved: true, stuck: false, fromSkill: true } };
    }
    return { route, draft: { ...none, body: t(lang, "fallback.notUnderstood"), stuck: true } };
  }
  if (kind) return { route, draft: { ...none, body: t(lang, `smalltalk.${kind}`, { whatICanDo: t(lang, "smalltalk.whatICanDo") }), stuck: false } };

  const ctx = contextWith(providers);
  // A skill the shop hasn't set up (no returns provider, say) can still be answered from its help center.
  const answer = await answerWithSkill(ctx, route.skill, live);
  if (!live && answer.outcome !== "resolved") {
    return { route, draft: { ...none, body: "", stuck: false, handoff: handoffModeFor(input.channel, shopper), why: "skill_unavailable" } };
  }
  const offTopic = answer.why === "off_topic";
  let handoff = offTopic ? "none" : handoffAfter(answer.outcome, input.channel, shopper);
  if (answer.offerHuman && handoff === "none") handoff = handoffModeFor(input.channel, shopper);
  return {
    route,
    draft: { body: answer.body, cards: answer.cards, resolved: answer.outcome === "resolved", stuck: answer.outcome === "unresolved" && !offTopic, handoff, why: "unresolved", fromSkill: true },
  };
}

/** The shopper's message the agent's last question answered (what they asked to change). */
function previousRequest(history: readonly HistoryEntry[]): string {
  return [...history].reverse().find((h) => h.author === "customer")?.text ?? "";
}

/** One turn from the shop's data, wherever it lives. */
export async function runTurnWith(sources: TurnSources, input: AgentTurnInput): Promise<AgentTurnResult> {
  const now = input.now ?? Date.now();
  const lang = input.language ?? conversationLanguage([...input.history.filter((h) => h.author === "customer").map((h) => h.text), input.text], DEFAULT_LANG);
  const shopper = handoffShopper(input);
  const { route, draft } = await draftTurn(sources, input, lang, now);
  let { body, handoff, why, resolved } = draft;
  const offer = (reason: OfferWhy) => {
    if (handoff === "none") handoff = handoffModeFor(input.channel, shopper);
    if (why === "unresolved" || reason === "repeated") why = reason;
  };
  // Never loop: the same answer twice becomes an apology and a person.
  if (draft.fromSkill && repeatsLastAnswer(input.history, body)) {
    body = t(lang, "escalate.loop");
    resolved = false;
    offer("repeated");
  } else if (draft.stuck && lastTurnUnresolved(input.history)) offer("repeated");
  // An upset shopper hears it acknowledged and gets a person offered, even when the answer is right.
  if (isFrustrated(input.text)) {
    body = body ? `${t(lang, "escalate.ack")}\n\n${body}` : t(lang, "escalate.ack");
    offer("frustrated");
  }
  const composed = withHandoff(input, lang, body, draft.cards, handoff, why);
  return {
    skill: route.skill,
    confidence: route.confidence,
    replies: composed.replies.map((r) => renderReply(input.channel, r, lang)),
    handoff: composed.handoff,
    resolved,
    language: lang,
  };
}
