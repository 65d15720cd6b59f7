// Customer profiles: one per person per account, found or created from whatever identifies the sender, merged by identity.
//
// A merged profile keeps its row (its email/phone/external id stay unique) with `merged_into` pointing at the
// survivor, so every lookup by its identifiers lands on the survivor; see docs/profiles.md.
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import { db } from "../db/client.ts";
import { commerceActions, profileEvents, profiles } from "../db/schema/index.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import { mergedConsent, mergedSegments, survivorOf } from "./merge.ts";

export type ProfileRow = typeof profiles.$inferSelect;

export interface ProfileIdentity {
  email?: string | null | undefined;
  phone?: string | null | undefined;
  externalId?: string | null | undefined;
  name?: string | null | undefined;
}

/** A surviving profile and the rows merged into it (its other emails, phones, external ids). */
export interface ResolvedProfile {
  profile: ProfileRow;
  aliases: ProfileRow[];
}

async function byId(env: Env, accountId: string, id: string): Promise<ProfileRow | null> {
  const rows = await db(env.DB).select().from(profiles).where(and(eq(profiles.accountId, accountId), eq(profiles.id, id))).limit(1);
  return rows[0] ?? null;
}

/** The row itself, or the profile it was merged into. */
async function survivingRow(env: Env, accountId: string, row: ProfileRow): Promise<ProfileRow> {
  if (!row.mergedInto) return row;
  return (await byId(env, accountId, row.mergedInto)) ?? row;
}

async function matches(env: Env, accountId: string, who: ProfileIdentity): Promise<ProfileRow[]> {
  const keys: SQL[] = [];
  if (who.externalId) keys.push(eq(profiles.externalId, who.externalId));
  if (who.email) keys.push(eq(profiles.email, who.email.trim().toLowerCase()));
  if (who.phone) keys.push(eq(profiles.phone, who.phone));
  if (keys.length === 0) return [];
  const rows = await db(env.DB).select().from(profiles).where(and(eq(profiles.accountId, accountId), or(...keys)));
  const out: ProfileRow[] = [];
  for (const row of rows) {
    const survivor = await survivingRow(env, accountId, row);
    if (!out.some((p) => p.id === survivor.id)) out.push(survivor);
  }
  return out;
}

export async function findProfile(env: Env, accountId: string, who: ProfileIdentity): Promise<ProfileRow | null> {
  const found = await matches(env, accountId, who);
  return found.length === 0 ? null : survivorOf(found);
}

/**
 * Idempotent under concurrency: a lost insert race reads the winner's row. Identities that point at two
 * profiles (the email at one, the phone at another) merge them into the older one; a new identifier for a
 * known person is kept as an alias row of their profile. With no identifier at all, an anonymous profile is
 * created when `anonymous` is set (a web-chat visitor who gave nothing yet), else null.
 */
export async function findOrCreateProfile(env: Env, accountId: string, who: ProfileIdentity, now = Date.now(), opts: { anonymous?: boolean } = {}): Promise<ProfileRow | null> {
  const email = who.email?.trim().toLowerCase() || null;
  const identity = { email, phone: who.phone || null, externalId: who.externalId || null };
  if (!identity.email && !identity.phone && !identity.externalId) {
    if (!opts.anonymous) return null;
    const id = newId("prof", now);
    await db(env.DB).insert(profiles).values({ id, accountId, name: who.name ?? null, createdAt: now, updatedAt: now });
    return byId(env, accountId, id);
  }
  const found = await matches(env, accountId, identity);
  let survivor: ProfileRow | null = found.length === 0 ? null : survivorOf(found);
  if (survivor) {
    for (const other of found) if (other.id !== survivor.id) await mergeRows(env, accountId, survivor, other, now);
    if (found.length > 1) survivor = await byId(env, accountId, survivor.id);
  }
  if (!survivor) {
    await db(env.DB)
      .insert(profiles)
      .values({ id: newId("prof", now), accountId, ...identity, name: who.name ?? null, createdAt: now, updatedAt: now })
      .onConflictDoNothing();
    return findProfile(env, accountId, identity);
  }
  await linkNewIdentifiers(env, accountId, survivor, identity, now);
  if (who.name && !survivor.name) {
    await db(env.DB).update(profiles).set({ name: who.name, updatedAt: now }).where(eq(profiles.id, survivor.id));
    return { ...survivor, name: who.name };
  }
  return survivor;
}

/** Identifiers no profile holds yet become the survivor's own (when its field is empty) or an alias row. */
async function linkNewIdentifiers(env: Env, accountId: string, survivor: ProfileRow, identity: { email: string | null; phone: string | null; externalId: string | null }, now: number): Promise<void> {
  // The common case (the sender is known by exactly what they sent) costs no query.
  if ((["email", "phone", "externalId"] as const).every((f) => !identity[f] || identity[f] === survivor[f])) return;
  const d = db(env.DB);
  const held = await d
    .select({ email: profiles.email, phone: profiles.phone, externalId: profiles.externalId })
    .from(profiles)
    .where(and(eq(profiles.accountId, accountId), or(eq(profiles.id, survivor.id), eq(profiles.mergedInto, survivor.id))));
  const fields = ["email", "phone", "externalId"] as const;
  for (const field of fields) {
    const value = identity[field];
    if (!value || held.some((h) => h[field] === value)) continue;
    if (survivor[field] === null) {
      await d.update(profiles).set({ [field]: value, updatedAt: now }).where(eq(profiles.id, survivor.id)).catch(() => undefined);
      survivor[field] = value;
    } else {
      await d.insert(profiles).values({ id: newId("prof", now), accountId, [field]: value, mergedInto: survivor.id, createdAt: now, updatedAt: now }).onConflictDoNothing();
    }
  }
}

/** Moves `loser` (and whatever was merged into it) under `survivor`; segments and consent are combined. */
async function mergeRows(env: Env, accountId: string, survivor: ProfileRow, loser: ProfileRow, now: number): Promise<void> {
  const d = db(env.DB);
  const inAccount = eq(profiles.accountId, accountId);
  await d.batch([
    d.update(profiles).set({ mergedInto: survivor.id, updatedAt: now }).where(and(inAccount, or(eq(profiles.id, loser.id), eq(profiles.mergedInto, loser.id)))),
    d
      .update(profiles)
      .set({
        name: survivor.name ?? loser.name,
        segments: JSON.stringify(mergedSegments(survivor.segments, loser.segments)),
        smsConsent: mergedConsent(survivor.smsConsent, loser.smsConsent),
        whatsappConsent: mergedConsent(survivor.whatsappConsent, loser.whatsappConsent),
        emailConsent: mergedConsent(survivor.emailConsent, loser.emailConsent),
        updatedAt: now,
      })
      .where(and(inAccount, eq(profiles.id, survivor.id))),
    d.update(profileEvents).set({ profileId: survivor.id }).where(and(eq(profileEvents.accountId, accountId), eq(profileEvents.profileId, loser.id))),
    d.update(commerceActions).set({ profileId: survivor.id }).where(and(eq(commerceActions.accountId, accountId), eq(commerceActions.profileId, loser.id))),
    d.insert(profileEvents).values({ id: newId("pev", now), accountId, profileId: survivor.id, metric: "merged_profile", occurredAt: now, properties: JSON.stringify({ mergedProfileId: loser.id }) }),
  ]);
}

/** Merging by hand: `sourceId` joins `targetId` (which survives). */
export async function mergeProfiles(env: Env, accountId: string, targetId: string, sourceId: string, now = Date.now()): Promise<ResolvedProfile> {
  const target = await resolveProfile(env, accountId, targetId);
  const source = await resolveProfile(env, accountId, sourceId);
  if (target.profile.id === source.profile.id) throw new AppError("conflict", "These profiles are already the same person", [{ path: "profileId", message: "already merged" }]);
  await mergeRows(env, accountId, target.profile, source.profile, now);
  return resolveProfile(env, accountId, target.profile.id);
}

/** The surviving profile for an id (a merged profile's id still works) with its aliases; 404 for foreign ids. */
export async function resolveProfile(env: Env, accountId: string, profileId: string): Promise<ResolvedProfile> {
  const row = await byId(env, accountId, profileId);
  if (!row) throw new AppError("not_found", "profile not found");
  const profile = await survivingRow(env, accountId, row);
  const aliases = await db(env.DB).select().from(profiles).where(and(eq(profiles.accountId, accountId), eq(profiles.mergedInto, profile.id)));
  return { profile, aliases };
}

export async function profileOr404(env: Env, accountId: string, profileId: string): Promise<ProfileRow> {
  return (await resolveProfile(env, accountId, profileId)).profile;
}

/** Every id that belongs to this person: the survivor's and its aliases'. */
export function profileIds(r: ResolvedProfile): string[] {
  return [r.profile.id, ...r.aliases.map((a) => a.id)];
}

export function emailsOf(r: ResolvedProfile): string[] {
  return [r.profile.email, ...r.aliases.map((a) => a.email)].filter((e): e is string => !!e);
}

export function phonesOf(r: ResolvedProfile): string[] {
  return [r.profile.phone, ...r.aliases.map((a) => a.phone)].filter((p): p is string => !!p);
}

/** Replaces the profile's segment memberships and/or its name. */
export async function updateProfile(env: Env, accountId: string, profileId: string, patch: { segments?: string[] | undefined; name?: string | null | undefined }, now = Date.now()): Promise<ProfileRow> {
  const target = await profileOr404(env, accountId, profileId);
  const set: Partial<ProfileRow> = { updatedAt: now };
  if (patch.segments !== undefined) set.segments = JSON.stringify([...new Set(patch.segments)]);
  if (patch.name !== undefined) set.name = patch.name;
  await db(env.DB).update(profiles).set(set).where(and(eq(profiles.accountId, accountId), eq(profiles.id, target.id)));
  return profileOr404(env, accountId, target.id);
}

export type ConsentChannel = "sms" | "whatsapp" | "email";
export type ConsentState = ProfileRow["smsConsent"];

const consentColumn = { sms: "smsConsent", whatsapp: "whatsappConsent", email: "emailConsent" } as const;

/** Stores a consent change on the surviving profile and puts it on the timeline. */
export async function setConsent(env: Env, accountId: string, profileId: string, channel: ConsentChannel, state: ConsentState, source: string, now = Date.now()): Promise<void> {
  const target = await profileOr404(env, accountId, profileId);
  const d = db(env.DB);
  await d.batch([
    d.update(profiles).set({ [consentColumn[channel]]: state, updatedAt: now }).where(eq(profiles.id, target.id)),
    d.insert(profileEvents).values({ id: newId("pev", now), accountId, profileId: target.id, metric: "consent_changed", occurredAt: now, properties: JSON.stringify({ channel, state, source }) }),
  ]);
}

export function consentOf(p: ProfileRow): Record<ConsentChannel, ConsentState> {
  return { sms: p.smsConsent, whatsapp: p.whatsappConsent, email: p.emailConsent };
}

export async function profilesByIds(env: Env, accountId: string, ids: readonly string[]): Promise<ProfileRow[]> {
  if (ids.length === 0) return [];
  return db(env.DB).select().from(profiles).where(and(eq(profiles.accountId, accountId), inArray(profiles.id, [...ids])));
}
