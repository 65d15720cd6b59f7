// The shopper's widget sockets on a ticket actor: resume on connect, frames out to every open widget, and
// frames in (a message, typing) checked before they reach the ticket. Hibernation-safe: no state in memory.
import { findAgent } from "../accounts/service.ts";
import type { ActorStorage } from "../actors/storage.ts";
import { clientIp } from "../audit/record.ts";
import { asAppError } from "../lib/errors.ts";
import { enforceLimit, isExemptIp } from "../lib/rateLimit.ts";
import { closeSocket } from "../lib/sockets.ts";
import { errorFrame, parseVisitorClientFrame, PONG_FRAME, type VisitorFrame } from "../schemas/live.ts";
import { toMessageView, type MessageRecord, type TicketState } from "../tickets/model.ts";
import type { ChatMessageResult } from "../tickets/rpc.ts";
import type { Thread } from "../tickets/thread.ts";

const TAG = "visitor";
const RESUME_PAGE = 200;

export interface VisitorHandlers {
  message: (clientMessageId: string, text: string) => Promise<ChatMessageResult>;
  typing: () => void;
}

export class VisitorSockets {
  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
    private readonly store: ActorStorage,
    private readonly thread: Thread,
  ) {}

  /** A widget connects: everything after `?after=` (its last seen message), then `ready`, then live frames. */
  accept(request: Request, t: TicketState): Response {
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, [TAG]);
    // The address the widget connected from decides once whether its messages count against the limits.
    const ip = clientIp(request.headers);
    server.serializeAttachment({ role: TAG, conv: t.id, ip, limited: !isExemptIp(this.env, ip) });
    const after = new URL(request.url).searchParams.get("after");
    let afterSeq = after ? (this.thread.find(after)?.seq ?? 0) : 0;
    for (;;) {
      const batch = this.thread.after({ afterSeq, limit: RESUME_PAGE, includeInternal: false });
      for (const m of batch) send(server, { type: "message", message: toMessageView(t.id, m) });
      if (batch.length < RESUME_PAGE) break;
      afterSeq = batch[batch.length - 1]?.seq ?? afterSeq;
    }
    send(server, { type: "ready", status: t.status });
    return new Response(null, { status: 101, webSocket: client });
  }

  /** To every widget open on this conversation; returns how many there are. */
  broadcast(frame: VisitorFrame): number {
    const sockets = this.ctx.getWebSockets(TAG);
    if (sockets.length === 0) return 0;
    const payload = JSON.stringify(frame);
    for (const ws of sockets) {
      try {
        ws.send(payload);
      } catch {
        // gone; webSocketClose cleans up
      }
    }
    return sockets.length;
  }

  /** A frame from a widget. */
  /** A frame from a widget, checked with the same schema as the HTTP route (src/schemas/live.ts). */
  async received(ws: WebSocket, raw: string | ArrayBuffer, on: VisitorHandlers): Promise<void> {
    const parsed = parseVisitorClientFrame(raw);
    if (!parsed.ok) return send(ws, parsed.error);
    const frame = parsed.frame;
    if (frame.type === "ping") return sendRaw(ws, PONG_FRAME);
    if (frame.type === "typing") return on.typing();
    try {
      const attachment = ws.deserializeAttachment() as { conv?: string; ip?: string | null; limited?: boolean } | null;
      // The same budgets as the HTTP route (src/api/chat.ts): one visitor's messages, and one address's.
      if (attachment?.conv && attachment.limited !== false) {
        await enforceLimit(this.env, "chatMessagePerConversation", attachment.conv);
        if (attachment.ip) await enforceLimit(this.env, "chatMessagePerIp", attachment.ip);
      }
      const res = await on.message(frame.clientMessageId, frame.text);
      if (!res.accepted) send(ws, errorFrame("conflict", "This conversation is closed; start a new conversation"));
      // A new message reaches every widget through the commit; a retried one only needs echoing back.
      else if (res.message && res.duplicate) send(ws, { type: "message", message: res.message });
    } catch (err) {
      const e = asAppError(err);
      send(ws, errorFrame(e?.code ?? "internal", e?.message ?? "could not store the message"));
    }
  }

  closed(ws: WebSocket, code: number, reason: string): void {
    // Always answer the close handshake.
    closeSocket(ws, code, reason);
  }

  /** "An agent joined", once per agent per conversation. */
  async announceJoined(accountId: string, agentId: string): Promise<void> {
    const key = `joined:${agentId}`;
    if (this.store.get(key) !== null) return;
    this.store.set(key, "1");
    const agent = await findAgent(this.env, accountId, agentId);
    this.broadcast({ type: "agent.joined", agent: { id: agentId, name: agent?.name ?? "An agent" } });
  }

  hasJoined(agentId: string): boolean {
    return this.store.get(`joined:${agentId}`) !== null;
  }

  /** Agents the shopper should hear joined: a new assignee, or an agent writing to them for the first time. */
  joining(previousAssignee: string | null, assignee: string | null, messages: readonly MessageRecord[]): string[] {
    if (assignee && previousAssignee !== assignee) return [assignee];
    const writers = messages.filter((m) => m.author === "agent" && !m.internal && m.agentId && !this.hasJoined(m.agentId)).map((m) => m.agentId!);
    return [...new Set(writers)];
  }
}

function send(ws: WebSocket, frame: VisitorFrame): void {
  sendRaw(ws, JSON.stringify(frame));
}

function sendRaw(ws: WebSocket, payload: string): void {
  try {
    ws.send(payload);
  } catch {
    // gone
  }
}
