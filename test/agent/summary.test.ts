// The handoff summary: what the shopper asked, the order and email they gave, the skills the AI agent tried, its last answer.
import { describe, expect, it } from "vitest";
import { handoffSummary } from "../../src/agent/summary.ts";

describe("handoffSummary", () => {
  it("lists the extractive facts of the conversation", () => {
    const text = handoffSummary({
      messages: [
        { author: "customer", body: "Where is my order?" },
        { author: "ai", body: "What's your order number and email?" },
        { author: "customer", body: "#1038 pat@example.com" },
        { author: "ai", body: "Order #1038 was delivered on Monday." },
        { author: "customer", body: "It never arrived, I want a person" },
      ],
      skills: ["order_tracking", "order_tracking", "other"],
      loggedIn: false,
      lastAnswer: "Order #1038 was delivered on Monday.",
    });
    expect(text?.split("\n")).toEqual([
      "Handoff summary",
      "Asked: “Where is my order?”",
      "Order: #1038",
      "Email given: pat@example.com (not verified)",
      "AI agent tried: Order tracking",
      "Last AI answer: “Order #1038 was delivered on Monday.”",
      "Shopper wrote 3 messages before the handoff.",
    ]);
  });

  it("has nothing to say when the shopper never wrote", () => {
    expect(handoffSummary({ messages: [], skills: [], loggedIn: false, lastAnswer: null })).toBeNull();
  });
});
