// The audit log records what people do to the account (issue 10 item 9): settings, integrations, agents and roles.
import { describe, expect, it } from "vitest";
import { addAgent, call, signup } from "../helpers.ts";

interface Entry {
  action: string;
  actorId: string | null;
  target: string | null;
  details: Record<string, unknown>;
}

async function entries(token: string, query = ""): Promise<Entry[]> {
  const res = await call<{ items: Entry[] }>("GET", `/api/audit?limit=100${query}`, { token });
  expect(res.status).toBe(200);
  return res.body.items;
}

describe("audit wiring", () => {
  it("records settings saved and reset, and integrations connected and disconnected, with who did it", async () => {
    const shop = await signup();
    expect((await call("PUT", "/api/settings/auto-close", { token: shop.token, body: { afterHours: 48 } })).status).toBe(200);
    expect((await call("DELETE", "/api/settings/auto-close", { token: shop.token })).status).toBe(200);
    expect((await call("PUT", "/api/integrations/demo", { token: shop.token, body: {} })).status).toBe(200);
    expect((await call("DELETE", "/api/integrations/demo", { token: shop.token })).status).toBe(204);
    const log = await entries(shop.token);
    expect(log.find((e) => e.action === "settings.updated")).toMatchObject({ actorId: shop.agentId, target: "autoClose" });
    expect(log.find((e) => e.action === "settings.reset")).toMatchObject({ target: "autoClose" });
    expect(log.find((e) => e.action === "integration.connected")).toMatchObject({ target: "demo" });
    expect(log.find((e) => e.action === "integration.disconnected")).toMatchObject({ target: "demo" });
  });

  it("records agents created, changed and role changes; only an owner touches the owner role", async () => {
    const shop = await signup();
    const admin = await addAgent(shop, "admin", "Alex Admin");
    const support = await addAgent(shop, "support");
    expect((await call("PATCH", `/api/agents/${support.agentId}`, { token: admin.token, body: { role: "manager" } })).body.role).toBe("manager");
    expect((await call("PATCH", `/api/agents/${support.agentId}`, { token: admin.token, body: { role: "owner" } })).status).toBe(403);
    expect((await call("PATCH", `/api/agents/${shop.agentId}`, { token: admin.token, body: { role: "support" } })).status).toBe(403);
    // The last owner cannot step down.
    expect((await call("PATCH", `/api/agents/${shop.agentId}`, { token: shop.token, body: { role: "admin" } })).status).toBe(409);
    expect((await call("PATCH", `/api/agents/${support.agentId}`, { token: shop.token, body: { capacity: 5 } })).body.capacity).toBe(5);
    expect((await call("PATCH", `/api/agents/${support.agentId}`, { token: support.token, body: { role: "admin" } })).status).toBe(403);

    const log = await entries(shop.token, "&action=agent.*");
    expect(log.filter((e) => e.action === "agent.created").map((e) => e.target)).toEqual(expect.arrayContaining([admin.agentId, support.agentId]));
    expect(log.find((e) => e.action === "agent.role_changed")).toMatchObject({ actorId: admin.agentId, target: support.agentId, details: { from: "support", to: "manager" } });
    expect(log.find((e) => e.action === "agent.updated")).toMatchObject({ target: support.agentId, details: { capacity: 5 } });
    expect((await entries(shop.token, `&actor=${admin.agentId}`)).every((e) => e.actorId === admin.agentId)).toBe(true);
  });
});
