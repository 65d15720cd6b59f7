// API keys (docs/api.md "Security and platform"): owners and admins create, list and revoke them; a key works as
// `Authorization: Bearer` on the rest of the API within its scopes (src/apiKeys/scopes.ts).
import { createRoute, z } from "@hono/zod-openapi";
import { createApiKey, listApiKeys, revokeApiKey } from "../apiKeys/service.ts";
import { router } from "../app.ts";
import { clientIp, recordAudit } from "../audit/record.ts";
import { ADMIN_ROLES, requireAgent, requireRole, tokenSecret } from "../auth/context.ts";
import { body, errorResponses, idParam, json } from "../schemas/common.ts";
import { apiKeyInput, apiKeySchema, createdApiKeySchema } from "../schemas/platform.ts";

export const apiKeysApi = router();
apiKeysApi.use("/api-keys", requireAgent, requireRole(...ADMIN_ROLES));
apiKeysApi.use("/api-keys/*", requireAgent, requireRole(...ADMIN_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["API keys"] };

apiKeysApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/api-keys",
    summary: "Create an API key with scopes; the key is in this response only",
    request: { body: body(apiKeyInput) },
    responses: { 201: json(createdApiKeySchema, "Created"), ...errorResponses(400, 401, 403) },
  }),
  async (c) => {
    const { name, scopes } = c.req.valid("json");
    const account = c.get("account").id;
    const actor = c.get("agent").id;
    const created = await createApiKey(c.env, tokenSecret(c.env), { accountId: account, name, scopes, createdBy: actor });
    await recordAudit(c.env, { accountId: account, action: "api_key.created", actorId: actor, target: created.id, ip: clientIp(c.req.raw.headers), details: { name, prefix: created.prefix, scopes: created.scopes } });
    return c.json(created, 201);
  },
);

apiKeysApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/api-keys",
    summary: "The account's live API keys (prefix only)",
    responses: { 200: json(z.object({ items: z.array(apiKeySchema) })), ...errorResponses(401, 403) },
  }),
  async (c) => c.json({ items: await listApiKeys(c.env, c.get("account").id) }, 200),
);

apiKeysApi.openapi(
  createRoute({
    ...secured,
    method: "delete",
    path: "/api-keys/{id}",
    summary: "Revoke an API key: it stops working at once",
    request: { params: idParam },
    responses: { 204: { description: "Revoked" }, ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const account = c.get("account").id;
    const revoked = await revokeApiKey(c.env, account, c.req.valid("param").id);
    await recordAudit(c.env, { accountId: account, action: "api_key.revoked", actorId: c.get("agent").id, target: revoked.id, ip: clientIp(c.req.raw.headers), details: { name: revoked.name, prefix: revoked.prefix } });
    return c.body(null, 204);
  },
);
