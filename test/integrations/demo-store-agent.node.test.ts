// The demo store's answers the agent's sub-intents need: a named code's status and conditions, subscription changes, restock dates and the rewards page.
import { describe, expect, it } from "vitest";
import { createDemoStore } from "../../src/integrations/demo-store/index.ts";

const NOW = Date.UTC(2026, 10, 20, 15);
const store = () => createDemoStore({ now: () => NOW });

describe("the demo store for the agent", () => {
  it("looks a code up by name, expired and personal ones included", async () => {
    const s = store();
    expect(await s.findCoupon?.("summer25", {})).toMatchObject({ status: "expired", coupon: { code: "SUMMER25", expiresAt: "2026-11-10T15:00:00.000Z" } });
    expect(await s.findCoupon?.("WELCOME10", {})).toMatchObject({ status: "valid", coupon: { minimumSpend: { amount: 50, currency: "USD" }, oncePerCustomer: true } });
    expect(await s.findCoupon?.("NOPE", {})).toEqual({ status: "unknown" });
    expect(await s.findCoupon?.("ALEX-BDAY20", { email: "shopper@example.com" })).toEqual({ status: "not_yours" });
    expect(await s.findCoupon?.("ALEX-BDAY20", { email: "alex@example.com" })).toMatchObject({ status: "valid" });
  });

  it("skips, pauses, re-times and cancels a shopper's own subscription, in that store only", async () => {
    const s = store();
    const who = { email: "shopper@example.com" };
    expect(await s.changeSubscription?.(who, "demo_sub_01", { type: "skip" })).toMatchObject({ status: "active", nextChargeAt: "2026-12-29" });
    expect(await s.changeSubscription?.(who, "demo_sub_01", { type: "frequency", interval: { every: 2, unit: "week" } })).toMatchObject({ interval: { every: 2, unit: "week" } });
    expect(await s.changeSubscription?.(who, "demo_sub_01", { type: "pause" })).toMatchObject({ status: "paused", nextChargeAt: null });
    expect(await s.changeSubscription?.(who, "demo_sub_01", { type: "cancel" })).toMatchObject({ status: "cancelled" });
    await expect(s.changeSubscription?.(who, "demo_sub_01", { type: "pause" })).rejects.toThrow(/cancelled/);
    await expect(s.changeSubscription?.(who, "demo_sub_02", { type: "pause" })).rejects.toThrow(/not found/);
    expect((await store().listSubscriptions(who))[0]).toMatchObject({ status: "active", nextChargeAt: "2026-11-29" });
  });

  it("knows a restock date only where the seed has one, and where members redeem points", async () => {
    const [puffer] = await store().searchProducts("summit down puffer", { limit: 1 });
    const [kids] = await store().searchProducts("kids puddle rain shell", { limit: 1 });
    expect(puffer).toMatchObject({ available: false });
    expect(puffer?.restockAt).toBeUndefined();
    expect(kids).toMatchObject({ available: false, restockAt: "2026-12-02" });
    expect((await store().programInfo()).redeemUrl).toBe("https://northwind-outfitters.example/account/rewards");
  });
});
