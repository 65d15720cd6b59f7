// Accounts and agents: signup, login, logout, me, agents, own status (docs/api.md "Accounts and agents").
import { createRoute, z } from "@hono/zod-openapi";
import { createAccount, createAgent, getAccount, issueToken, listAgents, revokeSession, setAgentCapacity } from "../accounts/service.ts";
import { changeRole } from "../accounts/roles.ts";
import { endSessionSockets } from "../accounts/sessions.ts";
import { clientIp } from "../audit/record.ts";
import { auditByAgent } from "../audit/request.ts";
import { login } from "../auth/login.ts";
import { enforceIpLimit } from "../lib/rateLimit.ts";
import { markSeen, setPresence } from "../accounts/presence.ts";
import { refreshRotations } from "../assignment/service.ts";
import { router } from "../app.ts";
import { ADMIN_ROLES, HELPDESK_ROLES, publicAgent, requireAgent, requireRole, type AccountRow, type AgentRow } from "../auth/context.ts";
import { iso } from "../lib/clock.ts";
import { AppError } from "../lib/errors.ts";
import { accountSchema, agentSchema, createAgentInput, loginInput, signupInput, statusInput } from "../schemas/account.ts";
import { agentPatch } from "../schemas/assignment.ts";
import { body, errorResponses, idParam, json } from "../schemas/common.ts";

export const accountsApi = router();

function publicAccount(a: AccountRow) {
  return { id: a.id, name: a.name, createdAt: iso(a.createdAt), settings: JSON.parse(a.settings) as Record<string, unknown> };
}

accountsApi.openapi(
  createRoute({
    method: "post",
    path: "/signup",
    tags: ["Accounts"],
    summary: "Create an account and its owner",
    request: { body: body(signupInput) },
    responses: { 201: json(z.object({ token: z.string(), accountId: z.string(), agent: agentSchema }), "Account created"), ...errorResponses(400, 409, 429) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const ip = clientIp(c.req.raw.headers);
    await enforceIpLimit(c.env, "signupPerIp", ip);
    const { accountId, owner } = await createAccount(c.env, input);
    const token = await issueToken(c.env, owner);
    return c.json({ token, accountId, agent: publicAgent(owner) }, 201);
  },
);

accountsApi.openapi(
  createRoute({
    method: "post",
    path: "/login",
    tags: ["Accounts"],
    summary: "Log in with email and password",
    request: { body: body(loginInput) },
    responses: { 200: json(z.object({ token: z.string(), agent: agentSchema })), ...errorResponses(400, 401, 429) },
  }),
  async (c) => {
    const { email, password } = c.req.valid("json");
    const agent = await login(c.env, { email, password, ip: clientIp(c.req.raw.headers) });
    const token = await issueToken(c.env, agent);
    return c.json({ token, agent: publicAgent(agent) }, 200);
  },
);

accountsApi.use("/logout", requireAgent);
accountsApi.openapi(
  createRoute({
    method: "post",
    path: "/logout",
    tags: ["Accounts"],
    summary: "Revoke this token; the agent goes offline",
    security: [{ bearer: [] }],
    responses: { 204: { description: "Logged out" }, ...errorResponses(401) },
  }),
  async (c) => {
    const agent = c.get("agent");
    const sessionId = c.get("sessionId");
    await revokeSession(c.env, sessionId);
    await endSessionSockets(c.env, agent.accountId, [sessionId]);
    await setPresence(c.env, agent.accountId, agent.id, "offline");
    await auditByAgent(c, "auth.logout");
    return c.body(null, 204);
  },
);

accountsApi.use("/me", requireAgent);
accountsApi.openapi(
  createRoute({
    method: "get",
    path: "/me",
    tags: ["Accounts"],
    summary: "The calling agent and their account",
    security: [{ bearer: [] }],
    responses: { 200: json(z.object({ agent: agentSchema, account: accountSchema })), ...errorResponses(401) },
  }),
  async (c) => c.json({ agent: publicAgent(c.get("agent")), account: publicAccount(c.get("account")) }, 200),
);

accountsApi.use("/agents", requireAgent);
accountsApi.use("/agents/*", requireAgent);

accountsApi.openapi(
  createRoute({
    method: "get",
    path: "/agents",
    tags: ["Agents"],
    summary: "The account's agents",
    security: [{ bearer: [] }],
    responses: { 200: json(z.object({ items: z.array(agentSchema) })), ...errorResponses(401) },
  }),
  async (c) => {
    const rows = await listAgents(c.env, c.get("account").id);
    return c.json({ items: rows.map(publicAgent) }, 200);
  },
);

accountsApi.openapi(
  createRoute({
    method: "post",
    path: "/agents",
    tags: ["Agents"],
    summary: "Add an agent (owner/admin)",
    security: [{ bearer: [] }],
    middleware: [requireRole(...ADMIN_ROLES)] as const,
    request: { body: body(createAgentInput) },
    responses: { 201: json(agentSchema, "Agent created"), ...errorResponses(400, 401, 403, 409) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const me = c.get("agent");
    if (input.role === "owner" && me.role !== "owner") throw new AppError("forbidden", "Only an owner can add another owner");
    const agent = await createAgent(c.env, me.accountId, input);
    await auditByAgent(c, "agent.created", { target: agent.id, details: { email: agent.email, role: agent.role } });
    return c.json(publicAgent(agent), 201);
  },
);

accountsApi.openapi(
  createRoute({
    method: "put",
    path: "/agents/me/status",
    tags: ["Agents"],
    summary: "Set your own online/offline status",
    security: [{ bearer: [] }],
    middleware: [requireRole(...HELPDESK_ROLES)] as const,
    request: { body: body(statusInput) },
    responses: { 200: json(agentSchema), ...errorResponses(400, 401) },
  }),
  async (c) => {
    const me = c.get("agent");
    const { status } = c.req.valid("json");
    await setPresence(c.env, me.accountId, me.id, status);
    return c.json(publicAgent({ ...me, status }), 200);
  },
);

accountsApi.openapi(
  createRoute({
    method: "post",
    path: "/agents/me/heartbeat",
    tags: ["Agents"],
    summary: "Presence keep-alive: an online agent with no dashboard socket and no heartbeat for the grace goes offline",
    security: [{ bearer: [] }],
    middleware: [requireRole(...HELPDESK_ROLES)] as const,
    responses: { 204: { description: "Seen" }, ...errorResponses(401) },
  }),
  async (c) => {
    const me = c.get("agent");
    await markSeen(c.env, me.accountId, me.id);
    return c.body(null, 204);
  },
);

accountsApi.openapi(
  createRoute({
    method: "patch",
    path: "/agents/{id}",
    tags: ["Agents"],
    summary: "Change an agent's capacity (the most open tickets auto-assignment gives them) or role (owner/admin)",
    security: [{ bearer: [] }],
    middleware: [requireRole(...ADMIN_ROLES)] as const,
    request: { params: idParam, body: body(agentPatch) },
    responses: { 200: json(agentSchema), ...errorResponses(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    const me = c.get("agent");
    const accountId = c.get("account").id;
    let agent: AgentRow | null = null;
    if (patch.role !== undefined) {
      const changed = await changeRole(c.env, me, id, patch.role);
      if (changed.role !== changed.previousRole) await auditByAgent(c, "agent.role_changed", { target: id, details: { from: changed.previousRole, to: changed.role } });
      agent = changed;
    }
    if (patch.capacity !== undefined) {
      agent = await setAgentCapacity(c.env, accountId, id, patch.capacity);
      await refreshRotations(c.env, accountId, { agentIds: [id] });
      await auditByAgent(c, "agent.updated", { target: id, details: { capacity: patch.capacity } });
    }
    if (!agent) throw new AppError("not_found", "agent not found");
    return c.json(publicAgent(agent), 200);
  },
);

export async function accountOr404(env: Env, accountId: string) {
  const account = await getAccount(env, accountId);
  if (!account) throw new AppError("not_found", "account not found");
  return account;
}
