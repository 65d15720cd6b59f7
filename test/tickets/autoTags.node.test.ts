// AI auto-tagging rule: the router's skill, keywords in the message, VIP from segments, the allowed list.
import { describe, expect, it } from "vitest";
import { createOfflineRouter } from "../../src/agent/router/index.ts";
import { autoTags, visibleAiTags } from "../../src/tickets/autoTags.ts";

const base = { skill: null, confidence: 0, text: "", segments: [], allowed: [] } as const;

describe("auto tags", () => {
  it.each([
    ["My jacket arrived damaged and I want a refund", ["damaged", "refund"]],
    ["You sent the wrong size", ["wrong-item"]],
    ["My parcel never arrived", ["missing"]],
    ["Please cancel it ASAP", ["cancel", "urgent"]],
    ["Hello there", []],
  ])("tags %j with %j", (text, tags) => expect(autoTags({ ...base, text })).toEqual(tags));

  it("tags the router's skill when it is sure enough, never 'other' or 'handoff'", () => {
    expect(autoTags({ ...base, skill: "returns_exchanges", confidence: 0.9 })).toEqual(["returns_exchanges"]);
    expect(autoTags({ ...base, skill: "returns_exchanges", confidence: 0.2 })).toEqual([]);
    expect(autoTags({ ...base, skill: "other", confidence: 0.99 })).toEqual([]);
    expect(autoTags({ ...base, skill: "handoff", confidence: 0.99 })).toEqual([]);
  });

  it("tags VIP customers from their segments", () => {
    expect(autoTags({ ...base, segments: ["seg_vip"] })).toEqual(["vip"]);
    expect(autoTags({ ...base, segments: ["VIP"] })).toEqual(["vip"]);
    expect(autoTags({ ...base, segments: ["seg_eu", "vipers"] })).toEqual([]);
  });

  it("keeps only the account's allowed tags when it has a list", () => {
    expect(autoTags({ ...base, skill: "returns_exchanges", confidence: 0.9, text: "broken, refund please", allowed: ["Refund"] })).toEqual(["refund"]);
  });

  it("shows as AI tags only those still on the ticket", () => {
    expect(visibleAiTags(["refund", "damaged"], ["damaged", "billing"])).toEqual(["damaged"]);
    expect(visibleAiTags(undefined, ["x"])).toEqual([]);
  });

  it("tags 'return my hiking boots' as a return with the bundled router", async () => {
    const router = createOfflineRouter();
    const d = await router.classify({ text: "return my hiking boots" });
    expect(autoTags({ ...base, skill: d.skill, confidence: d.confidence, text: "return my hiking boots" })).toEqual(["returns_exchanges"]);
  });
});
