// Teams for tag and segment routing, each with its own rotation (docs/api.md "Teams, routing, settings").
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { disposeTeamRotation, refreshRotations } from "../assignment/service.ts";
import { createTeam, deleteTeam, listTeams, orderTeams, teamOr404, updateTeam, type Team } from "../assignment/teams.ts";
import { HELPDESK_ROLES, requireAgent, requireRole, type Role } from "../auth/context.ts";
import { iso } from "../lib/clock.ts";
import { teamInput, teamOrderInput, teamPatch, teamSchema } from "../schemas/assignment.ts";
import { body, errorResponses, idParam, json } from "../schemas/common.ts";
import { assertAgentsExist } from "../tickets/service.ts";

/** Who may set up teams and their routing order. */
const TEAM_ADMIN_ROLES: Role[] = ["owner", "admin", "manager"];

export const teamsApi = router();
teamsApi.use("/teams", requireAgent, requireRole(...HELPDESK_ROLES));
teamsApi.use("/teams/*", requireAgent, requireRole(...HELPDESK_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Teams"] };
const teamList = z.object({ items: z.array(teamSchema) });

function teamView(t: Team) {
  return { ...t, createdAt: iso(t.createdAt), updatedAt: iso(t.updatedAt) };
}

teamsApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/teams",
    summary: "Create a team: its agents (in rotation order), the tags and customer segments it takes, its routing priority",
    middleware: [requireRole(...TEAM_ADMIN_ROLES)] as const,
    request: { body: body(teamInput) },
    responses: { 201: json(teamSchema, "Team created"), ...errorResponses(400, 401, 403, 409) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const accountId = c.get("account").id;
    await assertAgentsExist(c.env, accountId, input.agentIds, "agentIds");
    const team = await createTeam(c.env, accountId, input);
    return c.json(teamView(team), 201);
  },
);

teamsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/teams",
    summary: "The account's teams in routing order",
    responses: { 200: json(teamList), ...errorResponses(401) },
  }),
  async (c) => c.json({ items: (await listTeams(c.env, c.get("account").id)).map(teamView) }, 200),
);

teamsApi.openapi(
  createRoute({
    ...secured,
    method: "put",
    path: "/teams/order",
    summary: "Set the routing order: every team, first to be tried first",
    middleware: [requireRole(...TEAM_ADMIN_ROLES)] as const,
    request: { body: body(teamOrderInput) },
    responses: { 200: json(teamList), ...errorResponses(400, 401, 403) },
  }),
  async (c) => {
    const { ids } = c.req.valid("json");
    return c.json({ items: (await orderTeams(c.env, c.get("account").id, ids)).map(teamView) }, 200);
  },
);

teamsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/teams/{id}",
    summary: "One team",
    request: { params: idParam },
    responses: { 200: json(teamSchema), ...errorResponses(401, 404) },
  }),
  async (c) => c.json(teamView(await teamOr404(c.env, c.get("account").id, c.req.valid("param").id)), 200),
);

teamsApi.openapi(
  createRoute({
    ...secured,
    method: "patch",
    path: "/teams/{id}",
    summary: "Change a team's name, agents, tags, segments or priority",
    middleware: [requireRole(...TEAM_ADMIN_ROLES)] as const,
    request: { params: idParam, body: body(teamPatch) },
    responses: { 200: json(teamSchema), ...errorResponses(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    const accountId = c.get("account").id;
    await teamOr404(c.env, accountId, id);
    if (patch.agentIds) await assertAgentsExist(c.env, accountId, patch.agentIds, "agentIds");
    const team = await updateTeam(c.env, accountId, id, patch);
    if (patch.agentIds) await refreshRotations(c.env, accountId, { teamIds: [id] });
    return c.json(teamView(team), 200);
  },
);

teamsApi.openapi(
  createRoute({
    ...secured,
    method: "delete",
    path: "/teams/{id}",
    summary: "Delete a team; its waiting tickets leave it",
    middleware: [requireRole(...TEAM_ADMIN_ROLES)] as const,
    request: { params: idParam },
    responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const accountId = c.get("account").id;
    await deleteTeam(c.env, accountId, id);
    await disposeTeamRotation(c.env, accountId, id);
    return c.body(null, 204);
  },
);
