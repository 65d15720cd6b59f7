// The date range of a report (GET /api/reports and its CSV export): [from, to), at most MAX_DAYS long.
import { z } from "@hono/zod-openapi";
import { AppError } from "../lib/errors.ts";

const DAY = 86_400_000;
/** Longer ranges are refused: a report reads every ticket in it. */
const MAX_DAYS = 366;

const instant = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO 8601 date or time");

export const reportRangeQuery = z.object({
  from: instant.optional().openapi({ description: "Start (inclusive); default 30 days before `to`" }),
  to: instant.optional().openapi({ description: "End (exclusive); default now. A bare date means the end of that day" }),
});

export function reportRange(q: z.infer<typeof reportRangeQuery>, now = Date.now()): { from: number; to: number } {
  // A bare date as `to` includes that whole day.
  const to = q.to ? Date.parse(q.to) + (/^\d{4}-\d{2}-\d{2}$/.test(q.to) ? DAY : 0) : now;
  const from = q.from ? Date.parse(q.from) : to - 30 * DAY;
  if (from >= to) throw new AppError("validation_failed", "`from` must be before `to`", [{ path: "from", message: "must be before to" }]);
  if (to - from > MAX_DAYS * DAY) throw new AppError("validation_failed", `A report covers at most ${MAX_DAYS} days`, [{ path: "from", message: `at most ${MAX_DAYS} days before to` }]);
  return { from, to };
}
