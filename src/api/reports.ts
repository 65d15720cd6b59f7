// GET /api/reports: the helpdesk's and the AI agent's figures over a date range (docs/api.md "Tickets (helpdesk)").
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { HELPDESK_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { AppError } from "../lib/errors.ts";
import { getSettings } from "../accounts/settings.ts";
import { satisfactionReport } from "../reports/satisfaction.ts";
import { buildReport } from "../reports/service.ts";
import { errorResponses, json } from "../schemas/common.ts";
import { reportSchema } from "../schemas/report.ts";

export const reportsApi = router();
reportsApi.use("/reports", requireAgent, requireRole(...HELPDESK_ROLES));

const DAY = 86_400_000;
/** Longer ranges are refused: a report reads every ticket in it. */
const MAX_DAYS = 366;

const instant = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO 8601 date or time");

reportsApi.openapi(
  createRoute({
    method: "get",
    path: "/reports",
    security: [{ bearer: [] }],
    tags: ["Reports"],
    summary: "Ticket counts, first response and resolution times, per agent and tag, and the AI agent's figures over [from, to)",
    request: {
      query: z.object({
        from: instant.optional().openapi({ description: "Start (inclusive); default 30 days before `to`" }),
        to: instant.optional().openapi({ description: "End (exclusive); default now. A bare date means the end of that day" }),
      }),
    },
    responses: { 200: json(reportSchema), ...errorResponses(400, 401, 403) },
  }),
  async (c) => {
    const q = c.req.valid("query");
    // A bare date as `to` includes that whole day.
    const to = q.to ? Date.parse(q.to) + (/^\d{4}-\d{2}-\d{2}$/.test(q.to) ? DAY : 0) : Date.now();
    const from = q.from ? Date.parse(q.from) : to - 30 * DAY;
    if (from >= to) throw new AppError("validation_failed", "`from` must be before `to`", [{ path: "from", message: "must be before to" }]);
    if (to - from > MAX_DAYS * DAY) throw new AppError("validation_failed", `A report covers at most ${MAX_DAYS} days`, [{ path: "from", message: `at most ${MAX_DAYS} days before to` }]);
    const accountId = c.get("account").id;
    const settings = await getSettings(c.env, accountId);
    const names = new Map((settings.sla?.policies ?? []).map((p) => [p.id, p.name]));
    const [report, extra] = await Promise.all([buildReport(c.env, accountId, from, to), satisfactionReport(c.env, accountId, from, to, names)]);
    return c.json({ ...report, ...extra }, 200);
  },
);
