// GET /api/reports: the helpdesk's and the AI agent's figures over a date range (docs/api.md "Tickets (helpdesk)").
import { createRoute } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { HELPDESK_ROLES } from "../auth/context.ts";
import { requireAgentReading } from "../auth/sessionReads.ts";
import { fullReport } from "../reports/full.ts";
import { reportRange, reportRangeQuery } from "../reports/range.ts";
import { errorResponses, json } from "../schemas/common.ts";
import { reportSchema } from "../schemas/report.ts";

export const reportsApi = router();
// All the figures come from one D1 batch, which checks the caller's session too.
reportsApi.use("/reports", requireAgentReading(...HELPDESK_ROLES));

reportsApi.openapi(
  createRoute({
    method: "get",
    path: "/reports",
    security: [{ bearer: [] }],
    tags: ["Reports"],
    summary: "Ticket counts, first response and resolution times, per agent and tag, and the AI agent's figures over [from, to)",
    request: { query: reportRangeQuery },
    responses: { 200: json(reportSchema), ...errorResponses(400, 401, 403) },
  }),
  async (c) => {
    const { from, to } = reportRange(c.req.valid("query"));
    return c.json(await fullReport(c.env, c.var.caller.accountId, from, to, c.var.reads), 200);
  },
);
