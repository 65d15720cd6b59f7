// WebSocket doors: dashboards to the account's inbox actor, shoppers to their conversation's ticket actor.
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { HELPDESK_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { requireVisitor } from "../chat/visitor.ts";
import { AppError } from "../lib/errors.ts";
import { errorResponses, idParam } from "../schemas/common.ts";
import { ticketStub, viaActor } from "../tickets/actors.ts";

export const liveApi = router();

function requireUpgrade(req: Request): void {
  if (req.headers.get("Upgrade")?.toLowerCase() !== "websocket") throw new AppError("validation_failed", "This endpoint speaks WebSocket: send Upgrade: websocket");
}

// The actors' 101 responses are returned untouched: no header-editing middleware may wrap them.
liveApi.get("/inbox/ws", requireAgent, async (c) => {
  requireUpgrade(c.req.raw);
  const agent = c.get("agent");
  const headers = new Headers(c.req.raw.headers);
  headers.set("X-Edgedesk-Agent", agent.id);
  headers.set("X-Edgedesk-Account", agent.accountId);
  const sessionId = c.get("sessionId");
  if (sessionId) headers.set("X-Edgedesk-Session", sessionId);
  else headers.delete("X-Edgedesk-Session");
  const inbox = c.env.INBOX.get(c.env.INBOX.idFromName(agent.accountId));
  return inbox.fetch(new Request(c.req.raw.url, { headers }));
});

liveApi.get("/chat/conversations/:id/ws", requireVisitor("query"), async (c) => {
  requireUpgrade(c.req.raw);
  const { acc, conv } = c.get("visitor");
  return ticketStub(c.env, acc, conv).fetch(c.req.raw);
});

liveApi.use("/tickets/:id/typing", requireAgent, requireRole(...HELPDESK_ROLES));
liveApi.openapi(
  createRoute({
    method: "post",
    path: "/tickets/{id}/typing",
    tags: ["Tickets"],
    summary: "Tell the shopper an agent is typing",
    security: [{ bearer: [] }],
    request: { params: idParam },
    responses: { 204: { description: "Sent" }, ...errorResponses(401, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const agent = c.get("agent");
    const stub = ticketStub(c.env, agent.accountId, id);
    if (!(await viaActor(stub.get()))) throw new AppError("not_found", "ticket not found");
    await viaActor(stub.agentTyping({ agentId: agent.id, name: agent.name }));
    return c.body(null, 204);
  },
);

/** Documents the WebSocket routes in the OpenAPI description (they are served above). */
export function describeSockets(registry: { registerPath: (p: Parameters<typeof createRoute>[0]) => void }): void {
  registry.registerPath({
    method: "get",
    path: "/api/inbox/ws",
    tags: ["Live"],
    summary: "Dashboard WebSocket: hello, ticket.created, ticket.updated, ticket.snooze_ended, message.created, agent.status, typing, unread, counts (docs/realtime.md; frames in src/schemas/live.ts)",
    request: { query: z.object({ token: z.string() }) },
    responses: { 101: { description: "Switching protocols" }, ...errorResponses(400, 401) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/chat/conversations/{id}/ws",
    tags: ["Web chat"],
    summary: "Widget WebSocket: messages both ways, typing, agent joined, status; resume with ?after=<lastSeenMessageId> (docs/realtime.md; frames in src/schemas/live.ts)",
    request: { params: idParam, query: z.object({ visitorToken: z.string(), after: z.string().optional(), page: z.string().optional().openapi({ description: "The page the widget runs on: the follow-up email links back to it" }) }) },
    responses: { 101: { description: "Switching protocols" }, ...errorResponses(400, 401, 404) },
  });
}
