// The profile's event timeline as pure rules: store facts turned into events, then filtered, ordered and paged.
import type { Order, ReturnRequest } from "../integrations/types.ts";

export interface ProfileEvent {
  id: string;
  metric: string;
  /** Epoch ms. */
  occurredAt: number;
  properties: Record<string, unknown>;
}

/** Every metric the timeline can hold, for the filter menu. */
export const TIMELINE_METRICS = [
  "placed_order",
  "fulfilled_order",
  "cancelled_order",
  "edited_order",
  "returned_items",
  "subscription_skipped",
  "subscription_cancelled",
  "subscription_frequency_changed",
  "loyalty_changed",
  "conversation",
  "clicked_link",
  "consent_changed",
  "merged_profile",
] as const;

export function orderEvents(orders: readonly Order[]): ProfileEvent[] {
  const out: ProfileEvent[] = [];
  for (const o of orders) {
    const placedAt = Date.parse(o.createdAt);
    out.push({
      id: `order_${o.id}_placed`,
      metric: "placed_order",
      occurredAt: placedAt,
      properties: { orderId: o.id, name: o.name, total: o.total.amount, currency: o.total.currency, items: o.lineItems.map((li) => `${li.quantity} × ${li.title}`) },
    });
    o.shipments.forEach((s, i) => {
      out.push({
        id: `order_${o.id}_shipment_${i + 1}`,
        metric: "fulfilled_order",
        // The store gives a delivery date, not a shipping date: a parcel still travelling is placed at the order.
        occurredAt: s.deliveredAt ? Date.parse(s.deliveredAt) : placedAt,
        properties: { orderId: o.id, name: o.name, status: s.status, carrier: s.carrier, trackingNumber: s.trackingNumber, trackingUrl: s.trackingUrl },
      });
    });
    if (o.cancelledAt) out.push({ id: `order_${o.id}_cancelled`, metric: "cancelled_order", occurredAt: Date.parse(o.cancelledAt), properties: { orderId: o.id, name: o.name } });
  }
  return out;
}

export function returnEvents(returns: readonly ReturnRequest[]): ProfileEvent[] {
  return returns.map((r) => ({
    id: `return_${r.id}`,
    metric: "returned_items",
    occurredAt: Date.parse(r.createdAt),
    properties: { returnId: r.id, orderName: r.orderName, state: r.state, outcome: r.outcome, items: r.items.map((i) => i.title) },
  }));
}

export interface TimelinePage {
  items: ProfileEvent[];
  nextCursor: string | null;
}

export function encodeCursor(e: Pick<ProfileEvent, "occurredAt" | "id">): string {
  return btoa(`${e.occurredAt}:${e.id}`).replace(/=+$/, "");
}

export function decodeCursor(cursor: string): { occurredAt: number; id: string } | null {
  try {
    const raw = atob(cursor);
    const at = raw.indexOf(":");
    const occurredAt = Number(raw.slice(0, at));
    if (at < 1 || !Number.isFinite(occurredAt)) return null;
    return { occurredAt, id: raw.slice(at + 1) };
  } catch {
    return null;
  }
}

/** Newest first (ties by id, descending); `metrics` empty = every metric; the cursor is the last item seen. */
export function pageTimeline(events: readonly ProfileEvent[], opts: { metrics: readonly string[]; after: { occurredAt: number; id: string } | null; limit: number }): TimelinePage {
  const wanted = new Set(opts.metrics);
  const sorted = events
    .filter((e) => Number.isFinite(e.occurredAt) && (wanted.size === 0 || wanted.has(e.metric)))
    .sort((a, b) => b.occurredAt - a.occurredAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const after = opts.after;
  const rest = after ? sorted.filter((e) => e.occurredAt < after.occurredAt || (e.occurredAt === after.occurredAt && e.id < after.id)) : sorted;
  const items = rest.slice(0, opts.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rest.length > opts.limit && last ? encodeCursor(last) : null };
}

/** A loyalty change worth a timeline entry, or null when nothing changed since the last look. */
export function loyaltyChange(previous: { points: number; tier: string | null } | null, current: { points: number; tier: string | null }): Record<string, unknown> | null {
  if (previous && previous.points === current.points && previous.tier === current.tier) return null;
  return { points: current.points, tier: current.tier, previousPoints: previous?.points ?? null, previousTier: previous?.tier ?? null };
}
