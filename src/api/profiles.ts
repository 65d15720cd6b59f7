// Customer profiles: who a customer is and the segments they belong to (segments route tickets to teams).
import { createRoute } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { HELPDESK_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { iso } from "../lib/clock.ts";
import { profileOr404, updateProfile, type ProfileRow } from "../profiles/service.ts";
import { profilePatch, profileSchema } from "../schemas/assignment.ts";
import { body, errorResponses, idParam, json } from "../schemas/common.ts";

export const profilesApi = router();
profilesApi.use("/profiles/*", requireAgent, requireRole(...HELPDESK_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Profiles"] };

function profileView(p: ProfileRow) {
  return {
    id: p.id,
    email: p.email,
    phone: p.phone,
    name: p.name,
    externalId: p.externalId,
    segments: JSON.parse(p.segments) as string[],
    smsConsent: p.smsConsent,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

profilesApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/profiles/{id}",
    summary: "A customer profile with its segments",
    request: { params: idParam },
    responses: { 200: json(profileSchema), ...errorResponses(401, 404) },
  }),
  async (c) => c.json(profileView(await profileOr404(c.env, c.get("account").id, c.req.valid("param").id)), 200),
);

profilesApi.openapi(
  createRoute({
    ...secured,
    method: "put",
    path: "/profiles/{id}",
    summary: "Set a customer's segments (replacing them) or name",
    request: { params: idParam, body: body(profilePatch) },
    responses: { 200: json(profileSchema), ...errorResponses(400, 401, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const profile = await updateProfile(c.env, c.get("account").id, id, c.req.valid("json"));
    return c.json(profileView(profile), 200);
  },
);
