// Assignment triggers: which ticket changes route, move, offer, or only recount.
import { describe, expect, it } from "vitest";
import { afterMove, afterRouting, factsOf, planAssignment, sameFacts, type AssignmentFacts } from "../../src/assignment/rules.ts";

const base: AssignmentFacts = { accountId: "acc", ticketId: "tkt", version: 1, createdAt: 0, active: true, assigneeId: null, teamId: null, tags: [], profileId: null };
const f = (over: Partial<AssignmentFacts>): AssignmentFacts => ({ ...base, ...over });

describe("factsOf", () => {
  const ticket = { id: "tkt", accountId: "acc", version: 3, createdAt: 5, status: "open" as const, handledBy: "team" as const, spam: false, messageCount: 1, assigneeId: null, teamId: null, tags: [" Returns", "boots", "returns"], customer: { profileId: "prof_1" } };

  it("is active only while open, with the team, not spam, once the customer wrote", () => {
    expect(factsOf(ticket).active).toBe(true);
    expect(factsOf({ ...ticket, status: "snoozed" }).active).toBe(false);
    expect(factsOf({ ...ticket, status: "closed" }).active).toBe(false);
    expect(factsOf({ ...ticket, handledBy: "ai" }).active).toBe(false);
    expect(factsOf({ ...ticket, spam: true }).active).toBe(false);
    expect(factsOf({ ...ticket, messageCount: 0 }).active).toBe(false);
  });

  it("compares tags case-insensitively and ignores the version", () => {
    expect(factsOf(ticket).tags).toEqual(["boots", "returns"]);
    expect(sameFacts(factsOf(ticket), factsOf({ ...ticket, version: 9, tags: ["BOOTS", "returns"] }))).toBe(true);
    expect(sameFacts(factsOf(ticket), factsOf({ ...ticket, tags: ["boots"] }))).toBe(false);
    expect(sameFacts(factsOf(ticket), factsOf({ ...ticket, assigneeId: "agt_a" }))).toBe(false);
  });
});

describe("planAssignment", () => {
  it.each<[string, AssignmentFacts | null, AssignmentFacts, ReturnType<typeof planAssignment>]>([
    ["a new ticket's first message routes it", null, f({}), { recount: [], leftQueueOf: null, action: "route" }],
    ["an empty web chat does nothing yet", null, f({ active: false }), { recount: [], leftQueueOf: null, action: null }],
    ["a reopened ticket routes again and counts for its assignee", f({ active: false, assigneeId: "a" }), f({ assigneeId: "a" }), { recount: ["a"], leftQueueOf: null, action: "route" }],
    ["an auto-assignment leaves the queue and counts", f({}), f({ assigneeId: "a" }), { recount: ["a"], leftQueueOf: { teamId: null }, action: null }],
    ["a reassignment recounts both", f({ assigneeId: "a" }), f({ assigneeId: "b" }), { recount: ["a", "b"], leftQueueOf: null, action: null }],
    ["No assignee recounts and does not offer it again", f({ assigneeId: "a" }), f({}), { recount: ["a"], leftQueueOf: null, action: null }],
    ["closing frees capacity", f({ assigneeId: "a" }), f({ assigneeId: "a", active: false }), { recount: ["a"], leftQueueOf: null, action: null }],
    ["closing a waiting ticket takes it out of the queue", f({ teamId: "t" }), f({ teamId: "t", active: false }), { recount: [], leftQueueOf: { teamId: "t" }, action: null }],
    ["a tag change routes again", f({ assigneeId: "a" }), f({ assigneeId: "a", tags: ["returns"] }), { recount: [], leftQueueOf: null, action: "route" }],
    ["a team change moves it", f({}), f({ teamId: "t" }), { recount: [], leftQueueOf: { teamId: null }, action: "move" }],
    ["a closed ticket's tag change does nothing", f({ active: false }), f({ active: false, tags: ["x"] }), { recount: [], leftQueueOf: null, action: null }],
    ["a closed ticket's reassignment counts for nobody", f({ active: false, assigneeId: "a" }), f({ active: false, assigneeId: "b" }), { recount: [], leftQueueOf: null, action: null }],
  ])("%s", (_label, before, after, plan) => {
    expect(planAssignment(before, after)).toEqual(plan);
  });
});

describe("after routing", () => {
  it("adopts a different routed team, else offers a just-active unassigned ticket to its team or the account-wide rotation", () => {
    expect(afterRouting(f({}), "t1", true, false)).toEqual({ kind: "adopt", teamId: "t1" });
    expect(afterRouting(f({ teamId: "t1" }), "t1", true, false)).toEqual({ kind: "offer", teamId: "t1" });
    expect(afterRouting(f({ teamId: "t1" }), null, true, false)).toEqual({ kind: "offer", teamId: "t1" });
    expect(afterRouting(f({}), null, true, true)).toEqual({ kind: "offer", teamId: null });
    expect(afterRouting(f({}), null, true, false)).toEqual({ kind: "none" });
    expect(afterRouting(f({ assigneeId: "a" }), null, true, true)).toEqual({ kind: "none" });
    // A tag change that keeps the team changes nothing.
    expect(afterRouting(f({}), null, false, true)).toEqual({ kind: "none" });
  });

  it("offers a moved ticket to its new team, or unassigned to the account-wide rotation", () => {
    expect(afterMove(f({ teamId: "t", assigneeId: "a" }), false)).toEqual({ kind: "offer", teamId: "t" });
    expect(afterMove(f({}), true)).toEqual({ kind: "offer", teamId: null });
    expect(afterMove(f({}), false)).toEqual({ kind: "none" });
    expect(afterMove(f({ assigneeId: "a" }), true)).toEqual({ kind: "none" });
  });
});
