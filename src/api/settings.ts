// Account settings: read them all, replace one section at a time (docs/api.md "Teams, routing, settings").
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { getSettings, putSettingsSection, sections, type AccountSettings, type SectionName } from "../accounts/settings.ts";
import { settingsChanged } from "../assignment/settings.ts";
import { ADMIN_ROLES, HELPDESK_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { assertHandoffConnected } from "../agent/handoff.ts";
import { auditByAgent } from "../audit/request.ts";
import { body, errorResponses, json } from "../schemas/common.ts";

export const settingsApi = router();
settingsApi.use("/settings", requireAgent, requireRole(...HELPDESK_ROLES));
settingsApi.use("/settings/*", requireAgent, requireRole(...HELPDESK_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Settings"] };

/** Checks beyond the schema, run before a section is saved. */
const checks: { [K in SectionName]?: (env: Env, accountId: string, value: AccountSettings[K]) => Promise<void> } = {
  // Zendesk and Gorgias must be connected before the shop can hand conversations to them (docs/product.md §4).
  handoff: async (env, accountId, value) => {
    if (value?.method === "helpdesk") await assertHandoffConnected(env, accountId, value.platform);
  },
};

const sectionEntries = Object.entries(sections) as [SectionName, (typeof sections)[SectionName]][];
const settingsSchema = z
  .object(Object.fromEntries(sectionEntries.map(([name, s]) => [name, s.schema.nullable()])) as Record<string, z.ZodType>)
  .openapi("Settings");

settingsApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/settings",
    summary: "Every settings section, with defaults for those never saved",
    responses: { 200: json(settingsSchema), ...errorResponses(401) },
  }),
  async (c) => c.json(await getSettings(c.env, c.get("account").id), 200),
);

for (const [name, s] of sectionEntries) {
  settingsApi.openapi(
    createRoute({
      ...secured,
      method: "put",
      path: `/settings/${s.path}`,
      summary: s.summary,
      middleware: [requireRole(...ADMIN_ROLES)] as const,
      request: { body: body(s.schema) },
      responses: { 200: json(settingsSchema, "All settings after the change"), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => {
      const accountId = c.get("account").id;
      const input = c.req.valid("json") as AccountSettings[typeof name];
      await (checks[name] as ((env: Env, accountId: string, value: unknown) => Promise<void>) | undefined)?.(c.env, accountId, input);
      const saved = await putSettingsSection(c.env, accountId, name, input);
      await settingsChanged(c.env, accountId, name);
      await auditByAgent(c, "settings.updated", { target: name, details: { section: s.path, fields: Object.keys(input ?? {}) } });
      return c.json(saved, 200);
    },
  );

  settingsApi.openapi(
    createRoute({
      ...secured,
      method: "delete",
      path: `/settings/${s.path}`,
      summary: `Back to the default: ${s.summary.charAt(0).toLowerCase()}${s.summary.slice(1)}`,
      middleware: [requireRole(...ADMIN_ROLES)] as const,
      responses: { 200: json(settingsSchema, "All settings after the change"), ...errorResponses(401, 403) },
    }),
    async (c) => {
      const accountId = c.get("account").id;
      const saved = await putSettingsSection(c.env, accountId, name, null);
      await settingsChanged(c.env, accountId, name);
      await auditByAgent(c, "settings.reset", { target: name, details: { section: s.path } });
      return c.json(saved, 200);
    },
  );
}
