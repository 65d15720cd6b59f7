// Agent presence: online/offline, set only by the agent themself (or by logout / a lost connection).
import { and, eq, isNull, lte, or } from "drizzle-orm";
import { db } from "../db/client.ts";
import { agents } from "../db/schema/index.ts";
import { DEFAULT_PRESENCE_GRACE_SECONDS } from "./settings.ts";

export type PresenceListener = (env: Env, accountId: string, agentId: string, status: "online" | "offline") => Promise<void>;

const listeners: PresenceListener[] = [];

/** Other parts (the rotation actors) subscribe to presence changes here. */
export function onPresenceChange(listener: PresenceListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

export async function setPresence(env: Env, accountId: string, agentId: string, status: "online" | "offline", now = Date.now()): Promise<void> {
  await db(env.DB)
    .update(agents)
    .set({ status, lastSeenAt: now })
    .where(and(eq(agents.accountId, accountId), eq(agents.id, agentId)));
  await announce(env, accountId, agentId, status);
}

async function announce(env: Env, accountId: string, agentId: string, status: "online" | "offline"): Promise<void> {
  const inbox = env.INBOX.get(env.INBOX.idFromName(accountId));
  await Promise.all([inbox.publish([{ type: "agent.status", agentId, status }]).catch(() => 0), ...listeners.map((l) => l(env, accountId, agentId, status))]);
}

/** Writes of last_seen_at closer together than this are skipped (heartbeats arrive every ~25 s per tab). */
const SEEN_RESOLUTION_MS = 10_000;

/**
 * The agent is still there (a dashboard socket message, a heartbeat): keeps an online agent from being
 * swept offline. Never changes the status itself. Called by the inbox actor on socket messages.
 */
export async function markSeen(env: Env, accountId: string, agentId: string, now = Date.now()): Promise<void> {
  await db(env.DB)
    .update(agents)
    .set({ lastSeenAt: now })
    .where(and(eq(agents.id, agentId), eq(agents.accountId, accountId), or(isNull(agents.lastSeenAt), lte(agents.lastSeenAt, now - SEEN_RESOLUTION_MS))));
}

/**
 * Marks offline every online agent not seen for their account's presence grace (no dashboard
 * message, no heartbeat), and tells everyone as a status change. Run from the Worker's cron.
 */
export async function sweepStalePresence(env: Env, now = Date.now()): Promise<{ accountId: string; agentId: string }[]> {
  const stale = await env.DB.prepare(
    `UPDATE agents SET status = 'offline'
     WHERE status = 'online'
       AND COALESCE(last_seen_at, 0) < ? - 1000 * COALESCE(
         (SELECT CASE WHEN json_valid(settings) THEN json_extract(settings, '$.assignment.presenceGraceSeconds') END FROM accounts WHERE accounts.id = agents.account_id),
         ?)
     RETURNING id, account_id`,
  )
    .bind(now, DEFAULT_PRESENCE_GRACE_SECONDS)
    .all<{ id: string; account_id: string }>();
  const gone = stale.results.map((r) => ({ accountId: r.account_id, agentId: r.id }));
  for (const g of gone) {
    try {
      await announce(env, g.accountId, g.agentId, "offline");
    } catch (err) {
      console.warn(`presence sweep: telling about ${g.agentId} failed`, err);
    }
  }
  return gone;
}
