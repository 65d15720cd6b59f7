// SMS attribution in reports (docs/profiles.md): orders placed within 24 h of an SMS/WhatsApp reply, credited to the latest reply before them.
import { and, eq, gte, inArray, lt } from "drizzle-orm";
import { attributeOrders, DEFAULT_ATTRIBUTION_WINDOW_MS, type AttributedOrder, type SentReply } from "../channels/smsAttribution.ts";
import { db } from "../db/client.ts";
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
  const windowMs = DEFAULT_ATTRIBUTION_WINDOW_MS;
  const sent = await db(env.DB)
    .select({ messageId: outbox.messageId, sentAt: outbox.sentAt, ticketId: outbox.ticketId, profileId: tickets.customerProfileId })
    .from(outbox)
    .innerJoin(tickets, eq(tickets.id, outbox.ticketId))
    .where(and(eq(outbox.accountId, accountId), inArray(outbox.channel, ["sms", "whatsapp"]), eq(outbox.status, "sent"), gte(outbox.sentAt, from - windowMs), lt(outbox.sentAt, to)));
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
