// The ticket actor's RPC shapes: what the Worker sends a ticket and what it answers. Plain objects, no unions
// at the top level (Durable Object stub types keep only the first member of a union).
import type { Author, Card, Channel, MessageView, TicketStatus, TicketView } from "../schemas/ticket.ts";
import type { StoredAttachment } from "../schemas/files.ts";
import type { Customer } from "./model.ts";

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
  /** Why the spam filter sent it to Spam (shown on the ticket). */
  spamReason?: string;
  teamId?: string | null;
  /** A web-chat visitor whose identity the shop signed (identityHash): "logged in" for the AI agent. */
  verified?: boolean;
  /** The email the shop's identityHash signed: the only one the AI agent may look a logged-in shopper's data up by. */
  verifiedEmail?: string | null;
  /** The externalId that identityHash signed: only a page proving this shopper may resume the chat elsewhere (src/chat/resume.ts). */
  verifiedExternalId?: string | null;
}

export interface CustomerMessageInput {
  /** Stable id: a retry of the same provider message or client send carries the same id. */
  id: string;
  body: string;
  cards?: Card[];
  attachments?: StoredAttachment[];
}

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

/** A follow-up link's resume token, checked by the Worker, to exchange in the ticket (src/chat/resume.ts). */
export interface ResumeInput {
  accountId: string;
  jti: string;
  exp: number;
  /** The identity the resuming page proved (identityHash checked by the Worker), or null. */
  externalId: string | null;
}

/** A follow-up link's resume token exchanged in the ticket (src/chat/resume.ts). */
export interface ResumeResult {
  /** "": exchanged; "used": the token was exchanged before; "erased": the conversation was erased; "identity": it belongs to a signed-in shopper the page did not prove. */
  refused: "" | "used" | "erased" | "identity";
  /** The conversation's shopper is signed in (identityHash), and the page proved it is them. */
  verified: boolean;
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
  attachments?: StoredAttachment[];
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
  priority?: "low" | "normal" | "high" | "urgent";
  /** A person on the team made this change: a close then asks for CSAT (`csatLink`: the email survey's link). */
  closedBy?: { agentId: string; csatLink: string | null };
  /** Compare-and-set for automatic assignment: change nothing unless the ticket is still waiting for the team with exactly this assignee and team. */
  ifUnchanged?: { assigneeId: string | null; teamId: string | null };
}
