// Customer profiles: who a customer is, their consent, segments (which route tickets to teams), predictions and timeline.
import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq } from "drizzle-orm";
import { router } from "../app.ts";
import { HELPDESK_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { db } from "../db/client.ts";
import { profileEventFilters } from "../db/schema/index.ts";
import { iso } from "../lib/clock.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import { profileDetails, profileTickets, profileTimeline } from "../profiles/overview.ts";
import { mergeProfiles, resolveProfile, updateProfile, type ProfileRow } from "../profiles/service.ts";
import { decodeCursor, TIMELINE_METRICS } from "../profiles/timeline.ts";
import { profilePatch, profileSchema } from "../schemas/assignment.ts";
import { body, errorResponses, idParam, isoTime, json } from "../schemas/common.ts";
import { eventFilterInput, eventFilterSchema, mergeInput, profileDetailsSchema, profileEventSchema, profileEventsQuery, profileTicketSchema } from "../schemas/profile.ts";

export const profilesApi = router();
profilesApi.use("/profiles/*", requireAgent, requireRole(...HELPDESK_ROLES));
profilesApi.use("/profile-event-filters", requireAgent, requireRole(...HELPDESK_ROLES));
profilesApi.use("/profile-event-filters/*", requireAgent, requireRole(...HELPDESK_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Profiles"] };

/** The first shape of this route (kept at the top level) with the full profile under `profile`. */
const profileResponse = profileSchema.extend({ profile: profileDetailsSchema }).openapi("ProfileResponse");

function legacyView(p: ProfileRow) {
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

async function profileBody(env: Env, accountId: string, id: string) {
  const who = await resolveProfile(env, accountId, id);
  return { ...legacyView(who.profile), profile: await profileDetails(env, accountId, who) };
}

profilesApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/profiles/{id}",
    summary: "A customer profile: contact details, consent per channel, segments, tickets, loyalty and predictions (a merged profile's id answers with the survivor)",
    request: { params: idParam },
    responses: { 200: json(profileResponse), ...errorResponses(401, 404) },
  }),
  async (c) => c.json(await profileBody(c.env, c.get("account").id, c.req.valid("param").id), 200),
);

profilesApi.openapi(
  createRoute({
    ...secured,
    method: "put",
    path: "/profiles/{id}",
    summary: "Set a customer's segments (replacing them) or name",
    request: { params: idParam, body: body(profilePatch) },
    responses: { 200: json(profileResponse), ...errorResponses(400, 401, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const accountId = c.get("account").id;
    const updated = await updateProfile(c.env, accountId, id, c.req.valid("json"));
    return c.json(await profileBody(c.env, accountId, updated.id), 200);
  },
);

profilesApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/profiles/{id}/merge",
    summary: "Merge another profile of the same person into this one (its tickets, events, identifiers and segments join; this one survives)",
    request: { params: idParam, body: body(mergeInput) },
    responses: { 200: json(profileResponse), ...errorResponses(400, 401, 404, 409) },
  }),
  async (c) => {
    const accountId = c.get("account").id;
    const merged = await mergeProfiles(c.env, accountId, c.req.valid("param").id, c.req.valid("json").profileId);
    return c.json(await profileBody(c.env, accountId, merged.profile.id), 200);
  },
);

profilesApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/profiles/{id}/tickets",
    summary: "The customer's conversations, newest first",
    request: { params: idParam },
    responses: { 200: json(z.object({ items: z.array(profileTicketSchema) })), ...errorResponses(401, 404) },
  }),
  async (c) => {
    const accountId = c.get("account").id;
    const who = await resolveProfile(c.env, accountId, c.req.valid("param").id);
    return c.json({ items: await profileTickets(c.env, accountId, who, 50) }, 200);
  },
);

async function savedFilter(env: Env, accountId: string, agentId: string, id: string) {
  const rows = await db(env.DB)
    .select()
    .from(profileEventFilters)
    .where(and(eq(profileEventFilters.accountId, accountId), eq(profileEventFilters.agentId, agentId), eq(profileEventFilters.id, id)))
    .limit(1);
  if (!rows[0]) throw new AppError("not_found", "saved filter not found", [{ path: "filterId", message: "no such filter" }]);
  return rows[0];
}

profilesApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/profiles/{id}/events",
    summary: "The customer's timeline: orders, fulfilments, returns, subscription and loyalty changes, conversations, clicks, consent — newest first",
    request: { params: idParam, query: profileEventsQuery },
    responses: {
      200: json(z.object({ items: z.array(profileEventSchema), nextCursor: z.string().nullable(), metrics: z.array(z.string()) })),
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const accountId = c.get("account").id;
    const q = c.req.valid("query");
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    if (q.cursor && !after) throw new AppError("validation_failed", "cursor is not one this API gave", [{ path: "cursor", message: "invalid cursor" }]);
    const metrics = q.filterId
      ? (JSON.parse((await savedFilter(c.env, accountId, c.get("agent").id, q.filterId)).metrics) as string[])
      : (q.metric ?? "").split(",").map((m) => m.trim()).filter(Boolean);
    const who = await resolveProfile(c.env, accountId, c.req.valid("param").id);
    const page = await profileTimeline(c.env, accountId, who, { metrics, after, limit: q.limit ?? 50 });
    return c.json({ items: page.items.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt).toISOString() })), nextCursor: page.nextCursor, metrics: [...TIMELINE_METRICS] }, 200);
  },
);

profilesApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/profile-event-filters",
    summary: "The agent's saved timeline filters",
    responses: { 200: json(z.object({ items: z.array(eventFilterSchema) })), ...errorResponses(401) },
  }),
  async (c) => {
    const rows = await db(c.env.DB)
      .select()
      .from(profileEventFilters)
      .where(and(eq(profileEventFilters.accountId, c.get("account").id), eq(profileEventFilters.agentId, c.get("agent").id)))
      .orderBy(asc(profileEventFilters.name));
    return c.json({ items: rows.map((r) => ({ id: r.id, name: r.name, metrics: JSON.parse(r.metrics) as string[], createdAt: iso(r.createdAt) })) }, 200);
  },
);

profilesApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/profile-event-filters",
    summary: "Save a timeline filter (a name and the metrics it shows) for use as ?filterId=",
    request: { body: body(eventFilterInput) },
    responses: { 201: json(eventFilterSchema.extend({ createdAt: isoTime })), ...errorResponses(400, 401, 409) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const now = Date.now();
    const row = { id: newId("pef", now), accountId: c.get("account").id, agentId: c.get("agent").id, name: input.name, metrics: JSON.stringify([...new Set(input.metrics)]), createdAt: now };
    const res = await db(c.env.DB).insert(profileEventFilters).values(row).onConflictDoNothing().run();
    if (res.meta.changes === 0) throw new AppError("conflict", "You already have a filter with that name", [{ path: "name", message: "taken" }]);
    return c.json({ id: row.id, name: row.name, metrics: JSON.parse(row.metrics) as string[], createdAt: new Date(now).toISOString() }, 201);
  },
);

profilesApi.openapi(
  createRoute({
    ...secured,
    method: "delete",
    path: "/profile-event-filters/{id}",
    summary: "Delete a saved timeline filter",
    request: { params: idParam },
    responses: { 204: { description: "Deleted" }, ...errorResponses(401, 404) },
  }),
  async (c) => {
    const accountId = c.get("account").id;
    const agentId = c.get("agent").id;
    const { id } = c.req.valid("param");
    await savedFilter(c.env, accountId, agentId, id);
    await db(c.env.DB).delete(profileEventFilters).where(and(eq(profileEventFilters.accountId, accountId), eq(profileEventFilters.id, id)));
    return c.body(null, 204);
  },
);
