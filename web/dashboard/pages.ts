// State and actions of the Reports, AI agent (skills) and Settings pages; the helpdesk's own state stays in store.ts.
import { computed, signal } from "@preact/signals";
import type { z } from "@hono/zod-openapi";
import type { OfficeHours } from "../../src/assignment/officeHours.ts";
import type { integrationSchema, skillDetailSchema, skillSummarySchema } from "../../src/schemas/agent.ts";
import type { teamInput, teamSchema } from "../../src/schemas/assignment.ts";
import type { ReportView } from "../../src/schemas/report.ts";
import { ApiError, type ApiIssue, type Channel } from "./api.ts";
import { api, me, toast } from "./store.ts";
import { t } from "./i18n.ts";

export type Report = ReportView;
export type SkillSummary = z.output<typeof skillSummarySchema>;
export type SkillDetail = z.output<typeof skillDetailSchema>;
export type Integration = z.output<typeof integrationSchema>;
export type Team = z.output<typeof teamSchema>;
export type TeamInput = z.input<typeof teamInput>;
export type { OfficeHours };

export const AGENT_CHANNELS = ["webchat", "sms", "email", "whatsapp", "instagram"] as const;
export type AgentChannel = (typeof AGENT_CHANNELS)[number];
export type HandoffPlatform = "builtin" | "zendesk" | "gorgias";
export type HandoffSettings = { method: "helpdesk"; platform: HandoffPlatform } | { method: "message"; message: string };

/** GET /api/settings (src/accounts/settings.ts): every section, defaults filled in; office hours null = always open. */
export interface Settings {
  assignment: { roundRobin: boolean; presenceGraceSeconds?: number | null } | null;
  officeHours: OfficeHours | null;
  autoClose: { afterHours: number | null } | null;
  agent: { enabled: boolean; channels?: AgentChannel[] } | null;
  handoff: HandoffSettings | null;
  csat: { enabled: boolean; aiResolved?: boolean } | null;
  sla: { policies: SlaPolicy[] } | null;
  autoTags?: { enabled: boolean; allowedTags?: string[] } | null;
  unreadBadge?: { enabled: boolean } | null;
  sms?: { linkBaseUrl?: string | null; autoReply?: string | null; notifyAgentIds?: string[] } | null;
}

export interface SlaPolicy {
  id: string;
  name: string;
  match: { channels?: Channel[]; priorities?: ("low" | "normal" | "high" | "urgent")[]; tags?: string[] };
  firstResponseMinutes: number;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  businessHours: boolean;
}

/** The URL segment of each section: PUT /api/settings/<path>. */
const SECTION_PATH = { assignment: "assignment", officeHours: "office-hours", autoClose: "auto-close", agent: "agent", handoff: "handoff", csat: "csat", sla: "sla", autoTags: "auto-tags", unreadBadge: "unread-badge", sms: "sms" } as const;
export type SectionName = keyof typeof SECTION_PATH;

/** What a form shows after a save: nothing, or the API's message and its issues next to the fields. */
export type FormResult = { ok: true } | { ok: false; message: string; issues: ApiIssue[]; status: number };

function failure(err: unknown): FormResult {
  if (err instanceof ApiError) return { ok: false, message: err.message, issues: err.issues, status: err.status };
  return { ok: false, message: t("pages.status.somethingWentWrongTry"), issues: [], status: 0 };
}

interface Loadable<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
}

function loading<T>(prev: Loadable<T>): Loadable<T> {
  return { data: prev.data, loading: true, error: null };
}

function messageOf(err: unknown, fallback: string): string {
  return err instanceof ApiError ? err.message : fallback;
}

// ---- who may change what ---------------------------------------------------------------------

/** Settings and integrations: owner and admin (src/api/settings.ts, integrations.ts). */
export const canAdmin = computed(() => me.value?.role === "owner" || me.value?.role === "admin");
/** Teams: owner, admin and manager (src/api/teams.ts). */
export const canManageTeams = computed(() => canAdmin.value || me.value?.role === "manager");

// ---- reports ---------------------------------------------------------------------------------

export type RangePreset = 7 | 30 | 90 | "custom";
const DAY = 86_400_000;

export interface ReportRange {
  preset: RangePreset;
  /** Custom range, "YYYY-MM-DD" (UTC days, as the report counts them); `to` includes its whole day. */
  from: string;
  to: string;
}

const today = () => new Date().toISOString().slice(0, 10);
export const reportRange = signal<ReportRange>({ preset: 30, from: new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10), to: today() });
export const report = signal<Loadable<Report>>({ data: null, loading: false, error: null });

let reportRequest = 0;

export async function loadReport(range: ReportRange = reportRange.value): Promise<void> {
  reportRange.value = range;
  const req = ++reportRequest;
  report.value = loading(report.value);
  const query = range.preset === "custom" ? { from: range.from, to: range.to } : { from: new Date(Date.now() - range.preset * DAY).toISOString() };
  try {
    const data = await api.request<Report>("GET", "/reports", undefined, query);
    if (req === reportRequest) report.value = { data, loading: false, error: null };
  } catch (err) {
    if (req === reportRequest) report.value = { data: report.value.data, loading: false, error: messageOf(err, t("pages.status.couldNotLoadReport")) };
  }
}

// ---- skills ----------------------------------------------------------------------------------

export const skills = signal<Loadable<SkillSummary[]>>({ data: null, loading: false, error: null });
export const skill = signal<Loadable<SkillDetail>>({ data: null, loading: false, error: null });

export async function loadSkills(): Promise<void> {
  skills.value = loading(skills.value);
  try {
    const res = await api.request<{ items: SkillSummary[] }>("GET", "/skills");
    skills.value = { data: res.items, loading: false, error: null };
  } catch (err) {
    skills.value = { data: skills.value.data, loading: false, error: messageOf(err, t("pages.status.couldNotLoadSkills")) };
  }
}

let skillRequest = 0;

export async function loadSkill(id: string): Promise<void> {
  const req = ++skillRequest;
  skill.value = { data: skill.value.data?.id === id ? skill.value.data : null, loading: true, error: null };
  try {
    const data = await api.request<SkillDetail>("GET", `/skills/${encodeURIComponent(id)}`);
    if (req === skillRequest) skill.value = { data, loading: false, error: null };
  } catch (err) {
    if (req === skillRequest) skill.value = { data: null, loading: false, error: err instanceof ApiError && err.status === 404 ? t("pages.status.thereIsNoSuch") : messageOf(err, t("pages.status.couldNotLoadSkill")) };
  }
}

export async function requestSkill(description: string): Promise<FormResult> {
  try {
    await api.request("POST", "/skills/requests", { description });
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}

// ---- settings, integrations, teams -----------------------------------------------------------

export const settings = signal<Loadable<Settings>>({ data: null, loading: false, error: null });
export const integrations = signal<Integration[]>([]);
export const teams = signal<Team[]>([]);

export async function loadSettings(): Promise<void> {
  settings.value = loading(settings.value);
  try {
    const [s, i, t] = await Promise.all([
      api.request<Settings>("GET", "/settings"),
      api.request<{ items: Integration[] }>("GET", "/integrations"),
      api.request<{ items: Team[] }>("GET", "/teams"),
    ]);
    settings.value = { data: s, loading: false, error: null };
    integrations.value = i.items;
    teams.value = t.items;
  } catch (err) {
    settings.value = { data: settings.value.data, loading: false, error: messageOf(err, t("pages.status.couldNotLoadSettings")) };
  }
}

/** Replaces one section (PUT), or puts it back to its default (null → DELETE); the answer is every section. */
export async function saveSection<K extends SectionName>(name: K, value: NonNullable<Settings[K]> | null, done?: string): Promise<FormResult> {
  try {
    const path = `/settings/${SECTION_PATH[name]}`;
    const next = value === null ? await api.request<Settings>("DELETE", path) : await api.request<Settings>("PUT", path, value);
    settings.value = { data: next, loading: false, error: null };
    if (done) toast(done);
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}

export async function connectIntegration(kind: string, credentials: Record<string, string>): Promise<FormResult> {
  try {
    const view = await api.request<Integration>("PUT", `/integrations/${encodeURIComponent(kind)}`, credentials);
    integrations.value = integrations.value.map((i) => (i.kind === kind ? view : i));
    toast(t("pages.status.labelConnected", { label: view.label }));
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}

export async function disconnectIntegration(kind: string): Promise<void> {
  try {
    await api.request<void>("DELETE", `/integrations/${encodeURIComponent(kind)}`);
    const i = await api.request<{ items: Integration[] }>("GET", "/integrations");
    integrations.value = i.items;
    toast(t("pages.status.disconnected", { label: i.items.find((x) => x.kind === kind)?.label ?? kind }));
  } catch (err) {
    toast(t("pages.status.couldNotDisconnect", { error: messageOf(err, t("pages.status.tryAgain")) }), "error");
  }
}

export async function saveTeam(id: string | null, input: TeamInput): Promise<FormResult> {
  try {
    const team = id ? await api.request<Team>("PATCH", `/teams/${encodeURIComponent(id)}`, input) : await api.request<Team>("POST", "/teams", input);
    teams.value = id ? teams.value.map((t) => (t.id === id ? team : t)) : [...teams.value, team];
    toast(id ? t("pages.status.teamNameSaved", { name: team.name }) : t("pages.status.teamNameCreated", { name: team.name }));
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}

export async function deleteTeam(team: Team): Promise<void> {
  try {
    await api.request<void>("DELETE", `/teams/${encodeURIComponent(team.id)}`);
    teams.value = teams.value.filter((t) => t.id !== team.id);
    toast(t("pages.status.teamNameDeleted", { name: team.name }));
  } catch (err) {
    toast(t("pages.status.couldNotDeleteTeam", { error: messageOf(err, t("pages.status.tryAgain")) }), "error");
  }
}
