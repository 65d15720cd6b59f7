// Live events the inbox actor fans out to dashboards (docs/realtime.md, docs/api.md `GET /api/inbox/ws`).
import type { MessageView, TicketView } from "../schemas/ticket.ts";

export type TicketEventType = "ticket.created" | "ticket.updated" | "ticket.snooze_ended";

/** One plain shape (not a union) so it crosses Durable Object RPC with its type intact. */
export interface InboxEvent {
  type: TicketEventType | "message.created" | "agent.status" | "typing";
  ticket?: TicketView;
  message?: MessageView;
  ticketId?: string;
  agentId?: string;
  status?: "online" | "offline";
  author?: "customer" | "agent";
  name?: string;
}

/** Frames the ticket actor sends to the shopper's widget sockets. */
export interface VisitorFrame {
  type: "message" | "typing" | "agent.joined" | "status" | "ready" | "handoff.offer" | "error";
  message?: MessageView;
  author?: "agent" | "ai";
  name?: string;
  agent?: { id: string; name: string };
  status?: string;
  code?: string;
  text?: string;
}
