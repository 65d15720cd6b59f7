// Ticket rules: when a ticket waits for the team, and when a quiet one closes itself (docs/product.md §2).
//
// Rule: a ticket is auto-closed when it is open, the team has replied (`lastAgentMessageAt`, which
// the caller sets for agent and AI replies, never for internal notes), the customer has not written
// since that reply, and at least `afterHours` have passed since it. Snoozed tickets wait for their
// snooze to end; closed tickets are already closed; `afterHours` null (or not a positive number)
// switches auto-close off. A ticket the team never answered is never auto-closed.

export type AutoCloseTicket = {
  status: "open" | "snoozed" | "closed";
  lastCustomerMessageAt: number | null;
  lastAgentMessageAt: number | null;
};

const HOUR = 3_600_000;

/** When the ticket becomes due for auto-close, or null if it never will as things stand (for scheduling an alarm). */
export function autoCloseDueAt(ticket: AutoCloseTicket, afterHours: number | null): number | null {
  if (afterHours === null || !Number.isFinite(afterHours) || afterHours <= 0) return null;
  const { status, lastAgentMessageAt, lastCustomerMessageAt } = ticket;
  if (status !== "open" || lastAgentMessageAt === null) return null;
  if (lastCustomerMessageAt !== null && lastCustomerMessageAt > lastAgentMessageAt) return null; // the team owes a reply
  return lastAgentMessageAt + afterHours * HOUR;
}

export function shouldAutoClose(ticket: AutoCloseTicket, afterHours: number | null, now: number): boolean {
  const dueAt = autoCloseDueAt(ticket, afterHours);
  return dueAt !== null && now >= dueAt;
}

/**
 * Waiting for the team: open, handled by the team (not the AI agent), not spam, with at least one message.
 * Such a ticket is in the team's views, counts toward an agent's open tickets and can be auto-assigned.
 */
export function waitingForTeam(t: { status: string; handledBy: string; spam: boolean; messageCount: number }): boolean {
  return t.status === "open" && t.handledBy === "team" && !t.spam && t.messageCount > 0;
}

/** The same rule over the D1 `tickets` index (columns unqualified, or qualified by `alias`). */
export function waitingForTeamSql(alias = ""): string {
  const c = alias ? `${alias}.` : "";
  return `${c}status = 'open' AND ${c}handled_by = 'team' AND ${c}spam = 0 AND ${c}message_count > 0`;
}

/**
 * Since when the customer has been waiting for the team: their last message, when no reply (the team's or the AI
 * agent's) came after it and the ticket is open; null when nobody waits.
 */
export function waitingSince(t: { status: string; lastCustomerMessageAt: number | null; lastAgentMessageAt: number | null }): number | null {
  if (t.status !== "open" || t.lastCustomerMessageAt === null) return null;
  return t.lastAgentMessageAt !== null && t.lastAgentMessageAt >= t.lastCustomerMessageAt ? null : t.lastCustomerMessageAt;
}
