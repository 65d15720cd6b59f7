// CSV exports of the ticket list (same filters as GET /api/tickets) and of the report (GET /api/reports).
// Owners, admins and managers: the people who already see every ticket and the reports; support agents do not export.
import { createRoute } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { clientIp, recordAudit } from "../audit/record.ts";
import { requireAgent, requireRole, type Role } from "../auth/context.ts";
import { reportCsv } from "../exports/report.ts";
import { ticketsCsv } from "../exports/tickets.ts";
import { fullReport } from "../reports/full.ts";
import { reportRange, reportRangeQuery } from "../reports/range.ts";
import { errorResponses } from "../schemas/common.ts";
import { ticketFiltersSchema } from "../schemas/ticket.ts";

export const EXPORT_ROLES: Role[] = ["owner", "admin", "manager"];

export const exportsApi = router();
exportsApi.use("/exports/*", requireAgent, requireRole(...EXPORT_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Exports"] };
const csv = (description: string) => ({ description, content: { "text/csv": { schema: { type: "string" as const } } } });

function csvHeaders(name: string) {
  const day = new Date().toISOString().slice(0, 10);
  return { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}-${day}.csv"`, "Cache-Control": "no-store" };
}

exportsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/exports/tickets.csv",
    summary: "The tickets a list with these filters shows, every page, as CSV (streamed)",
    request: { query: ticketFiltersSchema },
    responses: { 200: csv("CSV, one ticket per line"), ...errorResponses(400, 401, 403) },
  }),
  async (c) => {
    const filters = c.req.valid("query");
    const account = c.get("account").id;
    const actor = c.get("agent").id;
    await recordAudit(c.env, { accountId: account, action: "export.tickets", actorId: actor, ip: clientIp(c.req.raw.headers), details: { filters } });
    return c.body(ticketsCsv(c.env, account, actor, filters), 200, csvHeaders("tickets"));
  },
);

exportsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/exports/report.csv",
    summary: "The report over [from, to) as CSV: section, item, metric, value",
    request: { query: reportRangeQuery },
    responses: { 200: csv("CSV, one figure per line"), ...errorResponses(400, 401, 403) },
  }),
  async (c) => {
    const { from, to } = reportRange(c.req.valid("query"));
    const account = c.get("account").id;
    const report = await fullReport(c.env, account, from, to);
    await recordAudit(c.env, { accountId: account, action: "export.report", actorId: c.get("agent").id, ip: clientIp(c.req.raw.headers), details: { from: report.from, to: report.to } });
    return c.body(reportCsv(report), 200, csvHeaders("report"));
  },
);
