// The inbox socket's own state (connection, unread badges, who is typing) and what the agent sends over it; store.ts routes its frames.
import { computed, effect, signal } from "@preact/signals";
import type { InboxClientFrame } from "../../../src/schemas/live.ts";
import { InboxSocket, type LiveHandlers, type LiveState, type UnreadCounts } from "../live.ts";
import { account, session } from "./session.ts";

export const liveState = signal<LiveState>("connecting");
export const unread = signal<UnreadCounts>({ mine: 0, unassigned: 0, all: 0 });
/** The unread badges can be switched off (docs/product.md §2); a per-browser preference. */
export const showUnread = signal<boolean>(localStorage.getItem("edgedesk:showUnread") !== "0");
/** ticketId → until when the customer shows as typing. */
export const customerTyping = signal<Record<string, number>>({});

/** Badges show when the account allows them (Settings → Assignment) and the agent has not hidden them for themselves. */
export const badgesOn = computed(() => (account.value?.settings?.unreadBadge?.enabled ?? true) && showUnread.value);

export function setShowUnread(on: boolean): void {
  showUnread.value = on;
  localStorage.setItem("edgedesk:showUnread", on ? "1" : "0");
}

let socket: InboxSocket | null = null;

/** A fresh socket for this token; the one before it (if any) is closed first. */
export function connect(token: string, on: LiveHandlers): void {
  socket?.stop();
  socket = new InboxSocket(token, on);
  socket.start();
}

export function disconnect(): void {
  socket?.stop();
  socket = null;
}

/** Any frame to the inbox actor (false when the socket is not up). */
export function sendFrame(frame: InboxClientFrame): boolean {
  return socket?.send(frame) ?? false;
}

/** The agent opened the ticket: the inbox actor clears its unread flag. */
export function sendRead(ticketId: string): void {
  socket?.send({ type: "read", ticketId });
}

let typingSentAt = 0;

/** The agent types in a ticket: a reply tells the shopper, either kind tells colleagues (at most every 2 s, per docs/realtime.md). */
export function agentTyping(ticketId: string, kind: "reply" | "note" = "reply"): void {
  const now = Date.now();
  if (now - typingSentAt < 2000) return;
  typingSentAt = now;
  socket?.send({ type: "typing", ticketId, kind });
}

const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

export function setTyping(ticketId: string): void {
  customerTyping.value = { ...customerTyping.value, [ticketId]: Date.now() + 5000 };
  clearTimeout(typingTimers.get(ticketId));
  typingTimers.set(ticketId, setTimeout(() => clearTyping(ticketId), 5000));
}

export function clearTyping(ticketId: string): void {
  if (!(ticketId in customerTyping.value)) return;
  const next = { ...customerTyping.value };
  delete next[ticketId];
  customerTyping.value = next;
}

// The tab title carries my unread count, so a background tab still tells me something arrived.
effect(() => {
  const n = session.value && badgesOn.value ? unread.value.mine + unread.value.unassigned : 0;
  document.title = n > 0 ? `(${n}) Edgedesk` : "Edgedesk";
});
