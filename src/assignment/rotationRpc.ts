// The rotation actor's RPC shapes (durable-objects/rotation.ts): offers, reports of ticket changes, presence, snapshots.

/** Which rotation: a team's (teamId) or the account-wide one (teamId null). Every call names it. */
export interface RotationRef {
  accountId: string;
  teamId: string | null;
}

export interface OfferInput {
  ticketId: string;
  /** When the ticket was created: the backlog goes out oldest first. */
  createdAt: number;
  /** The ticket as routing saw it; the assignment only lands if it is still so. */
  expect: { assigneeId: string | null; teamId: string | null };
}

export interface OfferResult {
  /** false when the rotation does not take it: already a member's, already waiting, or no such team. */
  queued: boolean;
  waiting: number;
  /** The team no longer exists (deleted): the ticket should leave it. */
  teamGone: boolean;
}

/** What changed on a ticket, as far as counts and the waiting queue care. */
export interface TicketReport {
  ticketId: string;
  version: number;
  active: boolean;
  assigneeId: string | null;
  teamId: string | null;
}

export interface PresenceInput {
  agentId: string;
  online: boolean;
  /** When the agent's status changed; an older change never overrides a newer one. */
  at: number;
}

export interface RotationMemberView {
  agentId: string;
  online: boolean;
  capacity: number | null;
  /** Active tickets assigned to this member. */
  open: number;
}

export interface RotationSnapshot {
  accountId: string | null;
  teamId: string | null;
  enabled: boolean;
  /** Inside office hours now (by the actor's clock). */
  openNow: boolean;
  members: RotationMemberView[];
  pointer: string | null;
  /** Waiting tickets, oldest first. */
  waiting: { ticketId: string; createdAt: number }[];
  /** The ticket whose assignment is in flight, if any. */
  inFlight: { ticketId: string; agentId: string } | null;
  alarmAt: number | null;
}
