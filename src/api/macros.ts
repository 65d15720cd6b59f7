// Macros: saved replies with placeholders, shared by the account's team.
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, sql } from "drizzle-orm";
import { router } from "../app.ts";
import { HELPDESK_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { mayRemoveShared } from "../auth/permissions.ts";
import { db } from "../db/client.ts";
import { macros } from "../db/schema/index.ts";
import { macroPlaceholders, renderMacro } from "../macros/rules.ts";
import { iso } from "../lib/clock.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import { body, errorResponses, idParam, json, messageText } from "../schemas/common.ts";
import type { TicketView } from "../schemas/ticket.ts";
import { ticketStub, viaActor } from "../tickets/actors.ts";
import { assertMessageSize } from "../tickets/service.ts";

export const macrosApi = router();
macrosApi.use("/macros", requireAgent, requireRole(...HELPDESK_ROLES));
macrosApi.use("/macros/*", requireAgent, requireRole(...HELPDESK_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Macros"] };

const macroInput = z.object({ name: z.string().trim().min(1).max(100), body: messageText }).strict().openapi("MacroInput");
const macroSchema = z
  .object({ id: z.string(), name: z.string(), body: z.string(), placeholders: z.array(z.string()), usageCount: z.number().int(), createdAt: z.string(), updatedAt: z.string() })
  .openapi("Macro");

type MacroRow = typeof macros.$inferSelect;

function toMacro(r: MacroRow) {
  return { id: r.id, name: r.name, body: r.body, placeholders: macroPlaceholders(r.body).placeholders, usageCount: r.usageCount, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) };
}

function validateBody(text: string): void {
  assertMessageSize(text);
  const { unknown } = macroPlaceholders(text);
  if (unknown.length > 0) {
    throw new AppError(
      "validation_failed",
      `Unknown placeholders: ${unknown.join(", ")} (use {{customer.name}}, {{customer.email}}, {{agent.name}}, {{ticket.number}})`,
      unknown.map((u) => ({ path: "body", message: `unknown placeholder ${u}` })),
    );
  }
}

async function findMacro(env: Env, accountId: string, id: string): Promise<MacroRow> {
  const row = (await db(env.DB).select().from(macros).where(and(eq(macros.accountId, accountId), eq(macros.id, id))).limit(1))[0];
  if (!row) throw new AppError("not_found", "macro not found");
  return row;
}

macrosApi.openapi(
  createRoute({ ...secured, method: "get", path: "/macros", summary: "The team's macros", responses: { 200: json(z.object({ items: z.array(macroSchema) })), ...errorResponses(401) } }),
  async (c) => {
    const rows = await db(c.env.DB).select().from(macros).where(eq(macros.accountId, c.get("account").id)).orderBy(macros.name);
    return c.json({ items: rows.map(toMacro) }, 200);
  },
);

macrosApi.openapi(
  createRoute({ ...secured, method: "post", path: "/macros", summary: "Save a macro", request: { body: body(macroInput) }, responses: { 201: json(macroSchema, "Saved"), ...errorResponses(400, 401, 413) } }),
  async (c) => {
    const input = c.req.valid("json");
    validateBody(input.body);
    const me = c.get("agent");
    const now = Date.now();
    const row: MacroRow = { id: newId("mac", now), accountId: me.accountId, name: input.name, body: input.body, createdBy: me.id, createdAt: now, updatedAt: now, usageCount: 0 };
    await db(c.env.DB).insert(macros).values(row);
    return c.json(toMacro(row), 201);
  },
);

macrosApi.openapi(
  createRoute({ ...secured, method: "patch", path: "/macros/{id}", summary: "Edit a macro", request: { params: idParam, body: body(macroInput.partial()) }, responses: { 200: json(macroSchema), ...errorResponses(400, 401, 404) } }),
  async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const existing = await findMacro(c.env, c.get("account").id, id);
    if (input.body !== undefined) validateBody(input.body);
    const next: MacroRow = { ...existing, ...input, updatedAt: Date.now() };
    await db(c.env.DB).update(macros).set({ name: next.name, body: next.body, updatedAt: next.updatedAt }).where(eq(macros.id, id));
    return c.json(toMacro(next), 200);
  },
);

macrosApi.openapi(
  createRoute({
    ...secured,
    method: "delete",
    path: "/macros/{id}",
    summary: "Delete a macro (its author, or an owner, admin or manager)",
    request: { params: idParam },
    responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const macro = await findMacro(c.env, c.get("account").id, id);
    if (!mayRemoveShared(c.get("agent"), macro.createdBy)) throw new AppError("forbidden", "Only the macro's author or an owner, admin or manager may delete it");
    await db(c.env.DB).delete(macros).where(eq(macros.id, id));
    return c.body(null, 204);
  },
);

macrosApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/macros/{id}/render",
    summary: "Fill a macro's placeholders for a ticket (the agent reviews it before sending)",
    request: { params: idParam, body: body(z.object({ ticketId: z.string().min(1).max(64) })) },
    responses: { 200: json(z.object({ body: z.string() })), ...errorResponses(400, 401, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { ticketId } = c.req.valid("json");
    const me = c.get("agent");
    const macro = await findMacro(c.env, me.accountId, id);
    const ticket: TicketView | null = await viaActor(ticketStub(c.env, me.accountId, ticketId).get());
    if (!ticket) throw new AppError("not_found", "ticket not found");
    await db(c.env.DB).update(macros).set({ usageCount: sql`${macros.usageCount} + 1` }).where(eq(macros.id, id));
    return c.json({ body: renderMacro(macro.body, { customer: ticket.customer, agent: { name: me.name }, ticket: { number: ticket.number } }) }, 200);
  },
);
