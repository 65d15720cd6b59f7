// Assignment triggers: what a change to a ticket means for routing, rotation queues and capacity counts (docs/product.md §3).
//
// Rules decided here (the spec names the triggers, not their edges):
// - A ticket is *active* while it waits for the team (`waitingForTeam`, src/tickets/rules.ts): open, handled by the team (not the AI agent),
//   not spam, and the customer has written. Only active tickets are routed, queued or counted
//   against an agent's capacity.
// - Becoming active (a new ticket's first message, a reopen, a handoff from the AI agent, "not
//   spam", a snooze ending) runs tag and segment routing; if routing keeps the team, an unassigned
//   ticket is offered to its team's rotation, or to the account-wide one when it has no team.
// - While active, a tag change runs routing again (a routed team change then moves it); a team
//   change (routing's or an agent's) offers it to the new team, whose rotation replaces an assignee
//   who is not a member. Neither touches an assignee otherwise.
// - Manual changes ("No assignee", assign, reassign) are never undone by the rotation.

import { waitingForTeam } from "../tickets/rules.ts";

export type AssignmentFacts = {
  accountId: string;
  ticketId: string;
  /** The ticket actor's version when these facts were taken (orders reports). */
  version: number;
  createdAt: number;
  active: boolean;
  assigneeId: string | null;
  teamId: string | null;
  /** Lower-cased, sorted. */
  tags: string[];
  profileId: string | null;
};

export type TicketLike = {
  id: string;
  accountId: string;
  version: number;
  createdAt: number;
  status: "open" | "snoozed" | "closed";
  handledBy: "team" | "ai";
  spam: boolean;
  messageCount: number;
  assigneeId: string | null;
  teamId: string | null;
  tags: readonly string[];
  customer: { profileId?: string | undefined };
};

export function factsOf(t: TicketLike): AssignmentFacts {
  return {
    accountId: t.accountId,
    ticketId: t.id,
    version: t.version,
    createdAt: t.createdAt,
    active: waitingForTeam(t),
    assigneeId: t.assigneeId,
    teamId: t.teamId,
    tags: [...new Set(t.tags.map((tag) => tag.trim().toLowerCase()))].sort(),
    profileId: t.customer.profileId ?? null,
  };
}

/** Whether two snapshots mean the same to assignment (the version aside). */
export function sameFacts(a: AssignmentFacts, b: AssignmentFacts): boolean {
  return (
    a.active === b.active &&
    a.assigneeId === b.assigneeId &&
    a.teamId === b.teamId &&
    a.profileId === b.profileId &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}

export type AssignmentPlan = {
  /** Agents whose count of active assigned tickets changed: their rotations must hear it. */
  recount: string[];
  /** The ticket waited in this rotation's queue (team id; null = account-wide) and no longer waits there. */
  leftQueueOf: { teamId: string | null } | null;
  /** "route": run tag and segment routing; "move": offer to the (new) team's rotation; null: nothing more. */
  action: "route" | "move" | null;
};

/** What a change from `before` (null = never reported) to `after` asks of assignment. */
export function planAssignment(before: AssignmentFacts | null, after: AssignmentFacts): AssignmentPlan {
  const wasActive = before?.active ?? false;
  const recount = new Set<string>();
  const countedBefore = before?.active && before.assigneeId ? before.assigneeId : null;
  const countedAfter = after.active && after.assigneeId ? after.assigneeId : null;
  if (countedBefore !== countedAfter) {
    if (countedBefore) recount.add(countedBefore);
    if (countedAfter) recount.add(countedAfter);
  }
  const teamMoved = (before?.teamId ?? null) !== after.teamId;
  const waited = before !== null && before.active && before.assigneeId === null;
  const leftQueueOf = waited && (!after.active || after.assigneeId !== null || teamMoved) ? { teamId: before.teamId } : null;
  let action: AssignmentPlan["action"] = null;
  if (after.active && !wasActive) action = "route";
  else if (after.active && teamMoved) action = "move";
  else if (after.active && before !== null && before.tags.join("\n") !== after.tags.join("\n")) action = "route";
  return { recount: [...recount], leftQueueOf, action };
}

export type RoutingOutcome =
  /** The ticket joins `teamId` (the next change offers it there). */
  | { kind: "adopt"; teamId: string }
  /** Offer the ticket to this rotation (team id; null = account-wide). */
  | { kind: "offer"; teamId: string | null }
  | { kind: "none" };

/**
 * After routing chose `routedTeamId` (null = no team matched): a different team takes the ticket; or,
 * when it just became active, unassigned, an offer to its team's rotation or the account-wide one
 * (only with round robin on).
 */
export function afterRouting(after: AssignmentFacts, routedTeamId: string | null, justActive: boolean, roundRobin: boolean): RoutingOutcome {
  if (routedTeamId !== null && routedTeamId !== after.teamId) return { kind: "adopt", teamId: routedTeamId };
  if (!justActive || after.assigneeId !== null) return { kind: "none" };
  if (after.teamId !== null) return { kind: "offer", teamId: after.teamId };
  return roundRobin ? { kind: "offer", teamId: null } : { kind: "none" };
}

/** A team move: the new team's rotation takes it (replacing a non-member); no team = account-wide, unassigned only. */
export function afterMove(after: AssignmentFacts, roundRobin: boolean): RoutingOutcome {
  if (after.teamId !== null) return { kind: "offer", teamId: after.teamId };
  return after.assigneeId === null && roundRobin ? { kind: "offer", teamId: null } : { kind: "none" };
}
