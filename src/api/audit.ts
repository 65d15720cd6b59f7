// The audit log: who did what and when (settings, integrations, agents, roles, API keys, webhooks, exports, erasures,
// logins). Owners and admins read it.
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { listAudit } from "../audit/queries.ts";
import { ADMIN_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { errorResponses, json } from "../schemas/common.ts";

export const auditApi = router();
auditApi.use("/audit", requireAgent, requireRole(...ADMIN_ROLES));

const auditQuery = z.object({
  actor: z.string().min(1).max(64).optional(),
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)*(\.\*)?$/, "an action like auth.login_failed, or a family like api_key.*")
    .max(64)
    .optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const auditItem = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEntry");

auditApi.openapi(
  createRoute({
    method: "get",
    path: "/audit",
    security: [{ bearer: [] }],
    tags: ["Audit"],
    summary: "The account's audit log, newest first",
    request: { query: auditQuery },
    responses: { 200: json(z.object({ items: z.array(auditItem), nextCursor: z.string().nullable() })), ...errorResponses(400, 401, 403) },
  }),
  async (c) => {
    const q = c.req.valid("query");
    return c.json(await listAudit(c.env, c.get("account").id, q), 200);
  },
);
