// Skill status: Live when every prerequisite is met, Unavailable naming what is missing, Coming soon when not built.
import { describe, expect, it } from "vitest";

import { skillStatus, type Prerequisite } from "../../src/agent/skillStatus.ts";

const returns: Prerequisite[] = [
  { type: "integration", slot: "returns", missing: "Connect a returns provider (Loop)" },
  { type: "content", kinds: ["returns"], missing: "Add returns policy content to the knowledge base" },
];
const qa: Prerequisite[] = [{ type: "content", kinds: "*", missing: "Add FAQ or help-centre articles to the knowledge base" }];

const have = (slots: string[], kinds: Record<string, number>) => ({ slots: new Set(slots), contentKinds: new Map(Object.entries(kinds)) });

describe("skillStatus", () => {
  it("is live once the integration and the content are there", () => {
    expect(skillStatus({ prerequisites: returns }, have(["returns"], { returns: 2 }))).toEqual({ status: "live" });
  });

  it("names the missing integration", () => {
    expect(skillStatus({ prerequisites: returns }, have([], { returns: 1 }))).toEqual({ status: "unavailable", reason: "Connect a returns provider (Loop)" });
  });

  it("names the missing content", () => {
    expect(skillStatus({ prerequisites: returns }, have(["returns"], { faq: 3, returns: 0 }))).toEqual({
      status: "unavailable",
      reason: "Add returns policy content to the knowledge base",
    });
  });

  it("names everything missing in one sentence", () => {
    expect(skillStatus({ prerequisites: returns }, have([], {})).reason).toBe("Connect a returns provider (Loop) and add returns policy content to the knowledge base");
  });

  it("accepts any article for skills that answer from the whole knowledge base", () => {
    expect(skillStatus({ prerequisites: qa }, have([], { policy: 1 })).status).toBe("live");
    expect(skillStatus({ prerequisites: qa }, have(["orders"], {})).status).toBe("unavailable");
  });

  it("shows skills not built yet as coming soon whatever is connected", () => {
    expect(skillStatus({ comingSoon: true, prerequisites: [] }, have(["orders"], { faq: 1 }))).toEqual({ status: "coming_soon", reason: "This skill is being built" });
  });
});
