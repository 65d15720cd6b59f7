// The model path: the language model calls the skill's tools and writes the reply; a reply with facts the tools didn't return falls back to the template.
import { MockLanguageModelV4 } from "ai/test";
import { beforeAll, describe, expect, it } from "vitest";
import { modelFor, WORKERS_AI_MODEL } from "../../src/agent/model.ts";
import type { TestAccount } from "../helpers.ts";
import { allText, cardsOf, demoShop, sam, turn } from "./helpers.ts";

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

function text(t: string) {
  return { content: [{ type: "text" as const, text: t }], finishReason: { unified: "stop" as const, raw: undefined }, usage, warnings: [] };
}

function toolCall(toolName: string, input: unknown) {
  return {
    content: [{ type: "tool-call" as const, toolCallId: "call-1", toolName, input: JSON.stringify(input) }],
    finishReason: { unified: "tool-calls" as const, raw: undefined },
    usage,
    warnings: [],
  };
}

/** The tool results the model was shown, as JSON text. */
function toolResultsIn(prompt: unknown): string {
  const messages = prompt as { role: string; content: unknown }[];
  return JSON.stringify(messages.filter((m) => m.role === "tool").map((m) => m.content));
}

let shop: TestAccount;
beforeAll(async () => {
  shop = await demoShop();
});

describe("the model path", () => {
  it("calls the skill's tools and answers grounded in what they returned", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async (options) => {
        if (!options.prompt.some((m) => m.role === "tool")) return toolCall("orderStatus", { orderNumber: "#1038" });
        const results = toolResultsIn(options.prompt);
        const tracking = /"trackingNumber":"(\w+)"/.exec(results)?.[1];
        return text(`Good news, Sam: your order #1038 is with UPS. Your tracking number is ${tracking}.`);
      },
    });
    const r = await turn(shop, "Where is my order #1038?", { profile: sam, model });

    expect(model.doGenerateCalls).toHaveLength(2);
    const first = model.doGenerateCalls[0]!;
    expect(first.tools?.map((t) => t.name)).toEqual(["getProfile", "findOrders", "orderStatus", "searchKnowledge"]);
    expect(JSON.stringify(first.prompt)).toContain("Never invent or guess orders, order numbers, prices, dates, tracking numbers, discount codes, points or policies.");
    expect(toolResultsIn(model.doGenerateCalls[1]!.prompt)).toContain("1Z8W31V60312345678");

    expect(r).toMatchObject({ skill: "order_tracking", resolved: true, handoff: "none" });
    expect(allText(r)).toBe("Good news, Sam: your order #1038 is with UPS. Your tracking number is 1Z8W31V60312345678.");
    expect(cardsOf(r)[0]).toMatchObject({ type: "order", title: "Order #1038" });
  });

  it("drops a reply with an invented order, price or code and answers from the template", async () => {
    const model = new MockLanguageModelV4({ doGenerate: [text("Order #1038 arrives tomorrow; use code SORRY50 for $50 off your next order.")] });
    const r = await turn(shop, "Where is my order #1038?", { profile: sam, model });
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(allText(r)).toMatch(/^Order #1038 is on its way with UPS/);
    expect(allText(r)).not.toContain("SORRY50");
  });

  it("gives the model the retrieved passage to quote and keeps the article as the source", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async (options) => {
        const prompt = JSON.stringify(options.prompt);
        const days = /Canada in (\d–\d) business days/.exec(prompt)?.[1];
        return text(`Yes! Our “Shipping times and costs” article says we ship to Canada in ${days} business days.`);
      },
    });
    const r = await turn(shop, "Do you ship to Canada?", { model });
    expect(allText(r)).toBe("Yes! Our “Shipping times and costs” article says we ship to Canada in 5–8 business days.");
  });

  it("falls back to the template when the model fails", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new Error("Workers AI is overloaded");
      },
    });
    const r = await turn(shop, "How many points do I have?", { profile: sam, model });
    expect(allText(r)).toContain("You have 820 points");
    expect(r.resolved).toBe(true);
  });

  it("leaves asking, login and handoff decisions to the rules, not the model", async () => {
    const model = new MockLanguageModelV4({ doGenerate: [text("Your order #1038 was delivered.")] });
    const ask = await turn(shop, "Where is my order #1038?", { model });
    expect(allText(ask)).toBe("Thanks! What's the email address you used for order #1038?");
    const human = await turn(shop, "I want to talk to a human", { model });
    expect(human.handoff).toBe("ask_email");
    expect(model.doGenerateCalls).toHaveLength(0);
  });
});

describe("modelFor", () => {
  it("uses Workers AI when the AI binding is there, and no model offline", () => {
    expect(modelFor({})).toBeUndefined();
    const fakeBinding = { run: async () => ({ response: "" }) } as unknown as Ai;
    const model = modelFor({ AI: fakeBinding });
    expect(model).toMatchObject({ modelId: WORKERS_AI_MODEL, specificationVersion: "v4" });
  });
});

describe("the model and changes to a shopper's account", () => {
  it("is never handed a tool that changes something: only the skill changes a subscription, after the shopper confirms", async () => {
    const model = new MockLanguageModelV4({ doGenerate: async () => text("Your Coffee Club subscription is active.") });
    await turn(shop, "When is my next coffee club subscription charge?", { profile: sam, model });
    const names = model.doGenerateCalls[0]?.tools?.map((t) => t.name) ?? [];
    expect(names).toContain("listSubscriptions");
    expect(names).not.toContain("changeSubscription");
  });
});
