// Office hours: open/closed decisions and next opening/closing, across DST changes, holidays and midnight.
import { describe, expect, it } from "vitest";

import { isOpen, nextClosing, nextOpening, officeHoursSchema } from "../../src/assignment/officeHours.ts";

import type { OfficeHours } from "../../src/assignment/officeHours.ts";

const t = (iso: string): number => Date.parse(iso);

const everyDay = (intervals: [string, string][]): OfficeHours["weekly"] => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
  sat: intervals,
  sun: intervals,
});

const hours = (timezone: string, weekly: OfficeHours["weekly"], holidays: string[] = []): OfficeHours => ({
  timezone,
  weekly,
  holidays,
  autoReply: "We're closed right now; we'll answer as soon as we're back.",
});

const rome = hours("Europe/Rome", everyDay([["09:00", "17:00"]]));
const newYork = hours("America/New_York", everyDay([["09:00", "17:00"]]));

describe("a 09:00 local opening maps to the right UTC instant around DST changes", () => {
  it.each([
    ["Rome, the day before spring-forward (CET, UTC+1)", rome, "2026-03-28T07:00:00Z", "2026-03-28T08:00:00Z"],
    ["Rome, spring-forward day 2026-03-29 (CEST, UTC+2)", rome, "2026-03-29T00:00:00Z", "2026-03-29T07:00:00Z"],
    ["Rome, the day before fall-back (CEST, UTC+2)", rome, "2026-10-24T00:00:00Z", "2026-10-24T07:00:00Z"],
    ["Rome, fall-back day 2026-10-25 (CET, UTC+1)", rome, "2026-10-25T00:00:00Z", "2026-10-25T08:00:00Z"],
    ["New York, the day before spring-forward (EST, UTC-5)", newYork, "2026-03-07T05:00:00Z", "2026-03-07T14:00:00Z"],
    ["New York, spring-forward day 2026-03-08 (EDT, UTC-4)", newYork, "2026-03-08T05:00:00Z", "2026-03-08T13:00:00Z"],
    ["New York, the day before fall-back (EDT, UTC-4)", newYork, "2026-10-31T04:00:00Z", "2026-10-31T13:00:00Z"],
    ["New York, fall-back day 2026-11-01 (EST, UTC-5)", newYork, "2026-11-01T04:00:00Z", "2026-11-01T14:00:00Z"],
  ])("%s", (_label, schedule, from, opening) => {
    expect(nextOpening(schedule, t(from))).toBe(t(opening));
    expect(isOpen(schedule, t(opening) - 1)).toBe(false);
    expect(isOpen(schedule, t(opening))).toBe(true);
  });
});

describe("isOpen answers for instants across both DST changes", () => {
  it.each([
    // Rome, 09:00–17:00 every day
    ["Rome 09:00 CET: open", rome, "2026-03-28T08:00:00Z", true],
    ["Rome 17:00 CET, the closing minute: closed", rome, "2026-03-28T16:00:00Z", false],
    ["Rome 09:30 CEST on spring-forward day: open", rome, "2026-03-29T07:30:00Z", true],
    ["Rome 17:00 CEST on spring-forward day: closed", rome, "2026-03-29T15:00:00Z", false],
    ["Rome 16:59:59 CEST on spring-forward day: open", rome, "2026-03-29T14:59:59Z", true],
    ["Rome 08:30 CET on fall-back day: closed", rome, "2026-10-25T07:30:00Z", false],
    ["Rome 16:59:59 CET on fall-back day: open", rome, "2026-10-25T15:59:59Z", true],
    ["Rome 17:00 CET on fall-back day: closed", rome, "2026-10-25T16:00:00Z", false],
    // New York, 09:00–17:00 every day
    ["New York 09:00 EDT on spring-forward day: open", newYork, "2026-03-08T13:00:00Z", true],
    ["New York 08:59:59 EDT on spring-forward day: closed", newYork, "2026-03-08T12:59:59Z", false],
    ["New York 17:00 EDT on spring-forward day: closed", newYork, "2026-03-08T21:00:00Z", false],
    ["New York 08:30 EST on fall-back day: closed", newYork, "2026-11-01T13:30:00Z", false],
    ["New York 16:59 EST on fall-back day: open", newYork, "2026-11-01T21:59:00Z", true],
    ["New York 17:00 EST on fall-back day: closed", newYork, "2026-11-01T22:00:00Z", false],
  ])("%s", (_label, schedule, at, open) => {
    expect(isOpen(schedule, t(at))).toBe(open);
  });
});

describe("a local time that does not exist opens at the next valid instant", () => {
  it("opens a Rome 02:30 start at 03:00 CEST on spring-forward day", () => {
    const schedule = hours("Europe/Rome", { sun: [["02:30", "04:00"]] });
    expect(nextOpening(schedule, t("2026-03-29T00:00:00Z"))).toBe(t("2026-03-29T01:00:00Z"));
    expect(isOpen(schedule, t("2026-03-29T00:59:59Z"))).toBe(false);
    expect(isOpen(schedule, t("2026-03-29T01:00:00Z"))).toBe(true);
    expect(nextClosing(schedule, t("2026-03-29T01:00:00Z"))).toBe(t("2026-03-29T02:00:00Z"));
  });

  it("opens a New York 02:30 start at 03:00 EDT on spring-forward day", () => {
    const schedule = hours("America/New_York", { sun: [["02:30", "05:00"]] });
    expect(nextOpening(schedule, t("2026-03-08T05:00:00Z"))).toBe(t("2026-03-08T07:00:00Z"));
    expect(nextClosing(schedule, t("2026-03-08T07:00:00Z"))).toBe(t("2026-03-08T09:00:00Z"));
  });

  it("skips an interval that lies wholly inside the skipped hour, and opens the next week as usual", () => {
    const schedule = hours("America/New_York", { sun: [["02:10", "02:50"]] });
    expect(nextOpening(schedule, t("2026-03-08T05:00:00Z"))).toBe(t("2026-03-15T06:10:00Z"));
  });

  it("closes at the jump when an interval ends inside the skipped hour", () => {
    const schedule = hours("Europe/Rome", { sun: [["00:00", "02:30"]] });
    expect(nextClosing(schedule, t("2026-03-28T23:30:00Z"))).toBe(t("2026-03-29T01:00:00Z"));
  });
});

describe("a local time that occurs twice means its first occurrence", () => {
  it("opens a Rome 02:30 start at 02:30 CEST, the first of the two", () => {
    const schedule = hours("Europe/Rome", { sun: [["02:30", "06:00"]] });
    expect(nextOpening(schedule, t("2026-10-24T22:00:00Z"))).toBe(t("2026-10-25T00:30:00Z"));
    expect(nextClosing(schedule, t("2026-10-25T00:30:00Z"))).toBe(t("2026-10-25T05:00:00Z"));
  });

  it("closes a Rome interval ending 02:30 at the first 02:30 and stays closed through the repeated hour", () => {
    const schedule = hours("Europe/Rome", { sun: [["00:00", "02:30"]] });
    expect(nextClosing(schedule, t("2026-10-24T23:00:00Z"))).toBe(t("2026-10-25T00:30:00Z"));
    expect(isOpen(schedule, t("2026-10-25T01:15:00Z"))).toBe(false); // 02:15 CET, second pass
  });

  it("opens a New York 01:30 start at 01:30 EDT, the first of the two", () => {
    const schedule = hours("America/New_York", { sun: [["01:30", "09:00"]] });
    expect(nextOpening(schedule, t("2026-11-01T04:00:00Z"))).toBe(t("2026-11-01T05:30:00Z"));
    expect(isOpen(schedule, t("2026-11-01T06:15:00Z"))).toBe(true); // 01:15 EST, second pass
    expect(nextClosing(schedule, t("2026-11-01T05:30:00Z"))).toBe(t("2026-11-01T14:00:00Z"));
  });
});

describe("intervals ending 24:00 chain into the next day's 00:00", () => {
  const weekend = hours("Europe/Rome", {
    fri: [["18:00", "24:00"]],
    sat: [["00:00", "24:00"]],
    sun: [["00:00", "08:00"]],
    mon: [["09:00", "17:00"]],
  });

  it("stays open across midnight without a gap", () => {
    expect(isOpen(weekend, t("2026-03-06T22:59:59Z"))).toBe(true); // Fri 23:59:59 CET
    expect(isOpen(weekend, t("2026-03-06T23:00:00Z"))).toBe(true); // Sat 00:00 CET
    expect(nextClosing(weekend, t("2026-03-06T20:00:00Z"))).toBe(t("2026-03-08T07:00:00Z")); // Sun 08:00 CET
  });

  it("covers the spring-forward weekend overnight and closes at 08:00 CEST", () => {
    expect(nextClosing(weekend, t("2026-03-27T18:00:00Z"))).toBe(t("2026-03-29T06:00:00Z"));
    expect(isOpen(weekend, t("2026-03-29T01:00:00Z"))).toBe(true); // the instant 02:00 CET becomes 03:00 CEST
  });

  it("covers the fall-back weekend overnight and closes at 08:00 CET", () => {
    expect(nextClosing(weekend, t("2026-10-23T17:00:00Z"))).toBe(t("2026-10-25T07:00:00Z"));
  });

  it("reports the next opening after the overnight run closes", () => {
    expect(nextOpening(weekend, t("2026-03-08T07:00:00Z"))).toBe(t("2026-03-09T08:00:00Z"));
  });
});

describe("holidays close the whole local date", () => {
  const weekdays = hours(
    "Europe/Rome",
    { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]] },
    ["2026-12-25"],
  );

  it("is closed on Christmas day during usual hours", () => {
    expect(isOpen(weekdays, t("2026-12-25T10:00:00Z"))).toBe(false);
    expect(isOpen(weekdays, t("2026-12-24T10:00:00Z"))).toBe(true);
  });

  it("next opens on the Monday after a Friday holiday and a weekend", () => {
    expect(nextOpening(weekdays, t("2026-12-24T16:00:00Z"))).toBe(t("2026-12-28T08:00:00Z"));
  });

  const allWeek = hours("America/New_York", everyDay([["00:00", "24:00"]]), ["2026-07-04"]);

  it("uses the shop's local date, not the UTC date", () => {
    expect(isOpen(allWeek, t("2026-07-04T03:00:00Z"))).toBe(true); // still July 3rd, 23:00 EDT
    expect(isOpen(allWeek, t("2026-07-05T03:00:00Z"))).toBe(false); // July 4th, 23:00 EDT
  });

  it("closes an all-week schedule at local midnight of the holiday and reopens the next midnight", () => {
    expect(nextClosing(allWeek, t("2026-07-03T12:00:00Z"))).toBe(t("2026-07-04T04:00:00Z"));
    expect(nextOpening(allWeek, t("2026-07-04T12:00:00Z"))).toBe(t("2026-07-05T04:00:00Z"));
  });

  it("finds the opening after a long run of holidays", () => {
    const mondaysOnly = hours("Europe/Rome", { mon: [["09:00", "12:00"]] }, ["2026-08-03", "2026-08-10", "2026-08-17", "2026-08-24"]);
    expect(nextOpening(mondaysOnly, t("2026-08-01T00:00:00Z"))).toBe(t("2026-08-31T07:00:00Z"));
  });
});

describe("no office hours and an empty week", () => {
  it("is always open when no office hours are set", () => {
    expect(isOpen(null, t("2026-12-25T03:00:00Z"))).toBe(true);
    expect(nextOpening(null, t("2026-12-25T03:00:00Z"))).toBe(t("2026-12-25T03:00:00Z"));
    expect(nextClosing(null, t("2026-12-25T03:00:00Z"))).toBeNull();
  });

  it("never opens with an empty week", () => {
    for (const weekly of [{}, { mon: [], sat: [] }]) {
      const schedule = hours("Europe/Rome", weekly);
      expect(isOpen(schedule, t("2026-06-01T10:00:00Z"))).toBe(false);
      expect(nextOpening(schedule, t("2026-06-01T10:00:00Z"))).toBeNull();
      expect(nextClosing(schedule, t("2026-06-01T10:00:00Z"))).toBe(t("2026-06-01T10:00:00Z"));
    }
  });

  it("never closes when open around the clock all week with no holidays ahead", () => {
    const schedule = hours("Europe/Rome", everyDay([["00:00", "24:00"]]), ["2026-01-01"]);
    expect(isOpen(schedule, t("2026-03-29T01:30:00Z"))).toBe(true);
    expect(nextClosing(schedule, t("2026-03-20T00:00:00Z"))).toBeNull();
  });

  it("returns the instant itself as the next opening when already open, and as the next closing when closed", () => {
    expect(nextOpening(rome, t("2026-06-01T10:00:00Z"))).toBe(t("2026-06-01T10:00:00Z"));
    expect(nextClosing(rome, t("2026-06-01T20:00:00Z"))).toBe(t("2026-06-01T20:00:00Z"));
    expect(nextClosing(rome, t("2026-06-01T10:00:00Z"))).toBe(t("2026-06-01T15:00:00Z"));
  });
});

describe("isOpen, nextOpening and nextClosing agree with each other", () => {
  const split = everyDay([
    ["00:00", "02:30"],
    ["09:00", "17:00"],
    ["22:00", "24:00"],
  ]);
  it.each([
    ["Europe/Rome", "2026-03-27T12:00:00Z"],
    ["Europe/Rome", "2026-10-23T12:00:00Z"],
    ["America/New_York", "2026-03-06T12:00:00Z"],
    ["America/New_York", "2026-10-30T12:00:00Z"],
  ])("every 10 minutes over the %s DST weekend starting %s", (timezone, from) => {
    const schedule = hours(timezone, split);
    for (let at = t(from); at < t(from) + 3 * 86_400_000; at += 600_000) {
      const opening = nextOpening(schedule, at);
      const closing = nextClosing(schedule, at);
      if (opening === null || closing === null) throw new Error("this schedule always opens and closes again");
      if (isOpen(schedule, at)) {
        expect(opening).toBe(at);
        expect(closing).toBeGreaterThan(at);
      } else {
        expect(closing).toBe(at);
        expect(opening).toBeGreaterThan(at);
      }
      const change = Math.max(opening, closing);
      expect(isOpen(schedule, change - 1)).toBe(isOpen(schedule, at));
      expect(isOpen(schedule, change)).toBe(!isOpen(schedule, at));
    }
  });
});

describe("officeHoursSchema", () => {
  const valid = {
    timezone: "Europe/Rome",
    weekly: { mon: [["09:00", "12:30"], ["12:30", "17:30"]], sat: [["20:00", "24:00"]], sun: [["00:00", "02:00"]] },
    holidays: ["2026-12-25", "2028-02-29"],
    autoReply: "We're closed; back at 9.",
  };

  it("accepts a valid schedule with touching intervals and a 24:00 end", () => {
    expect(officeHoursSchema.safeParse(valid).success).toBe(true);
  });

  it("defaults holidays to none", () => {
    const { holidays: _omitted, ...withoutHolidays } = valid;
    expect(officeHoursSchema.parse(withoutHolidays).holidays).toEqual([]);
  });

  it.each([
    ["an unknown time zone", { timezone: "Mars/Olympus_Mons" }],
    ["a raw offset instead of a zone name", { timezone: "+01:00" }],
    ["an hour past 23", { weekly: { mon: [["25:00", "26:00"]] } }],
    ["a time without two-digit hours", { weekly: { mon: [["9:00", "17:00"]] } }],
    ["24:00 as a start", { weekly: { mon: [["24:00", "24:00"]] } }],
    ["a start equal to the end", { weekly: { mon: [["09:00", "09:00"]] } }],
    ["a start after the end", { weekly: { mon: [["17:00", "09:00"]] } }],
    ["overlapping intervals in a day", { weekly: { tue: [["13:00", "18:00"], ["09:00", "13:30"]] } }],
    ["an unknown day name", { weekly: { monday: [["09:00", "17:00"]] } }],
    ["an impossible holiday date", { holidays: ["2026-02-30"] }],
    ["a holiday that is not YYYY-MM-DD", { holidays: ["25/12/2026"] }],
    ["a missing auto-reply", { autoReply: undefined }],
  ])("rejects %s", (_label, change) => {
    expect(officeHoursSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
