// What the widget tells a shopper before they write: whether someone from the team is online now, and whether the
// AI agent answers web chat. Only a yes/no leaves the account, never who or how many.
import { and, eq } from "drizzle-orm";
import { getSettings } from "../accounts/settings.ts";
import { firstResponder } from "../agent/conversation.ts";
import { db } from "../db/client.ts";
import { agents } from "../db/schema/index.ts";

export interface Availability {
  teamOnline: boolean;
  assistant: boolean;
}

export async function availability(env: Env, accountId: string): Promise<Availability> {
  const [settings, online] = await Promise.all([
    getSettings(env, accountId),
    db(env.DB)
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.accountId, accountId), eq(agents.status, "online")))
      .limit(1),
  ]);
  return { teamOnline: online.length > 0, assistant: firstResponder(settings, "webchat") === "ai" };
}
