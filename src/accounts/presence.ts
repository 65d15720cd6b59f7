// Agent presence: online/offline, set only by the agent themself (or by logout / a lost connection).
import { and, eq } from "drizzle-orm";
import { db } from "../db/client.ts";
import { agents } from "../db/schema/index.ts";

export type PresenceListener = (accountId: string, agentId: string, status: "online" | "offline") => Promise<void>;

const listeners: PresenceListener[] = [];

/** Other parts (the rotation actors) subscribe to presence changes here. */
export function onPresenceChange(listener: PresenceListener): void {
  listeners.push(listener);
}

export async function setPresence(env: Env, accountId: string, agentId: string, status: "online" | "offline", now = Date.now()): Promise<void> {
  await db(env.DB)
    .update(agents)
    .set({ status, lastSeenAt: now })
    .where(and(eq(agents.accountId, accountId), eq(agents.id, agentId)));
  const inbox = env.INBOX.get(env.INBOX.idFromName(accountId));
  await Promise.all([inbox.publish([{ type: "agent.status", agentId, status }]).catch(() => 0), ...listeners.map((l) => l(accountId, agentId, status))]);
}
