import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { scopeFor } from "../../src/apiKeys/scopes.ts";
import { addAgent, call, inbound, signup } from "../helpers.ts";

async function newKey(token: string, scopes: string[], name = "Zapier") {
  const res = await call("POST", "/api/api-keys", { token, body: { name, scopes } });
  expect(res.status).toBe(201);
  return res.body as { id: string; key: string; prefix: string; scopes: string[] };
}

describe("API keys", () => {
  it("creates a key shown once, lists it by prefix only and stores only a hash", async () => {
    const acc = await signup();
    const created = await newKey(acc.token, ["tickets:read", "reports:read"]);
    expect(created.key).toMatch(/^edk_[A-Za-z0-9_-]{40}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created.scopes).toEqual(["tickets:read", "reports:read"]);

    const list = await call("GET", "/api/api-keys", { token: acc.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.id, name: "Zapier", prefix: created.prefix, scopes: ["tickets:read", "reports:read"], lastUsedAt: null, createdBy: acc.agentId })]);
    expect(JSON.stringify(list.body)).not.toContain(created.key);

    const row = await env.DB.prepare("SELECT * FROM api_keys WHERE id = ?").bind(created.id).first<Record<string, string>>();
    expect(Object.values(row!).join(" ")).not.toContain(created.key);
    expect(row!.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("works as a Bearer token within its scopes, acting as the key, and records when it was last used", async () => {
    const acc = await signup();
    const ticketId = (await inbound(acc.accountId, { channel: "sms", from: "+15553000001", text: "where is my parcel" })).body.ticketId;
    const reader = await newKey(acc.token, ["tickets:read"]);
    const writer = await newKey(acc.token, ["tickets:read", "tickets:write"], "CRM sync");

    const list = await call("GET", "/api/tickets?view=all", { token: reader.key });
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { id: string }) => t.id)).toEqual([ticketId]);
    const me = await call("GET", "/api/me", { token: reader.key });
    expect(me.body.agent).toMatchObject({ id: reader.id, name: "Zapier" });

    const refused = await call("POST", `/api/tickets/${ticketId}/notes`, { token: reader.key, body: { body: "from a script" } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "forbidden", message: expect.stringContaining("tickets:write") });
    expect((await call("GET", "/api/reports", { token: reader.key })).status).toBe(403);
    expect((await call("PUT", "/api/settings/assignment", { token: writer.key, body: { roundRobin: true } })).status).toBe(403);

    const note = await call("POST", `/api/tickets/${ticketId}/notes`, { token: writer.key, body: { body: "from a script" } });
    expect(note.status).toBe(201);
    expect(note.body.agentId).toBe(writer.id);

    const keys = (await call("GET", "/api/api-keys", { token: acc.token })).body.items as { id: string; lastUsedAt: string | null }[];
    expect(keys.find((k) => k.id === reader.id)?.lastUsedAt).not.toBeNull();
  });

  it("is refused on key management, sessions and the live socket, and stops working once revoked", async () => {
    const acc = await signup();
    const all = await newKey(acc.token, ["tickets:read", "tickets:write", "profiles:read", "profiles:write", "reports:read", "settings:manage", "webhooks:manage", "audit:read"]);
    expect((await call("GET", "/api/api-keys", { token: all.key })).status).toBe(403);
    expect((await call("POST", "/api/api-keys", { token: all.key, body: { name: "more", scopes: ["tickets:read"] } })).status).toBe(403);
    expect((await call("POST", "/api/logout", { token: all.key })).status).toBe(403);
    expect((await call("PUT", "/api/agents/me/status", { token: all.key, body: { status: "online" } })).status).toBe(403);
    const ws = await exports.default.fetch(new Request(`http://edgedesk.test/api/inbox/ws?token=${all.key}`, { headers: { Upgrade: "websocket" } }));
    expect(ws.status).toBe(403);
    expect((await call("GET", "/api/audit", { token: all.key })).status).toBe(200);

    const revoked = await call("DELETE", `/api/api-keys/${all.id}`, { token: acc.token });
    expect(revoked.status).toBe(204);
    const after = await call("GET", "/api/tickets", { token: all.key });
    expect(after.status).toBe(401);
    expect((await call("GET", "/api/api-keys", { token: acc.token })).body.items).toEqual([]);
    expect((await call("DELETE", `/api/api-keys/${all.id}`, { token: acc.token })).status).toBe(404);
    expect((await call("GET", "/api/tickets", { token: "edk_not-a-real-key" })).status).toBe(401);

    const audit = await call("GET", "/api/audit?action=api_key.*", { token: acc.token });
    expect(audit.body.items.map((i: { action: string; target: string }) => [i.action, i.target])).toEqual([
      ["api_key.revoked", all.id],
      ["api_key.created", all.id],
    ]);
  });

  it("is for owners and admins, checks its input, and never crosses accounts", async () => {
    const acc = await signup();
    const manager = await addAgent(acc, "manager");
    expect((await call("POST", "/api/api-keys", { token: manager.token, body: { name: "x", scopes: ["tickets:read"] } })).status).toBe(403);
    const admin = await addAgent(acc, "admin", "Ada Admin");
    await newKey(admin.token, ["tickets:read"]);
    for (const bad of [{ name: "", scopes: ["tickets:read"] }, { name: "x", scopes: [] }, { name: "x", scopes: ["root"] }]) {
      const res = await call("POST", "/api/api-keys", { token: acc.token, body: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const other = await signup();
    const foreign = await newKey(other.token, ["tickets:read"]);
    expect((await call("DELETE", `/api/api-keys/${foreign.id}`, { token: acc.token })).status).toBe(404);
    const otherTicket = (await inbound(other.accountId, { channel: "sms", from: "+15553000009", text: "hi" })).body.ticketId;
    const mine = await newKey(acc.token, ["tickets:read"]);
    expect((await call("GET", `/api/tickets/${otherTicket}`, { token: mine.key })).status).toBe(404);
  });

  it("gives every bearer route of the OpenAPI document a scope or keeps it for people on purpose", async () => {
    const doc = (await call("GET", "/openapi.json")).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    for (const [path, method] of [["/api/api-keys", "post"], ["/api/api-keys/{id}", "delete"], ["/api/webhooks", "post"], ["/api/webhooks/{id}/deliveries", "get"], ["/api/webhooks/{id}/test", "post"], ["/api/exports/tickets.csv", "get"], ["/api/exports/report.csv", "get"], ["/api/profiles/{id}/export", "get"], ["/api/profiles/{id}", "delete"]] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const peopleOnly = new Set(["POST /logout", "POST /me/password", "PUT /agents/me/status", "POST /agents/me/heartbeat", "POST /api-keys", "GET /api-keys", "DELETE /api-keys/{id}", "POST /tickets/{id}/typing", "GET /inbox/ws"]);
    const unmapped: string[] = [];
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!op.security || !path.startsWith("/api/")) continue;
        checked += 1;
        const route = `${method.toUpperCase()} ${path.slice(4)}`;
        const need = scopeFor(method, path.replaceAll(/\{[^}]+\}/g, "x"));
        if (need === null && !peopleOnly.has(route)) unmapped.push(route);
        if (need !== null && peopleOnly.has(route)) unmapped.push(`${route} (should be people only)`);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(unmapped).toEqual([]);
  });
});
