// Merging two tickets of one customer (issue 13 §5): who may be merged, how two threads interleave by time, and
// how the surviving ticket's counters follow its new thread. Pure; the actors do it (src/tickets/mergeInTicket.ts).
import type { Customer, MessageRecord, TicketState } from "./model.ts";
import { previewOf } from "./model.ts";

/** An unmerge is offered for this long after the merge. */
export const UNMERGE_WINDOW_MS = 60_000;

/** The same person: one profile, or the same email or phone. */
export function sameCustomer(a: Customer, b: Customer): boolean {
  if (a.profileId && b.profileId && a.profileId === b.profileId) return true;
  if (a.email && b.email && a.email.toLowerCase() === b.email.toLowerCase()) return true;
  return Boolean(a.phone && b.phone && a.phone.replace(/[^\d+]/g, "") === b.phone.replace(/[^\d+]/g, ""));
}

export type Threaded = MessageRecord & { origin?: string | null };

/** Both threads in time order; at equal times the surviving ticket's message comes first. Ids seen twice are kept once. */
export function interleave(own: readonly Threaded[], incoming: readonly MessageRecord[], origin: string): Threaded[] {
  const seen = new Set(own.map((m) => m.id));
  const tagged = incoming.filter((m) => !seen.has(m.id)).map((m, i) => ({ m: { ...m, origin } as Threaded, side: 1, i }));
  const all = [...own.map((m, i) => ({ m, side: 0, i })), ...tagged];
  all.sort((a, b) => a.m.createdAt - b.m.createdAt || a.side - b.side || a.i - b.i);
  return all.map((x) => x.m);
}

/** The ticket's counters and times as its thread now says (after a merge or an unmerge rewrote it). */
export function recount(t: TicketState, thread: readonly MessageRecord[]): void {
  t.messageCount = thread.length;
  const shown = thread.filter((m) => !m.internal);
  const last = <T>(xs: readonly T[]) => xs[xs.length - 1];
  t.lastMessageAt = last(shown)?.createdAt ?? null;
  t.lastCustomerMessageAt = last(shown.filter((m) => m.author === "customer"))?.createdAt ?? null;
  t.lastAgentMessageAt = last(shown.filter((m) => m.author === "agent" || m.author === "ai"))?.createdAt ?? null;
  const firstAgent = shown.find((m) => m.author === "agent");
  t.firstResponseAt = firstAgent?.createdAt ?? null;
  const people = shown.filter((m) => m.author === "customer" || m.author === "agent");
  const latest = last(people) ?? last(shown);
  t.preview = latest ? previewOf(latest.body) : null;
}
