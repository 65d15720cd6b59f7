import { describe, expect, it } from "vitest";
import { call } from "../helpers.ts";

describe("POST /api/agent/classify", () => {
  it.each([
    ["where is my package? it's been 2 weeks", "order_tracking"],
    ["I want to return these boots, they're too small", "returns_exchanges"],
    ["can I talk to a real person please", "handoff"],
    ["how many points do I have", "loyalty"],
  ])("routes %j to %s", async (text, skill) => {
    const res = await call("POST", "/api/agent/classify", { body: { text } });
    expect(res.status).toBe(200);
    expect(res.body.skill).toBe(skill);
    expect(res.body.confidence).toBeGreaterThan(0);
    expect(res.body.confidence).toBeLessThanOrEqual(1);
  });

  it("uses the conversation so far for a bare follow-up", async () => {
    const res = await call("POST", "/api/agent/classify", { body: { text: "#1042", history: [{ author: "customer", text: "where is my order" }, { author: "ai", text: "What's your order number?" }] } });
    expect(res.body.skill).toBe("order_tracking");
  });

  it("rejects empty or malformed input", async () => {
    expect((await call("POST", "/api/agent/classify", { body: { text: "" } })).status).toBe(400);
    expect((await call("POST", "/api/agent/classify", { body: { text: "hi", history: [{ author: "bot", text: "x" }] } })).status).toBe(400);
  });
});
