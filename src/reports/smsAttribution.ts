// SMS attribution in reports (docs/profiles.md): orders placed within 24 h of an SMS/WhatsApp reply, credited to the latest reply before them.
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { attributeOrders, DEFAULT_ATTRIBUTION_WINDOW_MS, type AttributedOrder, type SentReply } from "../channels/smsAttribution.ts";
import { db } from "../db/client.ts";
import { rowsOf, statementOf } from "../db/reads.ts";
import { outbox, tickets } from "../db/schema/index.ts";
import type { Order } from "../integrations/types.ts";
import { commerceProviders, profileOrders } from "../profiles/commerce.ts";
import { resolveProfile } from "../profiles/service.ts";

export interface SmsAttribution {
  orders: number;
  revenue: number;
  currency: string | null;
  windowHours: number;
  byTicket: AttributedOrder[];
}

export async function smsAttribution(env: Env, accountId: string, from: number, to: number): Promise<SmsAttribution> {
  const [sent] = await env.DB.batch([smsRepliesStatement(env.DB, accountId, from, to)]);
  return smsAttributionOf(env, accountId, from, to, rowsOf(sent));
}

type SentRow = { messageId: string; sentAt: number | null; ticketId: string; profileId: string | null };

/** The SMS and WhatsApp replies sent in (and just before) the range, for a D1 batch (GET /api/reports reads in one). */
export function smsRepliesStatement(d1: D1Database, accountId: string, from: number, to: number): D1PreparedStatement {
  const windowMs = DEFAULT_ATTRIBUTION_WINDOW_MS;
  const query = db(d1)
    .select({
      messageId: sql<string>`${outbox.messageId}`.as("messageId"),
      sentAt: sql<number | null>`${outbox.sentAt}`.as("sentAt"),
      ticketId: sql<string>`${outbox.ticketId}`.as("ticketId"),
      profileId: sql<string | null>`${tickets.customerProfileId}`.as("profileId"),
    })
    .from(outbox)
    .innerJoin(tickets, eq(tickets.id, outbox.ticketId))
    .where(and(eq(outbox.accountId, accountId), inArray(outbox.channel, ["sms", "whatsapp"]), eq(outbox.status, "sent"), gte(outbox.sentAt, from - windowMs), lt(outbox.sentAt, to)));
  return statementOf(d1, query.getSQL());
}

/** The attribution from the rows of `smsRepliesStatement`: the orders are looked up only when there are replies. */
export async function smsAttributionOf(env: Env, accountId: string, from: number, to: number, sent: readonly SentRow[]): Promise<SmsAttribution> {
  const windowMs = DEFAULT_ATTRIBUTION_WINDOW_MS;
  const byProfile = new Map<string, SentReply[]>();
  for (const r of sent) {
    if (!r.profileId || r.sentAt === null) continue;
    const list = byProfile.get(r.profileId) ?? [];
    list.push({ messageId: r.messageId, sentAt: r.sentAt, kind: "reply", ticketId: r.ticketId });
    byProfile.set(r.profileId, list);
  }
  const result: SmsAttribution = { orders: 0, revenue: 0, currency: null, windowHours: windowMs / 3_600_000, byTicket: [] };
  if (byProfile.size === 0) return result;
  const cp = await commerceProviders(env, accountId);
  if (!cp.providers.orders) return result;
  // Aliases of one person each hold some replies: gather them under the surviving profile.
  const people = new Map<string, { who: Awaited<ReturnType<typeof resolveProfile>>; replies: SentReply[] }>();
  for (const [profileId, replies] of byProfile) {
    const who = await resolveProfile(env, accountId, profileId).catch(() => null);
    if (!who) continue;
    const entry = people.get(who.profile.id) ?? { who, replies: [] };
    entry.replies.push(...replies);
    people.set(who.profile.id, entry);
  }
  for (const { who, replies } of people.values()) {
    const orders = await profileOrders(cp, who, 250).catch(() => [] as Order[]);
    for (const hit of attributeOrders(orders, replies, from, to, windowMs)) {
      result.byTicket.push(hit);
      result.currency ??= orders.find((o) => o.id === hit.orderId)?.total.currency ?? null;
    }
  }
  result.orders = result.byTicket.length;
  result.revenue = Math.round(result.byTicket.reduce((s, h) => s + h.total, 0) * 100) / 100;
  return result;
}
