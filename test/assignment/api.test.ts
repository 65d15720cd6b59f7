// The assignment routes: validation, roles, tenant isolation (404 for foreign ids) and the OpenAPI document.
import { describe, expect, it } from "vitest";
import { addAgent, call, signup, startChat } from "../helpers.ts";
import { ticketActor } from "./support.ts";

async function paths(res: { body: { error: { issues?: { path: string }[] } } }) {
  return (res.body.error.issues ?? []).map((i) => i.path).sort();
}

describe("teams API", () => {
  it("creates, lists, changes and deletes teams, and validates every field", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    const created = await call("POST", "/api/teams", { token: acc.token, body: { name: "Returns", description: "Returns and exchanges", agentIds: [sam.agentId, acc.agentId], tags: ["Returns", "returns", "exchange"], segments: ["seg_a"] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Returns", description: "Returns and exchanges", priority: 0, agentIds: [sam.agentId, acc.agentId], tags: ["Returns", "exchange"], segments: ["seg_a"] });
    expect(created.body.id).toMatch(/^team_/);

    const cases: [unknown, number, string[]][] = [
      [{}, 400, ["agentIds", "name"]],
      [{ name: "A", agentIds: [] }, 400, ["agentIds"]],
      [{ name: "A", agentIds: ["agt_nobody"] }, 400, ["agentIds"]],
      [{ name: "A", agentIds: [sam.agentId, sam.agentId] }, 400, ["agentIds"]],
      [{ name: "A", agentIds: [sam.agentId], priority: -1 }, 400, ["priority"]],
      [{ name: "A", agentIds: [sam.agentId], tags: [""] }, 400, ["tags.0"]],
      [{ name: "A", agentIds: [sam.agentId], colour: "red" }, 400, ["(root)"]],
      [{ name: "returns", agentIds: [sam.agentId] }, 409, ["name"]],
    ];
    for (const [body, status, issuePaths] of cases) {
      const res = await call("POST", "/api/teams", { token: acc.token, body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(await paths(res), JSON.stringify(body)).toEqual(issuePaths);
    }

    const second = await call("POST", "/api/teams", { token: acc.token, body: { name: "VIP", agentIds: [acc.agentId], priority: 5 } });
    expect(second.body.priority).toBe(5);
    const patched = await call("PATCH", `/api/teams/${created.body.id}`, { token: acc.token, body: { agentIds: [acc.agentId], priority: 9, description: null } });
    expect(patched.body).toMatchObject({ agentIds: [acc.agentId], priority: 9, description: null, name: "Returns" });
    expect((await call("PATCH", `/api/teams/${created.body.id}`, { token: acc.token, body: {} })).status).toBe(400);
    expect((await call("PATCH", `/api/teams/${created.body.id}`, { token: acc.token, body: { name: "vip" } })).status).toBe(409);
    const list = await call("GET", "/api/teams", { token: sam.token });
    expect(list.body.items.map((t: { name: string }) => t.name)).toEqual(["VIP", "Returns"]);

    const badOrder = await call("PUT", "/api/teams/order", { token: acc.token, body: { ids: [second.body.id] } });
    expect(badOrder.status).toBe(400);
    expect(badOrder.body.error.issues[0].message).toContain(created.body.id);
    expect((await call("PUT", "/api/teams/order", { token: acc.token, body: { ids: [second.body.id, second.body.id, created.body.id] } })).status).toBe(400);

    expect((await call("DELETE", `/api/teams/${second.body.id}`, { token: acc.token })).status).toBe(204);
    expect((await call("DELETE", `/api/teams/${second.body.id}`, { token: acc.token })).status).toBe(404);
  });

  it("lets owners, admins and managers set up teams; support agents only see them", async () => {
    const acc = await signup();
    const manager = await addAgent(acc, "manager");
    const support = await addAgent(acc, "support");
    const made = await call("POST", "/api/teams", { token: manager.token, body: { name: "Billing", agentIds: [support.agentId] } });
    expect(made.status).toBe(201);
    for (const [method, path, body] of [
      ["POST", "/api/teams", { name: "X", agentIds: [support.agentId] }],
      ["PATCH", `/api/teams/${made.body.id}`, { name: "Y" }],
      ["DELETE", `/api/teams/${made.body.id}`, undefined],
      ["PUT", "/api/teams/order", { ids: [made.body.id] }],
      ["PUT", "/api/settings/assignment", { roundRobin: true }],
      ["PUT", "/api/settings/office-hours", { timezone: "UTC", weekly: {}, autoReply: "" }],
      ["PATCH", `/api/agents/${support.agentId}`, { capacity: 3 }],
    ] as const) {
      const res = await call(method, path, { token: support.token, ...(body ? { body } : {}) });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await call("PUT", "/api/settings/assignment", { token: manager.token, body: { roundRobin: true } })).status).toBe(403);
    expect((await call("GET", "/api/teams", { token: support.token })).status).toBe(200);
    expect((await call("GET", "/api/settings", { token: support.token })).status).toBe(200);
  });
});

describe("settings, profiles and agents API", () => {
  it("stores each settings section on its own and validates it", async () => {
    const acc = await signup();
    const initial = await call("GET", "/api/settings", { token: acc.token });
    expect(initial.body).toEqual({ assignment: { roundRobin: false, presenceGraceSeconds: 120 }, officeHours: null, autoClose: { afterHours: null }, agent: { enabled: false, channels: ["webchat", "sms", "email"] }, widget: { allowedOrigins: [] }, handoff: { method: "helpdesk", platform: "builtin" }, csat: { enabled: false, aiResolved: false }, sla: { policies: [] }, files: { maxBytes: 10_485_760, kinds: ["image", "pdf"] } });
    const cases: [string, unknown, string[]][] = [
      ["/api/settings/assignment", { roundRobin: "yes" }, ["roundRobin"]],
      ["/api/settings/assignment", { roundRobin: true, presenceGraceSeconds: 5 }, ["presenceGraceSeconds"]],
      ["/api/settings/office-hours", { timezone: "Mars/Olympus", weekly: {}, autoReply: "" }, ["timezone"]],
      ["/api/settings/office-hours", { timezone: "UTC", weekly: { mon: [["09:00", "12:00"], ["11:00", "13:00"]] }, autoReply: "" }, ["weekly.mon.1"]],
      ["/api/settings/office-hours", { timezone: "UTC", weekly: { mon: [["17:00", "09:00"]] }, autoReply: "" }, ["weekly.mon.0"]],
      ["/api/settings/office-hours", { timezone: "UTC", weekly: { someday: [] }, autoReply: "" }, ["weekly"]],
      ["/api/settings/office-hours", { timezone: "UTC", weekly: {}, holidays: ["2026-02-30"], autoReply: "" }, ["holidays.0"]],
      ["/api/settings/auto-close", { afterHours: -1 }, ["afterHours"]],
    ];
    for (const [path, body, issuePaths] of cases) {
      const res = await call("PUT", path, { token: acc.token, body });
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(await paths(res), `${path} ${JSON.stringify(body)}`).toEqual(issuePaths);
    }
    await call("PUT", "/api/settings/auto-close", { token: acc.token, body: { afterHours: 48 } });
    const hours = { timezone: "Europe/Rome", weekly: { mon: [["09:00", "13:00"], ["14:00", "24:00"]] }, holidays: ["2026-12-25"], autoReply: "Closed" };
    await call("PUT", "/api/settings/office-hours", { token: acc.token, body: hours });
    const after = await call("GET", "/api/settings", { token: acc.token });
    expect(after.body).toEqual({ assignment: { roundRobin: false, presenceGraceSeconds: 120 }, officeHours: hours, autoClose: { afterHours: 48 }, agent: { enabled: false, channels: ["webchat", "sms", "email"] }, widget: { allowedOrigins: [] }, handoff: { method: "helpdesk", platform: "builtin" }, csat: { enabled: false, aiResolved: false }, sla: { policies: [] }, files: { maxBytes: 10_485_760, kinds: ["image", "pdf"] } });
    // /api/me shows the same stored settings.
    expect((await call("GET", "/api/me", { token: acc.token })).body.account.settings.autoClose).toEqual({ afterHours: 48 });
  });

  it("reads and updates customer profiles' segments and name", async () => {
    const acc = await signup();
    const conv = await startChat(acc.accountId, { email: "pat@example.com" });
    const profileId = (await ticketActor(acc.accountId, conv.ticketId).get())?.customer.profileId as string;
    const got = await call("GET", `/api/profiles/${profileId}`, { token: acc.token });
    expect(got.body).toMatchObject({ id: profileId, email: "pat@example.com", name: null, segments: [], smsConsent: "unknown" });
    const put = await call("PUT", `/api/profiles/${profileId}`, { token: acc.token, body: { segments: ["seg_vip", "seg_vip", "seg_eu"], name: "Pat Lee" } });
    expect(put.body).toMatchObject({ segments: ["seg_vip", "seg_eu"], name: "Pat Lee" });
    for (const body of [{}, { segments: [""] }, { segments: "seg_vip" }, { email: "x@example.com" }]) {
      expect((await call("PUT", `/api/profiles/${profileId}`, { token: acc.token, body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await call("GET", "/api/profiles/prof_nope", { token: acc.token })).status).toBe(404);
  });

  it("sets an agent's capacity (owner/admin) and validates it", async () => {
    const acc = await signup();
    const admin = await addAgent(acc, "admin");
    const sam = await addAgent(acc, "support");
    const set = await call("PATCH", `/api/agents/${sam.agentId}`, { token: admin.token, body: { capacity: 5 } });
    expect(set.body).toMatchObject({ id: sam.agentId, capacity: 5 });
    expect((await call("GET", "/api/agents", { token: acc.token })).body.items.find((a: { id: string }) => a.id === sam.agentId).capacity).toBe(5);
    for (const body of [{ capacity: 0 }, { capacity: 1.5 }, { capacity: "5" }, {}, { role: "owner" }]) {
      expect((await call("PATCH", `/api/agents/${sam.agentId}`, { token: acc.token, body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await call("PATCH", "/api/agents/agt_nobody", { token: acc.token, body: { capacity: 1 } })).status).toBe(404);
  });
});

describe("tenant isolation of the assignment routes", () => {
  it("answers 404 for another account's teams, profiles and agents, and changes nothing", async () => {
    const a = await signup();
    const b = await signup();
    const team = await call("POST", "/api/teams", { token: a.token, body: { name: "A team", agentIds: [a.agentId] } });
    const conv = await startChat(a.accountId, { email: "a-customer@example.com" });
    const profileId = (await ticketActor(a.accountId, conv.ticketId).get())?.customer.profileId as string;
    const routes: [string, string, unknown?][] = [
      ["GET", `/api/teams/${team.body.id}`],
      ["PATCH", `/api/teams/${team.body.id}`, { name: "Mine now" }],
      ["DELETE", `/api/teams/${team.body.id}`],
      ["GET", `/api/profiles/${profileId}`],
      ["PUT", `/api/profiles/${profileId}`, { segments: ["stolen"] }],
      ["PATCH", `/api/agents/${a.agentId}`, { capacity: 1 }],
    ];
    for (const [method, path, body] of routes) {
      const res = await call(method, path, { token: b.token, ...(body ? { body } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect((await call("GET", "/api/teams", { token: b.token })).body.items).toEqual([]);
    expect((await call("PUT", "/api/teams/order", { token: b.token, body: { ids: [team.body.id] } })).status).toBe(400);
    const foreignMember = await call("POST", "/api/teams", { token: b.token, body: { name: "B team", agentIds: [a.agentId] } });
    expect(foreignMember.status).toBe(400);
    // A's data is untouched.
    expect((await call("GET", `/api/teams/${team.body.id}`, { token: a.token })).body.name).toBe("A team");
    expect((await call("GET", `/api/profiles/${profileId}`, { token: a.token })).body.segments).toEqual([]);
    expect((await call("GET", "/api/me", { token: a.token })).body.agent.capacity).toBeNull();
  });

  it("requires a token on every assignment route", async () => {
    for (const [method, path] of [
      ["GET", "/api/teams"],
      ["POST", "/api/teams"],
      ["PATCH", "/api/teams/x"],
      ["DELETE", "/api/teams/x"],
      ["PUT", "/api/teams/order"],
      ["GET", "/api/settings"],
      ["PUT", "/api/settings/assignment"],
      ["PUT", "/api/settings/office-hours"],
      ["PUT", "/api/settings/auto-close"],
      ["GET", "/api/profiles/x"],
      ["PUT", "/api/profiles/x"],
      ["PATCH", "/api/agents/x"],
      ["POST", "/api/agents/me/heartbeat"],
    ] as const) {
      const res = await call(method, path, method === "GET" || method === "DELETE" ? {} : { body: {} });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it("documents the assignment routes in the OpenAPI document", async () => {
    const doc = await call("GET", "/openapi.json");
    const paths = Object.keys(doc.body.paths);
    for (const p of ["/api/teams", "/api/teams/{id}", "/api/teams/order", "/api/settings", "/api/settings/assignment", "/api/settings/office-hours", "/api/settings/auto-close", "/api/profiles/{id}", "/api/agents/{id}", "/api/agents/me/heartbeat"]) {
      expect(paths, p).toContain(p);
    }
    expect(doc.body.components.schemas.Team.properties.priority).toBeDefined();
  });
});
