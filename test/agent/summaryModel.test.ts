// The handoff summary in production, offline: a stand-in Workers AI binding answers in the binding's exact shape. The
// model's summary is pinned when everything it states is in the conversation; an invented order number, a failure or a
// model that doesn't answer in time leave the extractive summary.
import { describe, expect, it } from "vitest";
import { modelFor, WORKERS_AI_MODEL } from "../../src/agent/model.ts";
import { handoffSummary, type SummaryInput } from "../../src/agent/summary.ts";
import { summarizeHandoff } from "../../src/agent/summaryModel.ts";
import { fakeWorkersAi, hangUntilAborted, systemOf, textOutput } from "./fixtures/workersAi.ts";

const input: SummaryInput = {
  messages: [
    { author: "customer", body: "Where is my order?" },
    { author: "ai", body: "What's your order number and email?" },
    { author: "customer", body: "#1038 pat@example.com" },
    { author: "ai", body: "Order #1038 was delivered on Dec 2." },
    { author: "customer", body: "It never arrived, I want a person" },
  ],
  skills: ["order_tracking"],
  loggedIn: false,
  lastAnswer: "Order #1038 was delivered on Dec 2.",
};
const extractive = handoffSummary(input);

function summarize(answer: Parameters<typeof fakeWorkersAi>[0], timeoutMs?: number) {
  const ai = fakeWorkersAi(answer);
  const why: string[] = [];
  const done = summarizeHandoff(input, modelFor({ AI: ai.binding }), { ...(timeoutMs ? { timeoutMs } : {}), onFallback: (w) => why.push(w) });
  return { ai, why, done };
}

describe("the model writes the handoff summary", () => {
  it("from the conversation, pinned under the summary's title", async () => {
    const text = "The shopper says order #1038 (pat@example.com) never arrived, though the assistant said it was delivered on Dec 2. They asked for a person.";
    const { ai, why, done } = summarize(() => textOutput(text));
    expect(await done).toBe(`Handoff summary\n${text}`);
    expect(why).toEqual([]);
    expect(ai.calls).toHaveLength(1);
    expect(ai.calls[0]!.model).toBe(WORKERS_AI_MODEL);
    expect(ai.calls[0]!.signal).toBeInstanceOf(AbortSignal);
    // The model reads the conversation itself.
    const prompt = ai.calls[0]!.inputs.messages?.map((m) => m.content).join("\n") ?? "";
    expect(prompt).toContain("Shopper: #1038 pat@example.com");
    expect(prompt).toContain("Assistant: Order #1038 was delivered on Dec 2.");
    expect(systemOf(ai.calls[0]!)).toContain("Use ONLY what the conversation says");
  });

  it("falls back to the extractive summary when the model invents an order number", async () => {
    const { why, done } = summarize(() => textOutput("The shopper's order #1083 never arrived; they asked for a person."));
    expect(await done).toBe(extractive);
    expect(why).toEqual(["ungrounded facts"]);
  });

  it("falls back when the model invents a date or an action", async () => {
    const date = summarize(() => textOutput("Order #1038 was delivered on Dec 5 but never arrived."));
    expect(await date.done).toBe(extractive);
    const action = summarize(() => textOutput("The assistant refunded order #1038; the shopper wants a person."));
    expect(await action.done).toBe(extractive);
    expect(action.why).toEqual(["ungrounded facts"]);
  });

  it("falls back when the model doesn't answer in time", async () => {
    const { ai, why, done } = summarize(hangUntilAborted, 20);
    expect(await done).toBe(extractive);
    expect(ai.calls[0]!.signal?.aborted).toBe(true);
    expect(why).toEqual(["the model failed or timed out"]);
  });

  it("falls back when the model fails or answers nothing", async () => {
    const failed = summarize(() => {
      throw new Error("3040: Capacity temporarily exceeded");
    });
    expect(await failed.done).toBe(extractive);
    const empty = summarize(() => textOutput("  "));
    expect(await empty.done).toBe(extractive);
    expect(empty.why).toEqual(["empty summary"]);
  });

  it("is extractive without the model, and absent when the shopper never wrote", async () => {
    expect(await summarizeHandoff(input, undefined)).toBe(extractive);
    const ai = fakeWorkersAi(() => textOutput("unused"));
    expect(await summarizeHandoff({ ...input, messages: [] }, modelFor({ AI: ai.binding }))).toBeNull();
    expect(ai.calls).toHaveLength(0);
  });
});
