// The AI agent's skills page (docs/api.md "Customer agent"): statuses with volume, a skill's detail and performance, and "Request a skill".
import { createRoute, z } from "@hono/zod-openapi";
import { listSkills, requestSkill, skillDetail } from "../agent/skillsPage.ts";
import { router } from "../app.ts";
import { HELPDESK_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { skillDetailSchema, skillRequestInput, skillRequestSchema, skillSummarySchema } from "../schemas/agent.ts";
import { body, errorResponses, idParam, json } from "../schemas/common.ts";

export const skillsApi = router();
skillsApi.use("/skills", requireAgent, requireRole(...HELPDESK_ROLES));
skillsApi.use("/skills/*", requireAgent, requireRole(...HELPDESK_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Customer agent"] };

skillsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/skills",
    summary: "Each skill with its status (live, unavailable with the missing prerequisite, coming soon) and volume over the last 30 days",
    responses: { 200: json(z.object({ items: z.array(skillSummarySchema) })), ...errorResponses(401) },
  }),
  async (c) => c.json({ items: await listSkills(c.env, c.get("agent").accountId) }, 200),
);

skillsApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/skills/requests",
    summary: "Request a skill the agent doesn't have yet",
    request: { body: body(skillRequestInput) },
    responses: { 201: json(skillRequestSchema, "Request recorded"), ...errorResponses(400, 401) },
  }),
  async (c) => {
    const me = c.get("agent");
    return c.json(await requestSkill(c.env, me.accountId, me.id, c.req.valid("json").description), 201);
  },
);

skillsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/skills/{id}",
    summary: "A skill's overview, when it applies, how it answers, tools used and performance (volume per day, questions handled)",
    request: { params: idParam },
    responses: { 200: json(skillDetailSchema), ...errorResponses(401, 404) },
  }),
  async (c) => c.json(await skillDetail(c.env, c.get("agent").accountId, c.req.valid("param").id), 200),
);
