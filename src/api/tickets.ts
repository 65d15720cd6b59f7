// The helpdesk ticket routes (docs/api.md "Tickets (helpdesk)").
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { findTeam } from "../assignment/teams.ts";
import { HELPDESK_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { requireAgentReading } from "../auth/sessionReads.ts";
import { csatLink } from "../csat/links.ts";
import { AppError } from "../lib/errors.ts";
import { body, errorResponses, idParam, json } from "../schemas/common.ts";
import {
  bulkSchema,
  messagePageSchema,
  messageSchema,
  replyBody,
  ticketListQuery,
  ticketListSchema,
  ticketPatchSchema,
  ticketSchema,
  ticketWithMessagesSchema,
} from "../schemas/ticket.ts";
import { ticketStub, viaActor } from "../tickets/actors.ts";
import { attachmentsFor } from "../files/store.ts";
import { mergeTickets, unmergeTicket } from "../tickets/mergeService.ts";
import { listTickets } from "../tickets/queries.ts";
import { assertAssignable, assertMessageSize, inParallel, toActorPatch } from "../tickets/service.ts";
import type { TicketPatch } from "../tickets/rpc.ts";
import type { MessageView, TicketView } from "../schemas/ticket.ts";

type TicketWithMessages = { ticket: TicketView; messages: MessageView[]; hasOlder: boolean };
type MessagePage = { items: MessageView[]; nextCursor: string | null };

export const ticketsApi = router();
// The list is the dashboard's most frequent read: its session check shares the list's D1 round trip.
ticketsApi.use("/tickets", requireAgentReading(...HELPDESK_ROLES));
ticketsApi.use("/tickets/*", requireAgent, requireRole(...HELPDESK_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Tickets"] };

ticketsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/tickets",
    summary: "List tickets in a view (mine, all, unassigned, spam) with filters",
    request: { query: ticketListQuery },
    responses: { 200: json(ticketListSchema), ...errorResponses(400, 401) },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const { accountId, agentId } = c.var.caller;
    const page = await listTickets(c.var.reads, accountId, agentId, q);
    return c.json(page, 200);
  },
);

ticketsApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/tickets/bulk",
    summary: "Change many tickets at once (assign, status, tags)",
    request: { body: body(bulkSchema) },
    responses: { 200: json(z.object({ updated: z.number().int(), failed: z.array(z.object({ id: z.string(), code: z.string() })) })), ...errorResponses(400, 401) },
  }),
  async (c) => {
    const { ids, set } = c.req.valid("json");
    const accountId = c.get("account").id;
    await assertAssignable(c.env, accountId, set.assigneeId, "set.assigneeId");
    const patch: TicketPatch = toActorPatch({ assigneeId: set.assigneeId, status: set.status, snoozeUntil: set.snoozeUntil, spam: set.spam, priority: set.priority });
    if (set.addTags) patch.addTags = set.addTags;
    if (set.removeTags) patch.removeTags = set.removeTags;
    const unique = [...new Set(ids)];
    const origin = new URL(c.req.url).origin;
    const closing = async (id: string): Promise<TicketPatch> =>
      set.status === "closed" ? { ...patch, closedBy: { agentId: c.get("agent").id, csatLink: await csatLink(c.env, origin, accountId, id) } } : patch;
    const results = await inParallel(unique, 16, async (id) => viaActor(ticketStub(c.env, accountId, id).update(await closing(id))));
    const failed = results.flatMap((r, i) => (r.status === "rejected" ? [{ id: unique[i] as string, code: (r.reason as AppError).code ?? "internal" }] : []));
    return c.json({ updated: results.length - failed.length, failed }, 200);
  },
);

ticketsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/tickets/{id}",
    summary: "A ticket with its latest 50 messages, oldest first",
    request: { params: idParam },
    responses: { 200: json(ticketWithMessagesSchema), ...errorResponses(401, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const res: TicketWithMessages = await viaActor(ticketStub(c.env, c.get("account").id, id).view({ limit: 50, includeInternal: true }));
    return c.json(res, 200);
  },
);

ticketsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/tickets/{id}/messages",
    summary: "Older messages of a ticket, before a message id",
    request: {
      params: idParam,
      query: z.object({ before: z.string().max(64).optional(), cursor: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    },
    responses: { 200: json(messagePageSchema), ...errorResponses(400, 401, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const q = c.req.valid("query");
    const page: MessagePage = await viaActor(ticketStub(c.env, c.get("account").id, id).messagesBefore({ before: q.before ?? q.cursor ?? null, limit: q.limit, includeInternal: true }));
    return c.json(page, 200);
  },
);

ticketsApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/tickets/{id}/replies",
    summary: "Reply to the customer on the ticket's channel",
    request: { params: idParam, body: body(replyBody) },
    responses: { 201: json(messageSchema, "Reply sent"), ...errorResponses(400, 401, 404, 413) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { body: text, attachmentIds } = c.req.valid("json");
    assertMessageSize(text);
    const idem = c.req.header("Idempotency-Key");
    const attachments = await attachmentsFor(c.env, c.get("account").id, id, attachmentIds);
    const message: MessageView = await viaActor(
      ticketStub(c.env, c.get("account").id, id).reply({ author: "agent", agentId: c.get("agent").id, body: text, attachments, ...(idem ? { id: `msg_k${idem.slice(0, 40)}` } : {}) }),
    );
    return c.json(message, 201);
  },
);

ticketsApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/tickets/{id}/notes",
    summary: "Add an internal note (never shown to the customer)",
    request: { params: idParam, body: body(replyBody) },
    responses: { 201: json(messageSchema, "Note added"), ...errorResponses(400, 401, 404, 413) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { body: text, attachmentIds } = c.req.valid("json");
    assertMessageSize(text);
    const idem = c.req.header("Idempotency-Key");
    const attachments = await attachmentsFor(c.env, c.get("account").id, id, attachmentIds);
    const message: MessageView = await viaActor(ticketStub(c.env, c.get("account").id, id).note({ agentId: c.get("agent").id, body: text, attachments, ...(idem ? { id: `msg_k${idem.slice(0, 40)}` } : {}) }));
    return c.json(message, 201);
  },
);

ticketsApi.openapi(
  createRoute({
    ...secured,
    method: "patch",
    path: "/tickets/{id}",
    summary: "Change status, snooze, assignee, tags or priority (a close by a person asks the shopper for CSAT)",
    request: { params: idParam, body: body(ticketPatchSchema) },
    responses: { 200: json(ticketSchema), ...errorResponses(400, 401, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const accountId = c.get("account").id;
    const patch = toActorPatch(input);
    const stub = ticketStub(c.env, accountId, id);
    // 404 for foreign or unknown tickets before validating anything that refers to them.
    if (!(await viaActor(stub.get()))) throw new AppError("not_found", "ticket not found");
    await assertAssignable(c.env, accountId, input.assigneeId);
    if (input.teamId && !(await findTeam(c.env, accountId, input.teamId))) {
      throw new AppError("validation_failed", "No such team in this account", [{ path: "teamId", message: "unknown team" }]);
    }
    // A person closing the ticket: the shopper is asked how it went (src/csat/rules.ts), by email through this link.
    if (input.status === "closed") patch.closedBy = { agentId: c.get("agent").id, csatLink: await csatLink(c.env, new URL(c.req.url).origin, accountId, id) };
    const ticket: TicketView = await viaActor(stub.update(patch));
    return c.json(ticket, 200);
  },
);

ticketsApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/tickets/{id}/takeover",
    summary: "Take a conversation over from the AI agent: it is assigned to you, the AI agent stops answering it, the shopper hears you joined",
    request: { params: idParam },
    responses: { 200: json(ticketSchema), ...errorResponses(401, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const stub = ticketStub(c.env, c.get("account").id, id);
    if (!(await viaActor(stub.get()))) throw new AppError("not_found", "ticket not found");
    const ticket: TicketView = await viaActor(stub.update({ assigneeId: c.get("agent").id, handledBy: "team" }));
    return c.json(ticket, 200);
  },
);

ticketsApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/tickets/{id}/merge",
    summary: "Merge this ticket into another of the same customer: threads interleaved by time, tags and notes kept; this one closes with a pointer",
    request: { params: idParam, body: body(z.object({ intoTicketId: z.string().min(1).max(64) }).strict().openapi("MergeInput")) },
    responses: { 200: json(ticketSchema, "The surviving ticket"), ...errorResponses(400, 401, 404, 409) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { intoTicketId } = c.req.valid("json");
    const survivor = await mergeTickets(c.env, c.get("account").id, id, intoTicketId, c.get("agent").name);
    return c.json(survivor, 200);
  },
);

ticketsApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/tickets/{id}/unmerge",
    summary: "Undo a merge of this ticket, within a minute of it",
    request: { params: idParam },
    responses: { 200: json(ticketSchema, "This ticket, back as it was"), ...errorResponses(401, 404, 409) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await unmergeTicket(c.env, c.get("account").id, id, c.get("agent").name), 200);
  },
);
