// The ticket actor: one per ticket, the source of truth of its thread, status, assignee and tags.
import { DurableObject } from "cloudflare:workers";
import { sql as drizzleSql } from "drizzle-orm";
import type { InboxActor } from "./inbox.ts";
import { autoReplyId, officeHoursAutoReplyText } from "../src/assignment/autoReply.ts";
import { AssignmentLink } from "../src/assignment/link.ts";
import { getSettings, type AccountSettings } from "../src/accounts/settings.ts";
import { handoffClosingMessage, handoffSubject, handoffToPlatform, modelFor, recordAgentTurn, recordHandoff, runAgentTurn, type AgentTurnResult, type HandoffPlatform } from "../src/agent/index.ts";
import { agentFailureText, agentReplyId, handoffMessageOf, handoffNoticeId, handoffPlatformOf, historyOf, HISTORY_LIMIT, transcriptOf } from "../src/agent/conversation.ts";
import { platformLabels } from "../src/agent/handoffTicket.ts";
import { routerFor } from "../src/agent/router/index.ts";
import type { ProvidersForOptions } from "../src/integrations/registry.ts";
import { isRetryable, type OutgoingMessage } from "../src/integrations/messaging.ts";
import { channelSenders, deliveryBlocked, replySubject, senderFor, smsOptedOut } from "../src/channels/outbound.ts";
import { db } from "../src/db/client.ts";
import { outbox as outboxTable } from "../src/db/schema/index.ts";
import { writeTicketIndex } from "../src/tickets/index.ts";
import { decideAttach } from "../src/channels/attach.ts";
import { shouldAutoClose } from "../src/tickets/rules.ts";
import { systemClock, type Clock } from "../src/lib/clock.ts";
import { actorError, asAppError } from "../src/lib/errors.ts";
import { MAX_MESSAGE_BYTES } from "../src/schemas/common.ts";
import { newId } from "../src/lib/ids.ts";
import type { Author, Card, Channel, MessageView, TicketStatus, TicketView } from "../src/schemas/ticket.ts";
import {
  normaliseTags,
  previewOf,
  toMessageView,
  toTicketView,
  type Customer,
  type MessageRecord,
  type TicketState,
} from "../src/tickets/model.ts";
import { allocateTicketNumber } from "../src/tickets/numbers.ts";
import type { InboxEvent, TicketEventType, VisitorFrame } from "../src/tickets/events.ts";
import { closeSocket } from "../src/lib/sockets.ts";

export interface CreateTicketInput {
  id: string;
  accountId: string;
  channel: Channel;
  customer: Customer;
  subject?: string | null;
  threadKey?: string | null;
  handledBy?: "team" | "ai";
  tags?: string[];
  spam?: boolean;
  teamId?: string | null;
  /** A web-chat visitor whose identity the shop signed (identityHash): "logged in" for the AI agent. */
  verified?: boolean;
}

export interface CustomerMessageInput {
  /** Stable id: a retry of the same provider message or client send carries the same id. */
  id: string;
  body: string;
  cards?: Card[];
}

/** One shape, not a union: RPC stub types keep only the first member of a union. */
export interface ReceiveResult {
  /** false when the ticket is closed and the channel's rule says a new ticket must start. */
  accepted: boolean;
  ticket: TicketView;
  message: MessageView | null;
  created: boolean;
  reopened: boolean;
  duplicate: boolean;
  /** What the AI agent answered to this message (empty while the team handles the ticket). */
  replies: MessageView[];
}

/** The shopper clicked "Yes, connect me with an agent". One shape: `refused` is "" when it went through. */
export interface HandoffResult {
  ok: boolean;
  /** "email_required": an anonymous shopper must leave an email first; "no_human": the shop answers with a message instead. */
  refused: string;
  platform: string;
  ticket: TicketView;
}

export interface ChatMessageResult {
  accepted: boolean;
  message: MessageView | null;
  replies: MessageView[];
  status: TicketStatus;
  duplicate: boolean;
}

export interface TeamMessageInput {
  author: Extract<Author, "agent" | "ai" | "system">;
  agentId?: string | null;
  body: string;
  cards?: Card[];
  /** Optional idempotency key from the caller (a retried request returns the same message). */
  id?: string;
}

export interface TicketPatch {
  status?: TicketStatus;
  snoozeUntil?: number | null;
  assigneeId?: string | null;
  teamId?: string | null;
  tags?: string[];
  addTags?: string[];
  removeTags?: string[];
  spam?: boolean;
  unread?: boolean;
  handledBy?: "team" | "ai";
  customer?: Customer;
  /** Compare-and-set for automatic assignment: change nothing unless the ticket is still open, handled by the team, not spam, with exactly this assignee and team. */
  ifUnchanged?: { assigneeId: string | null; teamId: string | null };
}

const SCHEMA_VERSION = 2;
/** Channels whose replies go out through a connected provider. */
const SENT_CHANNELS = ["sms", "whatsapp", "instagram", "email"] as const;
const DELIVERY_RETRY_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000];
const SYNC_RETRY_MS = [1_000, 5_000, 15_000, 60_000, 300_000];
const DELIVERED_CHANNELS: readonly Channel[] = ["email", "sms", "whatsapp", "instagram"];

export class TicketActor extends DurableObject<Env> {
  /** Tests replace this to move time. */
  clock: Clock = systemClock;
  /** Tests replace this to send outside calls (Zendesk, Gorgias, the shop's store) to a fake. */
  integrations: ProvidersForOptions = {};
  private ticket: TicketState | null;
  private syncChain: Promise<void> = Promise.resolve();
  private turnChain: Promise<unknown> = Promise.resolve();
  private deliveryChain: Promise<void> = Promise.resolve();
  private inbox: DurableObjectStub<InboxActor> | null = null;
  // Assignment hook: routing, rotation queues and capacity counts hear about each relevant change.
  private readonly assignment: AssignmentLink;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.migrate();
    this.ticket = this.loadState();
    // Keep-alive pings are answered without waking the actor from hibernation.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'));
    this.assignment = new AssignmentLink(ctx, env, {
      clock: () => this.clock,
      adoptTeam: (teamId, seen) => this.update({ teamId, ifUnchanged: { assigneeId: seen.assigneeId, teamId: seen.teamId } }),
      reschedule: () => this.scheduleAlarm(),
    });
  }

  // ---- RPC surface -------------------------------------------------------------------------

  /** Creates the ticket if it does not exist yet; returns it either way. */
  async open(init: CreateTicketInput): Promise<TicketView> {
    const t = await this.ensureCreated(init);
    return toTicketView(t);
  }

  /**
   * A customer's message. Creates the ticket from `init` when new; applies the channel's attach
   * rule otherwise (reopen, or refuse when a closed ticket must not take it — the caller then
   * starts a new ticket). Idempotent on `message.id`.
   */
  async receive(input: { init?: CreateTicketInput; message: CustomerMessageInput }): Promise<ReceiveResult> {
    const existing = this.findMessage(input.message.id);
    if (existing && this.ticket) {
      // A retry: the agent's answer is the one already given (or, after a crash mid-turn, given now).
      const replies = existing.author === "customer" ? await this.answer(existing) : [];
      return { accepted: true, ticket: toTicketView(this.ticket), message: toMessageView(this.ticket.id, existing), created: false, reopened: false, duplicate: true, replies };
    }
    let created = false;
    if (!this.ticket) {
      if (!input.init) throw actorError("not_found", "ticket not found");
      await this.ensureCreated(input.init);
      created = true;
    }
    const t = this.requireTicket();
    let reopened = false;
    if (!created) {
      const decision = decideAttach(t.channel, t.status);
      if (decision === "new") return { accepted: false, ticket: toTicketView(t), message: null, created: false, reopened: false, duplicate: false, replies: [] };
      if (decision === "reopen") reopened = true;
    }
    const now = this.clock.now();
    const message = this.insertMessage({ id: input.message.id, author: "customer", agentId: null, body: input.message.body, cards: input.message.cards ?? null, internal: false, channel: t.channel, createdAt: now });
    const previous = { status: t.status, assigneeId: t.assigneeId };
    const wasClosed = t.status === "closed";
    if (t.status !== "open") {
      t.status = "open";
      t.snoozeUntil = null;
    }
    if (wasClosed) t.closedAt = null;
    t.unread = true;
    t.lastCustomerMessageAt = now;
    this.touchForMessage(t, message);
    // Stored with the message: a turn cut short by a restart is finished from the alarm.
    if (t.handledBy === "ai") this.setMeta(`turn:${message.id}`, "pending");
    await this.commit(created ? ["ticket.created"] : ["ticket.updated"], message, previous);
    const view = toTicketView(t);
    const replies = await this.answer(message);
    return { accepted: true, ticket: view, message: toMessageView(t.id, message), created, reopened, duplicate: false, replies };
  }

  /** A reply to the customer from an agent, the AI agent or the system; queued for delivery on the ticket's channel. */
  async reply(input: TeamMessageInput): Promise<MessageView> {
    const t = this.requireTicket();
    if (input.id) {
      const existing = this.findMessage(input.id);
      if (existing) return toMessageView(t.id, existing);
    }
    const now = this.clock.now();
    const message = this.insertMessage({ id: input.id ?? newId("msg", now), author: input.author, agentId: input.agentId ?? null, body: input.body, cards: input.cards ?? null, internal: false, channel: t.channel, createdAt: now });
    if (input.author === "agent") {
      t.lastAgentMessageAt = now;
      if (t.firstResponseAt == null) t.firstResponseAt = now;
      t.unread = false;
      // A person writing in the conversation takes it over from the AI agent.
      t.handledBy = "team";
    } else if (input.author === "ai") {
      t.lastAgentMessageAt = now;
    }
    this.touchForMessage(t, message);
    const queued = DELIVERED_CHANNELS.includes(t.channel);
    if (queued) this.queueDelivery(t, message);
    await this.commit(["ticket.updated"], message);
    if (queued) this.deliverSoon();
    return toMessageView(t.id, message);
  }

  /** An internal note: visible to the team only, never delivered. */
  async note(input: { agentId: string; body: string; id?: string }): Promise<MessageView> {
    const t = this.requireTicket();
    if (input.id) {
      const existing = this.findMessage(input.id);
      if (existing) return toMessageView(t.id, existing);
    }
    const now = this.clock.now();
    const message = this.insertMessage({ id: input.id ?? newId("msg", now), author: "agent", agentId: input.agentId, body: input.body, cards: null, internal: true, channel: t.channel, createdAt: now });
    t.messageCount += 1;
    t.updatedAt = now;
    await this.commit(["ticket.updated"], message);
    return toMessageView(t.id, message);
  }

  async update(patch: TicketPatch): Promise<TicketView> {
    const t = this.requireTicket();
    const now = this.clock.now();
    const previous = { status: t.status, assigneeId: t.assigneeId };
    if (patch.ifUnchanged) {
      const waiting = t.status === "open" && t.handledBy === "team" && !t.spam && t.messageCount > 0;
      if (!waiting || t.assigneeId !== patch.ifUnchanged.assigneeId || t.teamId !== patch.ifUnchanged.teamId) return toTicketView(t);
    }
    if (patch.status !== undefined) {
      if (patch.status === "snoozed") {
        const until = patch.snoozeUntil ?? t.snoozeUntil;
        if (until == null || until <= now) throw actorError("validation_failed", "snoozeUntil must be a future time to snooze a ticket");
        t.snoozeUntil = until;
      } else {
        t.snoozeUntil = null;
      }
      if (patch.status === "closed" && t.status !== "closed") t.closedAt = now;
      if (patch.status !== "closed") t.closedAt = null;
      t.status = patch.status;
    } else if (patch.snoozeUntil !== undefined) {
      if (patch.snoozeUntil === null) {
        if (t.status === "snoozed") t.status = "open";
        t.snoozeUntil = null;
      } else {
        if (patch.snoozeUntil <= now) throw actorError("validation_failed", "snoozeUntil must be in the future");
        t.status = "snoozed";
        t.snoozeUntil = patch.snoozeUntil;
        t.closedAt = null;
      }
    }
    if (patch.assigneeId !== undefined) t.assigneeId = patch.assigneeId;
    if (patch.teamId !== undefined) t.teamId = patch.teamId;
    if (patch.tags !== undefined) t.tags = normaliseTags(patch.tags);
    if (patch.addTags) t.tags = normaliseTags([...t.tags, ...patch.addTags]);
    if (patch.removeTags) {
      const drop = new Set(patch.removeTags.map((x) => x.trim().toLowerCase()));
      t.tags = t.tags.filter((x) => !drop.has(x.toLowerCase()));
    }
    if (patch.spam !== undefined) t.spam = patch.spam;
    if (patch.unread !== undefined) t.unread = patch.unread;
    if (patch.handledBy !== undefined) t.handledBy = patch.handledBy;
    if (patch.customer) t.customer = { ...t.customer, ...patch.customer };
    t.updatedAt = now;
    await this.commit(["ticket.updated"], undefined, previous);
    return toTicketView(t);
  }

  /** The ticket with its latest `limit` messages, oldest first. */
  async view(opts: { limit?: number; includeInternal?: boolean } = {}): Promise<{ ticket: TicketView; messages: MessageView[]; hasOlder: boolean }> {
    const t = this.requireTicket();
    const limit = opts.limit ?? 50;
    const rows = this.selectMessages({ beforeSeq: null, limit: limit + 1, includeInternal: opts.includeInternal ?? true });
    const hasOlder = rows.length > limit;
    const page = rows.slice(0, limit).reverse();
    return { ticket: toTicketView(t), messages: page.map((m) => toMessageView(t.id, m)), hasOlder };
  }

  /** Messages older than `before` (a message id), newest page first returned oldest first. */
  async messagesBefore(opts: { before: string | null; limit: number; includeInternal: boolean }): Promise<{ items: MessageView[]; nextCursor: string | null }> {
    const t = this.requireTicket();
    let beforeSeq: number | null = null;
    if (opts.before) {
      const anchor = this.findMessage(opts.before);
      if (!anchor) throw actorError("validation_failed", "before: no such message in this ticket");
      beforeSeq = anchor.seq;
    }
    const rows = this.selectMessages({ beforeSeq, limit: opts.limit + 1, includeInternal: opts.includeInternal });
    const more = rows.length > opts.limit;
    const page = rows.slice(0, opts.limit);
    const oldest = page[page.length - 1];
    return { items: page.reverse().map((m) => toMessageView(t.id, m)), nextCursor: more && oldest ? oldest.id : null };
  }

  /** Messages after `after` (a message id; null = from the start), oldest first — for resuming a chat. */
  async messagesAfter(opts: { after: string | null; limit: number; includeInternal: boolean }): Promise<MessageView[]> {
    const t = this.requireTicket();
    let afterSeq = 0;
    if (opts.after) {
      const anchor = this.findMessage(opts.after);
      if (anchor) afterSeq = anchor.seq;
    }
    const internalClause = opts.includeInternal ? "" : "AND internal = 0";
    const rows = this.ctx.storage.sql
      .exec<MessageRow>(`SELECT * FROM messages WHERE seq > ? ${internalClause} ORDER BY seq ASC LIMIT ?`, afterSeq, opts.limit)
      .toArray();
    return rows.map((r) => toMessageView(t.id, fromRow(r)));
  }

  /**
   * The shopper writes in web chat (over HTTP or the widget socket). Returns the stored message and
   * any immediate replies (the AI agent's or an office-hours reply).
   */
  async chatMessage(input: CustomerMessageInput): Promise<ChatMessageResult> {
    const res = await this.receive({ message: input });
    const replies: MessageView[] = [...res.replies];
    if (res.accepted && res.message && !res.duplicate && this.ticket?.handledBy === "team") {
      const auto = await this.officeHoursReply(res.message);
      if (auto) replies.push(auto);
    }
    return { accepted: res.accepted, message: res.message, replies, status: this.ticket?.status ?? res.ticket.status, duplicate: res.duplicate };
  }

  /**
   * "Yes, connect me with an agent" (web chat). Idempotent: a second click answers like the first.
   * An anonymous shopper with no email is refused until they give one.
   */
  async handoff(input: { email?: string }): Promise<HandoffResult> {
    const t = this.requireTicket();
    const done = (platform: string): HandoffResult => ({ ok: true, refused: "", platform, ticket: toTicketView(this.requireTicket()) });
    if (t.handledBy === "team") return done("builtin");
    const earlier = this.getMeta("handed_off");
    if (earlier) return done(earlier);
    const settings = await getSettings(this.env, t.accountId);
    if (handoffPlatformOf(settings) === null) return { ok: false, refused: "no_human", platform: "", ticket: toTicketView(t) };
    const email = input.email ?? t.customer.email;
    if (!email && this.getMeta("verified") !== "1") return { ok: false, refused: "email_required", platform: "", ticket: toTicketView(t) };
    if (input.email && input.email !== t.customer.email) t.customer = { ...t.customer, email: input.email };
    const platform = await this.handOff(settings, { closingId: handoffNoticeId(t.id) });
    try {
      await recordHandoff(this.env, t.accountId, t.id);
    } catch (err) {
      console.error(`ticket ${t.id}: could not record the handoff`, err);
    }
    if (platform === "builtin") {
      const last = this.selectMessages({ beforeSeq: null, limit: 1, includeInternal: false })[0];
      if (last) await this.officeHoursReply(toMessageView(t.id, last));
    }
    return done(platform);
  }

  // ---- the AI agent ---------------------------------------------------------------------------

  /** The agent's answer to a customer message; turns run one at a time, in the order messages arrived. */
  private answer(message: MessageRecord): Promise<MessageView[]> {
    const run = this.turnChain.then(() => this.runTurn(message));
    this.turnChain = run.catch(() => undefined);
    return run;
  }

  private async runTurn(message: MessageRecord): Promise<MessageView[]> {
    const t = this.requireTicket();
    const key = `turn:${message.id}`;
    const state = this.getMeta(key);
    if (state === "done") return this.repliesTo(message.id);
    if (state === null) return [];
    if (t.handledBy !== "ai" || t.status === "closed") {
      this.setMeta(key, "done");
      return [];
    }
    this.toVisitors({ type: "typing", author: "ai", name: "Assistant" });
    const settings = await getSettings(this.env, t.accountId);
    const earlier = this.selectMessages({ beforeSeq: message.seq, limit: HISTORY_LIMIT, includeInternal: false }).reverse();
    const now = this.clock.now();
    const input = {
      accountId: t.accountId,
      ticketId: t.id,
      channel: t.channel,
      text: message.body,
      history: historyOf(earlier),
      profile: { id: t.customer.profileId, email: t.customer.email, name: t.customer.name, loggedIn: this.getMeta("verified") === "1" },
      router: routerFor(this.env),
      model: modelFor(this.env),
      handoffMessage: handoffMessageOf(settings),
      now,
      integrations: this.integrations,
    };
    let result: AgentTurnResult;
    try {
      result = await runAgentTurn(this.env, input);
    } catch (err) {
      console.error(`ticket ${t.id}: agent turn failed, handing off`, err);
      result = { skill: "other", confidence: 0, replies: [{ body: agentFailureText(t.channel), cards: [] }], handoff: "now", resolved: false };
    }
    const handingOff = result.handoff === "now";
    // On a handoff the last reply is the turn's "passed to our team" line: handOff() stores it, or the outside helpdesk's words.
    const answers = handingOff ? result.replies.slice(0, -1) : result.replies;
    for (const [i, r] of answers.entries()) await this.reply({ author: "ai", body: r.body, cards: r.cards, id: agentReplyId(message.id, i) });
    if (handingOff) await this.handOff(settings, { closingId: agentReplyId(message.id, answers.length), closing: result.replies.at(-1)?.body });
    if (this.getMeta(`recorded:${message.id}`) === null) {
      try {
        await recordAgentTurn(this.env, input, result);
        this.setMeta(`recorded:${message.id}`, "1");
      } catch (err) {
        console.error(`ticket ${t.id}: could not record the agent turn`, err);
      }
    }
    this.setMeta(key, "done");
    this.scheduleAlarm();
    return this.repliesTo(message.id);
  }

  private repliesTo(customerMessageId: string): MessageView[] {
    const t = this.requireTicket();
    const rows = this.ctx.storage.sql
      .exec<MessageRow>("SELECT * FROM messages WHERE id LIKE ? ESCAPE '\\' AND internal = 0 ORDER BY seq ASC", `${customerMessageId.replace(/[\\%_]/g, (c) => `\\${c}`)}\\_ai%`)
      .toArray();
    return rows.map((r) => toMessageView(t.id, fromRow(r)));
  }

  /**
   * The conversation goes to the team the shop chose. Built-in: the ticket enters the helpdesk views and is routed
   * and assigned like any new ticket. Zendesk/Gorgias: a ticket with the whole transcript is created there and this
   * conversation ends; when that fails (or there is no email to reply to) the built-in helpdesk takes it, so nothing is lost.
   */
  private async handOff(settings: AccountSettings, opts: { closingId: string; closing?: string | undefined }): Promise<HandoffPlatform> {
    const t = this.requireTicket();
    let platform: HandoffPlatform = handoffPlatformOf(settings) ?? "builtin";
    let note: string | null = null;
    if (platform !== "builtin") {
      const label = platformLabels[platform];
      const email = t.customer.email;
      if (!email) {
        note = `The AI agent could not hand this conversation to ${label}: there is no email address for the customer.`;
        platform = "builtin";
      } else {
        try {
          const all = this.selectMessages({ beforeSeq: null, limit: 1_000, includeInternal: false }).reverse();
          const outcome = await handoffToPlatform(this.env, t.accountId, platform, {
            transcript: transcriptOf(all),
            requester: { email, name: t.customer.name },
            profileId: t.customer.profileId,
            channel: t.channel,
            ticketId: t.id,
            tags: t.tags,
          }, this.integrations);
          this.setMeta("handed_off", platform);
          note = `Handed off to ${label}: ticket ${outcome.externalId}${outcome.url ? ` (${outcome.url})` : ""}.`;
        } catch (err) {
          console.error(`ticket ${t.id}: handoff to ${label} failed, keeping it in the helpdesk`, err);
          note = `${label} did not take this conversation (${asAppError(err)?.message ?? String(err)}); it stays in the Edgedesk helpdesk.`;
          platform = "builtin";
        }
      }
    }
    const closing = platform === "builtin" ? (opts.closing ?? handoffClosingMessage("builtin", t.channel)) : handoffClosingMessage(platform, t.channel, t.customer.email);
    await this.reply({ author: "ai", body: closing, id: opts.closingId });
    if (note) await this.systemNote(note);
    if (platform === "builtin") {
      // A chat has no subject; the team's list shows the shopper's first question instead.
      if (!t.subject) {
        const first = this.ctx.storage.sql.exec<MessageRow>("SELECT * FROM messages WHERE author = 'customer' AND internal = 0 ORDER BY seq LIMIT 1").toArray()[0];
        if (first) t.subject = handoffSubject(transcriptOf([fromRow(first)]));
      }
      await this.update({ handledBy: "team" });
    }
    else await this.update({ status: "closed", addTags: [`handoff-${platform}`] });
    return platform;
  }

  /** An internal line from Edgedesk itself (not an agent): what happened to the ticket. */
  private async systemNote(body: string): Promise<void> {
    const t = this.requireTicket();
    const now = this.clock.now();
    const note = this.insertMessage({ id: newId("msg", now), author: "system", agentId: null, body, cards: null, internal: true, channel: t.channel, createdAt: now });
    t.messageCount += 1;
    t.updatedAt = now;
    await this.commit(["ticket.updated"], note);
  }

  /** Outside office hours a web-chat conversation with the team gets the auto-reply, once. */
  private async officeHoursReply(after: MessageView): Promise<MessageView | null> {
    const t = this.requireTicket();
    if (t.channel !== "webchat") return null;
    const text = await officeHoursAutoReplyText(this.env, t.accountId, this.clock.now());
    if (!text) return null;
    const reply = await this.reply({ author: "system", body: text, id: autoReplyId(t.id) });
    // Sent earlier in the conversation: it is older than this message, so this message did not bring it.
    return reply.createdAt >= after.createdAt ? reply : null;
  }

  /**
   * Auto-close (SPEC §2): closes the ticket if, by its own state, the customer has been quiet for `afterHours` since
   * the team's (or the AI agent's) last reply at `at`. The sweep that calls this reads the index; the actor decides.
   */
  async autoClose(input: { afterHours: number; at: number }): Promise<boolean> {
    const t = this.ticket;
    if (!t || !shouldAutoClose(t, input.afterHours, input.at)) return false;
    const now = this.clock.now();
    const hours = Number.isInteger(input.afterHours) ? String(input.afterHours) : input.afterHours.toFixed(1);
    const note = this.insertMessage({ id: newId("msg", now), author: "system", agentId: null, body: `Closed automatically: no reply from the customer for ${hours} hours.`, cards: null, internal: true, channel: t.channel, createdAt: now });
    const previous = { status: t.status, assigneeId: t.assigneeId };
    t.status = "closed";
    t.closedAt = now;
    t.messageCount += 1;
    t.updatedAt = now;
    await this.commit(["ticket.updated"], note, previous);
    return true;
  }

  /** An agent is typing in this ticket: tell the shopper's widget. */
  async agentTyping(input: { agentId: string; name: string }): Promise<void> {
    this.toVisitors({ type: "typing", author: "agent", name: input.name });
  }

  /** The shopper's widget connects here (the Worker has checked the visitor token). */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") return new Response("expected a WebSocket upgrade", { status: 426 });
    const t = this.ticket;
    if (!t) return new Response("conversation not found", { status: 404 });
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, ["visitor"]);
    server.serializeAttachment({ role: "visitor" });
    const after = new URL(request.url).searchParams.get("after");
    // Resume: everything the widget has not seen yet, then live frames.
    let cursor = after || null;
    for (;;) {
      const batch = await this.messagesAfter({ after: cursor, limit: 200, includeInternal: false });
      for (const message of batch) server.send(JSON.stringify({ type: "message", message } satisfies VisitorFrame));
      if (batch.length < 200) break;
      cursor = batch[batch.length - 1]?.id ?? null;
    }
    server.send(JSON.stringify({ type: "ready", status: t.status } satisfies VisitorFrame));
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    let frame: { type?: unknown; text?: unknown; clientMessageId?: unknown };
    try {
      frame = JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw)) as typeof frame;
    } catch {
      ws.send(JSON.stringify({ type: "error", code: "validation_failed", text: "frames are JSON" } satisfies VisitorFrame));
      return;
    }
    const t = this.ticket;
    if (!t) return;
    if (frame.type === "typing") {
      this.publish(t.accountId, [{ type: "typing", ticketId: t.id, author: "customer" }]);
      return;
    }
    if (frame.type !== "message") return;
    const text = typeof frame.text === "string" ? frame.text.trim() : "";
    const clientId = typeof frame.clientMessageId === "string" && /^[A-Za-z0-9_-]{8,64}$/.test(frame.clientMessageId) ? frame.clientMessageId : null;
    if (!text || !clientId) {
      ws.send(JSON.stringify({ type: "error", code: "validation_failed", text: "a message needs text and a clientMessageId (8-64 of A-Z a-z 0-9 _ -)" } satisfies VisitorFrame));
      return;
    }
    if (new TextEncoder().encode(text).length > MAX_MESSAGE_BYTES) {
      ws.send(JSON.stringify({ type: "error", code: "payload_too_large", text: "a message may be at most 10 KB" } satisfies VisitorFrame));
      return;
    }
    try {
      const res = await this.chatMessage({ id: `msg_c${clientId}`, body: text });
      if (!res.accepted) ws.send(JSON.stringify({ type: "error", code: "conflict", text: "This conversation is closed; start a new conversation" } satisfies VisitorFrame));
      // A new message reaches every visitor socket through commit(); a retried one only needs echoing back.
      else if (res.message && res.duplicate) ws.send(JSON.stringify({ type: "message", message: res.message } satisfies VisitorFrame));
    } catch (err) {
      const e = asAppError(err);
      ws.send(JSON.stringify({ type: "error", code: e?.code ?? "internal", text: e?.message ?? "could not store the message" } satisfies VisitorFrame));
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // Always answer the close handshake.
    closeSocket(ws, code, reason);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    closeSocket(ws, 1011, "error");
  }

  async get(): Promise<TicketView | null> {
    return this.ticket ? toTicketView(this.ticket) : null;
  }

  /** The current status (null if the ticket was never created) — the attach rules ask the actor, not the index. */
  async status(): Promise<TicketStatus | null> {
    return this.ticket?.status ?? null;
  }

  /** Re-writes the D1 index row from the actor (index rebuild). */
  async reindex(): Promise<boolean> {
    if (!this.ticket) return false;
    this.setMeta("synced_version", "-1");
    await this.syncIndex();
    return this.syncedVersion() >= this.ticket.version;
  }

  override async alarm(): Promise<void> {
    const t = this.ticket;
    if (!t) return;
    const now = this.clock.now();
    if (t.status === "snoozed" && t.snoozeUntil != null && t.snoozeUntil <= now) {
      t.status = "open";
      t.snoozeUntil = null;
      t.unread = true;
      t.updatedAt = now;
      const note = this.insertMessage({ id: newId("msg", now), author: "system", agentId: null, body: "Snooze ended: the ticket is open again.", cards: null, internal: true, channel: t.channel, createdAt: now });
      t.messageCount += 1;
      await this.commit(["ticket.updated", "ticket.snooze_ended"], note, { status: "snoozed", assigneeId: t.assigneeId });
      return;
    }
    if (this.needsSync()) await this.syncIndex();
    const deliveryDue = this.nextDeliveryAt();
    if (deliveryDue !== null && deliveryDue <= this.clock.now()) await this.deliverOnce();
    for (const id of this.pendingTurns()) {
      const message = this.findMessage(id);
      if (message) await this.answer(message);
      else this.setMeta(`turn:${id}`, "done");
    }
    // Assignment hook: a report that failed is retried here.
    if (this.assignment.retryAt() !== null) await this.assignment.flush();
    this.scheduleAlarm();
  }

  private needsSync(): boolean {
    const t = this.ticket;
    return t !== null && (this.syncedVersion() < t.version || this.unsyncedOutbox() > 0 || this.getMeta("registered") === null);
  }

  // ---- internals ------------------------------------------------------------------------------

  private async ensureCreated(init: CreateTicketInput): Promise<TicketState> {
    if (this.ticket) {
      if (this.ticket.id !== init.id || this.ticket.accountId !== init.accountId) throw actorError("conflict", "ticket actor holds another ticket");
      return this.ticket;
    }
    const number = await allocateTicketNumber(this.env.DB, init.accountId);
    // Another call may have created it while we awaited the number.
    if (this.ticket) return this.ticket;
    const now = this.clock.now();
    const t: TicketState = {
      id: init.id,
      accountId: init.accountId,
      number,
      channel: init.channel,
      status: "open",
      snoozeUntil: null,
      assigneeId: null,
      teamId: init.teamId ?? null,
      tags: normaliseTags(init.tags ?? []),
      customer: init.customer,
      spam: init.spam ?? false,
      unread: true,
      handledBy: init.handledBy ?? "team",
      subject: init.subject ?? null,
      preview: null,
      messageCount: 0,
      createdAt: now,
      updatedAt: now,
      lastMessageAt: null,
      lastCustomerMessageAt: null,
      lastAgentMessageAt: null,
      firstResponseAt: null,
      closedAt: null,
      threadKey: init.threadKey ?? null,
      version: 0,
    };
    this.ticket = t;
    this.saveState();
    if (init.verified) this.setMeta("verified", "1");
    return t;
  }

  private requireTicket(): TicketState {
    if (!this.ticket) throw actorError("not_found", "ticket not found");
    return this.ticket;
  }

  private touchForMessage(t: TicketState, m: MessageRecord): void {
    t.messageCount += 1;
    t.lastMessageAt = m.createdAt;
    t.updatedAt = m.createdAt;
    // The list shows what people wrote; the AI agent's and the system's lines only fill an empty preview.
    if (m.author === "customer" || m.author === "agent" || t.preview === null) t.preview = previewOf(m.body);
  }

  /** Persists the state, writes it through to D1 (in this request) and tells the inbox. */
  private async commit(events: TicketEventType[], message?: MessageRecord, previous?: { status: TicketStatus; assigneeId: string | null }): Promise<void> {
    const t = this.requireTicket();
    t.version += 1;
    this.saveState();
    // Live delivery first: the state is durable in this actor, the D1 index follows below.
    const view = toTicketView(t);
    const messageView = message ? toMessageView(t.id, message) : null;
    // message.created carries the ticket, so a plain ticket.updated alongside it would be redundant.
    const out: InboxEvent[] = events.filter((type) => !(messageView && type === "ticket.updated")).map((type) => ({ type, ticket: view }));
    if (messageView) out.push({ type: "message.created", ticket: view, message: messageView });
    this.publish(t.accountId, out);
    if (messageView && !messageView.internal) this.toVisitors({ type: "message", message: messageView });
    if (previous && previous.status !== t.status) this.toVisitors({ type: "status", status: t.status });
    const joined = t.assigneeId && previous && previous.assigneeId !== t.assigneeId ? t.assigneeId : message?.author === "agent" && !message.internal && message.agentId && !this.hasJoined(message.agentId) ? message.agentId : null;
    if (joined) this.ctx.waitUntil(this.announceJoined(joined));
    this.assignment.changed(t); // assignment hook
    await this.syncIndex();
    this.scheduleAlarm();
  }

  private toVisitors(frame: VisitorFrame): void {
    const sockets = this.ctx.getWebSockets("visitor");
    if (sockets.length === 0) return;
    const payload = JSON.stringify(frame);
    for (const ws of sockets) {
      try {
        ws.send(payload);
      } catch {
        // gone; webSocketClose cleans up
      }
    }
  }

  private hasJoined(agentId: string): boolean {
    return this.getMeta(`joined:${agentId}`) !== null;
  }

  /** "An agent joined" once per agent per conversation. */
  private async announceJoined(agentId: string): Promise<void> {
    if (this.hasJoined(agentId)) return;
    this.setMeta(`joined:${agentId}`, "1");
    const row = await this.env.DB.prepare("SELECT name FROM agents WHERE id = ?").bind(agentId).first<{ name: string }>();
    this.toVisitors({ type: "agent.joined", agent: { id: agentId, name: row?.name ?? "An agent" } });
  }

  private publish(accountId: string, events: InboxEvent[]): void {
    if (events.length === 0) return;
    // One stub for the actor's lifetime keeps calls to the inbox in order.
    this.inbox ??= this.env.INBOX.get(this.env.INBOX.idFromName(accountId));
    this.ctx.waitUntil(this.inbox.publish(events).catch(() => undefined));
  }

  /** Ordered, coalesced write-through: each call waits for a write at least as new as the state it saw. */
  private syncIndex(): Promise<void> {
    const run = this.syncChain.then(() => this.syncOnce());
    this.syncChain = run.catch(() => undefined);
    return run;
  }

  private async syncOnce(): Promise<void> {
    const t = this.ticket;
    if (!t) return;
    const version = t.version;
    const pending = this.ctx.storage.sql.exec<OutboxRow>("SELECT * FROM outbox WHERE synced = 0 ORDER BY created_at").toArray();
    const registered = this.getMeta("registered") !== null;
    if (this.syncedVersion() >= version && pending.length === 0 && registered) return;
    try {
      if (!registered) {
        // The account's inbox actor keeps the list of its tickets, so the D1 index can be rebuilt from the actors.
        this.inbox ??= this.env.INBOX.get(this.env.INBOX.idFromName(t.accountId));
        await this.inbox.register({ ticketId: t.id, createdAt: t.createdAt });
        this.setMeta("registered", "1");
      }
      const d = db(this.env.DB);
      await writeTicketIndex(this.env.DB, d, { ...t, tags: [...t.tags], customer: { ...t.customer } });
      if (pending.length > 0) {
        await d
          .insert(outboxTable)
          .values(
            pending.map((o) => ({
              id: o.id,
              accountId: t.accountId,
              ticketId: t.id,
              messageId: o.message_id,
              channel: o.channel,
              recipient: o.recipient,
              body: o.body,
              createdAt: o.created_at,
              status: o.status === "sending" ? ("pending" as const) : o.status,
              attempts: o.attempts,
              lastError: o.last_error,
              sentAt: o.sent_at,
            })),
          )
          .onConflictDoUpdate({
            target: outboxTable.id,
            set: { status: drizzleSql`excluded.status`, attempts: drizzleSql`excluded.attempts`, lastError: drizzleSql`excluded.last_error`, sentAt: drizzleSql`excluded.sent_at` },
          });
        for (const o of pending) this.ctx.storage.sql.exec("UPDATE outbox SET synced = 1 WHERE id = ?", o.id);
      }
      this.setMeta("synced_version", String(Math.max(version, this.syncedVersion())));
      this.setMeta("sync_failures", "0");
    } catch (err) {
      // The actor is the truth: keep going and retry from the alarm until D1 matches.
      const failures = Number(this.getMeta("sync_failures") ?? "0") + 1;
      this.setMeta("sync_failures", String(failures));
      this.setMeta("sync_retry_at", String(this.clock.now() + (SYNC_RETRY_MS[Math.min(failures - 1, SYNC_RETRY_MS.length - 1)] ?? 60_000)));
      console.warn(`ticket ${t.id}: D1 write-through failed (attempt ${failures}), retrying from alarm`, err);
      this.scheduleAlarm();
    }
  }

  private scheduleAlarm(): void {
    const t = this.ticket;
    if (!t) return;
    const due: number[] = [];
    if (t.status === "snoozed" && t.snoozeUntil != null) due.push(t.snoozeUntil);
    if (this.needsSync()) due.push(Number(this.getMeta("sync_retry_at") ?? this.clock.now() + 1_000));
    const delivery = this.nextDeliveryAt();
    if (delivery !== null) due.push(delivery);
    // A turn still pending (cut short by a restart) is finished a few seconds later.
    if (this.pendingTurns().length > 0) due.push(this.clock.now() + 5_000);
    const assignmentRetry = this.assignment.retryAt(); // assignment hook
    if (assignmentRetry !== null) due.push(assignmentRetry);
    if (due.length === 0) {
      void this.ctx.storage.deleteAlarm();
      return;
    }
    void this.ctx.storage.setAlarm(Math.min(...due));
  }

  private queueDelivery(t: TicketState, m: MessageRecord): void {
    const recipient = t.channel === "email" ? (t.customer.email ?? null) : (t.customer.phone ?? t.threadKey ?? null);
    this.ctx.storage.sql.exec(
      "INSERT OR IGNORE INTO outbox (id, message_id, channel, recipient, body, created_at, synced) VALUES (?, ?, ?, ?, ?, ?, 0)",
      newId("out", m.createdAt),
      m.id,
      t.channel,
      recipient,
      m.body,
      m.createdAt,
    );
  }

  // ---- delivery to the channel ------------------------------------------------------------------

  /** Sends queued replies after the request that queued them; retries come from the alarm. */
  private deliverSoon(): void {
    const run = this.deliveryChain.then(() => this.deliverOnce());
    this.deliveryChain = run.catch((err) => console.warn("delivery failed", err));
    this.ctx.waitUntil(this.deliveryChain);
  }

  /** When the next reply is due to be (re)sent; null when none is waiting. */
  private nextDeliveryAt(): number | null {
    const row = this.ctx.storage.sql
      .exec<{ at: number | null }>(
        `SELECT MIN(COALESCE(next_attempt_at, created_at)) AS at FROM outbox WHERE status IN ('pending', 'sending') AND channel IN (${SENT_CHANNELS.map(() => "?").join(", ")})`,
        ...SENT_CHANNELS,
      )
      .one();
    return row.at ?? null;
  }

  private async deliverOnce(): Promise<void> {
    const t = this.ticket;
    if (!t) return;
    const now = this.clock.now();
    const due = this.ctx.storage.sql
      .exec<OutboxRow>(
        `SELECT * FROM outbox WHERE status IN ('pending', 'sending') AND COALESCE(next_attempt_at, 0) <= ? AND channel IN (${SENT_CHANNELS.map(() => "?").join(", ")}) ORDER BY created_at`,
        now,
        ...SENT_CHANNELS,
      )
      .toArray();
    if (due.length === 0) return;
    const senders = await channelSenders(this.env, t.accountId, this.integrations);
    const optedOut = t.channel === "sms" || t.channel === "whatsapp" ? await smsOptedOut(this.env, t.accountId, t.customer.profileId) : false;
    const set = (id: string, fields: Record<string, SqlStorageValue>) => {
      const cols = Object.keys(fields);
      this.ctx.storage.sql.exec(`UPDATE outbox SET ${cols.map((c) => `${c} = ?`).join(", ")}, synced = 0 WHERE id = ?`, ...cols.map((c) => fields[c] ?? null), id);
    };
    for (const o of due) {
      const skip = deliveryBlocked({ channel: o.channel, recipient: o.recipient, optedOut, senders });
      if (skip) {
        set(o.id, { status: "skipped", last_error: skip });
        continue;
      }
      const sender = senderFor(senders, o.channel);
      // Marked first: a restart mid-send retries it (at least once; Twilio and Meta take no idempotency key).
      set(o.id, { status: "sending" });
      try {
        const email = o.channel === "email" ? { subject: replySubject(t.subject), inReplyTo: t.threadKey?.startsWith("<") ? t.threadKey : undefined } : {};
        const sent = await sender!.send({ channel: o.channel as OutgoingMessage["channel"], to: o.recipient!, body: o.body, ...email });
        set(o.id, { status: "sent", sent_at: this.clock.now(), provider_message_id: sent.providerMessageId, last_error: null, next_attempt_at: null });
      } catch (err) {
        const attempts = o.attempts + 1;
        const message = err instanceof Error ? err.message : String(err);
        const retry = isRetryable(err) && attempts <= DELIVERY_RETRY_MS.length;
        set(o.id, retry
          ? { status: "pending", attempts, last_error: message, next_attempt_at: this.clock.now() + (DELIVERY_RETRY_MS[attempts - 1] ?? 60_000) }
          : { status: "failed", attempts, last_error: message, next_attempt_at: null });
        console.warn(`ticket ${t.id}: sending reply ${o.message_id} failed (attempt ${attempts})${retry ? ", retrying" : ""}`, message);
      }
    }
    await this.syncIndex();
    this.scheduleAlarm();
  }

  private unsyncedOutbox(): number {
    return this.ctx.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE synced = 0").one().n;
  }

  private insertMessage(m: Omit<MessageRecord, "seq">): MessageRecord {
    const row = this.ctx.storage.sql
      .exec<{ seq: number }>(
        "INSERT INTO messages (id, author, agent_id, body, cards, internal, channel, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
        m.id,
        m.author,
        m.agentId,
        m.body,
        m.cards ? JSON.stringify(m.cards) : null,
        m.internal ? 1 : 0,
        m.channel,
        m.createdAt,
      )
      .one();
    return { ...m, seq: row.seq };
  }

  private findMessage(id: string): MessageRecord | null {
    const row = this.ctx.storage.sql.exec<MessageRow>("SELECT * FROM messages WHERE id = ?", id).toArray()[0];
    return row ? fromRow(row) : null;
  }

  private selectMessages(opts: { beforeSeq: number | null; limit: number; includeInternal: boolean }): MessageRecord[] {
    const internalClause = opts.includeInternal ? "" : "AND internal = 0";
    const rows = this.ctx.storage.sql
      .exec<MessageRow>(`SELECT * FROM messages WHERE seq < ? ${internalClause} ORDER BY seq DESC LIMIT ?`, opts.beforeSeq ?? Number.MAX_SAFE_INTEGER, opts.limit)
      .toArray();
    return rows.map(fromRow);
  }

  private migrate(): void {
    const sql = this.ctx.storage.sql;
    sql.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    const current = Number(sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").toArray()[0]?.value ?? "0");
    if (current < 1) {
      sql.exec(`CREATE TABLE IF NOT EXISTS messages (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        author TEXT NOT NULL,
        agent_id TEXT,
        body TEXT NOT NULL,
        cards TEXT,
        internal INTEGER NOT NULL DEFAULT 0,
        channel TEXT NOT NULL,
        created_at INTEGER NOT NULL
      )`);
      sql.exec(`CREATE TABLE IF NOT EXISTS outbox (
        id TEXT PRIMARY KEY,
        message_id TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        recipient TEXT,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        synced INTEGER NOT NULL DEFAULT 0
      )`);
    }
    if (current < 2) {
      // Delivery state of each queued reply.
      for (const column of ["status TEXT NOT NULL DEFAULT 'pending'", "attempts INTEGER NOT NULL DEFAULT 0", "last_error TEXT", "next_attempt_at INTEGER", "sent_at INTEGER", "provider_message_id TEXT"]) {
        sql.exec(`ALTER TABLE outbox ADD COLUMN ${column}`);
      }
    }
    sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", String(SCHEMA_VERSION));
  }

  private loadState(): TicketState | null {
    const raw = this.getMeta("ticket");
    return raw ? (JSON.parse(raw) as TicketState) : null;
  }

  private saveState(): void {
    if (this.ticket) this.setMeta("ticket", JSON.stringify(this.ticket));
  }

  private syncedVersion(): number {
    return Number(this.getMeta("synced_version") ?? "-1");
  }

  private pendingTurns(): string[] {
    return this.ctx.storage.sql
      .exec<{ key: string }>("SELECT key FROM meta WHERE key LIKE 'turn:%' AND value = 'pending'")
      .toArray()
      .map((r) => r.key.slice("turn:".length));
  }

  private getMeta(key: string): string | null {
    return this.ctx.storage.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  private setMeta(key: string, value: string): void {
    this.ctx.storage.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, value);
  }
}

interface MessageRow extends Record<string, SqlStorageValue> {
  seq: number;
  id: string;
  author: string;
  agent_id: string | null;
  body: string;
  cards: string | null;
  internal: number;
  channel: string;
  created_at: number;
}

interface OutboxRow extends Record<string, SqlStorageValue> {
  id: string;
  message_id: string;
  channel: string;
  recipient: string | null;
  body: string;
  created_at: number;
  status: "pending" | "sending" | "sent" | "failed" | "skipped";
  attempts: number;
  last_error: string | null;
  next_attempt_at: number | null;
  sent_at: number | null;
}

function fromRow(r: MessageRow): MessageRecord {
  return {
    id: r.id,
    seq: r.seq,
    author: r.author as Author,
    agentId: r.agent_id,
    body: r.body,
    cards: r.cards ? (JSON.parse(r.cards) as Card[]) : null,
    internal: r.internal === 1,
    channel: r.channel as Channel,
    createdAt: r.created_at,
  };
}
