// Orders and subscriptions from the ticket: list them and change them (cancel, edit a line, skip, cancel, change frequency).
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { router, type AppEnv } from "../app.ts";
import { HELPDESK_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import type { Order, Subscription } from "../integrations/types.ts";
import { cancelOrder, changeSubscription, commerceProviders, profileOrders, profileSubscriptions, setLineQuantity, type CommerceRequest, type SubscriptionChange } from "../profiles/commerce.ts";
import { resolveProfile } from "../profiles/service.ts";
import { body, errorResponses, json } from "../schemas/common.ts";
import { frequencyInput, lineQuantityInput, orderCancelInput, orderViewSchema, subscriptionActionInput, subscriptionSchema } from "../schemas/profile.ts";

export const profileCommerceApi = router();
// Support may act (docs/product.md §2): every helpdesk role.
profileCommerceApi.use("/profiles/*", requireAgent, requireRole(...HELPDESK_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Profiles"] };
const pathId = (name: string) => z.string().min(1).max(200).openapi({ param: { name, in: "path" } });
const profileParam = z.object({ id: pathId("id") });
const orderParams = z.object({ id: pathId("id"), orderId: pathId("orderId") });
const lineParams = orderParams.extend({ lineId: pathId("lineId") });
const subParams = z.object({ id: pathId("id"), subId: pathId("subId") });
/** A body is optional on the action routes: `POST …/cancel` with none is fine. */
const optionalBody = <T extends z.ZodType>(schema: T) => ({ required: false, content: { "application/json": { schema } } });

export function orderView(o: Order) {
  const s = o.shipments[0];
  return {
    id: o.id,
    name: o.name,
    status: o.cancelledAt ? "cancelled" : o.financialStatus,
    fulfillment: o.fulfillmentStatus,
    cancelledAt: o.cancelledAt,
    createdAt: o.createdAt,
    total: o.total.amount,
    currency: o.total.currency,
    lineItems: o.lineItems.map((li) => ({ id: li.id, title: li.title, quantity: li.quantity, ...(li.variantTitle ? { variantTitle: li.variantTitle } : {}), ...(li.unitPrice ? { unitPrice: li.unitPrice.amount } : {}) })),
    ...(s ? { tracking: { carrier: s.carrier, number: s.trackingNumber, url: s.trackingUrl, status: s.status } } : {}),
    statusPageUrl: o.statusPageUrl,
    editable: o.cancelledAt === null && o.fulfillmentStatus === "unfulfilled",
  };
}

export function subscriptionView(s: Subscription) {
  return { ...s, frequency: `every ${s.interval.every === 1 ? "" : `${s.interval.every} `}${s.interval.unit}${s.interval.every === 1 ? "" : "s"}` };
}

async function request(c: Context<AppEnv>, ticketId: string | undefined): Promise<CommerceRequest> {
  const accountId = c.get("account").id;
  const agent = c.get("agent");
  const who = await resolveProfile(c.env, accountId, c.req.param("id") ?? "");
  return { env: c.env, who, by: { accountId, agentId: agent.id, agentName: agent.name }, ticketId };
}

profileCommerceApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/profiles/{id}/orders",
    summary: "The customer's recent orders with items, status and tracking",
    request: { params: profileParam },
    responses: { 200: json(z.object({ items: z.array(orderViewSchema) })), ...errorResponses(401, 404) },
  }),
  async (c) => {
    const accountId = c.get("account").id;
    const who = await resolveProfile(c.env, accountId, c.req.valid("param").id);
    const orders = await profileOrders(await commerceProviders(c.env, accountId), who, 20);
    return c.json({ items: orders.map(orderView) }, 200);
  },
);

profileCommerceApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/profiles/{id}/orders/{orderId}/cancel",
    summary: "Cancel an unfulfilled order (409 when it is already fulfilled or the store refuses)",
    request: { params: orderParams, body: optionalBody(orderCancelInput) },
    responses: { 200: json(orderViewSchema), ...errorResponses(400, 401, 404, 409) },
  }),
  async (c) => {
    const input = c.req.valid("json") ?? {};
    const order = await cancelOrder(await request(c, input.ticketId), c.req.valid("param").orderId, input.reason ?? "customer");
    return c.json(orderView(order), 200);
  },
);

profileCommerceApi.openapi(
  createRoute({
    ...secured,
    method: "patch",
    path: "/profiles/{id}/orders/{orderId}/lines/{lineId}",
    summary: "Change a line's quantity on an unfulfilled order (0 removes the line)",
    request: { params: lineParams, body: body(lineQuantityInput) },
    responses: { 200: json(orderViewSchema), ...errorResponses(400, 401, 404, 409) },
  }),
  async (c) => {
    const { orderId, lineId } = c.req.valid("param");
    const input = c.req.valid("json");
    return c.json(orderView(await setLineQuantity(await request(c, input.ticketId), orderId, lineId, input.quantity)), 200);
  },
);

profileCommerceApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/profiles/{id}/subscriptions",
    summary: "The customer's subscriptions",
    request: { params: profileParam },
    responses: { 200: json(z.object({ items: z.array(subscriptionSchema) })), ...errorResponses(401, 404) },
  }),
  async (c) => {
    const accountId = c.get("account").id;
    const who = await resolveProfile(c.env, accountId, c.req.valid("param").id);
    const subs = await profileSubscriptions(await commerceProviders(c.env, accountId), who);
    return c.json({ items: subs.map(subscriptionView) }, 200);
  },
);

async function act(c: Context<AppEnv>, subId: string, ticketId: string | undefined, change: SubscriptionChange) {
  return subscriptionView(await changeSubscription(await request(c, ticketId), subId, change));
}

profileCommerceApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/profiles/{id}/subscriptions/{subId}/skip",
    summary: "Skip the subscription's next charge",
    request: { params: subParams, body: optionalBody(subscriptionActionInput) },
    responses: { 200: json(subscriptionSchema), ...errorResponses(400, 401, 404, 409) },
  }),
  async (c) => c.json(await act(c, c.req.valid("param").subId, (c.req.valid("json") ?? {}).ticketId, { kind: "skip" }), 200),
);

profileCommerceApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/profiles/{id}/subscriptions/{subId}/cancel",
    summary: "Cancel the subscription",
    request: { params: subParams, body: optionalBody(subscriptionActionInput) },
    responses: { 200: json(subscriptionSchema), ...errorResponses(400, 401, 404, 409) },
  }),
  async (c) => {
    const input = c.req.valid("json") ?? {};
    return c.json(await act(c, c.req.valid("param").subId, input.ticketId, { kind: "cancel", reason: input.reason }), 200);
  },
);

profileCommerceApi.openapi(
  createRoute({
    ...secured,
    method: "patch",
    path: "/profiles/{id}/subscriptions/{subId}",
    summary: "Change how often the subscription ships",
    request: { params: subParams, body: body(frequencyInput) },
    responses: { 200: json(subscriptionSchema), ...errorResponses(400, 401, 404, 409) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    return c.json(await act(c, c.req.valid("param").subId, input.ticketId, { kind: "frequency", interval: input.frequency }), 200);
  },
);
