// Sub-intents inside the skills: what exactly the shopper asks.
import { describe, expect, it } from "vitest";
import {
  asksComparison,
  asksRedeem,
  asksRefundStatus,
  asksSizing,
  asksStacking,
  asksStock,
  comparedNames,
  namedCodes,
  priceCap,
  saysDamaged,
  saysLate,
  saysMissing,
  subscriptionAction,
  yesOrNo,
} from "../../src/agent/skills/intents.ts";

describe("order sub-intents", () => {
  it.each(["Tracking says delivered but it's not on my porch", "I never received my parcel", "my package is missing", "no he recibido mi pedido"])("%j: parcel missing", (text) => {
    expect(saysMissing(text)).toBe(true);
  });
  it.each(["where is my order?", "when will it arrive?"])("%j: not missing", (text) => expect(saysMissing(text)).toBe(false));
  it.each(["my order is late", "it's taking forever", "should have arrived by now", "mi pedido está retrasado"])("%j: late", (text) => expect(saysLate(text)).toBe(true));
});

describe("returns sub-intents", () => {
  it.each(["the shirt has a huge tear", "arrived broken", "my headlamp is defective", "you sent the wrong size", "die Jacke ist kaputt"])("%j: damaged", (text) => {
    expect(saysDamaged(text)).toBe(true);
  });
  it.each(["I want to return my boots", "what's your return policy?"])("%j: not damaged", (text) => expect(saysDamaged(text)).toBe(false));
  it.each(["when will I get my refund?", "has my refund been processed yet?", "what's the status of my return?", "¿cuándo llega mi reembolso?"])("%j: refund status", (text) => {
    expect(asksRefundStatus(text)).toBe(true);
  });
  it("a refund policy question isn't a status question", () => expect(asksRefundStatus("do you give refunds on sale items")).toBe(false));
});

describe("coupon sub-intents", () => {
  it("finds the codes a shopper names, not their shouting", () => {
    expect(namedCodes("my code SUMMER25 isn't working")).toEqual(["SUMMER25"]);
    expect(namedCodes("can I stack WELCOME10 and FREESHIP?")).toEqual(["WELCOME10", "FREESHIP"]);
    expect(namedCodes("is alex-bday20 valid")).toEqual(["ALEX-BDAY20"]);
    expect(namedCodes("WHY IS THE CODE WELCOME10 NOT WORKING, THIS IS USELESS")).toEqual(["WELCOME10"]);
    expect(namedCodes("do you have any discount codes?")).toEqual([]);
  });
  it("knows a stacking question", () => {
    expect(asksStacking("can I combine two codes?")).toBe(true);
    expect(asksStacking("is WELCOME10 valid?")).toBe(false);
  });
});

describe("product sub-intents", () => {
  it.each([
    ["a gift under $50", { amount: 50, strict: true }],
    ["something less than 40 dollars", { amount: 40, strict: true }],
    ["my budget is $200", { amount: 200, strict: false }],
    ["up to 30€", { amount: 30, strict: false }],
  ] as const)("%j has a price cap", (text, cap) => expect(priceCap(text)).toMatchObject(cap));
  it("no cap without one", () => expect(priceCap("a warm jacket")).toBeNull());
  it("names the two products compared", () => {
    expect(asksComparison("compare the Ridgeline Rain Jacket and the Alpine Softshell Jacket")).toBe(true);
    expect(comparedNames("compare the Ridgeline Rain Jacket and the Alpine Softshell Jacket")).toEqual(["Ridgeline Rain Jacket", "Alpine Softshell Jacket"]);
    expect(comparedNames("Dewy Hyaluronic Serum vs Overnight Retinal Serum?")).toEqual(["Dewy Hyaluronic Serum", "Overnight Retinal Serum"]);
    expect(comparedNames("compare these two jackets")).toEqual([]);
    expect(asksComparison("Vergleiche die Ridgeline Rain Jacket und die Alpine Softshell Jacket")).toBe(true);
    expect(comparedNames("Vergleiche die Ridgeline Rain Jacket und die Alpine Softshell Jacket")).toEqual(["Ridgeline Rain Jacket", "Alpine Softshell Jacket"]);
  });
  it("stock, sizing and redeeming", () => {
    expect(asksStock("when will the puffer be back in stock?")).toBe(true);
    expect(asksSizing("what size should I get?")).toBe(true);
    expect(asksRedeem("how do I redeem my points?")).toBe(true);
    expect(asksRedeem("how many points do I have?")).toBe(false);
  });
});

describe("subscription changes and confirmations", () => {
  it.each([
    ["please skip my next delivery", { type: "skip" }],
    ["pause my coffee subscription", { type: "pause" }],
    ["cancel my sock club", { type: "cancel" }],
    ["change it to every 2 weeks", { type: "frequency", interval: { every: 2, unit: "week" } }],
    ["make it monthly", { type: "frequency", interval: { every: 1, unit: "month" } }],
  ] as const)("%j", (text, action) => expect(subscriptionAction(text)).toEqual(action));
  it("no change asked", () => expect(subscriptionAction("when is my next charge?")).toBeNull());
  it.each([["yes", "yes"], ["Yes please", "yes"], ["sí", "yes"], ["oui", "yes"], ["ja", "yes"], ["no", "no"], ["nee", "no"], ["maybe later", null]] as const)("%j is %s", (text, answer) => {
    expect(yesOrNo(text)).toBe(answer);
  });
});
