// What the widget keeps of a conversation (thread items, sends not confirmed yet) and its copy in localStorage, so a reload or the next page resumes it.
import type { UploadedFile } from "./transport.ts";
import type { Visitor } from "../../src/schemas/chat.ts";
import type { MessageView as Message, TicketStatus } from "../../src/schemas/ticket.ts";

export interface Pending {
  clientMessageId: string;
  text: string;
  createdAt: string;
  /** Files uploaded for this message (they go over HTTP with it). */
  attachments?: UploadedFile[];
  /** Set once the HTTP fallback also failed: the UI shows "not sent yet". */
  stalled?: boolean;
}

export type Item =
  | { kind: "message"; key: string; message: Message }
  | { kind: "event"; key: string; text: string; createdAt: string; agent?: { id: string; name: string } };

export interface Stored {
  v: 1;
  conversationId: string;
  visitorToken: string;
  lastSeenId: string | null;
  identityKey: string | null;
  status: TicketStatus;
  handedOff?: boolean;
  items: Item[];
  pending: Pending[];
}

/** Whose conversation it is, as far as the page says: a different shopper's page never shows it (ChatClient.identify). */
export function identityKeyOf(v: Visitor): string | null {
  return v.externalId ? `x:${v.externalId}` : v.email ? `e:${v.email.toLowerCase()}` : null;
}

export function createdAtOf(item: Item | undefined): string {
  if (!item) return "";
  return item.kind === "message" ? item.message.createdAt : item.createdAt;
}

/** The saved conversation, or null when there is none, storage is blocked or the entry is not ours. */
export function loadStored(key: string): Stored | null {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Stored;
    if (s.v !== 1 || !s.conversationId || !s.visitorToken) return null;
    return s;
  } catch {
    // corrupt entry: start fresh
    return null;
  }
}

export function saveStored(key: string, s: Stored): void {
  try {
    localStorage.setItem(key, JSON.stringify(s));
  } catch {
    // storage full or blocked: the conversation still works for this page view
  }
}

export function forgetStored(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // storage unavailable: nothing to forget
  }
}
