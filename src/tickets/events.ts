// Live events the inbox actor fans out to dashboards (API.md `GET /api/inbox/ws`).
import type { MessageView, TicketView } from "../schemas/ticket.ts";

export type InboxEvent =
  | { type: "ticket.created" | "ticket.updated" | "ticket.snooze_ended"; ticket: TicketView }
  | { type: "message.created"; ticket: TicketView; message: MessageView }
  | { type: "agent.status"; agentId: string; status: "online" | "offline" };
