// What the dashboard shows about a customer: the profile with consent, predictions, loyalty and tickets, and its timeline.
import { and, count, desc, eq, gt, inArray } from "drizzle-orm";
import { db } from "../db/client.ts";
import { profileEvents, profiles, tickets } from "../db/schema/index.ts";
import type { LoyaltyBalance, Order } from "../integrations/types.ts";
import { iso } from "../lib/clock.ts";
import { newId } from "../lib/ids.ts";
import { commerceProviders, profileOrders, type CommerceProviders } from "./commerce.ts";
import { predictionsFrom } from "./predictions.ts";
import { consentOf, emailsOf, phonesOf, profileIds, type ResolvedProfile } from "./service.ts";
import { loyaltyChange, orderEvents, pageTimeline, returnEvents, type ProfileEvent, type TimelinePage } from "./timeline.ts";

function segmentsOf(raw: string): string[] {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
  } catch {
    return [];
  }
}

export interface LoyaltyView {
  points: number;
  tier: string | null;
  pointsName: string | null;
  programName: string | null;
  rewards: { name: string; pointsCost: number }[];
  /** Where the shopper redeems points (the store's rewards page). */
  redeemUrl: string | null;
  howToRedeem: string;
}

async function loyaltyOf(cp: CommerceProviders, who: ResolvedProfile): Promise<LoyaltyView | null> {
  const loyalty = cp.providers.loyalty;
  const email = emailsOf(who)[0];
  if (!loyalty || !email) return null;
  let balance: LoyaltyBalance | null = null;
  try {
    balance = await loyalty.getBalance({ email });
  } catch {
    return null;
  }
  if (!balance) return null;
  const program = await loyalty.programInfo().catch(() => null);
  const redeemUrl = program?.redeemUrl ?? null;
  const pointsName = program?.pointsName ?? "points";
  const cheapest = program?.rewards.slice().sort((a, b) => a.pointsCost - b.pointsCost)[0];
  const howToRedeem =
    balance.rewards.length > 0
      ? `Sign in to the store account, open Rewards and pick a reward (${balance.rewards.map((r) => `${r.name} for ${r.pointsCost} ${pointsName}`).join(", ")}); the code applies at checkout.`
      : cheapest
        ? `Not enough ${pointsName} for a reward yet: the first one, ${cheapest.name}, needs ${cheapest.pointsCost}.`
        : `Sign in to the store account and open Rewards.`;
  return { points: balance.points, tier: balance.tier ?? null, pointsName, programName: program?.name ?? null, rewards: balance.rewards, redeemUrl, howToRedeem };
}

/** Puts a changed loyalty balance on the timeline (the provider keeps no history we can read). */
async function noteLoyalty(env: Env, accountId: string, who: ResolvedProfile, loyalty: LoyaltyView | null, now: number): Promise<void> {
  if (!loyalty) return;
  let previous: { points: number; tier: string | null } | null = null;
  try {
    previous = who.profile.loyaltySnapshot ? (JSON.parse(who.profile.loyaltySnapshot) as { points: number; tier: string | null }) : null;
  } catch {
    previous = null;
  }
  const change = loyaltyChange(previous, { points: loyalty.points, tier: loyalty.tier });
  if (!change) return;
  const snapshot = JSON.stringify({ points: loyalty.points, tier: loyalty.tier });
  const d = db(env.DB);
  // The snapshot compare-and-set keeps two concurrent reads from writing the change twice.
  const res = await d
    .update(profiles)
    .set({ loyaltySnapshot: snapshot })
    .where(and(eq(profiles.id, who.profile.id), who.profile.loyaltySnapshot === null ? eq(profiles.id, who.profile.id) : eq(profiles.loyaltySnapshot, who.profile.loyaltySnapshot)))
    .run();
  if (res.meta.changes === 1) await d.insert(profileEvents).values({ id: newId("pev", now), accountId, profileId: who.profile.id, metric: "loyalty_changed", occurredAt: now, properties: JSON.stringify(change) });
  who.profile.loyaltySnapshot = snapshot;
}

export async function ticketCount(env: Env, accountId: string, who: ResolvedProfile): Promise<number> {
  const rows = await db(env.DB)
    .select({ n: count() })
    .from(tickets)
    .where(and(eq(tickets.accountId, accountId), inArray(tickets.customerProfileId, profileIds(who)), gt(tickets.messageCount, 0)));
  return rows[0]?.n ?? 0;
}

export async function profileTickets(env: Env, accountId: string, who: ResolvedProfile, limit = 20) {
  const rows = await db(env.DB)
    .select({ id: tickets.id, number: tickets.number, channel: tickets.channel, status: tickets.status, subject: tickets.subject, preview: tickets.preview, createdAt: tickets.createdAt, updatedAt: tickets.updatedAt })
    .from(tickets)
    .where(and(eq(tickets.accountId, accountId), inArray(tickets.customerProfileId, profileIds(who)), gt(tickets.messageCount, 0)))
    .orderBy(desc(tickets.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) }));
}

export async function profileDetails(env: Env, accountId: string, who: ResolvedProfile, now = Date.now()) {
  const p = who.profile;
  const cp = await commerceProviders(env, accountId, now);
  const [orders, tickets, loyalty] = await Promise.all([profileOrders(cp, who, 250).catch(() => [] as Order[]), ticketCount(env, accountId, who), loyaltyOf(cp, who)]);
  await noteLoyalty(env, accountId, who, loyalty, now);
  return {
    id: p.id,
    name: p.name,
    email: emailsOf(who)[0] ?? null,
    phone: phonesOf(who)[0] ?? null,
    emails: emailsOf(who),
    phones: phonesOf(who),
    externalId: p.externalId ?? who.aliases.find((a) => a.externalId)?.externalId ?? null,
    consent: consentOf(p),
    segments: segmentsOf(p.segments),
    ticketCount: tickets,
    predictions: predictionsFrom(orders, now),
    loyalty,
    mergedProfileIds: who.aliases.map((a) => a.id),
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

/** Store facts (orders, shipments, returns) read live, next to what Edgedesk recorded and the profile's conversations. */
export async function profileTimeline(env: Env, accountId: string, who: ResolvedProfile, opts: { metrics: string[]; after: { occurredAt: number; id: string } | null; limit: number }, now = Date.now()): Promise<TimelinePage> {
  const cp = await commerceProviders(env, accountId, now);
  const ids = profileIds(who);
  const d = db(env.DB);
  await noteLoyalty(env, accountId, who, await loyaltyOf(cp, who), now);
  const [orders, returns, stored, conversations] = await Promise.all([
    profileOrders(cp, who, 250).catch(() => [] as Order[]),
    Promise.all(emailsOf(who).map((email) => cp.providers.returns?.listReturns({ email }).catch(() => []) ?? Promise.resolve([]))).then((r) => r.flat()),
    d.select().from(profileEvents).where(and(eq(profileEvents.accountId, accountId), inArray(profileEvents.profileId, ids))),
    d
      .select({ id: tickets.id, number: tickets.number, channel: tickets.channel, subject: tickets.subject, createdAt: tickets.createdAt, status: tickets.status })
      .from(tickets)
      .where(and(eq(tickets.accountId, accountId), inArray(tickets.customerProfileId, ids), gt(tickets.messageCount, 0))),
  ]);
  const recorded: ProfileEvent[] = stored.map((e) => ({ id: e.id, metric: e.metric, occurredAt: e.occurredAt, properties: JSON.parse(e.properties) as Record<string, unknown> }));
  const talks: ProfileEvent[] = conversations.map((t) => ({ id: `ticket_${t.id}`, metric: "conversation", occurredAt: t.createdAt, properties: { ticketId: t.id, number: t.number, channel: t.channel, subject: t.subject, status: t.status } }));
  return pageTimeline([...orderEvents(orders), ...returnEvents(returns), ...recorded, ...talks], opts);
}
