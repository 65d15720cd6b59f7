// Agents: invite by email with a one-time link, roles, deactivate (issue 12's admin screens, docs/api.md "Agents").
import { describe, expect, it } from "vitest";
import { addAgent, call, signup, unique } from "../helpers.ts";

type Invite = { id: string; email: string; role: string; url: string; token: string };

describe("invitations", () => {
  it("lets an invited person join once through the link, signed in as the role they were given", async () => {
    const acc = await signup();
    const email = `${unique("new")}@example.com`;
    const made = await call<Invite>("POST", "/api/agents/invitations", { token: acc.token, body: { email, role: "manager", name: "Nia New" } });
    expect(made.status).toBe(201);
    expect(made.body.url).toBe(`http://edgedesk.test/app/#/invite/${made.body.token}`);
    expect((await call<{ items: { email: string }[] }>("GET", "/api/agents/invitations", { token: acc.token })).body.items.map((i) => i.email)).toEqual([email]);
    const seen = await call("GET", `/api/invitations/${made.body.token}`);
    expect(seen.body).toMatchObject({ email, role: "manager", name: "Nia New" });
    const joined = await call<{ token: string; agent: { email: string; role: string; active: boolean } }>("POST", `/api/invitations/${made.body.token}/accept`, { body: { name: "Nia New", password: "a-good-password" } });
    expect(joined.status).toBe(201);
    expect(joined.body.agent).toMatchObject({ email, role: "manager", active: true });
    expect((await call("GET", "/api/me", { token: joined.body.token })).status).toBe(200);
    // One time only.
    expect((await call("POST", `/api/invitations/${made.body.token}/accept`, { body: { name: "Again", password: "a-good-password" } })).status).toBe(404);
    expect((await call("GET", `/api/invitations/${made.body.token}`)).status).toBe(404);
    expect((await call<{ items: unknown[] }>("GET", "/api/agents/invitations", { token: acc.token })).body.items).toEqual([]);
  });

  it("refuses what an admin may not do, a withdrawn link, and bad input", async () => {
    const acc = await signup();
    const admin = await addAgent(acc, "admin");
    const support = await addAgent(acc, "support");
    const email = `${unique("x")}@example.com`;
    expect((await call("POST", "/api/agents/invitations", { token: support.token, body: { email, role: "support" } })).status).toBe(403);
    expect((await call("POST", "/api/agents/invitations", { token: admin.token, body: { email, role: "owner" } })).status).toBe(403);
    expect((await call("POST", "/api/agents/invitations", { token: acc.token, body: { email: "not-an-email", role: "support" } })).status).toBe(400);
    expect((await call("POST", "/api/agents/invitations", { token: acc.token, body: { email: acc.email, role: "support" } })).status).toBe(409);
    const made = await call<Invite>("POST", "/api/agents/invitations", { token: admin.token, body: { email, role: "support" } });
    expect((await call("DELETE", `/api/agents/invitations/${made.body.id}`, { token: admin.token })).status).toBe(204);
    expect((await call("POST", `/api/invitations/${made.body.token}/accept`, { body: { name: "Late", password: "a-good-password" } })).status).toBe(404);
    expect((await call("GET", "/api/invitations/made-up-token-123456789")).status).toBe(404);
  });
});

describe("roles and access", () => {
  it("deactivates an agent: their sessions end, they cannot sign in, they go offline; reactivating lets them back", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    await call("PUT", "/api/agents/me/status", { token: sam.token, body: { status: "online" } });
    const off = await call<{ active: boolean; status: string }>("PATCH", `/api/agents/${sam.agentId}/access`, { token: acc.token, body: { active: false } });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, status: "offline" });
    expect((await call("GET", "/api/me", { token: sam.token })).status).toBe(401);
    expect((await call("POST", "/api/login", { body: { email: sam.email, password: "agent-password-1" } })).status).toBe(401);
    const listed = await call<{ items: { id: string; active: boolean }[] }>("GET", "/api/agents", { token: acc.token });
    expect(listed.body.items.find((a) => a.id === sam.agentId)?.active).toBe(false);
    await call("PATCH", `/api/agents/${sam.agentId}/access`, { token: acc.token, body: { active: true, role: "manager" } });
    const back = await call<{ agent: { role: string } }>("POST", "/api/login", { body: { email: sam.email, password: "agent-password-1" } });
    expect(back.status).toBe(200);
    expect(back.body.agent.role).toBe("manager");
  });

  it("keeps owners in an owner's hands and nobody locks themself out", async () => {
    const acc = await signup();
    const admin = await addAgent(acc, "admin");
    const other = await addAgent(acc, "support");
    expect((await call("PATCH", `/api/agents/${acc.agentId}/access`, { token: admin.token, body: { active: false } })).status).toBe(403);
    expect((await call("PATCH", `/api/agents/${other.agentId}/access`, { token: admin.token, body: { role: "owner" } })).status).toBe(403);
    expect((await call("PATCH", `/api/agents/${admin.agentId}/access`, { token: admin.token, body: { role: "support" } })).status).toBe(403);
    expect((await call("PATCH", `/api/agents/${other.agentId}/access`, { token: other.token, body: { active: false } })).status).toBe(403);
    expect((await call("PATCH", `/api/agents/${other.agentId}/access`, { token: admin.token, body: {} })).status).toBe(400);
    expect((await call("PATCH", `/api/agents/agt_nope/access`, { token: admin.token, body: { active: false } })).status).toBe(404);
    expect((await call("PATCH", `/api/agents/${other.agentId}/access`, { token: admin.token, body: { role: "manager" } })).status).toBe(200);
  });
});
