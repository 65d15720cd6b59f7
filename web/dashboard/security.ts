// State and actions of the security settings: Settings → Widget (look, allowed sites, identity secret), the password
// form and the audit log. Kept apart from pages.ts so the helpdesk's own pages stay as they are.
import { signal } from "@preact/signals";
import { ApiError } from "./api.ts";
import type { FormResult } from "./pages.ts";
import { api } from "./store.ts";
import { t } from "./i18n.ts";

/** GET /api/settings/widget (owner/admin): the section plus the identity secret (src/api/widgetSettings.ts). */
export interface WidgetSettings {
  allowedOrigins: string[];
  color?: string | null;
  title?: string | null;
  subtitle?: string | null;
  greeting?: string | null;
  position?: "right" | "left" | null;
  identitySecret: string;
  previousSecretValidUntil: string | null;
}

export type WidgetLook = Pick<WidgetSettings, "color" | "title" | "subtitle" | "greeting" | "position">;

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

function failure(err: unknown): FormResult {
  if (err instanceof ApiError) return { ok: false, message: err.message, issues: err.issues, status: err.status };
  return { ok: false, message: t("settings.security.somethingWentWrongTry"), issues: [], status: 0 };
}

// ---- widget ----------------------------------------------------------------------------------

export const widget = signal<{ data: WidgetSettings | null; loading: boolean; error: string | null }>({ data: null, loading: false, error: null });

export async function loadWidget(): Promise<void> {
  widget.value = { ...widget.value, loading: true, error: null };
  try {
    widget.value = { data: await api.request<WidgetSettings>("GET", "/settings/widget"), loading: false, error: null };
  } catch (err) {
    widget.value = { data: widget.value.data, loading: false, error: err instanceof ApiError ? err.message : t("settings.security.couldNotLoadWidget") };
  }
}

/** PUT /api/settings/widget: the fields given replace theirs; the others keep their saved value. */
export async function saveWidget(patch: Partial<WidgetLook> & { allowedOrigins?: string[] }): Promise<FormResult> {
  try {
    await api.request("PUT", "/settings/widget", patch);
    await loadWidget();
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}

export async function rotateIdentitySecret(): Promise<FormResult> {
  try {
    await api.request("POST", "/settings/widget/identity-secret/rotate");
    await loadWidget();
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}

// ---- password --------------------------------------------------------------------------------

export async function changePassword(currentPassword: string, newPassword: string): Promise<FormResult> {
  try {
    await api.request("POST", "/me/password", { currentPassword, newPassword });
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}

// ---- audit log -------------------------------------------------------------------------------

export interface AuditFilters {
  actor: string;
  action: string;
}

export const audit = signal<{ items: AuditEntry[]; nextCursor: string | null; loading: boolean; error: string | null; filters: AuditFilters }>({
  items: [],
  nextCursor: null,
  loading: false,
  error: null,
  filters: { actor: "", action: "" },
});

let auditRequest = 0;

/** The first page for these filters, or (`more`) the next page of the current ones. */
export async function loadAudit(filters: AuditFilters = audit.value.filters, more = false): Promise<void> {
  const req = ++auditRequest;
  const cursor = more ? audit.value.nextCursor : null;
  audit.value = { ...audit.value, filters, loading: true, error: null, ...(more ? {} : { items: [], nextCursor: null }) };
  try {
    const page = await api.request<{ items: AuditEntry[]; nextCursor: string | null }>("GET", "/audit", undefined, { actor: filters.actor, action: filters.action, cursor, limit: 50 });
    if (req !== auditRequest) return;
    audit.value = { ...audit.value, items: more ? [...audit.value.items, ...page.items] : page.items, nextCursor: page.nextCursor, loading: false };
  } catch (err) {
    if (req === auditRequest) audit.value = { ...audit.value, loading: false, error: err instanceof ApiError ? err.message : t("settings.security.couldNotLoadAudit") };
  }
}
