// Messages arriving in a ticket: the customer's (any channel, the shopper's socket included) and the team's.
// A customer message creates the ticket when new, follows the channel's attach rule otherwise, is stored once
// by id (a retry gets the answer already given) and starts the AI agent's turn when the AI handles the ticket.
import type { AccountSettings } from "../accounts/settings.ts";
import type { TicketAgent } from "../agent/inTicket.ts";
import { decideAttach } from "../channels/attach.ts";
import { onNewTextConversation } from "../channels/textArrival.ts";
import type { CsatSurvey } from "../csat/inTicket.ts";
import { actorError } from "../lib/errors.ts";
import type { MessageView } from "../schemas/ticket.ts";
import type { TicketEventType } from "../schemas/live.ts";
import { ticketStub } from "./actors.ts";
import { applyAiTags, tagsForFirstMessage } from "./autoTagging.ts";
import { before, type NewMessage, type TicketHost } from "./host.ts";
import { toMessageView, toTicketView, type MessageRecord, type TicketState } from "./model.ts";
import type { ChatMessageResult, CreateTicketInput, CustomerMessageInput, ReceiveResult } from "./rpc.ts";

export interface IntakeHooks {
  /** The ticket, or null before it exists (`host.ticket()` throws then). */
  state(): TicketState | null;
  /** Creates the ticket from `init` (or returns it when another call just did). */
  create(init: CreateTicketInput): Promise<TicketState>;
  /** The account's settings, read at most every few seconds; null when they cannot be read. */
  settings(accountId: string): Promise<AccountSettings | null>;
  /** The actor's commit; `waitForIndex` false on the live path (the D1 index write is paced by the alarm). */
  commit(previous: ReturnType<typeof before>, messages: readonly (MessageRecord | null)[], events: TicketEventType[], waitForIndex: boolean): Promise<void>;
  waitUntil(p: Promise<unknown>): void;
}

export class TicketIntake {
  constructor(
    private readonly host: TicketHost,
    private readonly agent: TicketAgent,
    private readonly csat: CsatSurvey,
    private readonly hooks: IntakeHooks,
  ) {}

  /**
   * A customer's message. Creates the ticket from `init` when new; applies the channel's attach rule otherwise
   * (reopen, or refuse when a closed ticket must not take it — the caller then starts a new ticket). Idempotent on the message id.
   */
  async customer(input: { init?: CreateTicketInput; message: CustomerMessageInput }, waitForIndex: boolean): Promise<ReceiveResult> {
    const known = this.hooks.state();
    // Read before anything is checked: from the check to the commit nothing awaits, so a retry cannot slip in between.
    const channel = known?.channel ?? input.init?.channel;
    const accountId = known?.accountId ?? input.init!.accountId;
    // The office-hours auto-reply (web chat) and the SLA timer need them; a message is stored even when they cannot be read.
    const settings = await this.hooks.settings(accountId);
    // The first customer message gets the AI's tags (null: auto-tagging is off or could not run; the message is stored anyway).
    const aiTags = known?.aiTags === undefined ? await tagsForFirstMessage(this.host.env, accountId, (known?.customer ?? input.init?.customer)?.profileId, input.message.body, settings).catch(() => null) : null;
    let created = false;
    if (!this.hooks.state()) {
      if (!input.init) throw actorError("not_found", "ticket not found");
      await this.hooks.create(input.init);
      created = true;
    }
    const t = this.host.ticket();
    // Merged into another ticket: the customer's conversation continues there.
    if (!created && t.mergedInto && !this.host.thread.find(input.message.id)) return ticketStub(this.host.env, t.accountId, t.mergedInto).receive({ message: input.message });
    const rated = created ? null : await this.csat.answerByReply(input.message);
    if (rated) return rated;
    // An erased ticket takes nothing more: the message starts a new ticket, as for a closed web chat.
    const decision = created ? "append" : t.erasedAt ? "new" : decideAttach(t.channel, t.status);
    const previous = before(t);
    // Stored unless the id is already in the thread: one statement finds a retry and stores a new message.
    const message = decision === "new" ? null : this.host.append({ author: "customer", id: input.message.id, body: input.message.body, cards: input.message.cards ?? null, attachments: input.message.attachments ?? null });
    if (!message) return this.notStored(t, input.message.id);
    applyAiTags(t, aiTags);
    // Stored with the message: a turn cut short by a restart is finished from the alarm.
    const answering = t.handledBy === "ai";
    if (answering) this.agent.expectTurn(message.id);
    const autoReply = channel === "webchat" && settings && t.handledBy === "team" ? this.agent.officeHoursReply(settings) : null;
    await this.hooks.commit(previous, [message, autoReply], [created ? "ticket.created" : "ticket.updated"], waitForIndex);
    if (created) this.hooks.waitUntil(onNewTextConversation(this.host.env, t, message.body, this.host.seams().integrations, settings));
    const view = toTicketView(t);
    const replies = answering ? await this.agent.answer(message) : [];
    if (autoReply) replies.push(toMessageView(t.id, autoReply));
    return { accepted: true, ticket: view, message: toMessageView(t.id, message), created, reopened: decision === "reopen", duplicate: false, replies };
  }

  /** The shopper writes in web chat (over HTTP, or on the live path from their socket). */
  async chat(input: CustomerMessageInput, waitForIndex: boolean): Promise<ChatMessageResult> {
    const res = await this.customer({ message: input }, waitForIndex);
    return { accepted: res.accepted, message: res.message, replies: res.replies, status: this.hooks.state()?.status ?? res.ticket.status, duplicate: res.duplicate };
  }

  /** A reply or an internal note from the team; idempotent on `input.id`. */
  async team(input: NewMessage): Promise<MessageView> {
    const t = this.host.ticket();
    await this.hooks.settings(t.accountId);
    const existing = input.id ? this.host.thread.find(input.id) : null;
    if (existing) return toMessageView(t.id, existing);
    if (t.erasedAt) throw actorError("conflict", "this ticket's content was erased");
    const previous = before(t);
    const message = this.host.append(input)!;
    await this.hooks.commit(previous, [message], ["ticket.updated"], true);
    return toMessageView(t.id, message);
  }

  /** Nothing was stored: a retry (answered as before; after a crash mid-turn, answered now) or a refused message. */
  private async notStored(t: TicketState, id: string): Promise<ReceiveResult> {
    const existing = this.host.thread.find(id);
    if (!existing) return { accepted: false, ticket: toTicketView(t), message: null, created: false, reopened: false, duplicate: false, replies: [] };
    const replies = existing.author === "customer" ? await this.agent.answer(existing) : [];
    return { accepted: true, ticket: toTicketView(t), message: toMessageView(t.id, existing), created: false, reopened: false, duplicate: true, replies };
  }
}
