// The ticket actor: one per ticket, the source of truth of its thread, status, assignee and tags. This class is
// the RPC surface, `commit` and the alarm; the work is done by the collaborators it owns (see docs/architecture.md).
import { DurableObject } from "cloudflare:workers";
import { recentAccountSettings, type AccountSettings } from "../src/accounts/settings.ts";
import { ActorStorage } from "../src/actors/storage.ts";
import { seamsOf, type Seams } from "../src/actors/seams.ts";
import { TicketAgent, TURN_JOB } from "../src/agent/inTicket.ts";
import { ASSIGNMENT_JOB, AssignmentLink } from "../src/assignment/link.ts";
import { Delivery, DELIVERY_JOB } from "../src/channels/delivery.ts";
import { ChatFollowUp, FOLLOW_UP_JOB } from "../src/chat/followUp.ts";
import { rememberVerified } from "../src/chat/verifiedShopper.ts";
import { VisitorSockets } from "../src/chat/visitorSocket.ts";
import { CsatSurvey, type CsatOutcome } from "../src/csat/inTicket.ts";
import { DEFAULT_CSAT } from "../src/csat/rules.ts";
import { actorError } from "../src/lib/errors.ts";
import { TicketErasure, type ErasedContent } from "../src/privacy/ticketContent.ts";
import { SLA_JOB, SlaTimer } from "../src/sla/inTicket.ts";
import { newId } from "../src/lib/ids.ts";
import type { StoredAttachment } from "../src/schemas/files.ts";
import type { MessageView, TicketStatus, TicketView } from "../src/schemas/ticket.ts";
import { chatMessageId, PING_FRAME, PONG_FRAME, type InboxEvent, type TicketEventType } from "../src/schemas/live.ts";
import { before, type NewMessage, type TicketHost } from "../src/tickets/host.ts";
import { IndexSync, INDEX_JOB } from "../src/tickets/indexSync.ts";
import { TicketIntake } from "../src/tickets/intake.ts";
import { toMessageView, toTicketView, type MessageRecord, type TicketState } from "../src/tickets/model.ts";
import { allocateTicketNumber } from "../src/tickets/numbers.ts";
import type { ChatMessageResult, CreateTicketInput, CustomerMessageInput, HandoffResult, ReceiveResult, ResumeInput, ResumeResult, TeamMessageInput, TicketPatch } from "../src/tickets/rpc.ts";
import { TicketMerge, type MergeSource } from "../src/tickets/mergeInTicket.ts";
import { Thread } from "../src/tickets/thread.ts";
import { TICKET_ACTOR_MIGRATIONS } from "../src/tickets/actorSchema.ts";
import { InboxLink } from "../src/tickets/inboxLink.ts";
import { SNOOZE_JOB, TicketLifecycle } from "../src/tickets/lifecycle.ts";
import { addMessage, applyPatch, newTicket } from "../src/tickets/transitions.ts";
import { WEBHOOK_JOB, WebhookOutbox } from "../src/webhooks/outbox.ts";

export class TicketActor extends DurableObject<Env> {
  private readonly store: ActorStorage;
  private readonly thread: Thread;
  private state: TicketState | null;
  private readonly inbox: InboxLink;
  private readonly lifecycle: TicketLifecycle;
  private readonly index: IndexSync;
  private readonly delivery: Delivery;
  private readonly agent: TicketAgent;
  private readonly visitors: VisitorSockets;
  private readonly followUp: ChatFollowUp;
  private readonly webhooks: WebhookOutbox;
  private readonly erasure: TicketErasure;
  // Routing, rotation queues and capacity counts hear about each relevant change.
  private readonly assignment: AssignmentLink;
  private readonly csat: CsatSurvey;
  private readonly sla: SlaTimer;
  private readonly merge: TicketMerge;
  private readonly intake: TicketIntake;
  /** The account's settings as last read (SLA policies, office hours, CSAT); null until a change reads them. */
  private settings: AccountSettings | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new ActorStorage(ctx);
    this.store.migrate(TICKET_ACTOR_MIGRATIONS);
    this.thread = new Thread(ctx.storage.sql);
    this.state = this.store.getJson<TicketState>("ticket");
    // Keep-alive pings are answered without waking the actor from hibernation.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
    this.inbox = new InboxLink(env, (p) => ctx.waitUntil(p));
    const clock = () => this.seams().clock;
    const reschedule = () => this.store.planAlarm();
    this.delivery = new Delivery(env, this.store, { seams: () => this.seams(), changed: () => this.indexChanged() });
    this.index = new IndexSync(this.store, this.delivery, this.thread, { clock, reschedule, d1: () => this.seams().d1 ?? this.env.DB, register: (t) => this.inbox.register(t) });
    this.visitors = new VisitorSockets(ctx, env, this.store, this.thread);
    this.webhooks = new WebhookOutbox(env, this.store, { clock, reschedule, queue: () => this.seams().webhookQueue ?? this.env.WEBHOOK_QUEUE, waitUntil: (p) => ctx.waitUntil(p) });
    const host: TicketHost = {
      env,
      store: this.store,
      thread: this.thread,
      seams: () => this.seams(),
      ticket: () => this.ticket(),
      append: (m) => this.append(m),
      patch: (p) => applyPatch(this.ticket(), p, this.seams().clock.now()),
      commit: (previous, messages, events) => this.commit(previous, messages, events),
      toVisitors: (frame) => this.visitors.broadcast(frame),
    };
    this.agent = new TicketAgent(host);
    this.erasure = new TicketErasure(host, ctx);
    this.csat = new CsatSurvey(host);
    this.sla = new SlaTimer(host);
    this.merge = new TicketMerge(host, this.store, this.index);
    this.lifecycle = new TicketLifecycle(host, this.csat);
    this.intake = new TicketIntake(host, this.agent, this.csat, {
      state: () => this.state,
      create: (init) => this.ensureCreated(init),
      settings: (accountId) => this.freshSettings(accountId),
      commit: (previous, messages, events, waitForIndex) => this.commit(previous, messages, events, waitForIndex),
      waitUntil: (p) => ctx.waitUntil(p),
    });
    this.followUp = new ChatFollowUp(host, (accountId) => this.freshSettings(accountId));
    this.assignment = new AssignmentLink(env, this.store, {
      clock,
      reschedule,
      waitUntil: (p) => ctx.waitUntil(p),
      adoptTeam: (teamId, seen) => this.update({ teamId, ifUnchanged: { assigneeId: seen.assigneeId, teamId: seen.teamId } }),
    });
  }

  // ---- RPC surface -------------------------------------------------------------------------

  /** Creates the ticket if it does not exist yet; returns it either way. */
  async open(init: CreateTicketInput): Promise<TicketView> {
    return toTicketView(await this.ensureCreated(init));
  }

  /**
   * A customer's message. Creates the ticket from `init` when new; applies the channel's attach rule otherwise
   * (reopen, or refuse when a closed ticket must not take it — the caller then starts a new ticket). Idempotent on `message.id`.
   */
  async receive(input: { init?: CreateTicketInput; message: CustomerMessageInput }): Promise<ReceiveResult> {
    return this.intake.customer(input, true);
  }

  /** The shopper writes in web chat over HTTP; the answer carries the AI agent's or the office-hours reply. */
  async chatMessage(input: CustomerMessageInput): Promise<ChatMessageResult> {
    return this.intake.chat(input, true);
  }

  /** A reply to the customer from an agent, the AI agent or the system; queued for delivery on the ticket's channel. */
  async reply(input: TeamMessageInput): Promise<MessageView> {
    const view = await this.intake.team({ ...input, internal: false });
    // SMS and WhatsApp answer with the first attempt's outcome, so a reply that can't go out says why at once.
    const channel = this.state?.channel;
    if (channel === "sms" || channel === "whatsapp") await this.delivery.idle();
    return this.delivery.annotate([view])[0] ?? view;
  }

  /** An internal note: visible to the team only, never delivered. */
  async note(input: { agentId: string; body: string; id?: string; attachments?: StoredAttachment[] }): Promise<MessageView> {
    return this.intake.team({ author: "agent", agentId: input.agentId, body: input.body, id: input.id, attachments: input.attachments ?? null, internal: true });
  }

  async update(patch: TicketPatch): Promise<TicketView> {
    const t = this.ticket();
    const settings = await this.freshSettings(t.accountId);
    const previous = before(t);
    const now = this.seams().clock.now();
    if (applyPatch(t, patch, now)) {
      const closed = previous.status !== "closed" && t.status === "closed";
      const survey = closed && settings ? this.csat.ask(settings.csat ?? DEFAULT_CSAT, patch.closedBy != null, patch.closedBy?.csatLink ?? null, now) : null;
      await this.commit(previous, [survey]);
    }
    return toTicketView(t, now);
  }

  /** The shopper's rating (1–5) after the survey: from the widget, the email link or a messaging reply. */
  async rateCsat(input: { score: number; comment?: string; via: string }): Promise<{ outcome: CsatOutcome; ticket: TicketView }> {
    let outcome: CsatOutcome = "ok";
    const ticket = await this.change((now) => {
      const rated = this.csat.rate(input, now);
      outcome = rated.outcome;
      return rated.note;
    }, ["ticket.updated", "ticket.csat"]);
    return { outcome, ticket };
  }

  /** "Yes, connect me with an agent" (web chat); an anonymous shopper with no email is refused until they give one. */
  async handoff(input: { email?: string }): Promise<HandoffResult> {
    return this.agent.handoffRequested(input);
  }

  /** The follow-up link's resume token, exchanged at most once (the Worker has checked its signature and expiry). */
  async resumeChat(input: ResumeInput): Promise<ResumeResult> {
    return this.followUp.resume(input);
  }

  /** The ticket with its latest `limit` messages, oldest first. */
  async view(opts: { limit?: number; includeInternal?: boolean } = {}): Promise<{ ticket: TicketView; messages: MessageView[]; hasOlder: boolean }> {
    const t = this.ticket();
    const limit = opts.limit ?? 50;
    const rows = this.thread.newest({ beforeSeq: null, limit: limit + 1, includeInternal: opts.includeInternal ?? true });
    return { ticket: toTicketView(t), messages: this.delivery.annotate(rows.slice(0, limit).reverse().map((m) => toMessageView(t.id, m))), hasOlder: rows.length > limit };
  }

  /** Messages older than `before` (a message id), newest page first returned oldest first. */
  async messagesBefore(opts: { before: string | null; limit: number; includeInternal: boolean }): Promise<{ items: MessageView[]; nextCursor: string | null }> {
    const t = this.ticket();
    const page = this.thread.pageBefore(opts.before, opts.limit, opts.includeInternal);
    if (!page) throw actorError("validation_failed", "before: no such message in this ticket");
    return { items: this.delivery.annotate(page.items.map((m) => toMessageView(t.id, m))), nextCursor: page.nextCursor };
  }

  /** Messages after `after` (a message id; null = from the start), oldest first — for resuming a chat. */
  async messagesAfter(opts: { after: string | null; limit: number; includeInternal: boolean }): Promise<MessageView[]> {
    const t = this.ticket();
    return this.thread.afterId(opts.after, opts.limit, opts.includeInternal).map((m) => toMessageView(t.id, m));
  }

  /** Closes the ticket if, by its own state, the customer has been quiet for `afterHours` since the team's last reply at `at` (docs/product.md §2). */
  async autoClose(input: { afterHours: number; at: number }): Promise<boolean> {
    if (!this.state) return false;
    return this.lifecycle.autoClose(input, await this.freshSettings(this.state.accountId));
  }

  // ---- merge (src/tickets/mergeService.ts runs the steps across the two actors) -------------------

  /** This ticket is merged into another: hands over a copy of its thread, then closes with a pointer there. */
  async mergeOut(input: { into: string; intoNumber: number; by: string }): Promise<MergeSource> {
    let source: MergeSource | null = null;
    await this.change((now) => {
      const out = this.merge.out(input, now);
      source = out.source;
      return out.note;
    });
    return source!;
  }

  /** Takes a merged ticket's thread and tags. */
  async mergeIn(input: { source: MergeSource; by: string }): Promise<TicketView> {
    return this.change((now) => this.merge.in(input.source, input.by, now));
  }

  async mergeState(): Promise<{ into: string; at: number } | null> {
    return this.state ? this.merge.mergedAt() : null;
  }

  async unmergeIn(input: { sourceId: string; sourceNumber: number; by: string }): Promise<TicketView> {
    return this.change(() => this.merge.unIn(input.sourceId, input.sourceNumber, input.by));
  }

  async unmergeOut(input: { by: string }): Promise<TicketView> {
    return this.change((now) => this.merge.unOut(input.by, now));
  }

  /** An agent is typing in this ticket: tell the shopper's widget. */
  async agentTyping(input: { agentId: string; name: string }): Promise<void> {
    this.visitors.broadcast({ type: "typing", author: "agent", name: input.name });
  }

  async get(): Promise<TicketView | null> {
    return this.state ? toTicketView(this.state) : null;
  }

  /** The current status (null if the ticket was never created) — the attach rules ask the actor, not the index. */
  async status(): Promise<TicketStatus | null> {
    return this.state?.status ?? null;
  }

  /** Re-writes the D1 index row from the actor (index rebuild). */
  async reindex(): Promise<boolean> {
    const t = this.state;
    if (!t) return false;
    this.index.forget();
    await this.index.flush(t);
    this.store.planAlarm();
    return this.index.isCurrent(t);
  }

  /** Erases the customer's content (GDPR erasure), leaving an anonymised shell that reports still count. */
  async erase(): Promise<ErasedContent> {
    return this.erasure.erase();
  }

  // ---- the shopper's socket ---------------------------------------------------------------------

  /** The shopper's widget connects here (the Worker has checked the visitor token). */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") return new Response("expected a WebSocket upgrade", { status: 426 });
    if (!this.state) return new Response("conversation not found", { status: 404 });
    this.followUp.connected(request);
    return this.visitors.accept(request, this.state);
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    const t = this.state;
    if (!t) return;
    await this.visitors.received(ws, raw, {
      typing: () => this.inbox.customerTyping(t),
      // The live path: dashboards and the widget hear of the message at once; the D1 index follows on its own.
      message: (clientId, text) => this.intake.chat({ id: chatMessageId(clientId), body: text }, false),
    });
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.visitors.closed(ws, code, reason);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.visitors.closed(ws, 1011, "error");
  }

  // ---- the alarm: every job of this ticket that is due ------------------------------------------

  override async alarm(): Promise<void> {
    const t = this.state;
    if (!t) return;
    for (const job of this.store.due(this.seams().clock.now())) {
      if (job === SNOOZE_JOB) await this.lifecycle.snoozeEnded();
      else if (job === INDEX_JOB) await this.index.flush(t);
      else if (job === DELIVERY_JOB) await this.delivery.deliverSoon(t);
      else if (job === TURN_JOB) await this.agent.resume();
      else if (job === ASSIGNMENT_JOB) await this.assignment.flush();
      else if (job === WEBHOOK_JOB) await this.webhooks.flush(t.accountId);
      else if (job === SLA_JOB) await this.sla.due();
      else if (job === FOLLOW_UP_JOB) await this.followUp.due();
      else this.store.unschedule(job);
    }
    this.store.planAlarm();
  }

  // ---- internals (private: public methods of an actor are RPC) -----------------------------------

  /** One change made by a collaborator (it returns the note it appended), then one commit. */
  private async change(fn: (now: number) => MessageRecord | null, events?: TicketEventType[]): Promise<TicketView> {
    const t = this.ticket();
    const previous = before(t);
    const note = fn(this.seams().clock.now());
    if (note) await this.commit(previous, [note], events);
    return toTicketView(t);
  }

  /** The account's settings, read at most every few seconds (recentAccountSettings); the last known ones if D1 fails. */
  private async freshSettings(accountId: string): Promise<AccountSettings | null> {
    this.settings = await recentAccountSettings(this.env, accountId).catch(() => this.settings);
    return this.settings;
  }

  private seams(): Seams {
    return seamsOf(this.ctx.id);
  }

  private ticket(): TicketState {
    if (!this.state) throw actorError("not_found", "ticket not found");
    return this.state;
  }

  /** Null when the id is already in the thread: then nothing is stored or changed. */
  private append(input: NewMessage): MessageRecord | null {
    const t = this.ticket();
    const now = this.seams().clock.now();
    const m = this.thread.insert({ id: input.id ?? newId("msg", now), author: input.author, agentId: input.agentId ?? null, body: input.body, cards: input.cards ?? null, attachments: input.attachments ?? null, internal: input.internal ?? false, channel: t.channel, createdAt: now });
    if (!m) return null;
    addMessage(t, m);
    if (Delivery.carries(t.channel, m)) this.delivery.queue(t, m);
    return m;
  }

  /**
   * Makes everything appended and patched since the last commit visible, in this order: the state is saved (with
   * the index write and any retries due in the schedule), then the inbox, the shopper's sockets and assignment hear
   * of it. `waitForIndex` keeps an HTTP caller's next read of the D1 views consistent; the live path does not wait.
   */
  private async commit(previous: ReturnType<typeof before>, messages: readonly (MessageRecord | null)[], events: TicketEventType[] = ["ticket.updated"], waitForIndex = true): Promise<void> {
    const t = this.ticket();
    this.sla.apply(this.settings);
    t.version += 1;
    this.store.setJson("ticket", t);
    this.lifecycle.committed(t, previous);
    this.index.changed(waitForIndex);
    this.assignment.changed(t);
    this.store.planAlarm();

    const view = toTicketView(t);
    const stored = messages.filter((m): m is MessageRecord => m !== null);
    // message.created carries the ticket, so a plain ticket.updated alongside it would be redundant.
    const out: InboxEvent[] = events.filter((type) => !(stored.length > 0 && type === "ticket.updated")).map((type) => ({ type, ticket: view }));
    for (const m of stored) {
      const message = toMessageView(t.id, m);
      out.push({ type: "message.created", ticket: view, message });
      if (!m.internal) this.followUp.delivered(m, this.visitors.broadcast({ type: "message", message }));
    }
    this.inbox.publish(out, t);
    this.webhooks.committed(t.accountId, { inboxEvents: events, previous, ticket: view, messages: out.flatMap((e) => (e.type === "message.created" ? [e.message] : [])) });
    if (previous.status !== t.status) this.visitors.broadcast({ type: "status", status: t.status });
    for (const agentId of this.visitors.joining(previous.assigneeId, t.assigneeId, stored)) this.ctx.waitUntil(this.visitors.announceJoined(t.accountId, agentId));
    if (stored.some((m) => Delivery.carries(t.channel, m))) this.ctx.waitUntil(this.delivery.deliverSoon(t));

    // The live path leaves the write to the alarm (see LIVE_INDEX_DELAY_MS); an HTTP caller waits for it.
    if (waitForIndex) await this.index.flush(t);
  }

  private async ensureCreated(init: CreateTicketInput): Promise<TicketState> {
    if (this.state) {
      if (this.state.id !== init.id || this.state.accountId !== init.accountId) throw actorError("conflict", "ticket actor holds another ticket");
      return this.state;
    }
    const number = await allocateTicketNumber(this.env.DB, init.accountId);
    // Another call may have created it while we awaited the number.
    if (this.state) return this.state;
    this.state = newTicket(init, number, this.seams().clock.now());
    this.store.setJson("ticket", this.state);
    rememberVerified(this.store, init);
    return this.state;
  }

  private indexChanged(): void {
    const t = this.state;
    if (!t) return;
    this.index.changed(true);
    this.store.planAlarm();
    this.ctx.waitUntil(this.index.flush(t));
  }
}
