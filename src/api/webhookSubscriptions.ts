// Outbound webhooks (docs/api.md "Security and platform", docs/platform.md "Webhooks"): owners and admins subscribe
// URLs to events, read each subscription's delivery log and send a test event. (Inbound provider webhooks are in
// src/api/webhooks.ts.)
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { clientIp, recordAudit } from "../audit/record.ts";
import { ADMIN_ROLES, requireAgent, requireRole, tokenSecret } from "../auth/context.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import { body, errorResponses, idParam, json } from "../schemas/common.ts";
import { createdWebhookSchema, webhookDeliverySchema, webhookInput, webhookSchema } from "../schemas/platform.ts";
import { deliverOnce, listDeliveries } from "../webhooks/deliver.ts";
import { TEST_EVENT_TYPE, type WebhookEvent } from "../webhooks/events.ts";
import { createSubscription, deleteSubscription, listSubscriptions, subscriptionOr404, subscriptionView } from "../webhooks/subscriptions.ts";
import { refuseWebhookUrl } from "../webhooks/urls.ts";

export const webhookSubscriptionsApi = router();
webhookSubscriptionsApi.use("/webhooks", requireAgent, requireRole(...ADMIN_ROLES));
webhookSubscriptionsApi.use("/webhooks/*", requireAgent, requireRole(...ADMIN_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Webhooks"] };

webhookSubscriptionsApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/webhooks",
    summary: "Subscribe a URL to events; the signing secret is in this response only",
    request: { body: body(webhookInput) },
    responses: { 201: json(createdWebhookSchema, "Created"), ...errorResponses(400, 401, 403) },
  }),
  async (c) => {
    const { url, events } = c.req.valid("json");
    const refused = refuseWebhookUrl(url, c.env.ENVIRONMENT);
    if (refused) throw new AppError("validation_failed", `url ${refused}`, [{ path: "url", message: refused }]);
    const account = c.get("account").id;
    const actor = c.get("agent").id;
    const created = await createSubscription(c.env, tokenSecret(c.env), { accountId: account, url, events, createdBy: actor });
    await recordAudit(c.env, { accountId: account, action: "webhook.created", actorId: actor, target: created.id, ip: clientIp(c.req.raw.headers), details: { url, events: created.events } });
    return c.json(created, 201);
  },
);

webhookSubscriptionsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/webhooks",
    summary: "The account's webhook subscriptions",
    responses: { 200: json(z.object({ items: z.array(webhookSchema) })), ...errorResponses(401, 403) },
  }),
  async (c) => c.json({ items: await listSubscriptions(c.env, c.get("account").id) }, 200),
);

webhookSubscriptionsApi.openapi(
  createRoute({
    ...secured,
    method: "delete",
    path: "/webhooks/{id}",
    summary: "Delete a subscription: nothing more is sent to it",
    request: { params: idParam },
    responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const account = c.get("account").id;
    const { id } = c.req.valid("param");
    const sub = await subscriptionOr404(c.env, account, id);
    await deleteSubscription(c.env, account, id);
    await recordAudit(c.env, { accountId: account, action: "webhook.deleted", actorId: c.get("agent").id, target: id, ip: clientIp(c.req.raw.headers), details: { url: sub.url } });
    return c.body(null, 204);
  },
);

webhookSubscriptionsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/webhooks/{id}/deliveries",
    summary: "The subscription's latest delivery attempts, newest first",
    request: { params: idParam, query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
    responses: { 200: json(z.object({ items: z.array(webhookDeliverySchema) })), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const sub = await subscriptionOr404(c.env, c.get("account").id, c.req.valid("param").id);
    return c.json({ items: await listDeliveries(c.env, sub.id, c.req.valid("query").limit) }, 200);
  },
);

webhookSubscriptionsApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/webhooks/{id}/test",
    summary: "Send a signed `webhook.test` event now and answer with the attempt (logged with the deliveries)",
    request: { params: idParam },
    responses: { 200: json(webhookDeliverySchema), ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const account = c.get("account").id;
    const sub = await subscriptionOr404(c.env, account, c.req.valid("param").id);
    const now = Date.now();
    const event: WebhookEvent = { id: newId("evt", now), type: TEST_EVENT_TYPE, createdAt: new Date(now).toISOString(), accountId: account, data: { webhook: subscriptionView(sub) } };
    const { record } = await deliverOnce(c.env, tokenSecret(c.env), { accountId: account, subscriptionId: sub.id, event }, 1);
    if (!record) throw new AppError("not_found", "webhook not found");
    await recordAudit(c.env, { accountId: account, action: "webhook.test_sent", actorId: c.get("agent").id, target: sub.id, ip: clientIp(c.req.raw.headers), details: { status: record.status, ok: record.ok } });
    return c.json(record, 200);
  },
);
