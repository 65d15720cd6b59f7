// The ticket actor's state and how it is shown through the API.
import { attachmentViews } from "../files/urls.ts";
import { iso } from "../lib/clock.ts";
import { visibleAiTags } from "./autoTags.ts";
import { waitingSince } from "./rules.ts";
import type { StoredAttachment } from "../schemas/files.ts";
import type { Author, Card, Channel, MessageView, TicketStatus, TicketView } from "../schemas/ticket.ts";
import { slaState, type Priority, type SlaTarget } from "../sla/rules.ts";

export interface Customer {
  profileId?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  name?: string | undefined;
}

export interface TicketState {
  id: string;
  accountId: string;
  number: number;
  channel: Channel;
  status: TicketStatus;
  snoozeUntil: number | null;
  assigneeId: string | null;
  teamId: string | null;
  tags: string[];
  /** Tags the AI set on the first customer message; undefined until then (src/tickets/autoTags.ts). */
  aiTags?: string[] | undefined;
  customer: Customer;
  spam: boolean;
  /** Why it is in Spam: the filter's signals, or an agent's marking; absent for tickets from before it was kept. */
  spamReason?: string | null;
  unread: boolean;
  handledBy: "team" | "ai";
  subject: string | null;
  preview: string | null;
  messageCount: number;
  createdAt: number;
  updatedAt: number;
  lastMessageAt: number | null;
  lastCustomerMessageAt: number | null;
  lastAgentMessageAt: number | null;
  firstResponseAt: number | null;
  closedAt: number | null;
  /** Channel thread this ticket answers on (email thread, sender), for delivery. */
  threadKey: string | null;
  /** Bumped on every change; orders the write-through to D1. */
  version: number;
  // Added with issue 13; states stored before lack them (read as the defaults).
  priority?: Priority;
  /** The SLA target running now (src/sla/rules.ts), and the finished targets: how many, how many in time. */
  sla?: SlaTarget | null;
  /** The policy that applied last (kept when no target runs, for the reports' share met per policy). */
  slaPolicyId?: string | null;
  slaMeasured?: number;
  slaMet?: number;
  /** When the shopper was asked for a rating, and their answer. */
  csatAskedAt?: number | null;
  csat?: { score: number; comment?: string; at: number } | null;
  /** This ticket was merged into that one (it is closed and points there). */
  mergedInto?: string | null;
  /** When the customer's content was erased (src/privacy/ticketContent.ts): the ticket takes no more messages. */
  erasedAt?: number | null;
}

export interface MessageRecord {
  id: string;
  seq: number;
  author: Author;
  agentId: string | null;
  body: string;
  cards: Card[] | null;
  /** Files the message carries (src/files/); shown with signed links. */
  attachments?: StoredAttachment[] | null;
  internal: boolean;
  channel: Channel;
  createdAt: number;
  /** Set on messages a merge brought from another ticket (its id). */
  origin?: string | null;
}

export function toTicketView(t: TicketState, now = Date.now()): TicketView {
  const view: TicketView = {
    id: t.id,
    number: t.number,
    channel: t.channel,
    status: t.status,
    assigneeId: t.assigneeId,
    teamId: t.teamId,
    tags: [...t.tags],
    aiTags: visibleAiTags(t.aiTags, t.tags),
    customer: stripUndefined(t.customer),
    spam: t.spam,
    unread: t.unread,
    handledBy: t.handledBy,
    messageCount: t.messageCount,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    priority: t.priority ?? "normal",
  };
  if (t.sla) view.sla = { policyId: t.sla.policyId, kind: t.sla.kind, startedAt: iso(t.sla.startedAt), dueAt: iso(t.sla.dueAt), warnAt: iso(t.sla.warnAt), state: slaState(t.sla, now) };
  if (t.csat) view.csat = t.csat.comment ? { score: t.csat.score, comment: t.csat.comment, at: iso(t.csat.at) } : { score: t.csat.score, at: iso(t.csat.at) };
  if (t.csatAskedAt != null) view.csatAskedAt = iso(t.csatAskedAt);
  if (t.mergedInto) view.mergedInto = t.mergedInto;
  if (t.snoozeUntil != null && t.status === "snoozed") view.snoozeUntil = iso(t.snoozeUntil);
  if (t.subject) view.subject = t.subject;
  if (t.spam && t.spamReason) view.spamReason = t.spamReason;
  if (t.preview) view.preview = t.preview;
  if (t.lastMessageAt != null) view.lastMessageAt = iso(t.lastMessageAt);
  if (t.lastCustomerMessageAt != null) view.lastCustomerMessageAt = iso(t.lastCustomerMessageAt);
  const waiting = waitingSince(t);
  if (waiting != null) view.waitingSince = iso(waiting);
  if (t.firstResponseAt != null) view.firstResponseAt = iso(t.firstResponseAt);
  if (t.closedAt != null) view.closedAt = iso(t.closedAt);
  return view;
}

export function toMessageView(ticketId: string, m: MessageRecord): MessageView {
  const view: MessageView = {
    id: m.id,
    ticketId,
    author: m.author,
    body: m.body,
    attachments: attachmentViews(ticketId, m.attachments ?? []),
    internal: m.internal,
    channel: m.channel,
    createdAt: iso(m.createdAt),
  };
  if (m.agentId) view.agentId = m.agentId;
  if (m.cards && m.cards.length > 0) view.cards = m.cards;
  return view;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

export function previewOf(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
}
