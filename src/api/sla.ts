// SLA policies (issue 13 §4): first-response, next-response and resolution targets per channel, priority and tag,
// in business hours or around the clock. Kept in order in the account's settings (section `sla`): the first policy
// that matches a ticket applies. Everyone on the team reads them; owners, admins and managers change them.
import { createRoute, z } from "@hono/zod-openapi";
import { getSettings, putSettingsSection } from "../accounts/settings.ts";
import { router } from "../app.ts";
import { HELPDESK_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import { body, errorResponses, idParam, json } from "../schemas/common.ts";
import { slaPolicyInput, slaPolicySchema, type SlaPolicy } from "../sla/rules.ts";

export const slaApi = router();
slaApi.use("/sla-policies", requireAgent, requireRole(...HELPDESK_ROLES));
slaApi.use("/sla-policies/*", requireAgent, requireRole(...HELPDESK_ROLES));
const managers = requireRole("owner", "admin", "manager");
slaApi.on(["POST", "PATCH", "DELETE"], ["/sla-policies", "/sla-policies/*"], managers);

const secured = { security: [{ bearer: [] }], tags: ["SLA"] };
const MAX_POLICIES = 50;

async function policiesOf(env: Env, accountId: string): Promise<SlaPolicy[]> {
  // A copy: the settings of an account that never saved any share one fallback object.
  return [...((await getSettings(env, accountId)).sla?.policies ?? [])];
}

async function save(env: Env, accountId: string, policies: SlaPolicy[]): Promise<void> {
  await putSettingsSection(env, accountId, "sla", { policies });
}

function toPolicy(id: string, input: z.output<typeof slaPolicyInput>): SlaPolicy {
  return { id, name: input.name, match: input.match, firstResponseMinutes: input.firstResponseMinutes, nextResponseMinutes: input.nextResponseMinutes ?? null, resolutionMinutes: input.resolutionMinutes ?? null, businessHours: input.businessHours };
}

slaApi.openapi(
  createRoute({ ...secured, method: "get", path: "/sla-policies", summary: "The SLA policies, in the order they are matched", responses: { 200: json(z.object({ items: z.array(slaPolicySchema) })), ...errorResponses(401) } }),
  async (c) => c.json({ items: await policiesOf(c.env, c.get("account").id) }, 200),
);

slaApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/sla-policies",
    summary: "Add an SLA policy (matched after the existing ones unless `position` puts it earlier)",
    request: { body: body(slaPolicyInput.extend({ position: z.number().int().min(0).optional() })) },
    responses: { 201: json(slaPolicySchema, "Created"), ...errorResponses(400, 401, 403, 409) },
  }),
  async (c) => {
    const { position, ...input } = c.req.valid("json");
    const accountId = c.get("account").id;
    const policies = await policiesOf(c.env, accountId);
    if (policies.length >= MAX_POLICIES) throw new AppError("conflict", `An account may have at most ${MAX_POLICIES} SLA policies`);
    const policy = toPolicy(newId("sla"), input);
    policies.splice(position ?? policies.length, 0, policy);
    await save(c.env, accountId, policies);
    return c.json(policy, 201);
  },
);

slaApi.openapi(
  createRoute({
    ...secured,
    method: "patch",
    path: "/sla-policies/{id}",
    summary: "Change an SLA policy (or move it with `position`)",
    request: { params: idParam, body: body(slaPolicyInput.partial().extend({ position: z.number().int().min(0).optional() })) },
    responses: { 200: json(slaPolicySchema), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { position, ...input } = c.req.valid("json");
    const accountId = c.get("account").id;
    const policies = await policiesOf(c.env, accountId);
    const at = policies.findIndex((p) => p.id === id);
    const existing = policies[at];
    if (!existing) throw new AppError("not_found", "SLA policy not found");
    const next = slaPolicySchema.parse({ ...existing, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) });
    policies.splice(at, 1);
    policies.splice(position ?? at, 0, next);
    await save(c.env, accountId, policies);
    return c.json(next, 200);
  },
);

slaApi.openapi(
  createRoute({ ...secured, method: "delete", path: "/sla-policies/{id}", summary: "Delete an SLA policy", request: { params: idParam }, responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) } }),
  async (c) => {
    const { id } = c.req.valid("param");
    const accountId = c.get("account").id;
    const policies = await policiesOf(c.env, accountId);
    if (!policies.some((p) => p.id === id)) throw new AppError("not_found", "SLA policy not found");
    await save(c.env, accountId, policies.filter((p) => p.id !== id));
    return c.body(null, 204);
  },
);
