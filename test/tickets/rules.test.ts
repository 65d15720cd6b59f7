// Auto-close: open tickets close once the customer has been quiet for `afterHours` after the team's last reply.
import { describe, expect, it } from "vitest";

import { autoCloseDueAt, shouldAutoClose } from "../../src/tickets/rules.ts";

import type { AutoCloseTicket } from "../../src/tickets/rules.ts";

const HOUR = 3_600_000;
const now = Date.parse("2026-05-10T12:00:00Z");
const hoursAgo = (hours: number): number => now - hours * HOUR;

const waitingOnCustomer: AutoCloseTicket = { status: "open", lastCustomerMessageAt: hoursAgo(50), lastAgentMessageAt: hoursAgo(48) };

describe("shouldAutoClose", () => {
  it.each([
    ["closes an open ticket 48 hours after the team's reply with a 48-hour setting", waitingOnCustomer, 48, true],
    ["closes it well past the setting", waitingOnCustomer, 24, true],
    ["keeps it open while the setting has not yet passed", waitingOnCustomer, 72, false],
    ["accepts a fractional number of hours", { ...waitingOnCustomer, lastAgentMessageAt: hoursAgo(0.5) }, 0.5, true],
    ["keeps it open when the customer wrote after the team's reply", { ...waitingOnCustomer, lastCustomerMessageAt: hoursAgo(47) }, 24, false],
    ["treats a customer message at the same instant as the reply as answered", { ...waitingOnCustomer, lastCustomerMessageAt: hoursAgo(48) }, 24, true],
    ["never closes a ticket the team has not answered", { ...waitingOnCustomer, lastAgentMessageAt: null }, 24, false],
    ["closes a ticket with no recorded customer message once the team's reply is old enough", { ...waitingOnCustomer, lastCustomerMessageAt: null }, 24, true],
    ["leaves snoozed tickets alone", { ...waitingOnCustomer, status: "snoozed" }, 24, false],
    ["leaves closed tickets alone", { ...waitingOnCustomer, status: "closed" }, 24, false],
    ["does nothing when auto-close is off", waitingOnCustomer, null, false],
    ["does nothing with a zero setting", waitingOnCustomer, 0, false],
    ["does nothing with a negative setting", waitingOnCustomer, -5, false],
  ] as const)("%s", (_label, ticket, afterHours, expected) => {
    expect(shouldAutoClose(ticket, afterHours, now)).toBe(expected);
  });
});

describe("autoCloseDueAt", () => {
  it("is the team's last reply plus the setting", () => {
    expect(autoCloseDueAt(waitingOnCustomer, 72)).toBe(hoursAgo(48) + 72 * HOUR);
  });

  it("is null when the ticket is waiting on the team", () => {
    expect(autoCloseDueAt({ ...waitingOnCustomer, lastCustomerMessageAt: hoursAgo(1) }, 72)).toBeNull();
  });

  it("is null when auto-close is off", () => {
    expect(autoCloseDueAt(waitingOnCustomer, null)).toBeNull();
  });
});
