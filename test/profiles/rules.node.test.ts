// The profile's pure rules: predictions from order history, merging, the timeline's paging and loyalty changes.
import { describe, expect, it } from "vitest";
import { createDemoStore } from "../../src/integrations/demo-store/index.ts";
import { mergedConsent, mergedSegments, survivorOf } from "../../src/profiles/merge.ts";
import { predict, predictionsFrom, PRIOR_GAP_DAYS } from "../../src/profiles/predictions.ts";
import { decodeCursor, encodeCursor, loyaltyChange, pageTimeline, type ProfileEvent } from "../../src/profiles/timeline.ts";
import { parseFrequency } from "../../src/schemas/profile.ts";

const DAY = 86_400_000;
const NOW = Date.parse("2026-12-01T00:00:00Z");
const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString();
const order = (daysAgo: number, total: number, extra: Partial<{ cancelled: boolean; financialStatus: string }> = {}) => ({ createdAt: at(daysAgo), total, cancelled: false, financialStatus: "paid", ...extra });

describe("predictions (rfm-poisson-v1)", () => {
  it("gives zeros and no next order to a customer who never bought", () => {
    expect(predict([], NOW)).toMatchObject({ orderCount: 0, lifetimeValue: 0, averageOrderValue: 0, churnRisk: 0, expectedNextOrderAt: null, method: "rfm-poisson-v1" });
  });

  it("shrinks a one-order customer's gap to the prior and dates the next order from the last", () => {
    const p = predict([order(10, 100)], NOW);
    expect(p.averageDaysBetweenOrders).toBe(PRIOR_GAP_DAYS);
    expect(p.expectedNextOrderAt).toBe(new Date(NOW - 10 * DAY + PRIOR_GAP_DAYS * DAY).toISOString());
    expect(p.churnRisk).toBeCloseTo(1 - Math.exp(-10 / 90), 3);
    expect(p.historicValue).toBe(100);
    expect(p.predictedValue).toBeCloseTo(100 * (365 / 90) * Math.exp(-10 / 90), 1);
  });

  it("leaves cancelled, voided and refunded orders out, and raises churn risk with silence", () => {
    const p = predict([order(100, 50), order(70, 50), order(40, 50), order(5, 999, { cancelled: true }), order(3, 999, { financialStatus: "refunded" })], NOW);
    expect(p.orderCount).toBe(3);
    expect(p.averageOrderValue).toBe(50);
    expect(p.averageDaysBetweenOrders).toBe(50); // (60 observed days + 90 prior) / 3
    const later = predict([order(100, 50), order(70, 50), order(40, 50)], NOW + 200 * DAY);
    expect(later.churnRisk).toBeGreaterThan(p.churnRisk);
    expect(later.churnRisk).toBeLessThanOrEqual(1);
  });

  it("is reproducible from the demo store's history for Sam Shopper", async () => {
    const store = createDemoStore({ now: () => NOW });
    const orders = await store.findOrdersByCustomer({ email: "shopper@example.com" }, 50);
    const a = predictionsFrom(orders, NOW);
    const b = predictionsFrom(await createDemoStore({ now: () => NOW }).findOrdersByCustomer({ email: "shopper@example.com" }, 50), NOW);
    expect(a).toEqual(b);
    // #1024 (70 days), #1029 (25), #1038 (5), #1042 (1.2): four paid orders, gaps 68.8 days + 90 prior over 4.
    expect(a.orderCount).toBe(4);
    expect(a.averageDaysBetweenOrders).toBeCloseTo((70 - 1.2 + 90) / 4, 1);
    expect(a.expectedNextOrderAt).toBe(new Date(NOW - 1.2 * DAY + ((70 - 1.2 + 90) / 4) * DAY).toISOString());
    expect(a.churnRisk).toBeCloseTo(1 - Math.exp(-1.2 / ((70 - 1.2 + 90) / 4)), 3);
  });
});

describe("merging profiles", () => {
  it("keeps the oldest profile, lets an opt-out win and unites segments", () => {
    expect(survivorOf([{ id: "b", createdAt: 2 }, { id: "a", createdAt: 2 }, { id: "c", createdAt: 3 }]).id).toBe("a");
    expect(mergedConsent("opted_in", "opted_out")).toBe("opted_out");
    expect(mergedConsent("unknown", "opted_in")).toBe("opted_in");
    expect(mergedConsent("unknown", "unknown")).toBe("unknown");
    expect(mergedSegments('["vip","eu"]', '["eu","new"]')).toEqual(["vip", "eu", "new"]);
    expect(mergedSegments("not json", '["x"]')).toEqual(["x"]);
  });
});

describe("timeline", () => {
  const ev = (id: string, occurredAt: number, metric = "placed_order"): ProfileEvent => ({ id, metric, occurredAt, properties: {} });
  const events = [ev("a", 1), ev("b", 3, "clicked_link"), ev("c", 3), ev("d", 2, "clicked_link"), ev("e", 5)];

  it("lists newest first and pages with a cursor that loses and repeats nothing", () => {
    const first = pageTimeline(events, { metrics: [], after: null, limit: 2 });
    expect(first.items.map((e) => e.id)).toEqual(["e", "c"]);
    const second = pageTimeline(events, { metrics: [], after: decodeCursor(first.nextCursor!), limit: 2 });
    expect(second.items.map((e) => e.id)).toEqual(["b", "d"]);
    const third = pageTimeline(events, { metrics: [], after: decodeCursor(second.nextCursor!), limit: 2 });
    expect(third).toEqual({ items: [ev("a", 1)], nextCursor: null });
  });

  it("filters by one or several metrics", () => {
    expect(pageTimeline(events, { metrics: ["clicked_link"], after: null, limit: 10 }).items.map((e) => e.id)).toEqual(["b", "d"]);
    expect(pageTimeline(events, { metrics: ["nothing"], after: null, limit: 10 }).items).toEqual([]);
  });

  it("reads back its own cursors and refuses others", () => {
    expect(decodeCursor(encodeCursor({ occurredAt: 42, id: "pev_1:x" }))).toEqual({ occurredAt: 42, id: "pev_1:x" });
    expect(decodeCursor("%%%")).toBeNull();
    expect(decodeCursor(btoa("nope"))).toBeNull();
  });

  it("notes a loyalty change only when points or tier moved", () => {
    expect(loyaltyChange(null, { points: 10, tier: "Trail" })).toEqual({ points: 10, tier: "Trail", previousPoints: null, previousTier: null });
    expect(loyaltyChange({ points: 10, tier: "Trail" }, { points: 10, tier: "Trail" })).toBeNull();
    expect(loyaltyChange({ points: 10, tier: "Trail" }, { points: 510, tier: "Summit" })).toMatchObject({ previousPoints: 10, tier: "Summit" });
  });
});

describe("subscription frequency in words", () => {
  it.each([
    ["every 2 weeks", { every: 2, unit: "week" }],
    ["2 weeks", { every: 2, unit: "week" }],
    ["monthly", { every: 1, unit: "month" }],
    ["every month", { every: 1, unit: "month" }],
    ["Weekly", { every: 1, unit: "week" }],
  ])("reads %s", (text, expected) => expect(parseFrequency(text)).toEqual(expected));

  it.each(["sometimes", "every 0 days", "every 2 fortnights", "months"])("refuses %s", (text) => expect(parseFrequency(text)).toBeNull());
});
