// The AI agent inside one ticket: answers each customer message exactly once (a turn cut short by a restart is
// finished from the alarm), and hands the conversation to the team — one commit per turn, settings read once.
import { recentAccountSettings, type AccountSettings } from "../accounts/settings.ts";
import { autoReplyId, officeHoursAutoReplyText } from "../assignment/autoReply.ts";
import { asAppError } from "../lib/errors.ts";
import type { MessageView } from "../schemas/ticket.ts";
import { verifiedShopper } from "../chat/verifiedShopper.ts";
import { before, type TicketHost } from "../tickets/host.ts";
import { toMessageView, toTicketView, type MessageRecord } from "../tickets/model.ts";
import type { HandoffResult } from "../tickets/rpc.ts";
import { agentFailureText, agentReplyId, agentReplyPrefix, handoffMessageOf, handoffNoticeId, handoffSummaryId, handoffPlatformOf, historyOf, HISTORY_LIMIT, transcriptOf } from "./conversation.ts";
import { handoffClosingMessage, handoffSubject, handoffToPlatform, type HandoffPlatform } from "./handoff.ts";
import { platformLabels } from "./handoffTicket.ts";
import { DEFAULT_LANG, t as say, type Lang } from "./i18n/index.ts";
import { conversationLanguage } from "./language.ts";
import { agentRouterFor, modelFor } from "./model.ts";
import { summarizeHandoff } from "./summaryModel.ts";
import { emailIn, latestMention } from "./orders.ts";
import { runAgentTurn, type AgentTurnResult } from "./runTurn.ts";
import { recordAgentTurn, recordHandoff } from "./turnLog.ts";

export const TURN_JOB = "turns";
/** A turn still pending this long after its message (cut short by a restart) is finished from the alarm. */
const RESUME_AFTER_MS = 5_000;
/** A text conversation waiting for the shopper's email before it can go to Gorgias (the platform's name). */
const EMAIL_WANTED = "handoff_email_wanted";

/** Where the conversation went and what to say about it; decided (outside calls made) before anything is stored. */
interface HandoffPlan {
  platform: HandoffPlatform;
  note: string | null;
  /** The platform needs the shopper's email first: the AI agent asks for it and the conversation stays with it. */
  askEmail?: boolean;
}

export class TicketAgent {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: TicketHost) {}

  /** The message waits for a turn; stored with the message, so a restart cannot lose it. */
  expectTurn(messageId: string): void {
    this.host.store.set(`turn:${messageId}`, "pending");
    this.host.store.scheduleBy(TURN_JOB, this.host.seams().clock.now() + RESUME_AFTER_MS);
  }

  /** The agent's answer to a customer message; turns run one at a time, in the order messages arrived. */
  answer(message: MessageRecord): Promise<MessageView[]> {
    const run = this.chain.then(() => this.runTurn(message));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Finishes turns a restart cut short (from the alarm). */
  async resume(): Promise<void> {
    for (const id of this.host.store.keysWith("turn:", "pending")) {
      const message = this.host.thread.find(id);
      if (message) await this.answer(message);
      else this.host.store.set(`turn:${id}`, "done");
    }
    this.planResume();
  }

  /** The latest email address the shopper wrote in this conversation, if any. */
  private emailWritten(): string | undefined {
    const texts = this.host.thread.after({ afterSeq: 0, limit: HISTORY_LIMIT, includeInternal: false }).filter((m) => m.author === "customer").map((m) => m.body);
    return latestMention(texts, emailIn) ?? undefined;
  }

  /** "Yes, connect me with an agent" (web chat). Idempotent: a second click answers like the first. */
  async handoffRequested(input: { email?: string }): Promise<HandoffResult> {
    const { store } = this.host;
    const t = this.host.ticket();
    const done = (platform: string): HandoffResult => ({ ok: true, refused: "", platform, ticket: toTicketView(this.host.ticket()) });
    if (t.handledBy === "team") return done("builtin");
    const earlier = store.get("handed_off");
    if (earlier) return done(earlier);
    const settings = await recentAccountSettings(this.host.env, t.accountId);
    if (handoffPlatformOf(settings) === null) return { ok: false, refused: "no_human", platform: "", ticket: toTicketView(t) };
    // An email the shopper already wrote in the chat (e.g. for an order lookup) is not asked for again.
    const email = input.email ?? t.customer.email ?? this.emailWritten();
    if (!email && !verifiedShopper(store).loggedIn) return { ok: false, refused: "email_required", platform: "", ticket: toTicketView(t) };
    if (email && email !== t.customer.email) t.customer = { ...t.customer, email };
    const plan = await this.planHandoff(settings);
    const summary = plan.platform === "builtin" ? await this.summary([]) : null;
    const previous = before(t);
    const messages = this.applyHandoff(plan, { closingId: handoffNoticeId(t.id), summary });
    if (plan.platform === "builtin") messages.push(this.officeHoursReply(settings));
    await this.host.commit(previous, messages);
    try {
      await recordHandoff(this.host.env, t.accountId, t.id);
    } catch (err) {
      console.error(`ticket ${t.id}: could not record the handoff`, err);
    }
    return done(plan.platform);
  }

  /** Outside office hours a web-chat conversation with the team gets the auto-reply, once (not committed). */
  officeHoursReply(settings: Pick<AccountSettings, "officeHours">): MessageRecord | null {
    const t = this.host.ticket();
    if (t.channel !== "webchat") return null;
    const text = officeHoursAutoReplyText(settings, this.host.seams().clock.now());
    return text ? this.host.append({ author: "system", body: text, id: autoReplyId(t.id) }) : null;
  }

  private async runTurn(message: MessageRecord): Promise<MessageView[]> {
    const { store, thread, env } = this.host;
    const t = this.host.ticket();
    const key = `turn:${message.id}`;
    const state = store.get(key);
    if (state === "done") return this.repliesTo(message.id);
    if (state === null) return [];
    if (t.handledBy !== "ai" || t.status === "closed") {
      store.set(key, "done");
      return [];
    }
    if (store.get(EMAIL_WANTED) !== null && emailIn(message.body)) return this.handoffWithEmail(message, emailIn(message.body)!);
    this.host.toVisitors({ type: "typing", author: "ai", name: "Assistant" });
    const { clock, integrations } = this.host.seams();
    const settings = await recentAccountSettings(env, t.accountId);
    const earlier = thread.newest({ beforeSeq: message.seq, limit: HISTORY_LIMIT, includeInternal: false }).reverse();
    const shopper = verifiedShopper(store);
    const input = {
      accountId: t.accountId,
      ticketId: t.id,
      channel: t.channel,
      text: message.body,
      history: historyOf(earlier),
      profile: { id: t.customer.profileId, email: t.customer.email, name: t.customer.name, loggedIn: shopper.loggedIn, verifiedEmail: shopper.email ?? undefined },
      router: agentRouterFor(env),
      model: modelFor(env),
      handoffMessage: handoffMessageOf(settings),
      now: clock.now(),
      integrations,
    };
    let result: AgentTurnResult;
    try {
      result = await runAgentTurn(env, input);
    } catch (err) {
      console.error(`ticket ${t.id}: agent turn failed, handing off`, err);
      result = { skill: "other", confidence: 0, replies: [{ body: agentFailureText(t.channel, this.language()), cards: [] }], handoff: "now", resolved: false };
    }
    const handingOff = result.handoff === "now";
    // On a handoff the last reply is the turn's "passed to our team" line: the handoff stores it, or the outside helpdesk's words.
    const answers = handingOff ? result.replies.slice(0, -1) : result.replies;
    const plan = handingOff ? await this.planHandoff(settings) : null;
    this.rememberTurn(result.skill, answers[0]?.body);
    const summary = plan?.platform === "builtin" ? await this.summary(answers.map((r) => ({ author: "ai", body: r.body }))) : null;
    // From here to the commit nothing awaits: the turn's messages and state changes are stored together.
    const previous = before(t);
    const messages = answers.map((r, i) => this.host.append({ author: "ai", body: r.body, cards: r.cards, id: agentReplyId(message.id, i) }));
    if (plan) messages.push(...this.applyHandoff(plan, { closingId: agentReplyId(message.id, answers.length), closing: result.replies.at(-1)?.body, summary }));
    await this.host.commit(previous, messages);
    if (store.get(`recorded:${message.id}`) === null) {
      try {
        await recordAgentTurn(env, input, result);
        store.set(`recorded:${message.id}`, "1");
      } catch (err) {
        console.error(`ticket ${t.id}: could not record the agent turn`, err);
      }
    }
    store.set(key, "done");
    this.planResume();
    return this.repliesTo(message.id);
  }

  /** The message that carries the email the handoff waited for: the handoff completes, with no model turn. */
  private async handoffWithEmail(message: MessageRecord, email: string): Promise<MessageView[]> {
    const { store, env } = this.host;
    const t = this.host.ticket();
    t.customer = { ...t.customer, email };
    store.delete(EMAIL_WANTED);
    const plan = await this.planHandoff(await recentAccountSettings(env, t.accountId));
    const summary = plan.platform === "builtin" ? await this.summary([]) : null;
    const previous = before(t);
    const messages = this.applyHandoff(plan, { closingId: agentReplyId(message.id, 0), summary });
    await this.host.commit(previous, messages);
    store.set(`turn:${message.id}`, "done");
    this.planResume();
    await recordHandoff(env, t.accountId, t.id).catch((err) => console.error(`ticket ${t.id}: could not record the handoff`, err));
    return this.repliesTo(message.id);
  }

  private repliesTo(customerMessageId: string): MessageView[] {
    const t = this.host.ticket();
    return this.host.thread.withIdPrefix(agentReplyPrefix(customerMessageId)).map((m) => toMessageView(t.id, m));
  }

  private planResume(): void {
    const { store } = this.host;
    if (store.keysWith("turn:", "pending").length > 0) store.schedule(TURN_JOB, this.host.seams().clock.now() + RESUME_AFTER_MS);
    else store.unschedule(TURN_JOB);
    store.planAlarm();
  }

  /**
   * Where the conversation goes. Built-in: the ticket enters the helpdesk views and is routed like any new ticket.
   * Zendesk/Gorgias: a ticket with the whole transcript is created there and this conversation ends; when that
   * fails (or there is no email to reply to) the built-in helpdesk takes it, so nothing is lost.
   */
  private async planHandoff(settings: AccountSettings): Promise<HandoffPlan> {
    const t = this.host.ticket();
    const platform = handoffPlatformOf(settings) ?? "builtin";
    if (platform === "builtin") return { platform, note: null };
    const label = platformLabels[platform];
    const email = t.customer.email;
    // An SMS or WhatsApp customer continues by text: Zendesk takes them by phone; Gorgias finds customers by email only.
    const phone = t.channel === "sms" || t.channel === "whatsapp" ? t.customer.phone : undefined;
    // Gorgias needs an email: over SMS or WhatsApp the AI agent asks for it, and the next message carrying one hands off.
    if (!email && phone && platform === "gorgias") return { platform, note: `${label} needs the customer's email: the AI agent asked for it; the next message with an email hands the conversation off.`, askEmail: true };
    if (!email && !(platform === "zendesk" && phone)) return { platform: "builtin", note: `The AI agent could not hand this conversation to ${label}: there is no email address for the customer.` };
    try {
      const all = this.host.thread.newest({ beforeSeq: null, limit: 1_000, includeInternal: false }).reverse();
      const request = { transcript: transcriptOf(all), requester: { email, phone, name: t.customer.name }, profileId: t.customer.profileId, channel: t.channel, ticketId: t.id, tags: t.tags };
      const outcome = await handoffToPlatform(this.host.env, t.accountId, platform, request, this.host.seams().integrations);
      return { platform, note: `Handed off to ${label}: ticket ${outcome.externalId}${outcome.url ? ` (${outcome.url})` : ""}.` };
    } catch (err) {
      console.error(`ticket ${t.id}: handoff to ${label} failed, keeping it in the helpdesk`, err);
      return { platform: "builtin", note: `${label} did not take this conversation (${asAppError(err)?.message ?? String(err)}); it stays in the Edgedesk helpdesk.` };
    }
  }

  /** The conversation's language from the shopper's messages so far (English until they write something telling). */
  private language(): Lang {
    const recent = this.host.thread.newest({ beforeSeq: null, limit: HISTORY_LIMIT, includeInternal: false }).reverse();
    const texts = recent.filter((m) => m.author === "customer").map((m) => m.body);
    return conversationLanguage(texts, DEFAULT_LANG);
  }

  /** What the handoff summary tells the team: the skills used, the latest real answer. */
  private rememberTurn(skill: string, answer: string | undefined): void {
    const { store } = this.host;
    const skills = store.getJson<string[]>("agent_skills") ?? [];
    if (skill !== "other" && !skills.includes(skill)) store.setJson("agent_skills", [...skills, skill]);
    if (answer) store.set("agent_last_answer", answer);
  }

  /**
   * The handoff summary of the conversation so far plus this turn's answers not stored yet: written by the model in
   * production (bounded by its timeout, checked against the conversation), extractive otherwise or when it fails.
   */
  private async summary(pending: readonly { author: string; body: string }[]): Promise<string | null> {
    const { store, thread, env } = this.host;
    const messages = [...thread.after({ afterSeq: 0, limit: HISTORY_LIMIT, includeInternal: false }), ...pending];
    const input = { messages, skills: store.getJson<string[]>("agent_skills") ?? [], loggedIn: verifiedShopper(store).loggedIn, lastAnswer: store.get("agent_last_answer") };
    return summarizeHandoff(input, modelFor(env));
  }

  /** The handoff summary as an internal note at the top of what the team reads (not committed). */
  private summaryNote(body: string | null): MessageRecord | null {
    return body ? this.host.append({ author: "system", body, internal: true, id: handoffSummaryId(this.host.ticket().id) }) : null;
  }

  /** Stores the handoff's closing line and note and moves the ticket (not committed). */
  private applyHandoff(plan: HandoffPlan, opts: { closingId: string; closing?: string | undefined; summary: string | null }): (MessageRecord | null)[] {
    const t = this.host.ticket();
    const lang = this.language();
    if (plan.askEmail) {
      this.host.store.set(EMAIL_WANTED, plan.platform);
      return [this.host.append({ author: "ai", body: say(lang, "handoff.askEmail.text"), id: opts.closingId }), plan.note ? this.host.append({ author: "system", body: plan.note, internal: true }) : null];
    }
    const closing = plan.platform === "builtin" ? (opts.closing ?? handoffClosingMessage("builtin", t.channel, undefined, lang)) : handoffClosingMessage(plan.platform, t.channel, t.customer.email, lang);
    // The summary goes in before the closing line, so the thread still ends with what the shopper was told.
    const messages = [plan.platform === "builtin" ? this.summaryNote(opts.summary) : null, this.host.append({ author: "ai", body: closing, id: opts.closingId })];
    if (plan.note) messages.push(this.host.append({ author: "system", body: plan.note, internal: true }));
    if (plan.platform === "builtin") {
      // A chat has no subject; the team's list shows the shopper's first question instead.
      const first = t.subject ? null : this.host.thread.firstFromCustomer();
      if (first) t.subject = handoffSubject(transcriptOf([first]));
      this.host.patch({ handledBy: "team" });
    } else {
      this.host.store.set("handed_off", plan.platform);
      this.host.patch({ status: "closed", addTags: [`handoff-${plan.platform}`] });
    }
    return messages;
  }
}
