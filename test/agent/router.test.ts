// The intent router in workerd: offline routing and conversation context, and the Workers AI router over a mock model.
import { MockLanguageModelV4 } from "ai/test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

import { createOfflineRouter, createWorkersAiRouter, routerFor, skillIds } from "../../src/agent/router/index.ts";
import type { SkillId, Turn } from "../../src/agent/router/index.ts";
import { freshUtterances } from "./fresh-utterances.ts";

const router = createOfflineRouter();

function customerThen(...turns: readonly [author: Turn["author"], text: string][]): Turn[] {
  return turns.map(([author, text]) => ({ author, text }));
}

type MockGenerateResult = Awaited<ReturnType<MockLanguageModelV4["doGenerate"]>>;

/** What a model returns when it answers with this text. */
function modelAnswer(text: string): MockGenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 120, noCache: 120, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: 12, text: 12, reasoning: undefined },
    },
    warnings: [],
  };
}

describe("offline router", () => {
  it("routes a shopper's tracking question to order tracking", async () => {
    const decision = await router.classify({ text: "where my package?? ordered last week" });
    expect(decision.skill).toBe("order_tracking");
  });

  it("answers with a confidence between 0 and 1", async () => {
    for (const text of ["hi", "cancel sub pls", "asdfgh", "can i talk to a human", "wrong size"]) {
      const { confidence } = await router.classify({ text });
      expect(confidence).toBeGreaterThan(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });

  it("is surer of a clear request than of a vague fragment", async () => {
    const clear = await router.classify({ text: "I want to cancel my coffee subscription" });
    const vague = await router.classify({ text: "the other thing" });
    expect(clear.skill).toBe("subscriptions");
    expect(clear.confidence).toBeGreaterThan(vague.confidence);
  });

  it("keeps the order-tracking topic for a bare order number", async () => {
    const history = customerThen(["customer", "where is my order"], ["ai", "Sure! What's your order number?"]);
    expect((await router.classify({ text: "#1042", history })).skill).toBe("order_tracking");
  });

  it("keeps the previous customer topic for follow-ups that carry no topic of their own", async () => {
    const cases: [previous: string, followUp: string, topic: SkillId][] = [
      ["where is my order", "yes", "order_tracking"],
      ["where is my order", "ok and the other one?", "order_tracking"],
      ["i want to return my shoes", "my email is a@b.com", "returns_exchanges"],
      ["cancel my subscription", "what about it", "subscriptions"],
      ["cancel sub pls", "the coffee one", "subscriptions"],
      ["do you have the hoodie in blue", "what about a medium", "product_recommendations"],
      ["my code SAVE20 doesn't work", "it says expired", "coupons_discounts"],
      ["can i speak to a person", "my email is jo@example.com", "handoff"],
    ];
    for (const [previous, followUp, topic] of cases) {
      const history = customerThen(["customer", previous], ["ai", "Can you tell me a bit more?"]);
      expect((await router.classify({ text: followUp, history })).skill, `${previous} → ${followUp}`).toBe(topic);
    }
  });

  it("reclassifies when the shopper switches from tracking to a return", async () => {
    const history = customerThen(
      ["customer", "where is my order #1042"],
      ["ai", "Order #1042 was delivered yesterday."],
    );
    const decision = await router.classify({ text: "ok it came but the jacket is too small, I want to send it back", history });
    expect(decision.skill).toBe("returns_exchanges");
  });

  it("hands off when the shopper asks for a person mid-conversation", async () => {
    const history = customerThen(["customer", "my refund still hasn't arrived"], ["ai", "Refunds take 5-7 days."]);
    expect((await router.classify({ text: "human please", history })).skill).toBe("handoff");
  });

  it("treats thanks and goodbye as the end of the topic", async () => {
    const history = customerThen(["customer", "how many points do i have"], ["ai", "You have 1,200 points."]);
    expect((await router.classify({ text: "great, thanks! bye", history })).skill).toBe("other");
  });

  it("reads a topic-free first message on its own", async () => {
    expect((await router.classify({ text: "yes", history: [] })).skill).toBe("other");
  });

  it("follows the topic through several turns, not only the last one", async () => {
    const history = customerThen(
      ["customer", "hi"],
      ["ai", "Hello! How can I help?"],
      ["customer", "I'd like to pause my subscription"],
      ["ai", "For how long?"],
      ["customer", "two months"],
      ["ai", "Which subscription?"],
    );
    expect((await router.classify({ text: "the tea one", history })).skill).toBe("subscriptions");
  });

  it("routes at least 90% of fresh shopper messages to the right skill", async () => {
    const misses: string[] = [];
    for (const [text, skill] of freshUtterances) {
      const decision = await router.classify({ text });
      if (decision.skill !== skill) misses.push(`${text}: expected ${skill}, got ${decision.skill}`);
    }
    expect(freshUtterances.length).toBeGreaterThanOrEqual(40);
    expect(1 - misses.length / freshUtterances.length, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("knows every skill", async () => {
    const seen = new Set<SkillId>();
    for (const [, skill] of freshUtterances) seen.add(skill);
    expect([...seen].sort()).toEqual([...skillIds].sort());
  });
});

describe("Workers AI router", () => {
  it("returns the skill and confidence the language model gives as structured output", async () => {
    const model = new MockLanguageModelV4({ doGenerate: modelAnswer('{"skill":"loyalty","confidence":0.82}') });
    const aiRouter = createWorkersAiRouter(model);
    const history = customerThen(["customer", "hi"], ["ai", "Hello! How can I help?"]);

    const decision = await aiRouter.classify({ text: "how many points have I got?", history });

    expect(decision).toEqual({ skill: "loyalty", confidence: 0.82 });
    const call = model.doGenerateCalls[0];
    expect(call?.responseFormat?.type).toBe("json");
    const sent = JSON.stringify(call?.prompt);
    expect(sent).toContain("order_tracking");
    expect(sent).toContain("Customer: hi");
    expect(sent).toContain("AI agent: Hello! How can I help?");
    expect(sent).toContain("how many points have I got?");
  });

  it("falls back to the offline router when the model throws", async () => {
    const errors: unknown[] = [];
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new Error("Workers AI: capacity exceeded");
      },
    });
    const aiRouter = createWorkersAiRouter(model, { onFallback: (error) => errors.push(error) });

    const decision = await aiRouter.classify({ text: "i want to return these boots, they're too tight" });

    expect(decision.skill).toBe("returns_exchanges");
    expect(decision).toEqual(await router.classify({ text: "i want to return these boots, they're too tight" }));
    expect(errors).toHaveLength(1);
  });

  it("falls back to the offline router when the model names a skill that does not exist", async () => {
    const model = new MockLanguageModelV4({ doGenerate: modelAnswer('{"skill":"weather","confidence":0.9}') });
    const aiRouter = createWorkersAiRouter(model);
    expect((await aiRouter.classify({ text: "cancel my order #5521 please" })).skill).toBe("order_editing");
  });

  it("falls back to the offline router when the model answers with prose instead of JSON", async () => {
    const model = new MockLanguageModelV4({ doGenerate: modelAnswer("I think this is about a discount code.") });
    const aiRouter = createWorkersAiRouter(model);
    expect((await aiRouter.classify({ text: "is there a promo code for first orders" })).skill).toBe("coupons_discounts");
  });

  it("uses the offline router in local development, where there is no AI binding", async () => {
    expect(env.AI).toBeUndefined();
    const decision = await routerFor(env).classify({ text: "can I talk to a real person" });
    expect(decision.skill).toBe("handoff");
  });

  it("still answers when the Workers AI binding fails", async () => {
    const failingBinding = {
      run: async () => {
        throw new Error("AI binding unavailable");
      },
    } as unknown as Ai;
    const decision = await routerFor({ AI: failingBinding }).classify({ text: "pause my subscription until march" });
    expect(decision.skill).toBe("subscriptions");
  });
});
