// What a ticket actor offers the collaborators that work inside it (the AI agent's turn, the shopper's socket):
// its state, its thread, and the one way to make a change visible — append, patch, then commit.
import type { ActorStorage } from "../actors/storage.ts";
import type { Seams } from "../actors/seams.ts";
import type { StoredAttachment } from "../schemas/files.ts";
import type { Author, Card } from "../schemas/ticket.ts";
import type { TicketEventType, VisitorFrame } from "../schemas/live.ts";
import type { MessageRecord, TicketState } from "./model.ts";
import type { TicketPatch } from "./rpc.ts";
import type { Thread } from "./thread.ts";

export interface NewMessage {
  author: Author;
  body: string;
  /** Idempotency: a message with this id already in the thread is not added again. */
  id?: string;
  agentId?: string | null;
  cards?: Card[] | null;
  attachments?: StoredAttachment[] | null;
  internal?: boolean;
}

export interface TicketHost {
  readonly env: Env;
  readonly store: ActorStorage;
  readonly thread: Thread;
  seams(): Seams;
  /** The ticket (throws not_found before it exists). */
  ticket(): TicketState;
  /** Stores a message and applies it to the state (delivery queued with it); visible after `commit`. Null when the id is already in the thread. */
  append(input: NewMessage): MessageRecord | null;
  /** Applies a patch to the state; visible after `commit`. */
  patch(p: TicketPatch): void;
  /** Saves the state and tells the inbox, the shopper's sockets, assignment and the D1 index, once for everything appended since. */
  commit(previous: ReturnType<typeof before>, messages: readonly (MessageRecord | null)[], events?: TicketEventType[]): Promise<void>;
  toVisitors(frame: VisitorFrame): void;
}

/** What the inbox and the shopper compare a commit against. */
export function before(t: TicketState): { status: TicketState["status"]; assigneeId: string | null; handledBy: TicketState["handledBy"] } {
  return { status: t.status, assigneeId: t.assigneeId, handledBy: t.handledBy };
}
