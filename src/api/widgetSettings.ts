// Settings → Widget beyond the plain section (src/api/settings.ts saves it): the identity secret for shops' servers
// (owners and admins only), its rotation, and the widget's public look for widget.js.
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { accountOr404 } from "./accounts.ts";
import { getSettings, widgetSettingsSchema } from "../accounts/settings.ts";
import { router } from "../app.ts";
import { auditByAgent } from "../audit/request.ts";
import { ADMIN_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { identityCanonical, rotateIdentitySecret } from "../chat/identity.ts";
import { db } from "../db/client.ts";
import { accounts } from "../db/schema/index.ts";
import { iso } from "../lib/clock.ts";
import { AppError } from "../lib/errors.ts";
import { errorResponses, json } from "../schemas/common.ts";

export const widgetSettingsApi = router();

const secured = { security: [{ bearer: [] }], tags: ["Settings"], middleware: [requireAgent, requireRole(...ADMIN_ROLES)] };

const identityFields = {
  identitySecret: z.string().openapi({ description: "HMAC-SHA256 key for identityHash; keep it on the shop's server" }),
  previousSecretValidUntil: z.string().nullable().openapi({ description: "Until when the secret before the last rotation still verifies" }),
};

const widgetSettingsView = widgetSettingsSchema
  .extend({
    ...identityFields,
    identityCanonical: z.string().openapi({ description: "What identityHash signs, with the placeholders of the real values" }),
  })
  .openapi("WidgetSettingsWithSecret");

widgetSettingsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/settings/widget",
    summary: "The widget settings with the identity secret (owner/admin)",
    responses: { 200: json(widgetSettingsView), ...errorResponses(401, 403) },
  }),
  async (c) => {
    const accountId = c.get("account").id;
    const [settings, rows] = await Promise.all([
      getSettings(c.env, accountId),
      db(c.env.DB).select({ secret: accounts.identitySecret, until: accounts.previousIdentitySecretUntil }).from(accounts).where(eq(accounts.id, accountId)).limit(1),
    ]);
    const row = rows[0];
    if (!row) throw new AppError("not_found", "account not found");
    const until = row.until && row.until > Date.now() ? iso(row.until) : null;
    return c.json({ ...settings.widget, identitySecret: row.secret, previousSecretValidUntil: until, identityCanonical: identityCanonical("<externalId>", "<email>") }, 200);
  },
);

widgetSettingsApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/settings/widget/identity-secret/rotate",
    summary: "A new identity secret; the old one keeps verifying for 24 hours (owner/admin)",
    responses: { 200: json(z.object(identityFields)), ...errorResponses(401, 403) },
  }),
  async (c) => {
    const rotated = await rotateIdentitySecret(c.env, c.get("account").id);
    await auditByAgent(c, "settings.identity_secret_rotated", { target: "widget" });
    return c.json({ identitySecret: rotated.identitySecret, previousSecretValidUntil: iso(rotated.previousValidUntil) }, 200);
  },
);

const appearance = z
  .object({
    color: z.string().nullable(),
    title: z.string().nullable(),
    subtitle: z.string().nullable(),
    greeting: z.string().nullable(),
    position: z.enum(["right", "left"]),
  })
  .openapi("WidgetAppearance");

widgetSettingsApi.openapi(
  createRoute({
    method: "get",
    path: "/chat/accounts/{accountId}/widget",
    tags: ["Web chat"],
    summary: "How the widget looks for this shop (public: widget.js reads it; its data-* attributes win)",
    request: { params: z.object({ accountId: z.string().min(1).max(64).openapi({ param: { name: "accountId", in: "path" } }) }) },
    responses: { 200: json(appearance), ...errorResponses(404) },
  }),
  async (c) => {
    const { accountId } = c.req.valid("param");
    await accountOr404(c.env, accountId);
    const w = (await getSettings(c.env, accountId)).widget;
    c.header("Cache-Control", "public, max-age=60");
    return c.json({ color: w?.color ?? null, title: w?.title ?? null, subtitle: w?.subtitle ?? null, greeting: w?.greeting ?? null, position: w?.position ?? "right" }, 200);
  },
);
