// Tags a ticket's first customer message: the account's auto-tag setting, the customer's segments and the offline router.
import { and, eq } from "drizzle-orm";
import { recentAccountSettings, type AccountSettings } from "../accounts/settings.ts";
import { createOfflineRouter, type IntentRouter } from "../agent/router/index.ts";
import { db } from "../db/client.ts";
import { profiles } from "../db/schema/index.ts";
import { autoTags } from "./autoTags.ts";
import { normaliseTags, type TicketState } from "./model.ts";

let router: IntentRouter | undefined;

async function segmentsOf(env: Env, accountId: string, profileId: string | undefined): Promise<string[]> {
  if (!profileId) return [];
  const rows = await db(env.DB).select({ segments: profiles.segments, mergedInto: profiles.mergedInto }).from(profiles).where(and(eq(profiles.accountId, accountId), eq(profiles.id, profileId))).limit(1);
  const row = rows[0];
  if (!row) return [];
  const own = row.mergedInto ? await segmentsOf(env, accountId, row.mergedInto) : (JSON.parse(row.segments) as string[]);
  return Array.isArray(own) ? own : [];
}

/** The AI tags for a ticket's first message, or null when the account turned auto-tagging off (`settings`: the actor's copy, when it has one). */
export async function tagsForFirstMessage(env: Env, accountId: string, profileId: string | undefined, text: string, settings?: AccountSettings | null): Promise<string[] | null> {
  const config = (settings ?? (await recentAccountSettings(env, accountId))).autoTags ?? { enabled: true, allowedTags: [] };
  if (!config.enabled) return null;
  router ??= createOfflineRouter();
  const [decision, segments] = await Promise.all([router.classify({ text }), segmentsOf(env, accountId, profileId).catch(() => [])]);
  return autoTags({ skill: decision.skill, confidence: decision.confidence, text, segments, allowed: config.allowedTags ?? [] });
}

/** The first customer message's AI tags join the ticket's tags, once (`aiTags` stays set, even empty). */
export function applyAiTags(t: TicketState, aiTags: string[] | null): void {
  if (!aiTags || t.aiTags !== undefined) return;
  t.aiTags = aiTags;
  t.tags = normaliseTags([...t.tags, ...aiTags]);
}
