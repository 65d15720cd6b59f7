// Collision detection in the dashboard: who else has a ticket open and who is writing in it (from the inbox socket),
// and whether a colleague answered since I started my reply.
import { effect, signal } from "@preact/signals";
import type { Message } from "../api.ts";
import { liveState, sendFrame } from "./live.ts";
import { route } from "./route.ts";
import { me } from "./session.ts";

/** ticketId → the agents with it open (me included; the page leaves me out). */
export const viewers = signal<Record<string, string[]>>({});
/** ticketId → who writes what there, until when. */
export const composing = signal<Record<string, { agentId: string; kind: "reply" | "note"; until: number }[]>>({});

const SHOW_COMPOSING_MS = 6000;

export function setViewers(ticketId: string, agentIds: string[]): void {
  viewers.value = { ...viewers.value, [ticketId]: agentIds };
}

export function setComposing(ticketId: string, agentId: string, kind: "reply" | "note"): void {
  const now = Date.now();
  const others = (composing.value[ticketId] ?? []).filter((c) => c.agentId !== agentId && c.until > now);
  composing.value = { ...composing.value, [ticketId]: [...others, { agentId, kind, until: now + SHOW_COMPOSING_MS }] };
  setTimeout(() => {
    const left = (composing.value[ticketId] ?? []).filter((c) => c.until > Date.now());
    composing.value = { ...composing.value, [ticketId]: left };
  }, SHOW_COMPOSING_MS + 50);
}

/** A colleague's public message (reply) that came after `since` (the last message I had seen when I started writing). */
export function replyByOthersSince(messages: readonly Message[], since: string | null): Message | null {
  const myId = me.value?.id;
  const at = since ? messages.findIndex((m) => m.id === since) : -1;
  const after = messages.slice(at + 1);
  return after.find((m) => !m.internal && (m.author === "agent" || m.author === "ai") && m.agentId !== myId) ?? null;
}

// The open ticket is told to the inbox actor whenever it changes and again after every reconnect.
effect(() => {
  const ticketId = route.value.ticketId;
  if (liveState.value === "live") sendFrame({ type: "viewing", ticketId });
});
