import { describe, expect, it } from "vitest";
import { call } from "../helpers.ts";

describe("OpenAPI", () => {
  it("serves an OpenAPI 3.1 document covering the docs/api.md routes", async () => {
    const res = await call("GET", "/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const paths = Object.keys(res.body.paths);
    for (const p of ["/api/signup", "/api/login", "/api/logout", "/api/me", "/api/agents", "/api/agents/me/status", "/api/tickets", "/api/tickets/{id}", "/api/tickets/{id}/messages", "/api/tickets/{id}/replies", "/api/tickets/{id}/notes", "/api/tickets/bulk", "/api/views", "/api/chat/conversations", "/api/chat/conversations/{id}/messages", "/api/chat/conversations/{id}/handoff", "/api/dev/inbound"]) {
      expect(paths, p).toContain(p);
    }
    expect(res.body.components.schemas.Ticket.properties.status.enum).toEqual(["open", "snoozed", "closed"]);
    expect(res.body.components.schemas.Error).toBeDefined();
  });

  it("answers unknown routes with the API error shape", async () => {
    const res = await call("GET", "/api/nope");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });
});
