// Live events the inbox actor fans out to dashboards: typed once, in the live protocol (src/schemas/live.ts).
import type { MessageView, TicketStatus } from "../schemas/ticket.ts";

export type { InboxEvent, TicketEventType } from "../schemas/live.ts";

/**
 * @deprecated The ticket actor's old visitor frames (error frames carry `text`). Use `VisitorFrame`,
 * `errorFrame()` and `parseVisitorClientFrame()` from src/schemas/live.ts; this goes once the ticket actor does.
 */
export interface VisitorFrame {
  type: "message" | "typing" | "agent.joined" | "status" | "ready" | "error";
  message?: MessageView;
  author?: "agent" | "ai";
  name?: string;
  agent?: { id: string; name: string };
  status?: TicketStatus;
  code?: string;
  text?: string;
}
