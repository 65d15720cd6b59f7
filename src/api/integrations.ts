// Integrations the agent uses (docs/api.md "PUT /api/integrations/:kind"): connect with validated credentials, list redacted, disconnect.
import { createRoute, z } from "@hono/zod-openapi";
import { connectIntegration, disconnectIntegration, listIntegrations } from "../accounts/integrations.ts";
import { router } from "../app.ts";
import { auditByAgent } from "../audit/request.ts";
import { ADMIN_ROLES, HELPDESK_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { integrationCredentialsInput, integrationKindParam, integrationSchema } from "../schemas/agent.ts";
import { body, errorResponses, json } from "../schemas/common.ts";

export const integrationsApi = router();
integrationsApi.use("/integrations", requireAgent, requireRole(...HELPDESK_ROLES));
integrationsApi.use("/integrations/*", requireAgent, requireRole(...HELPDESK_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Integrations"] };

integrationsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/integrations",
    summary: "Every integration the shop can connect, whether it is connected, and its credentials with secrets masked",
    responses: { 200: json(z.object({ items: z.array(integrationSchema) })), ...errorResponses(401, 403) },
  }),
  async (c) => c.json({ items: await listIntegrations(c.env, c.get("agent").accountId) }, 200),
);

integrationsApi.openapi(
  createRoute({
    ...secured,
    method: "put",
    path: "/integrations/{kind}",
    summary: "Connect an integration (owner/admin); connecting again replaces the credentials",
    middleware: [requireRole(...ADMIN_ROLES)] as const,
    request: { params: integrationKindParam, body: body(integrationCredentialsInput) },
    responses: { 200: json(integrationSchema, "Connected"), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const { kind } = c.req.valid("param");
    const connected = await connectIntegration(c.env, c.get("agent").accountId, kind, c.req.valid("json"));
    await auditByAgent(c, "integration.connected", { target: kind });
    return c.json(connected, 200);
  },
);

integrationsApi.openapi(
  createRoute({
    ...secured,
    method: "delete",
    path: "/integrations/{kind}",
    summary: "Disconnect an integration (owner/admin); its credentials are deleted",
    middleware: [requireRole(...ADMIN_ROLES)] as const,
    request: { params: integrationKindParam },
    responses: { 204: { description: "Disconnected" }, ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const { kind } = c.req.valid("param");
    await disconnectIntegration(c.env, c.get("agent").accountId, kind);
    await auditByAgent(c, "integration.disconnected", { target: kind });
    return c.body(null, 204);
  },
);
