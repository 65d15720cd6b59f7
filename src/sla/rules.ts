// SLA rules (issue 13 §4): which policy applies to a ticket, which target is running, when it is due, and whether a
// finished target was met. Pure: the ticket actor stores the result (src/sla/inTicket.ts), D1 indexes it.
import { z } from "@hono/zod-openapi";
import { nextClosing, nextOpening, type OfficeHours } from "../assignment/officeHours.ts";
import { channels } from "../schemas/ticket.ts";

export const priorities = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof priorities)[number];
export const prioritySchema = z.enum(priorities);

const minutes = z.number().int().min(1).max(60 * 24 * 90);

export const slaPolicyInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    match: z
      .object({
        channels: z.array(z.enum(channels)).min(1).max(channels.length).optional(),
        priorities: z.array(prioritySchema).min(1).max(priorities.length).optional(),
        tags: z.array(z.string().trim().min(1).max(64)).min(1).max(20).optional(),
      })
      .strict()
      .default({})
      .openapi({ description: "Every list given must hold the ticket's value (tags: any of the ticket's tags); none = every ticket" }),
    firstResponseMinutes: minutes,
    nextResponseMinutes: minutes.nullable().optional(),
    resolutionMinutes: minutes.nullable().optional(),
    businessHours: z.boolean().default(false).openapi({ description: "Count only the account's office hours (Settings → office hours)" }),
  })
  .strict()
  .openapi("SlaPolicyInput");

export const slaPolicySchema = slaPolicyInput
  .extend({ id: z.string(), match: slaPolicyInput.shape.match, nextResponseMinutes: minutes.nullable(), resolutionMinutes: minutes.nullable() })
  .openapi("SlaPolicy");
export type SlaPolicy = z.output<typeof slaPolicySchema>;

export type SlaKind = "first_response" | "next_response" | "resolution";

/** The target a ticket is running against, as its actor stores it. */
export interface SlaTarget {
  policyId: string;
  kind: SlaKind;
  startedAt: number;
  dueAt: number;
  /** Amber from here: three quarters of the way to the due time. */
  warnAt: number;
}

export interface SlaTicket {
  channel: (typeof channels)[number];
  status: "open" | "snoozed" | "closed";
  spam: boolean;
  handledBy: "team" | "ai";
  tags: readonly string[];
  priority?: Priority | undefined;
  createdAt: number;
  firstResponseAt: number | null;
  lastCustomerMessageAt: number | null;
  lastAgentMessageAt: number | null;
}

/** The first policy (in the order the account lists them) whose every condition holds. */
export function matchPolicy(policies: readonly SlaPolicy[], t: SlaTicket): SlaPolicy | null {
  const tags = new Set(t.tags.map((x) => x.toLowerCase()));
  for (const p of policies) {
    const m = p.match ?? {};
    if (m.channels && !m.channels.includes(t.channel)) continue;
    if (m.priorities && !m.priorities.includes(t.priority ?? "normal")) continue;
    if (m.tags && !m.tags.some((x) => tags.has(x.toLowerCase()))) continue;
    return p;
  }
  return null;
}

/** `start` plus `ms` of open time: around the clock, or only inside office hours (null hours = always open). */
export function addWorkingTime(hours: OfficeHours | null, start: number, ms: number): number {
  if (hours === null) return start + ms;
  let at = start;
  let left = ms;
  // Bounded: a target of at most 90 days in office hours crosses at most a few hundred open periods.
  for (let i = 0; i < 2_000; i++) {
    const open = nextOpening(hours, at);
    if (open === null) return Number.MAX_SAFE_INTEGER;
    const close = nextClosing(hours, open) ?? Number.MAX_SAFE_INTEGER;
    if (open + left <= close) return open + left;
    left -= close - open;
    at = close;
  }
  return Number.MAX_SAFE_INTEGER;
}

/**
 * The target running now: none while the ticket is closed, snoozed, spam or with the AI agent; else the first
 * response until the team answers, then the next response whenever the customer wrote last, then resolution.
 */
export function runningTarget(t: SlaTicket, policy: SlaPolicy | null, hours: OfficeHours | null): SlaTarget | null {
  if (!policy || t.status !== "open" || t.spam || t.handledBy !== "team" || t.lastCustomerMessageAt === null) return null;
  const target = (kind: SlaKind, startedAt: number, mins: number): SlaTarget => {
    const clock = policy.businessHours ? hours : null;
    const dueAt = addWorkingTime(clock, startedAt, mins * 60_000);
    return { policyId: policy.id, kind, startedAt, dueAt, warnAt: addWorkingTime(clock, startedAt, Math.round(mins * 0.75 * 60_000)) };
  };
  if (t.firstResponseAt === null) return target("first_response", t.createdAt, policy.firstResponseMinutes);
  if (policy.nextResponseMinutes && t.lastCustomerMessageAt > (t.lastAgentMessageAt ?? 0)) return target("next_response", t.lastCustomerMessageAt, policy.nextResponseMinutes);
  if (policy.resolutionMinutes) return target("resolution", t.createdAt, policy.resolutionMinutes);
  return null;
}

export type SlaState = "ok" | "warning" | "breached";

export function slaState(target: Pick<SlaTarget, "dueAt" | "warnAt">, now: number): SlaState {
  if (now >= target.dueAt) return "breached";
  return now >= target.warnAt ? "warning" : "ok";
}

/**
 * A target that stopped running was met if it stopped in time. Only answered targets count: a first or next
 * response the team gave, or a resolution by closing. A target that stopped because the ticket was snoozed, marked
 * spam or handed to the AI agent is not measured.
 */
export function finishedTarget(previous: SlaTarget | null, next: SlaTarget | null, t: SlaTicket, now: number): { met: boolean } | null {
  if (!previous) return null;
  if (next && next.kind === previous.kind && next.startedAt === previous.startedAt) return null;
  const answered =
    previous.kind === "resolution" ? t.status === "closed" : t.lastAgentMessageAt !== null && t.lastAgentMessageAt >= previous.startedAt;
  return answered ? { met: now <= previous.dueAt } : null;
}
