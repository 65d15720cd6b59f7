// SMS reply attribution (docs/product.md §1): which campaign or flow SMS a customer's reply is credited to.
//
// Rules: the reply goes to the most recent campaign/flow SMS the customer received at or before the
// reply and no more than the window earlier (inclusive; default 24 h). Only the first reply of a burst
// counts: if the customer already replied at or after that message was sent, this reply is not
// attributed. Messages sent at the same instant: the later one in `received` wins.

import type { Order } from "../integrations/types.ts";
import { countsAsPurchase } from "../profiles/predictions.ts";

export type ReceivedSms = { messageId: string; sentAt: number; kind: "campaign" | "flow" | "reply" };

export const DEFAULT_ATTRIBUTION_WINDOW_MS = 24 * 60 * 60 * 1000;

export function attributeReply(input: {
  replyAt: number;
  received: readonly ReceivedSms[];
  /** When the customer's previous reply arrived, or null if this is their first. */
  previousReplyAt: number | null;
  windowMs?: number;
}): string | null {
  const { replyAt, received, previousReplyAt } = input;
  const windowMs = input.windowMs ?? DEFAULT_ATTRIBUTION_WINDOW_MS;
  let latest: ReceivedSms | null = null;
  for (const message of received) {
    if (message.sentAt > replyAt || replyAt - message.sentAt > windowMs) continue;
    if (latest === null || message.sentAt >= latest.sentAt) latest = message;
  }
  if (latest === null) return null;
  if (previousReplyAt !== null && previousReplyAt >= latest.sentAt) return null;
  return latest.messageId;
}

// Orders as conversions (src/reports/smsAttribution.ts): an order is a "reply" to the SMS replies the customer got.

export type AttributedOrder = { ticketId: string; messageId: string; orderId: string; orderName: string; total: number; orderedAt: string };

export type SentReply = ReceivedSms & { ticketId: string };

/** Orders of one customer credited to the replies they received (pure: the window and "first conversion only" are attributeReply's). */
export function attributeOrders(orders: readonly Order[], replies: readonly SentReply[], from: number, to: number, windowMs = DEFAULT_ATTRIBUTION_WINDOW_MS): AttributedOrder[] {
  const placed = orders
    .filter((o) => countsAsPurchase({ createdAt: o.createdAt, total: o.total.amount, cancelled: o.cancelledAt !== null, financialStatus: o.financialStatus }))
    .map((o) => ({ o, at: Date.parse(o.createdAt) }))
    .sort((a, b) => a.at - b.at);
  const out: AttributedOrder[] = [];
  let previous: number | null = null;
  for (const { o, at } of placed) {
    const credited = at >= from && at < to ? attributeReply({ replyAt: at, received: replies, previousReplyAt: previous, windowMs }) : null;
    const reply = credited ? replies.find((r) => r.messageId === credited) : undefined;
    if (reply) out.push({ ticketId: reply.ticketId, messageId: reply.messageId, orderId: o.id, orderName: o.name, total: o.total.amount, orderedAt: o.createdAt });
    previous = at;
  }
  return out;
}

