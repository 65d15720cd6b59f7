// A customer's data on request (GDPR/CCPA): export everything about a profile as JSON, or erase it
// (docs/platform.md "Export and erasure"). Owners and admins only.
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { clientIp, recordAudit } from "../audit/record.ts";
import { ADMIN_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { eraseProfile } from "../privacy/erase.ts";
import { exportProfile } from "../privacy/export.ts";
import { errorResponses, idParam, json } from "../schemas/common.ts";

export const privacyApi = router();

const secured = { security: [{ bearer: [] }], tags: ["Profiles"] };

privacyApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/profiles/{id}/export",
    middleware: [requireAgent, requireRole(...ADMIN_ROLES)] as const,
    summary: "Everything stored about a customer: profile, tickets with every message, the AI agent's turns",
    request: { params: idParam },
    responses: {
      200: json(z.object({ exportedAt: z.string(), profile: z.record(z.string(), z.unknown()), tickets: z.array(z.record(z.string(), z.unknown())), turns: z.array(z.record(z.string(), z.unknown())) })),
      ...errorResponses(401, 403, 404),
    },
  }),
  async (c) => {
    const account = c.get("account").id;
    const { id } = c.req.valid("param");
    const data = await exportProfile(c.env, account, id);
    await recordAudit(c.env, { accountId: account, action: "profile.exported", actorId: c.get("agent").id, target: id, ip: clientIp(c.req.raw.headers), details: { tickets: data.tickets.length } });
    c.header("Content-Disposition", `attachment; filename="${id}.json"`);
    c.header("Cache-Control", "no-store");
    return c.json(data, 200);
  },
);

privacyApi.openapi(
  createRoute({
    ...secured,
    method: "delete",
    path: "/profiles/{id}",
    middleware: [requireAgent, requireRole(...ADMIN_ROLES)] as const,
    summary: "Erase a customer: their messages, profile, index rows and files go; their tickets stay as anonymised shells",
    request: { params: idParam },
    responses: { 204: { description: "Erased" }, ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const account = c.get("account").id;
    const { id } = c.req.valid("param");
    const erased = await eraseProfile(c.env, account, id);
    // The entry names the profile id only: the person is gone, the fact that an erasure happened stays.
    await recordAudit(c.env, { accountId: account, action: "profile.erased", actorId: c.get("agent").id, target: id, ip: clientIp(c.req.raw.headers), details: { ...erased } });
    return c.body(null, 204);
  },
);
