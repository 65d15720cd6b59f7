import { describe, expect, it } from "vitest";
import { call, inbound, signup, startChat } from "../helpers.ts";

describe("tenant isolation", () => {
  it("answers 404 on every ticket route for another account's ticket and changes nothing", async () => {
    const a = await signup();
    const b = await signup();
    const ticketId = (await inbound(a.accountId, { channel: "sms", from: "+15558000001", text: "private" })).body.ticketId;
    const routes: [string, string, unknown?][] = [
      ["GET", `/api/tickets/${ticketId}`],
      ["GET", `/api/tickets/${ticketId}/messages`],
      ["POST", `/api/tickets/${ticketId}/replies`, { body: "hi" }],
      ["POST", `/api/tickets/${ticketId}/notes`, { body: "hi" }],
      ["PATCH", `/api/tickets/${ticketId}`, { status: "closed" }],
    ];
    for (const [method, path, body] of routes) {
      const res = await call(method, path, { token: b.token, ...(body ? { body } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    const bulk = await call("POST", "/api/tickets/bulk", { token: b.token, body: { ids: [ticketId], set: { status: "closed" } } });
    expect(bulk.body.updated).toBe(0);
    for (const view of ["all", "unassigned", "mine", "spam"]) {
      const list = await call("GET", `/api/tickets?view=${view}&status=open`, { token: b.token });
      expect(list.body.items, view).toHaveLength(0);
    }
    const mine = await call("GET", `/api/tickets/${ticketId}`, { token: a.token });
    expect(mine.body.ticket.status).toBe("open");
    expect(mine.body.messages).toHaveLength(1);
  });

  it("keeps agents, views and assignment inside their account", async () => {
    const a = await signup();
    const b = await signup();
    const ticketId = (await inbound(b.accountId, { channel: "sms", from: "+15558000002", text: "hi" })).body.ticketId;
    const assignForeign = await call("PATCH", `/api/tickets/${ticketId}`, { token: b.token, body: { assigneeId: a.agentId } });
    expect(assignForeign.status).toBe(400);
    const agents = await call("GET", "/api/agents", { token: b.token });
    expect(agents.body.items.map((x: { id: string }) => x.id)).toEqual([b.agentId]);
    const view = await call("POST", "/api/views", { token: a.token, body: { name: "A only", filters: {} } });
    expect((await call("DELETE", `/api/views/${view.body.id}`, { token: b.token })).status).toBe(404);
    expect((await call("GET", "/api/views", { token: b.token })).body.items).toHaveLength(0);
  });

  it("keeps a web-chat visitor inside their own account's conversation", async () => {
    const a = await signup();
    const b = await signup();
    const conv = await startChat(a.accountId);
    const stranger = await startChat(b.accountId);
    const res = await call("GET", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": stranger.visitorToken } });
    expect(res.status).toBe(404);
    expect((await call("GET", `/api/tickets/${conv.ticketId}`, { token: b.token })).status).toBe(404);
  });

  it("requires a token on every agent route", async () => {
    for (const [method, path] of [["GET", "/api/me"], ["GET", "/api/agents"], ["POST", "/api/agents"], ["GET", "/api/tickets"], ["GET", "/api/tickets/x"], ["POST", "/api/tickets/bulk"], ["GET", "/api/views"], ["PUT", "/api/agents/me/status"], ["POST", "/api/logout"]] as const) {
      const res = await call(method, path, method === "GET" ? {} : { body: {} });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
    }
  });
});
