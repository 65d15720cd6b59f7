// How a ticket's state changes: a new ticket, a message in its thread, a patch from the team. Pure; the actor stores the result.
import { actorError } from "../lib/errors.ts";
import type { MessageRecord, TicketState } from "./model.ts";
import { normaliseTags, previewOf } from "./model.ts";
import type { CreateTicketInput, TicketPatch } from "./rpc.ts";
import { waitingForTeam } from "./rules.ts";

export function newTicket(init: CreateTicketInput, number: number, now: number): TicketState {
  return {
    id: init.id,
    accountId: init.accountId,
    number,
    channel: init.channel,
    status: "open",
    snoozeUntil: null,
    assigneeId: null,
    teamId: init.teamId ?? null,
    tags: normaliseTags(init.tags ?? []),
    customer: init.customer,
    spam: init.spam ?? false,
    spamReason: init.spam ? (init.spamReason ?? null) : null,
    unread: true,
    handledBy: init.handledBy ?? "team",
    subject: init.subject ?? null,
    preview: null,
    messageCount: 0,
    createdAt: now,
    updatedAt: now,
    lastMessageAt: null,
    lastCustomerMessageAt: null,
    lastAgentMessageAt: null,
    firstResponseAt: null,
    closedAt: null,
    threadKey: init.threadKey ?? null,
    version: 0,
  };
}

/** A message joined the thread (internal notes count, but neither move the preview nor the last-message time). */
export function addMessage(t: TicketState, m: MessageRecord): void {
  t.messageCount += 1;
  t.updatedAt = m.createdAt;
  if (m.internal) return;
  t.lastMessageAt = m.createdAt;
  // The list shows what people wrote; the AI agent's and the system's lines only fill an empty preview.
  // A message of files alone is previewed by their names.
  const text = m.body || (m.attachments ?? []).map((a) => `📎 ${a.name}`).join(", ");
  if (m.author === "customer" || m.author === "agent" || t.preview === null) t.preview = previewOf(text);
  if (m.author === "customer") {
    if (t.status !== "open") {
      t.status = "open";
      t.snoozeUntil = null;
      t.closedAt = null;
    }
    t.unread = true;
    t.lastCustomerMessageAt = m.createdAt;
  } else if (m.author === "agent") {
    t.lastAgentMessageAt = m.createdAt;
    if (t.firstResponseAt == null) t.firstResponseAt = m.createdAt;
    t.unread = false;
    // A person writing to the customer takes the conversation: from the AI agent, and from nobody (docs/assignment.md).
    if (m.agentId && (t.assigneeId === null || t.handledBy === "ai")) t.assigneeId = m.agentId;
    t.handledBy = "team";
  } else if (m.author === "ai") {
    t.lastAgentMessageAt = m.createdAt;
  }
}

/** Applies the team's patch; false when a compare-and-set (`ifUnchanged`) found the ticket changed, leaving it as it was. */
export function applyPatch(t: TicketState, patch: TicketPatch, now: number): boolean {
  if (patch.ifUnchanged) {
    if (!waitingForTeam(t) || t.assigneeId !== patch.ifUnchanged.assigneeId || t.teamId !== patch.ifUnchanged.teamId) return false;
  }
  if (patch.status !== undefined) {
    if (patch.status === "snoozed") {
      const until = patch.snoozeUntil ?? t.snoozeUntil;
      if (until == null || until <= now) throw actorError("validation_failed", "snoozeUntil must be a future time to snooze a ticket");
      t.snoozeUntil = until;
    } else {
      t.snoozeUntil = null;
    }
    if (patch.status === "closed" && t.status !== "closed") t.closedAt = now;
    if (patch.status !== "closed") t.closedAt = null;
    t.status = patch.status;
  } else if (patch.snoozeUntil !== undefined) {
    if (patch.snoozeUntil === null) {
      if (t.status === "snoozed") t.status = "open";
      t.snoozeUntil = null;
    } else {
      if (patch.snoozeUntil <= now) throw actorError("validation_failed", "snoozeUntil must be in the future");
      t.status = "snoozed";
      t.snoozeUntil = patch.snoozeUntil;
      t.closedAt = null;
    }
  }
  if (patch.assigneeId !== undefined) t.assigneeId = patch.assigneeId;
  if (patch.teamId !== undefined) t.teamId = patch.teamId;
  if (patch.tags !== undefined) t.tags = normaliseTags(patch.tags);
  if (patch.addTags) t.tags = normaliseTags([...t.tags, ...patch.addTags]);
  if (patch.removeTags) {
    const drop = new Set(patch.removeTags.map((x) => x.trim().toLowerCase()));
    t.tags = t.tags.filter((x) => !drop.has(x.toLowerCase()));
  }
  if (patch.spam !== undefined && patch.spam !== t.spam) {
    t.spam = patch.spam;
    t.spamReason = patch.spam ? "Marked as spam by the team" : null;
  }
  if (patch.priority !== undefined) t.priority = patch.priority;
  if (patch.unread !== undefined) t.unread = patch.unread;
  if (patch.handledBy !== undefined) t.handledBy = patch.handledBy;
  if (patch.customer) t.customer = { ...t.customer, ...patch.customer };
  t.updatedAt = now;
  return true;
}
