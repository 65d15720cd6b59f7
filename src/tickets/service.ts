// Helpdesk operations on tickets: the actor is called for every change; reads of lists use D1.
import { and, eq, inArray } from "drizzle-orm";
import { findAgent } from "../accounts/service.ts";
import { db } from "../db/client.ts";
import { agents } from "../db/schema/index.ts";
import { AppError, type ErrorIssue } from "../lib/errors.ts";
import { isOverMessageSize, MAX_MESSAGE_BYTES } from "../schemas/common.ts";
import type { TicketPatchInput } from "../schemas/ticket.ts";
import type { TicketPatch } from "./rpc.ts";

export function assertMessageSize(text: string, field = "body"): void {
  if (isOverMessageSize(text)) {
    throw new AppError("payload_too_large", `A message may be at most ${MAX_MESSAGE_BYTES / 1024} KB`, [{ path: field, message: "too large" }]);
  }
}

export async function assertAssignable(env: Env, accountId: string, agentId: string | null | undefined, path = "assigneeId"): Promise<void> {
  if (agentId == null) return;
  const agent = await findAgent(env, accountId, agentId);
  if (!agent) throw new AppError("validation_failed", "No such agent in this account", [{ path, message: "unknown agent" }]);
}

export async function assertAgentsExist(env: Env, accountId: string, ids: readonly string[], path: string): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db(env.DB).select({ id: agents.id }).from(agents).where(and(eq(agents.accountId, accountId), inArray(agents.id, [...ids])));
  const known = new Set(rows.map((r) => r.id));
  const issues: ErrorIssue[] = ids.filter((id) => !known.has(id)).map((id) => ({ path, message: `unknown agent ${id}` }));
  if (issues.length > 0) throw new AppError("validation_failed", "No such agent in this account", issues);
}

/** API patch (ISO times) → actor patch (epoch ms). */
export function toActorPatch(p: TicketPatchInput, now = Date.now()): TicketPatch {
  const out: TicketPatch = {};
  if (p.status !== undefined) out.status = p.status;
  if (p.assigneeId !== undefined) out.assigneeId = p.assigneeId;
  if (p.teamId !== undefined) out.teamId = p.teamId;
  if (p.tags !== undefined) out.tags = p.tags;
  if (p.spam !== undefined) out.spam = p.spam;
  if (p.unread !== undefined) out.unread = p.unread;
  if (p.priority !== undefined) out.priority = p.priority;
  if (p.snoozeUntil !== undefined) {
    if (p.snoozeUntil === null) out.snoozeUntil = null;
    else {
      const at = Date.parse(p.snoozeUntil);
      if (Number.isNaN(at)) throw new AppError("validation_failed", "snoozeUntil is not a valid time", [{ path: "snoozeUntil", message: "ISO 8601 time expected" }]);
      if (at <= now) throw new AppError("validation_failed", "snoozeUntil must be in the future", [{ path: "snoozeUntil", message: "must be in the future" }]);
      out.snoozeUntil = at;
    }
  }
  if (p.status === "snoozed" && out.snoozeUntil == null) {
    throw new AppError("validation_failed", "Snoozing needs snoozeUntil", [{ path: "snoozeUntil", message: "required when status is snoozed" }]);
  }
  return out;
}

/** Runs `fn` over `items` with at most `width` in flight. */
export async function inParallel<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      const item = items[i] as T;
      try {
        results[i] = { status: "fulfilled", value: await fn(item) };
      } catch (reason) {
        results[i] = { status: "rejected", reason };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
