// Customer profiles: found or created from whatever identifies the sender (email, phone, external id).
import { and, eq, type SQL } from "drizzle-orm";
import { db } from "../db/client.ts";
import { profiles } from "../db/schema/index.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";

export type ProfileRow = typeof profiles.$inferSelect;

export interface ProfileIdentity {
  email?: string | null | undefined;
  phone?: string | null | undefined;
  externalId?: string | null | undefined;
  name?: string | null | undefined;
}

export async function findProfile(env: Env, accountId: string, who: ProfileIdentity): Promise<ProfileRow | null> {
  const d = db(env.DB);
  const keys: SQL[] = [];
  if (who.externalId) keys.push(eq(profiles.externalId, who.externalId));
  if (who.email) keys.push(eq(profiles.email, who.email.toLowerCase()));
  if (who.phone) keys.push(eq(profiles.phone, who.phone));
  for (const key of keys) {
    const rows = await d.select().from(profiles).where(and(eq(profiles.accountId, accountId), key)).limit(1);
    if (rows[0]) return rows[0];
  }
  return null;
}

/** Idempotent under concurrency: a lost insert race reads the winner's row. */
export async function findOrCreateProfile(env: Env, accountId: string, who: ProfileIdentity, now = Date.now()): Promise<ProfileRow | null> {
  if (!who.email && !who.phone && !who.externalId) return null;
  const found = await findProfile(env, accountId, who);
  if (found) {
    if (who.name && !found.name) {
      await db(env.DB).update(profiles).set({ name: who.name, updatedAt: now }).where(eq(profiles.id, found.id));
      return { ...found, name: who.name };
    }
    return found;
  }
  await db(env.DB)
    .insert(profiles)
    .values({
      id: newId("prof", now),
      accountId,
      email: who.email?.toLowerCase() ?? null,
      phone: who.phone ?? null,
      externalId: who.externalId ?? null,
      name: who.name ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  return findProfile(env, accountId, who);
}

export async function profileOr404(env: Env, accountId: string, profileId: string): Promise<ProfileRow> {
  const rows = await db(env.DB).select().from(profiles).where(and(eq(profiles.accountId, accountId), eq(profiles.id, profileId))).limit(1);
  if (!rows[0]) throw new AppError("not_found", "profile not found");
  return rows[0];
}

/** Replaces the profile's segment memberships and/or its name. */
export async function updateProfile(env: Env, accountId: string, profileId: string, patch: { segments?: string[] | undefined; name?: string | null | undefined }, now = Date.now()): Promise<ProfileRow> {
  await profileOr404(env, accountId, profileId);
  const set: Partial<ProfileRow> = { updatedAt: now };
  if (patch.segments !== undefined) set.segments = JSON.stringify([...new Set(patch.segments)]);
  if (patch.name !== undefined) set.name = patch.name;
  await db(env.DB).update(profiles).set(set).where(and(eq(profiles.accountId, accountId), eq(profiles.id, profileId)));
  return profileOr404(env, accountId, profileId);
}
