// Operations for owners and admins: rebuilding the D1 ticket index from the ticket actors.
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { ADMIN_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { body, errorResponses, json } from "../schemas/common.ts";
import { ticketStub } from "../tickets/actors.ts";
import { inParallel } from "../tickets/service.ts";

export const adminApi = router();
adminApi.use("/admin/*", requireAgent, requireRole(...ADMIN_ROLES));

adminApi.openapi(
  createRoute({
    method: "post",
    path: "/admin/reindex",
    tags: ["Admin"],
    summary: "Rewrite one page of the account's D1 ticket index from the ticket actors; call again with `next` until it is null",
    security: [{ bearer: [] }],
    request: { body: body(z.object({ cursor: z.string().max(64).nullable().optional(), limit: z.number().int().min(1).max(200).default(100) }).strict()) },
    responses: { 200: json(z.object({ processed: z.number().int(), rebuilt: z.number().int(), failed: z.array(z.string()), next: z.string().nullable() })), ...errorResponses(400, 401, 403) },
  }),
  async (c) => {
    const { cursor, limit } = c.req.valid("json");
    const accountId = c.get("account").id;
    const inbox = c.env.INBOX.get(c.env.INBOX.idFromName(accountId));
    const page = await inbox.ticketIds({ after: cursor ?? null, limit });
    const results = await inParallel(page.ids, 16, (id) => ticketStub(c.env, accountId, id).reindex());
    const failed = page.ids.filter((_, i) => results[i]?.status !== "fulfilled");
    const rebuilt = results.filter((r) => r.status === "fulfilled" && r.value).length;
    return c.json({ processed: page.ids.length, rebuilt, failed, next: page.next }, 200);
  },
);
