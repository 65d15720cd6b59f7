// Office-hours arithmetic: is the team open at an instant, and when does it next open or close (DST-safe, Intl only).
//
// Rules decided here (the spec is silent on them):
// - Intervals are half-open: open at the start minute, closed at the end minute.
// - A local wall time maps to "the first instant at which the local clock reads that time or later":
//   a time skipped by a spring-forward (02:30 on 2026-03-29 in Rome) maps to the instant the clock
//   jumps (03:00 CEST); a time that occurs twice in a fall-back maps to its first occurrence.
// - "24:00" of a day is "00:00" of the next, so an interval ending "24:00" chains seamlessly into the
//   next day's interval starting "00:00".
// - A holiday closes its whole local date, including the part of an overnight run that falls on it.
// - `null` office hours mean "always open" (docs/api.md: no office hours set = always open).
import { z } from "zod";

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export type OfficeHours = {
  timezone: string;
  weekly: Partial<Record<Weekday, [string, string][]>>;
  /** Local dates "YYYY-MM-DD" on which the team is closed all day. */
  holidays: string[];
  autoReply: string;
};

// Indexed by Date#getUTCDay() of the local civil date.
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const satisfies readonly Weekday[];

const MINUTE = 60_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Validation

const START_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidTimeZone(timeZone: string): boolean {
  // Intl also accepts raw offsets such as "+01:00"; office hours need a named (IANA) zone.
  if (!/^[A-Za-z]/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function isValidLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const intervalSchema = z
  .tuple([
    z.string().regex(START_TIME, 'a start time is "HH:MM" between 00:00 and 23:59'),
    z.string().regex(END_TIME, 'an end time is "HH:MM" between 00:01 and 24:00'),
  ])
  .refine(([start, end]) => start < end, "an interval must start before it ends");

const daySchema = z.array(intervalSchema).superRefine((intervals, ctx) => {
  const sorted = intervals.map((interval, index) => ({ interval, index })).sort((a, b) => (a.interval[0] < b.interval[0] ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous && current && current.interval[0] < previous.interval[1]) {
      ctx.addIssue({ code: "custom", message: "intervals of one day must not overlap", path: [current.index] });
    }
  }
});

export const officeHoursSchema = z.object({
  timezone: z.string().refine(isValidTimeZone, "timezone must be an IANA time zone such as Europe/Rome"),
  weekly: z.strictObject({
    mon: daySchema.optional(),
    tue: daySchema.optional(),
    wed: daySchema.optional(),
    thu: daySchema.optional(),
    fri: daySchema.optional(),
    sat: daySchema.optional(),
    sun: daySchema.optional(),
  }),
  holidays: z.array(z.string().refine(isValidLocalDate, 'a holiday is a real date "YYYY-MM-DD"')).default([]),
  autoReply: z.string().max(2000),
});

// Compile-time check: the schema's output stays assignable to the domain type.
type Assert<T extends true> = T;
export type OfficeHoursSchemaMatchesType = Assert<z.output<typeof officeHoursSchema> extends OfficeHours ? true : false>;

// ---------------------------------------------------------------------------------------------
// Local calendar arithmetic (civil dates need no time zone)

type LocalDate = { y: number; m: number; d: number };

function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function dateKey(date: LocalDate): string {
  return `${String(date.y).padStart(4, "0")}-${String(date.m).padStart(2, "0")}-${String(date.d).padStart(2, "0")}`;
}

function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAYS[new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay()] ?? "sun";
}

function minutesOf(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// Time-zone arithmetic with Intl only

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall-clock reading at `at`, expressed as if it were a UTC epoch (whole seconds). */
function wallClock(timeZone: string, at: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(Math.floor(at / 1000) * 1000)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
}

function localDateAt(timeZone: string, at: number): LocalDate {
  const wall = new Date(wallClock(timeZone, at));
  return { y: wall.getUTCFullYear(), m: wall.getUTCMonth() + 1, d: wall.getUTCDate() };
}

/** The first instant at which the local clock reads `minutes` past midnight of `date`, or later. */
function localToUtc(timeZone: string, date: LocalDate, minutes: number): number {
  const wall = Date.UTC(date.y, date.m - 1, date.d) + minutes * MINUTE;
  // The offsets a day either side bracket any single transition near this wall time.
  const offsets = new Set([wallClock(timeZone, wall - DAY) - (wall - DAY), wallClock(timeZone, wall + DAY) - (wall + DAY)]);
  const exact = [...offsets].map((offset) => wall - offset).filter((t) => wallClock(timeZone, t) === wall);
  if (exact.length > 0) return Math.min(...exact);
  // The wall time was skipped: find the instant the clock jumped past it (whole seconds).
  const candidates = [...offsets].map((offset) => wall - offset);
  let lo = Math.min(...candidates);
  let hi = Math.max(...candidates);
  if (wallClock(timeZone, hi) < wall) return hi; // not a bracketed gap; cannot happen for real zones
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallClock(timeZone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

// ---------------------------------------------------------------------------------------------
// Open periods

type Period = { start: number; end: number };

/** How far past `at` (and past the last holiday) a scan must look before concluding "never" or "forever". */
const HORIZON_DAYS = 15;
/** Upper bound of any scan, for holidays entered far in the future. */
const MAX_SCAN_DAYS = 3700;

/**
 * The open periods of each local day from the day before `at`'s local date, in order, unmerged.
 * Stops once it has looked HORIZON_DAYS past both `at` and the last holiday: beyond that the weekly
 * pattern only repeats, so no opening there means none ever.
 */
function* openPeriods(hours: OfficeHours, at: number): Generator<Period> {
  const hasHours = WEEKDAYS.some((day) => (hours.weekly[day]?.length ?? 0) > 0);
  if (!hasHours) return;
  const timeZone = hours.timezone;
  const holidays = new Set(hours.holidays);
  const today = localDateAt(timeZone, at);
  const lastHoliday = hours.holidays.filter(isValidLocalDate).reduce((latest, day) => (day > latest ? day : latest), dateKey(today));
  const [hy, hm, hd] = lastHoliday.split("-").map(Number);
  const horizon = dateKey(addDays({ y: hy ?? today.y, m: hm ?? today.m, d: hd ?? today.d }, HORIZON_DAYS));

  let date = addDays(today, -1);
  for (let scanned = 0; scanned < MAX_SCAN_DAYS && dateKey(date) <= horizon; scanned++, date = addDays(date, 1)) {
    if (holidays.has(dateKey(date))) continue;
    const intervals = (hours.weekly[weekdayOf(date)] ?? [])
      .map(([start, end]) => [minutesOf(start), minutesOf(end)] as const)
      .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end) && start < end)
      .sort((a, b) => a[0] - b[0]);
    for (const [start, end] of intervals) {
      const period = { start: localToUtc(timeZone, date, start), end: localToUtc(timeZone, date, end) };
      // Empty when the whole interval falls inside a spring-forward gap.
      if (period.start < period.end) yield period;
    }
  }
}

/** Whether the team is open at `at` (epoch ms). `null` office hours are always open. */
export function isOpen(hours: OfficeHours | null, at: number): boolean {
  if (hours === null) return true;
  for (const period of openPeriods(hours, at)) {
    if (period.start > at) return false;
    if (at < period.end) return true;
  }
  return false;
}

/** The first instant ≥ `at` at which the team is open; `null` if it never opens. */
export function nextOpening(hours: OfficeHours | null, at: number): number | null {
  if (hours === null) return at;
  for (const period of openPeriods(hours, at)) {
    if (at < period.end) return Math.max(period.start, at);
  }
  return null;
}

/** The first instant ≥ `at` at which the team is closed; `null` if it never closes. */
export function nextClosing(hours: OfficeHours | null, at: number): number | null {
  if (hours === null) return null;
  let closesAt: number | null = null;
  for (const period of openPeriods(hours, at)) {
    if (closesAt === null) {
      if (at >= period.end) continue;
      if (period.start > at) return at;
      closesAt = period.end;
    } else if (period.start <= closesAt) {
      closesAt = Math.max(closesAt, period.end); // chained, e.g. "24:00" into the next day's "00:00"
    } else {
      return closesAt;
    }
  }
  // Open continuously up to the horizon: open all week with no holiday ahead, so never closes.
  return closesAt === null ? at : null;
}
