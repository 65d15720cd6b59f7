// Account settings: one zod-checked section per concern, stored together in accounts.settings (JSON).
//
// Adding a section: add its schema and default to `sections` below; `GET /api/settings` shows it
// and `PUT /api/settings/<path>` (src/api/settings.ts) stores it, with nothing else to wire.
import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { db } from "../db/client.ts";
import { accounts } from "../db/schema/index.ts";
import { officeHoursSchema, type OfficeHours } from "../assignment/officeHours.ts";
import { csatSettingsSchema, DEFAULT_CSAT } from "../csat/rules.ts";
import { DEFAULT_FILE_SETTINGS, fileSettingsSchema } from "../files/limits.ts";
import { AppError } from "../lib/errors.ts";
import { slaPolicySchema } from "../sla/rules.ts";

export const DEFAULT_PRESENCE_GRACE_SECONDS = 120;

export const assignmentSettingsSchema = z
  .object({
    roundRobin: z.boolean().openapi({ description: "New tickets no team takes go to online agents in rotating order" }),
    presenceGraceSeconds: z
      .number()
      .int()
      .min(30)
      .max(86_400)
      .nullable()
      .optional()
      .openapi({ description: "An agent with no dashboard connection and no heartbeat for this long goes offline (default 120; null = back to the default)" }),
  })
  .strict()
  .openapi("AssignmentSettings");

export const officeHoursSettingsSchema = officeHoursSchema.openapi("OfficeHoursSettings");

export const autoCloseSettingsSchema = z
  .object({
    afterHours: z
      .number()
      .positive()
      .max(24 * 365)
      .nullable()
      .openapi({ description: "Close a ticket after this many hours without a customer message; null = never" }),
  })
  .strict()
  .openapi("AutoCloseSettings");

export const slaSettingsSchema = z.object({ policies: z.array(slaPolicySchema).max(50) }).strict().openapi("SlaSettings");

export const AGENT_CHANNELS = ["webchat", "sms", "email", "whatsapp", "instagram"] as const;
export const DEFAULT_AGENT_CHANNELS: (typeof AGENT_CHANNELS)[number][] = ["webchat", "sms", "email"];

export const agentSettingsSchema = z
  .object({
    enabled: z.boolean().openapi({ description: "The AI customer agent answers new conversations first; off = every inbound message goes straight to the helpdesk" }),
    channels: z
      .array(z.enum(AGENT_CHANNELS))
      .max(AGENT_CHANNELS.length)
      .optional()
      .openapi({ description: "Channels the agent answers (default webchat, sms, email)" }),
  })
  .strict()
  .openapi("AgentSettings");

export const handoffSettingsSchema = z
  .discriminatedUnion("method", [
    z
      .object({
        method: z.literal("helpdesk"),
        platform: z.enum(["builtin", "zendesk", "gorgias"]).openapi({ description: "Zendesk and Gorgias must be connected first (PUT /api/integrations/:kind)" }),
      })
      .strict(),
    z
      .object({
        method: z.literal("message"),
        message: z.string().trim().min(1).max(2_000).openapi({ description: "Shown instead of offering a human; may carry helpful links" }),
      })
      .strict(),
  ])
  .openapi("HandoffSettings");

const originPattern = z
  .string()
  .trim()
  .max(200)
  .transform((s) => s.replace(/\/+$/, "").toLowerCase())
  .refine((s) => /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/.test(s), "an origin such as https://shop.example or https://*.shop.example (no path)");

export const widgetSettingsSchema = z
  .object({
    allowedOrigins: z
      .array(originPattern)
      .max(50)
      .openapi({ description: "Sites that may embed the chat widget; empty = any site. \"https://*.shop.example\" allows every subdomain" }),
  })
  .strict()
  .openapi("WidgetSettings");

interface Section<S extends z.ZodType> {
  /** The URL segment: `PUT /api/settings/<path>`. */
  path: string;
  summary: string;
  schema: S;
  /** What an account that never saved the section gets. */
  fallback: z.output<S> | null;
  /** Values shown for fields saved as null or left out (the effective setting). */
  defaults?: Partial<z.output<S>>;
}

function section<S extends z.ZodType>(s: Section<S>): Section<S> {
  return s;
}

export const sections = {
  assignment: section({
    path: "assignment",
    summary: "Round robin on or off, and the presence grace",
    schema: assignmentSettingsSchema,
    fallback: { roundRobin: false, presenceGraceSeconds: DEFAULT_PRESENCE_GRACE_SECONDS },
    defaults: { presenceGraceSeconds: DEFAULT_PRESENCE_GRACE_SECONDS },
  }),
  officeHours: section({
    path: "office-hours",
    summary: "Office hours in the account's time zone, and the auto-reply sent outside them (no office hours = always open)",
    schema: officeHoursSettingsSchema,
    fallback: null,
  }),
  autoClose: section({
    path: "auto-close",
    summary: "Close tickets after a period of customer inactivity",
    schema: autoCloseSettingsSchema,
    fallback: { afterHours: null },
  }),
  agent: section({
    path: "agent",
    summary: "The AI customer agent on or off, and the channels it answers",
    schema: agentSettingsSchema,
    fallback: { enabled: false, channels: DEFAULT_AGENT_CHANNELS },
    defaults: { channels: DEFAULT_AGENT_CHANNELS },
  }),
  widget: section({
    path: "widget",
    summary: "Which websites may embed the chat widget",
    schema: widgetSettingsSchema,
    fallback: { allowedOrigins: [] },
  }),
  handoff: section({
    path: "handoff",
    summary: "What happens when the AI agent cannot resolve: a helpdesk (built-in, Zendesk, Gorgias) or a message",
    schema: handoffSettingsSchema,
    fallback: { method: "helpdesk", platform: "builtin" },
  }),
  csat: section({
    path: "csat",
    summary: "Satisfaction surveys after a person closes a ticket (and, optionally, after the AI agent's own)",
    schema: csatSettingsSchema,
    fallback: DEFAULT_CSAT,
  }),
  sla: section({
    path: "sla",
    summary: "SLA policies in order (the first that matches a ticket applies); also managed through /api/sla-policies",
    schema: slaSettingsSchema,
    fallback: { policies: [] },
  }),
  files: section({
    path: "files",
    summary: "Files shoppers and agents may attach: kinds (sniffed from the bytes) and the largest size",
    schema: fileSettingsSchema,
    fallback: DEFAULT_FILE_SETTINGS,
  }),
};

export type SectionName = keyof typeof sections;
export type AccountSettings = { [K in SectionName]: z.output<(typeof sections)[K]["schema"]> | null };

export interface AssignmentSettings {
  roundRobin: boolean;
  presenceGraceSeconds: number;
  officeHours: OfficeHours | null;
}

/** Reads the stored JSON; a section that is missing or no longer valid falls back to its default. */
export function parseSettings(raw: string | null | undefined): AccountSettings {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw ?? "{}");
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>;
  } catch {
    // unreadable settings behave as defaults
  }
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(sections) as [SectionName, Section<z.ZodType>][]) {
    const value = stored[name];
    const checked = value === undefined || value === null ? null : s.schema.safeParse(value);
    // A copy of the fallback: callers may change what they read.
    out[name] = checked?.success ? withDefaults(checked.data, s.defaults) : structuredClone(s.fallback);
  }
  return out as AccountSettings;
}

/** The parts of the settings that assignment needs, with defaults filled in. */
export function assignmentSettingsOf(settings: AccountSettings): AssignmentSettings {
  return {
    roundRobin: settings.assignment?.roundRobin ?? false,
    presenceGraceSeconds: settings.assignment?.presenceGraceSeconds ?? DEFAULT_PRESENCE_GRACE_SECONDS,
    officeHours: settings.officeHours,
  };
}

/**
 * Settings for the hot paths (every chat message, every AI turn): read from D1 at most every few seconds per
 * isolate. A save in this isolate is seen at once; elsewhere within `SETTINGS_MAX_AGE_MS`.
 */
const SETTINGS_MAX_AGE_MS = 5_000;
const recentSettings = new Map<string, { at: number; settings: Promise<AccountSettings> }>();

export function recentAccountSettings(env: Env, accountId: string, now = Date.now()): Promise<AccountSettings> {
  const hit = recentSettings.get(accountId);
  if (hit && now - hit.at < SETTINGS_MAX_AGE_MS) return hit.settings;
  const settings = getSettings(env, accountId);
  recentSettings.set(accountId, { at: now, settings });
  settings.catch(() => recentSettings.delete(accountId));
  return settings;
}

export async function getSettings(env: Env, accountId: string): Promise<AccountSettings> {
  const row = await db(env.DB).select({ settings: accounts.settings }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!row[0]) throw new AppError("not_found", "account not found");
  return parseSettings(row[0].settings);
}

/**
 * Saves one section (null = back to its default), leaving the others as they are. Fields the new
 * value leaves out keep their saved value (`PUT /settings/assignment {roundRobin}` keeps the grace).
 * One json_set, so puts of different sections never overwrite each other.
 */
export async function putSettingsSection<K extends SectionName>(env: Env, accountId: string, name: K, value: z.output<(typeof sections)[K]["schema"]> | null): Promise<AccountSettings> {
  let stored: unknown = null;
  if (value !== null) {
    const row = await env.DB.prepare("SELECT CASE WHEN json_valid(settings) THEN json_extract(settings, ?) END AS section FROM accounts WHERE id = ?")
      .bind(`$.${name}`, accountId)
      .first<{ section: string | number | null }>();
    if (!row) throw new AppError("not_found", "account not found");
    stored = typeof row.section === "string" ? safeJson(row.section) : null;
  }
  const merged = isPlainObject(stored) && isPlainObject(value) ? sections[name].schema.safeParse({ ...stored, ...value }) : null;
  const next = merged?.success ? merged.data : value;
  const res = await env.DB.prepare("UPDATE accounts SET settings = json_set(CASE WHEN json_valid(settings) THEN settings ELSE '{}' END, ?, json(?)) WHERE id = ?")
    .bind(`$.${name}`, JSON.stringify(next), accountId)
    .run();
  recentSettings.delete(accountId);
  if (res.meta.changes !== 1) throw new AppError("not_found", "account not found");
  return getSettings(env, accountId);
}

function withDefaults(value: unknown, defaults: Record<string, unknown> | undefined): unknown {
  if (!defaults || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [key, fallback] of Object.entries(defaults)) if (out[key] === undefined || out[key] === null) out[key] = fallback;
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
