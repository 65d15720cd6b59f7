// The attribution of orders to SMS replies as a pure rule.
import { describe, expect, it } from "vitest";
import type { Order } from "../../src/integrations/types.ts";
import { attributeOrders } from "../../src/channels/smsAttribution.ts";

const H = 3_600_000;
const order = (id: string, at: number, extra: Partial<Order> = {}): Order => ({
  id, number: id, name: `#${id}`, createdAt: new Date(at).toISOString(), financialStatus: "paid", fulfillmentStatus: "unfulfilled", cancelledAt: null,
  total: { amount: 10, currency: "USD" }, lineItems: [], shipments: [], customerEmail: null, statusPageUrl: null, ...extra,
});
const reply = (messageId: string, sentAt: number) => ({ messageId, sentAt, kind: "reply" as const, ticketId: "tkt_1" });

describe("attributing orders to SMS replies", () => {
  it("credits an order within 24 h to the latest reply before it, once per burst", () => {
    const hits = attributeOrders([order("a", 10 * H), order("b", 11 * H), order("c", 40 * H)], [reply("m1", 2 * H), reply("m2", 5 * H)], 0, 100 * H);
    expect(hits.map((h) => [h.orderId, h.messageId])).toEqual([["a", "m2"]]);
  });

  it("leaves out orders outside the window, the range, and cancelled ones", () => {
    expect(attributeOrders([order("late", 30 * H)], [reply("m", 2 * H)], 0, 100 * H)).toEqual([]);
    expect(attributeOrders([order("out", 10 * H)], [reply("m", 2 * H)], 20 * H, 100 * H)).toEqual([]);
    expect(attributeOrders([order("x", 10 * H, { cancelledAt: new Date(11 * H).toISOString() })], [reply("m", 2 * H)], 0, 100 * H)).toEqual([]);
  });
});
