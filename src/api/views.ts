// Saved custom views: named filter sets, personal or shared with the team.
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, isNull, or } from "drizzle-orm";
import { router } from "../app.ts";
import { HELPDESK_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { requireAgentReading } from "../auth/sessionReads.ts";
import { mayRemoveShared } from "../auth/permissions.ts";
import { db } from "../db/client.ts";
import { rowOf, rowsOf, statementOf } from "../db/reads.ts";
import { savedViews } from "../db/schema/index.ts";
import { iso } from "../lib/clock.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import { body, errorResponses, idParam, json } from "../schemas/common.ts";
import { savedViewInput, savedViewSchema, ticketFiltersSchema, type TicketFilters } from "../schemas/ticket.ts";
import { countsOf, countStatements, countTickets } from "../tickets/queries.ts";
import { builtInCounts, builtInCountsStatement } from "../tickets/viewCounts.ts";

export const viewsApi = router();
// Counts on every dashboard load: the session check shares the first D1 round trip.
viewsApi.use("/views", requireAgentReading(...HELPDESK_ROLES));
viewsApi.use("/views/*", requireAgent, requireRole(...HELPDESK_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Views"] };

/** A view saved before dates were checked may hold one that is not ISO 8601: it loses that filter, not the list. */
function filtersOf(raw: string): TicketFilters {
  const stored = JSON.parse(raw) as Record<string, unknown>;
  const checked = ticketFiltersSchema.safeParse(stored);
  return checked.success ? checked.data : ticketFiltersSchema.parse({ ...stored, createdFrom: undefined, createdTo: undefined });
}

function toView(r: typeof savedViews.$inferSelect) {
  return { id: r.id, name: r.name, filters: filtersOf(r.filters), shared: r.agentId === null, createdAt: iso(r.createdAt) };
}

viewsApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/views",
    summary: "Save a custom view from filters",
    request: { body: body(savedViewInput) },
    responses: { 201: json(savedViewSchema, "View saved"), ...errorResponses(400, 401) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const me = c.get("agent");
    const row = { id: newId("view"), accountId: me.accountId, agentId: input.shared ? null : me.id, createdBy: me.id, name: input.name, filters: JSON.stringify(input.filters), createdAt: Date.now() };
    await db(c.env.DB).insert(savedViews).values(row);
    return c.json(toView(row), 201);
  },
);

viewsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/views",
    summary: "Saved views (shared ones and your own), with the count of tickets in each built-in and saved view",
    responses: {
      200: json(z.object({ items: z.array(savedViewSchema.extend({ count: z.number().int() })), builtIn: z.record(z.string(), z.number().int()) })),
      ...errorResponses(401),
    },
  }),
  async (c) => {
    const { accountId, agentId } = c.var.caller;
    const d1 = c.env.DB;
    // One round trip: the saved views, the built-in counts (kept by triggers, src/tickets/viewCounts.ts) and the
    // counts of the saved views this isolate saw last time for this agent. Those counts are used only if the saved
    // views just read (in the same transaction) have exactly those filters; otherwise a second round trip counts.
    const who = `${accountId}:${agentId}`;
    const expected = lastSavedFilters.get(who);
    const [rows, counts, ...guessed] = await c.var.reads.batch([
      savedViewsStatement(d1, accountId, agentId),
      builtInCountsStatement(d1, accountId, agentId),
      ...countStatements(d1, accountId, agentId, expected?.filters ?? []),
    ]);
    const saved = rowsOf<Record<string, unknown>>(rows).map((r) => toView(rowOf(savedViews, r)));
    const filters = saved.map((v) => v.filters);
    const key = JSON.stringify(filters);
    const savedCounts = expected?.key === key ? countsOf(guessed) : await countTickets(d1, c.var.reads, accountId, agentId, filters);
    rememberSavedFilters(who, { key, filters });
    const items = saved.map((v, i) => ({ ...v, count: savedCounts[i] ?? 0 }));
    return c.json({ items, builtIn: builtInCounts(rowsOf(counts), agentId) }, 200);
  },
);

/** Per isolate: the filters of each agent's saved views as last read, to count them in the first round trip. */
const lastSavedFilters = new Map<string, { key: string; filters: TicketFilters[] }>();
const REMEMBERED_AGENTS = 1000;

function rememberSavedFilters(who: string, entry: { key: string; filters: TicketFilters[] }): void {
  lastSavedFilters.delete(who);
  if (lastSavedFilters.size >= REMEMBERED_AGENTS) lastSavedFilters.delete(lastSavedFilters.keys().next().value as string);
  lastSavedFilters.set(who, entry);
}

/** The saved views an agent sees (shared ones and their own), oldest first. */
function savedViewsStatement(d1: D1Database, accountId: string, agentId: string): D1PreparedStatement {
  const query = db(d1)
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.accountId, accountId), or(isNull(savedViews.agentId), eq(savedViews.agentId, agentId))))
    .orderBy(savedViews.createdAt);
  return statementOf(d1, query.getSQL());
}

viewsApi.openapi(
  createRoute({
    ...secured,
    method: "delete",
    path: "/views/{id}",
    summary: "Delete a saved view: your own; a shared one if you saved it or are an owner, admin or manager",
    request: { params: idParam },
    responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const me = c.get("agent");
    const d = db(c.env.DB);
    const visible = and(eq(savedViews.id, id), eq(savedViews.accountId, me.accountId), or(isNull(savedViews.agentId), eq(savedViews.agentId, me.id)));
    const found = (await d.select({ agentId: savedViews.agentId, createdBy: savedViews.createdBy }).from(savedViews).where(visible).limit(1))[0];
    if (!found) throw new AppError("not_found", "view not found");
    if (found.agentId === null && !mayRemoveShared(me, found.createdBy)) throw new AppError("forbidden", "Only the view's author or an owner, admin or manager may delete a shared view");
    await d.delete(savedViews).where(visible);
    return c.body(null, 204);
  },
);
