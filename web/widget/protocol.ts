// The widget's view of the web-chat contract: docs/api.md "Web chat" and docs/realtime.md (shopper ↔ ticket actor).
import type { Card, MessageView, TicketStatus } from "../../src/schemas/ticket.ts";

export type Message = MessageView;
export type { Card, TicketStatus };

export interface Visitor {
  email?: string;
  name?: string;
  externalId?: string;
  identityHash?: string;
}

export interface ConversationCreated {
  conversationId: string;
  ticketId: string;
  visitorToken: string;
}

export interface ChatMessageResult {
  message: Message;
  replies: Message[];
}

export interface ChatThread {
  conversationId: string;
  status: TicketStatus;
  items: Message[];
  nextCursor: string | null;
}

export interface ApiErrorBody {
  error?: { code?: string; message?: string; issues?: { path: string; message: string }[] };
}

/** Server → widget frames. */
export type ServerFrame =
  | { type: "message"; message: Message }
  | { type: "ready"; status: TicketStatus }
  | { type: "typing"; author: "agent" | "ai"; name?: string }
  | { type: "agent.joined"; agent: { id: string; name: string } }
  | { type: "status"; status: TicketStatus }
  | { type: "handoff.offer" }
  | { type: "error"; code: string; message?: string; text?: string }
  | { type: "pong" };

/** Widget → server frames. */
export type ClientFrame = { type: "message"; text: string; clientMessageId: string } | { type: "typing" } | { type: "ping" };

/** The id the server stores a client-sent message under (src/api/chat.ts, durable-objects/ticket.ts). */
export function serverIdOf(clientMessageId: string): string {
  return `msg_c${clientMessageId}`;
}

export function isServerFrame(v: unknown): v is ServerFrame {
  return typeof v === "object" && v !== null && typeof (v as { type?: unknown }).type === "string";
}
