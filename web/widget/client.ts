// The shopper's conversation: lazy start, local resume, the live socket with backoff and the HTTP fallback (the wire itself is transport.ts, the saved copy stored.ts).
import type { ChatMessageResponse, ChatThread, ConversationCreated, Visitor } from "../../src/schemas/chat.ts";
import { chatMessageId } from "../../src/schemas/chatIds.ts";
import type { ErrorFrame, VisitorClientFrame, VisitorServerFrame } from "../../src/schemas/live.ts";
import type { MessageView as Message, TicketStatus } from "../../src/schemas/ticket.ts";
import { LiveSocket } from "../shared/socket.ts";
import { fill, T } from "./i18n.ts";
import { createdAtOf, forgetStored, identityKeyOf, loadStored, saveStored, type Item, type Pending } from "./stored.ts";
import { ApiError, conversationRequest, request, socketUrl, uploadFile, type UploadedFile } from "./transport.ts";

// ui.ts, cards.ts and the card tests import these from here, with the client.
export type { Item, Pending } from "./stored.ts";
export { ApiError, type UploadedFile } from "./transport.ts";

export type Connection = "idle" | "connecting" | "live" | "reconnecting";

export interface ClientEvents {
  /** Something visible changed: items, pending, status, connection or typing. */
  change(): void;
  /** A message from the team or the AI agent arrived live (not history). */
  incoming(message: Message): void;
  /** An "agent joined" or similar line was added. */
  notice(text: string): void;
}

const MAX_ITEMS = 200;
const ACK_TIMEOUT_MS = 6_000;
const TYPING_SEND_MS = 2_000;
const TYPING_SHOW_MS = 5_000;
const POLL_MS = 4_000;

function newClientMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let out = "c_";
  for (const b of bytes) out += (b % 36).toString(36);
  return out;
}

export class ChatClient {
  items: Item[] = [];
  pending: Pending[] = [];
  status: TicketStatus = "open";
  connection: Connection = "idle";
  typingName: string | null = null;
  /** From GET /api/chat/availability: null until known; `teamOnline` false when no one from the team is online. */
  availability: { teamOnline: boolean; assistant: boolean } | null = null;
  conversationId: string | null = null;
  handedOff = false;

  private visitorToken: string | null = null;
  private lastSeenId: string | null = null;
  private identityKey: string | null = null;
  private visitor: Visitor = {};
  private readonly socket: LiveSocket<VisitorServerFrame, VisitorClientFrame>;
  /** The server replayed what we missed and sent `ready`: frames are live and sends may go over the socket. */
  private ready = false;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private ackTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private inFlightHttp = new Set<string>();
  private lastTypingSent = 0;
  private starting: Promise<void> | null = null;
  private readonly storageKey: string;

  constructor(
    readonly apiBase: string,
    private readonly accountId: string,
    private readonly on: ClientEvents,
  ) {
    this.storageKey = `edgedesk:v1:${accountId}`;
    this.socket = new LiveSocket<VisitorServerFrame, VisitorClientFrame>({
      url: () => this.socketUrl(),
      frame: (frame) => this.onFrame(frame),
      connecting: () => {
        this.ready = false;
        this.connection = this.connection === "reconnecting" ? "reconnecting" : "connecting";
        this.on.change();
      },
      closed: (failures) => this.socketDown(failures),
    });
    this.restore();
  }

  get hasConversation(): boolean {
    return this.conversationId !== null;
  }

  get closed(): boolean {
    return this.status === "closed";
  }

  /** Who the shopper is; a different logged-in shopper never sees the previous one's chat. */
  identify(visitor: Visitor): void {
    this.visitor = { ...this.visitor, ...visitor };
    const key = identityKeyOf(this.visitor);
    if (this.conversationId && this.identityKey && key && key !== this.identityKey) this.reset();
    else if (this.conversationId && !this.identityKey && key) {
      this.identityKey = key;
      this.persist();
    }
  }

  knownEmail(): string | undefined {
    return this.visitor.email;
  }

  /** Forget the conversation (closed, or "Start a new conversation"). */
  reset(): void {
    this.disconnect();
    this.conversationId = null;
    this.visitorToken = null;
    this.lastSeenId = null;
    this.identityKey = null;
    this.items = [];
    this.pending = [];
    this.status = "open";
    this.handedOff = false;
    this.typingName = null;
    this.connection = "idle";
    forgetStored(this.storageKey);
    this.on.change();
  }

  /** Connect the live socket if a conversation exists (called at load and on open). */
  resume(): void {
    if (this.conversationId) this.socket.start();
  }

  /** Whether the team is online, for the header; a failure leaves the shop's own subtitle. */
  async checkAvailability(): Promise<void> {
    try {
      this.availability = await request<{ teamOnline: boolean; assistant: boolean }>(this.apiBase, "GET", `/api/chat/availability?accountId=${encodeURIComponent(this.accountId)}`);
      this.on.change();
    } catch {
      // keep the subtitle as it is
    }
  }

  async send(text: string, attachments: UploadedFile[] = []): Promise<void> {
    const body = text.trim();
    if (!body && attachments.length === 0) return;
    const p: Pending = { clientMessageId: newClientMessageId(), text: body, createdAt: new Date().toISOString(), ...(attachments.length ? { attachments } : {}) };
    this.pending.push(p);
    this.persist();
    this.on.change();
    try {
      await this.ensureConversation();
    } catch {
      p.stalled = true;
      this.on.change();
      return;
    }
    this.deliver(p);
  }

  /** Uploads a file to the conversation (started first if needed), to send with the next message. */
  async upload(file: File): Promise<UploadedFile> {
    await this.ensureConversation();
    return uploadFile(this.apiBase, this.conversationId!, this.visitorToken!, file);
  }

  /** Retry every message that has not reached the server yet (after a failure or a "retry" click). */
  retryPending(): void {
    for (const p of this.pending) {
      p.stalled = false;
      this.deliver(p);
    }
    this.on.change();
  }

  typing(): void {
    const now = Date.now();
    if (now - this.lastTypingSent < TYPING_SEND_MS || !this.ready) return;
    this.lastTypingSent = now;
    this.socket.send({ type: "typing" });
  }

  /** "Yes, connect me with an agent". Throws ApiError (e.g. when an email is needed). */
  async handoff(email?: string): Promise<{ ticketId: string; status: string }> {
    await this.ensureConversation();
    if (email) this.visitor.email = email;
    const res = await this.http<{ ticketId: string; status: string }>("POST", `/handoff`, email ? { email } : {});
    this.handedOff = true;
    this.afterChange();
    return res;
  }

  /** The shopper's answer to the satisfaction survey card. Throws ApiError (409 when already rated). */
  async rate(score: number, comment?: string): Promise<void> {
    await this.ensureConversation();
    await this.http("POST", `/csat`, comment ? { score, comment } : { score });
    this.rated = score;
  }

  /** The score given in this page's life (the card shows thanks instead of the question). */
  rated: number | null = null;

  // ---- conversation ------------------------------------------------------------------------

  private async ensureConversation(): Promise<void> {
    if (this.conversationId) return;
    this.starting ??= this.start().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async start(): Promise<void> {
    const visitor = this.cleanVisitor();
    let created: ConversationCreated;
    try {
      created = await request<ConversationCreated>(this.apiBase, "POST", "/api/chat/conversations", { accountId: this.accountId, ...(visitor ? { visitor } : {}) });
    } catch (err) {
      // A bad identity must not keep the shopper from chatting: retry as an anonymous visitor.
      if (err instanceof ApiError && visitor && (err.status === 400 || err.status === 401)) {
        created = await request<ConversationCreated>(this.apiBase, "POST", "/api/chat/conversations", { accountId: this.accountId });
      } else throw err;
    }
    this.adopt(created);
  }

  /** A conversation this browser now holds (started here, or resumed from a follow-up link): saved, and its socket replays the thread. */
  adopt(created: ConversationCreated): void {
    this.conversationId = created.conversationId;
    this.visitorToken = created.visitorToken;
    this.identityKey = identityKeyOf(this.visitor);
    this.status = "open";
    this.persist();
    this.socket.start();
  }

  /** Who the page says the shopper is, as the API takes it (null: nothing to say). */
  cleanVisitor(): Visitor | null {
    const v: Visitor = {};
    const { email, name, externalId, identityHash } = this.visitor;
    if (email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) v.email = email.trim();
    if (name?.trim()) v.name = name.trim().slice(0, 100);
    if (externalId?.trim()) v.externalId = externalId.trim().slice(0, 200);
    if (v.externalId && identityHash && /^[0-9a-fA-F]{64}$/.test(identityHash)) v.identityHash = identityHash;
    return Object.keys(v).length ? v : null;
  }

  // ---- sending -----------------------------------------------------------------------------

  private deliver(p: Pending): void {
    p.stalled = false;
    // Files go with the message over HTTP; the socket frame carries text only.
    if (!p.attachments?.length && this.ready && this.socket.send({ type: "message", text: p.text, clientMessageId: p.clientMessageId })) {
      clearTimeout(this.ackTimers.get(p.clientMessageId));
      // No echo in time: the same clientMessageId over HTTP is stored at most once.
      this.ackTimers.set(p.clientMessageId, setTimeout(() => this.postPending(p), ACK_TIMEOUT_MS));
    } else {
      void this.postPending(p);
    }
  }

  private async postPending(p: Pending): Promise<void> {
    this.ackTimers.delete(p.clientMessageId);
    if (!this.pending.includes(p) || this.inFlightHttp.has(p.clientMessageId)) return;
    this.inFlightHttp.add(p.clientMessageId);
    try {
      const attachmentIds = p.attachments?.map((a) => a.id);
      const res = await this.http<ChatMessageResponse>("POST", "/messages", { text: p.text, clientMessageId: p.clientMessageId, ...(attachmentIds?.length ? { attachmentIds } : {}) });
      this.accept(res.message, false);
      for (const r of res.replies) this.accept(r, true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        this.setStatus("closed");
      } else if (err instanceof ApiError && (err.status === 401 || err.status === 404)) {
        this.lostConversation();
        return;
      } else {
        p.stalled = true;
        this.on.change();
      }
    } finally {
      this.inFlightHttp.delete(p.clientMessageId);
    }
  }

  /** The visitor token no longer opens this conversation: start over, keeping unsent text. */
  private lostConversation(): void {
    // Files belonged to the lost conversation: only the text is sent again.
    const unsent = this.pending.map((p) => p.text).filter(Boolean);
    this.reset();
    for (const text of unsent) void this.send(text);
  }

  // ---- receiving ---------------------------------------------------------------------------

  /** Adds a message once (dedupe by id), in time order; clears the pending send it confirms. */
  private accept(message: Message, live: boolean): boolean {
    const idx = this.pending.findIndex((p) => chatMessageId(p.clientMessageId) === message.id);
    if (idx >= 0) {
      const p = this.pending[idx];
      if (p) clearTimeout(this.ackTimers.get(p.clientMessageId));
      this.pending.splice(idx, 1);
    }
    if (this.items.some((i) => i.key === message.id)) {
      // The answer came over HTTP first: its socket copy still ends the "typing…" the socket showed meanwhile.
      const typingEnds = message.author !== "customer" && this.typingName !== null;
      if (typingEnds) this.stopTyping();
      if (idx >= 0 || typingEnds) this.afterChange();
      return false;
    }
    const item: Item = { kind: "message", key: message.id, message };
    let at = this.items.length;
    while (at > 0 && createdAtOf(this.items[at - 1]) > message.createdAt) at -= 1;
    this.items.splice(at, 0, item);
    if (this.items.length > MAX_ITEMS) this.items.splice(0, this.items.length - MAX_ITEMS);
    if (message.author !== "customer") {
      this.stopTyping();
      if (live) this.on.incoming(message);
    }
    this.afterChange();
    return true;
  }

  private stopTyping(): void {
    this.typingName = null;
    clearTimeout(this.typingTimer);
  }

  private addNotice(key: string, text: string, agent?: { id: string; name: string }): void {
    if (this.items.some((i) => i.key === key)) return;
    // "X joined" usually arrives just after X's first message: it goes right before that message.
    const at = agent ? this.items.findIndex((i) => i.kind === "message" && i.message.author === "agent" && i.message.agentId === agent.id) : -1;
    const first = this.items[at];
    const item: Item = { kind: "event", key, text, createdAt: first ? createdAtOf(first) : new Date().toISOString(), ...(agent ? { agent } : {}) };
    if (at >= 0) this.items.splice(at, 0, item);
    else this.items.push(item);
    this.on.notice(text);
    this.afterChange();
  }

  private setStatus(status: TicketStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.afterChange();
  }

  private afterChange(): void {
    this.persist();
    this.on.change();
  }

  private onFrame(frame: VisitorServerFrame): void {
    switch (frame.type) {
      case "message":
        // Socket frames arrive in server order with no gap: the resume point moves with them.
        this.accept(frame.message, this.ready || this.items.length > 0);
        this.lastSeenId = frame.message.id;
        this.persist();
        return;
      case "ready":
        this.ready = true;
        this.socket.live();
        this.stopPolling();
        this.connection = "live";
        this.status = frame.status;
        this.afterChange();
        for (const p of this.pending) this.deliver(p);
        return;
      case "typing":
        this.typingName = frame.name || T.anAgent;
        clearTimeout(this.typingTimer);
        this.typingTimer = setTimeout(() => {
          this.typingName = null;
          this.on.change();
        }, TYPING_SHOW_MS);
        this.on.change();
        return;
      case "agent.joined":
        this.addNotice(`joined:${frame.agent.id}`, fill(T.joined, { name: frame.agent.name || T.anAgent }), frame.agent);
        return;
      case "status":
        this.setStatus(frame.status);
        return;
      case "error":
        this.onError(frame);
        return;
      case "pong":
        return;
    }
  }

  private onError(frame: ErrorFrame): void {
    // The conversation was closed meanwhile: the composer offers a new one.
    if (frame.code === "conflict") this.setStatus("closed");
  }

  // ---- the socket (web/shared/socket.ts keeps it up) ------------------------------------------

  /** Resume point: without cached history ask for all of it, otherwise only what came after the last rendered message. */
  private socketUrl(): string | null {
    return socketUrl(this.apiBase, this.conversationId, this.visitorToken, this.items.length > 0 ? this.lastSeenId : null);
  }

  /** The socket dropped: poll over HTTP from the second failure on, and push pending sends over HTTP. */
  private socketDown(failures: number): void {
    this.ready = false;
    if (!this.conversationId) return;
    this.connection = "reconnecting";
    this.on.change();
    if (failures >= 2) this.startPolling();
    for (const p of this.pending) if (!this.inFlightHttp.has(p.clientMessageId)) void this.postPending(p);
  }

  private disconnect(): void {
    this.socket.stop(1000, "bye");
    this.ready = false;
    this.stopPolling();
    for (const t of this.ackTimers.values()) clearTimeout(t);
    this.ackTimers.clear();
  }

  // ---- HTTP fallback for receiving while the socket is down ------------------------------------

  private startPolling(): void {
    if (this.pollTimer !== undefined) return;
    const tick = async () => {
      try {
        await this.pollOnce();
      } catch (err) {
        if (err instanceof ApiError && (err.status === 401 || err.status === 404)) {
          this.lostConversation();
          return;
        }
      }
      if (this.pollTimer !== undefined && !this.ready) this.pollTimer = setTimeout(tick, POLL_MS);
      else this.pollTimer = undefined;
    };
    this.pollTimer = setTimeout(tick, 0);
  }

  private stopPolling(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private async pollOnce(): Promise<void> {
    let after = this.items.length > 0 ? this.lastSeenId : null;
    for (let page = 0; page < 10; page++) {
      const q = after ? `?after=${encodeURIComponent(after)}` : "";
      const thread = await this.http<ChatThread>("GET", `/messages${q}`);
      // The socket came back meanwhile: its resume owns the stream now.
      if (this.ready) return;
      for (const m of thread.items) {
        this.accept(m, true);
        this.lastSeenId = m.id;
      }
      this.setStatus(thread.status);
      this.persist();
      if (!thread.nextCursor) return;
      after = thread.nextCursor;
    }
  }

  // ---- plumbing ----------------------------------------------------------------------------

  private http<T>(method: string, suffix: string, body?: unknown): Promise<T> {
    return conversationRequest<T>(this.apiBase, this.conversationId, this.visitorToken, method, suffix, body);
  }

  private restore(): void {
    const s = loadStored(this.storageKey);
    if (!s) return;
    this.conversationId = s.conversationId;
    this.visitorToken = s.visitorToken;
    this.lastSeenId = s.lastSeenId;
    this.identityKey = s.identityKey;
    this.status = s.status;
    this.handedOff = s.handedOff === true;
    this.items = Array.isArray(s.items) ? s.items : [];
    this.pending = Array.isArray(s.pending) ? s.pending : [];
  }

  private persist(): void {
    if (!this.conversationId || !this.visitorToken) return;
    saveStored(this.storageKey, {
      v: 1,
      conversationId: this.conversationId,
      visitorToken: this.visitorToken,
      lastSeenId: this.lastSeenId,
      identityKey: this.identityKey,
      status: this.status,
      handedOff: this.handedOff,
      items: this.items.slice(-MAX_ITEMS),
      pending: this.pending.map(({ clientMessageId, text, createdAt }) => ({ clientMessageId, text, createdAt })),
    });
  }
}
