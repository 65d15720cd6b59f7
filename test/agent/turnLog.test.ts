// The agent's turn records: outcome of a turn, the handoff click, and the resolution figures per skill.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { agentFigures, recordAgentTurn, recordHandoff, recordTurn, skillPerformance, turnOutcome, type TurnRecord } from "../../src/agent/turnLog.ts";
import { unique } from "../helpers.ts";

const base = (accountId: string, over: Partial<TurnRecord>): TurnRecord => ({
  accountId,
  ticketId: "tkt_x",
  skill: "order_tracking",
  confidence: 0.9,
  channel: "webchat",
  question: "Where is my order?",
  outcome: "resolved",
  ...over,
});

describe("turn outcome", () => {
  it("is handoff when the team takes over, resolved when answered, pending otherwise", () => {
    expect(turnOutcome({ handoff: "now", resolved: false })).toBe("handoff");
    expect(turnOutcome({ handoff: "none", resolved: true })).toBe("resolved");
    expect(turnOutcome({ handoff: "offer", resolved: false })).toBe("pending");
    expect(turnOutcome({ handoff: "none", resolved: false })).toBe("pending");
  });
});

describe("recordHandoff", () => {
  it("marks the ticket's latest turn as routed to the team when the shopper accepts a human", async () => {
    const accountId = unique("acc");
    const now = Date.now();
    await recordTurn(env, base(accountId, { ticketId: "tkt_1", question: "first", outcome: "resolved", at: now - 2000 }));
    await recordTurn(env, base(accountId, { ticketId: "tkt_1", question: "second", outcome: "pending", at: now - 1000 }));
    await recordHandoff(env, accountId, "tkt_1");
    const perf = await skillPerformance(env, accountId, "order_tracking", now);
    expect(perf.recentQuestions.map((q) => [q.question, q.outcome])).toEqual([
      ["second", "handoff"],
      ["first", "resolved"],
    ]);
  });

  it("does nothing for a ticket the agent never answered", async () => {
    await expect(recordHandoff(env, unique("acc"), "tkt_none")).resolves.toBeUndefined();
  });
});

describe("agentFigures", () => {
  it("counts conversations resolved by the agent and routed to the team, overall and per skill", async () => {
    const accountId = unique("acc");
    const now = Date.now();
    const at = now - 1000;
    await recordTurn(env, base(accountId, { ticketId: "t1", skill: "order_tracking", outcome: "resolved", at }));
    await recordTurn(env, base(accountId, { ticketId: "t2", skill: "order_tracking", outcome: "pending", at }));
    await recordTurn(env, base(accountId, { ticketId: "t2", skill: "order_tracking", outcome: "handoff", at }));
    await recordTurn(env, base(accountId, { ticketId: "t3", skill: "other", outcome: "pending", at }));
    await recordTurn(env, base(accountId, { ticketId: "t3", skill: "general_qa", outcome: "resolved", at }));
    await recordTurn(env, base(accountId, { ticketId: "t4", skill: "general_qa", outcome: "resolved", at: now - 10 * 86_400_000 }));
    await recordTurn(env, base(unique("other"), { ticketId: "t5", outcome: "resolved", at }));

    const figures = await agentFigures(env, accountId, now - 86_400_000, now + 1);
    expect(figures).toEqual({
      conversations: 3,
      resolved: 2,
      routedToTeam: 1,
      resolutionRate: 0.667,
      bySkill: [
        { skill: "order_tracking", conversations: 2, resolved: 1, routedToTeam: 1, resolutionRate: 0.5 },
        { skill: "general_qa", conversations: 1, resolved: 1, routedToTeam: 0, resolutionRate: 1 },
      ],
    });
  });
});

describe("recordAgentTurn", () => {
  it("records a turn from runAgentTurn's input and result", async () => {
    const accountId = unique("acc");
    await recordAgentTurn(env, { accountId, ticketId: "tkt_r", channel: "sms", text: "Where is #1038?" }, { skill: "order_tracking", confidence: 0.8, replies: [], handoff: "now", resolved: false });
    const perf = await skillPerformance(env, accountId, "order_tracking");
    expect(perf.recentQuestions).toEqual([{ question: "Where is #1038?", at: expect.any(String), outcome: "handoff", ticketId: "tkt_r" }]);
  });
});
