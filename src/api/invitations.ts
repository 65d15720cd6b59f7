// Agents joining by invitation and an admin's say over roles and access (docs/api.md "Agents": invitations, access).
import { createRoute, z } from "@hono/zod-openapi";
import { acceptInvitation, changeAccess, createInvitation, openInvitation, pendingInvitations, revokeInvitation, type InvitationRow } from "../accounts/invitations.ts";
import { emailInvitation } from "../accounts/inviteEmail.ts";
import { issueToken } from "../accounts/service.ts";
import { refreshRotations } from "../assignment/service.ts";
import { router } from "../app.ts";
import { ADMIN_ROLES, publicAgent, requireAgent, requireRole } from "../auth/context.ts";
import { iso } from "../lib/clock.ts";
import { accessInput, agentSchema, invitationAccept, invitationCreated, invitationInput, invitationSchema, roleSchema } from "../schemas/account.ts";
import { body, errorResponses, idParam, json } from "../schemas/common.ts";

export const invitationsApi = router();
invitationsApi.use("/agents/invitations", requireAgent, requireRole(...ADMIN_ROLES));
invitationsApi.use("/agents/invitations/*", requireAgent, requireRole(...ADMIN_ROLES));
invitationsApi.use("/agents/:id/access", requireAgent, requireRole(...ADMIN_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Agents"] };
const tokenParam = z.object({ token: z.string().min(16).max(100).openapi({ param: { name: "token", in: "path" } }) });

function view(i: InvitationRow) {
  return { id: i.id, email: i.email, name: i.name, role: i.role, createdAt: iso(i.createdAt), expiresAt: iso(i.expiresAt) };
}

invitationsApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/agents/invitations",
    summary: "Invite someone by email (owner/admin): a one-time link, valid 7 days, shown once and emailed through the account's email integration when one is connected",
    request: { body: body(invitationInput) },
    responses: { 201: json(invitationCreated, "Invited"), ...errorResponses(400, 401, 403, 409) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const { invitation, token } = await createInvitation(c.env, c.get("account").id, c.get("agent"), input);
    const url = `${new URL(c.req.url).origin}/app/#/invite/${token}`;
    const by = c.get("agent");
    const mail = { to: invitation.email, name: invitation.name, role: invitation.role, accountName: c.get("account").name, invitedBy: by.name, url, expiresAt: iso(invitation.expiresAt) };
    const emailed = await emailInvitation(c.env, c.get("account").id, mail);
    return c.json({ ...view(invitation), token, url, emailed }, 201);
  },
);

invitationsApi.openapi(
  createRoute({ ...secured, method: "get", path: "/agents/invitations", summary: "Invitations not yet accepted", responses: { 200: json(z.object({ items: z.array(invitationSchema) })), ...errorResponses(401, 403) } }),
  async (c) => c.json({ items: (await pendingInvitations(c.env, c.get("account").id)).map(view) }, 200),
);

invitationsApi.openapi(
  createRoute({ ...secured, method: "delete", path: "/agents/invitations/{id}", summary: "Withdraw an invitation", request: { params: idParam }, responses: { 204: { description: "Withdrawn" }, ...errorResponses(401, 403, 404) } }),
  async (c) => {
    await revokeInvitation(c.env, c.get("account").id, c.req.valid("param").id);
    return c.body(null, 204);
  },
);

invitationsApi.openapi(
  createRoute({
    ...secured,
    method: "patch",
    path: "/agents/{id}/access",
    summary: "Change an agent's role or deactivate / reactivate them (owner/admin; only an owner touches owners)",
    request: { params: idParam, body: body(accessInput) },
    responses: { 200: json(agentSchema), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const accountId = c.get("account").id;
    const agent = await changeAccess(c.env, accountId, c.get("agent"), id, c.req.valid("json"));
    await refreshRotations(c.env, accountId, { agentIds: [id] });
    return c.json(publicAgent(agent), 200);
  },
);

invitationsApi.openapi(
  createRoute({
    method: "get",
    path: "/invitations/{token}",
    tags: ["Agents"],
    summary: "What an invitation link is for (no sign-in: the link is the key)",
    request: { params: tokenParam },
    responses: { 200: json(z.object({ email: z.string(), name: z.string().nullable(), role: roleSchema, accountName: z.string(), expiresAt: z.string() })), ...errorResponses(404) },
  }),
  async (c) => {
    const { invitation, accountName } = await openInvitation(c.env, c.req.valid("param").token);
    return c.json({ email: invitation.email, name: invitation.name, role: invitation.role, accountName, expiresAt: iso(invitation.expiresAt) }, 200);
  },
);

invitationsApi.openapi(
  createRoute({
    method: "post",
    path: "/invitations/{token}/accept",
    tags: ["Agents"],
    summary: "Join with the invitation: your name and a password → signed in; the link then stops working",
    request: { params: tokenParam, body: body(invitationAccept) },
    responses: { 201: json(z.object({ token: z.string(), agent: agentSchema }), "Joined"), ...errorResponses(400, 404, 409) },
  }),
  async (c) => {
    const agent = await acceptInvitation(c.env, c.req.valid("param").token, c.req.valid("json"));
    return c.json({ token: await issueToken(c.env, agent), agent: publicAgent(agent) }, 201);
  },
);
