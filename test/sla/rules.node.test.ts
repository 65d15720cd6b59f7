import { describe, expect, it } from "vitest";
import { addWorkingTime, finishedTarget, matchPolicy, runningTarget, slaState, type SlaPolicy, type SlaTicket } from "../../src/sla/rules.ts";

const policy = (over: Partial<SlaPolicy> = {}): SlaPolicy => ({ id: "sla_1", name: "Default", match: {}, firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: null, businessHours: false, ...over });
const T0 = Date.parse("2026-12-01T10:00:00Z");
const ticket = (over: Partial<SlaTicket> = {}): SlaTicket => ({
  channel: "email",
  status: "open",
  spam: false,
  handledBy: "team",
  tags: [],
  priority: "normal",
  createdAt: T0,
  firstResponseAt: null,
  lastCustomerMessageAt: T0,
  lastAgentMessageAt: null,
  ...over,
});

describe("SLA rules", () => {
  it("matches the first policy whose every condition holds", () => {
    const urgent = policy({ id: "u", match: { priorities: ["urgent", "high"] }, firstResponseMinutes: 15 });
    const sms = policy({ id: "s", match: { channels: ["sms"], tags: ["VIP"] } });
    const rest = policy({ id: "r" });
    expect(matchPolicy([urgent, sms, rest], ticket({ priority: "high" }))?.id).toBe("u");
    expect(matchPolicy([urgent, sms, rest], ticket({ channel: "sms", tags: ["vip"] }))?.id).toBe("s");
    expect(matchPolicy([urgent, sms, rest], ticket({ channel: "sms" }))?.id).toBe("r");
    expect(matchPolicy([urgent, sms], ticket())).toBeNull();
  });

  it("runs first response, then next response after the customer writes again, and nothing while closed, snoozed, spam or with the AI", () => {
    const p = policy();
    expect(runningTarget(ticket(), p, null)).toMatchObject({ kind: "first_response", startedAt: T0, dueAt: T0 + 3_600_000, warnAt: T0 + 2_700_000 });
    const answered = ticket({ firstResponseAt: T0 + 600_000, lastAgentMessageAt: T0 + 600_000 });
    expect(runningTarget(answered, p, null)).toBeNull();
    const again = { ...answered, lastCustomerMessageAt: T0 + 900_000 };
    expect(runningTarget(again, p, null)).toMatchObject({ kind: "next_response", dueAt: T0 + 900_000 + 7_200_000 });
    for (const off of [{ status: "closed" as const }, { status: "snoozed" as const }, { spam: true }, { handledBy: "ai" as const }]) expect(runningTarget(ticket(off), p, null)).toBeNull();
    expect(runningTarget(answered, policy({ resolutionMinutes: 1440 }), null)).toMatchObject({ kind: "resolution", dueAt: T0 + 86_400_000 });
  });

  it("counts business hours only inside office hours", () => {
    const hours = { timezone: "UTC", weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] }, holidays: [], autoReply: "" } as never;
    // Monday 2026-11-30 16:30 + 60 working minutes = 30 min Monday + 30 min Tuesday from 09:00.
    const mon1630 = Date.parse("2026-11-30T16:30:00Z");
    expect(new Date(addWorkingTime(hours, mon1630, 3_600_000)).toISOString()).toBe("2026-12-01T09:30:00.000Z");
    // Before opening: the clock starts at 09:00.
    expect(new Date(addWorkingTime(hours, Date.parse("2026-12-01T07:00:00Z"), 1_800_000)).toISOString()).toBe("2026-12-01T09:30:00.000Z");
    expect(addWorkingTime(null, mon1630, 1000)).toBe(mon1630 + 1000);
    const t = runningTarget(ticket({ createdAt: mon1630 }), policy({ businessHours: true }), hours);
    expect(new Date(t!.dueAt).toISOString()).toBe("2026-12-01T09:30:00.000Z");
  });

  it("turns amber, then red; a finished target counts as met only when answered in time", () => {
    const target = { policyId: "p", kind: "first_response" as const, startedAt: T0, dueAt: T0 + 100, warnAt: T0 + 75 };
    expect(slaState(target, T0 + 10)).toBe("ok");
    expect(slaState(target, T0 + 80)).toBe("warning");
    expect(slaState(target, T0 + 100)).toBe("breached");
    const answered = ticket({ firstResponseAt: T0 + 50, lastAgentMessageAt: T0 + 50 });
    expect(finishedTarget(target, null, answered, T0 + 50)).toEqual({ met: true });
    expect(finishedTarget(target, null, answered, T0 + 500)).toEqual({ met: false });
    // Snoozed without an answer: not measured.
    expect(finishedTarget(target, null, ticket({ status: "snoozed" }), T0 + 50)).toBeNull();
    expect(finishedTarget(target, target, ticket(), T0 + 50)).toBeNull();
  });
});
