// State and actions of the admin screens (Settings → Macros, Knowledge base, Agents): the team's saved replies, the
// help-centre articles the AI agent answers from, and who is on the team (invitations, roles, access).
import { signal } from "@preact/signals";
import { macroPlaceholders, MACRO_PLACEHOLDERS, renderMacro } from "../../src/macros/rules.ts";
import { ApiError, type Agent, type Macro } from "./api.ts";
import type { FormResult } from "./pages.ts";
import { agents, api, macros, toast } from "./store.ts";
import { t } from "./i18n.ts";

export { MACRO_PLACEHOLDERS };

function failure(err: unknown): FormResult {
  if (err instanceof ApiError) return { ok: false, message: err.message, issues: err.issues, status: err.status };
  return { ok: false, message: t("settings.admin.somethingWentWrongTry"), issues: [], status: 0 };
}

// ---- macros ----------------------------------------------------------------------------------

/** A macro as the composer would insert it, filled with a sample ticket's values. */
export function previewMacro(body: string, agentName: string): { text: string; unknown: string[] } {
  return { text: renderMacro(body, { customer: { name: "Jamie Rivera", email: "jamie@example.com" }, agent: { name: agentName }, ticket: { number: 1042 } }), unknown: macroPlaceholders(body).unknown };
}

export async function saveMacro(id: string | null, input: { name: string; body: string }): Promise<FormResult> {
  try {
    const m = id ? await api.request<Macro>("PATCH", `/macros/${encodeURIComponent(id)}`, input) : await api.request<Macro>("POST", "/macros", input);
    macros.value = id ? macros.value.map((x) => (x.id === id ? m : x)) : [...macros.value, m];
    toast(id ? t("settings.admin.macroNameSaved", { name: m.name }) : t("settings.admin.macroNameCreated", { name: m.name }));
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}

export async function deleteMacro(m: Macro): Promise<void> {
  try {
    await api.request<void>("DELETE", `/macros/${encodeURIComponent(m.id)}`);
    macros.value = macros.value.filter((x) => x.id !== m.id);
    toast(t("settings.admin.macroNameDeleted", { name: m.name }));
  } catch (err) {
    toast(err instanceof ApiError ? err.message : t("settings.admin.macroWasNotDeleted"), "error");
  }
}

// ---- knowledge base --------------------------------------------------------------------------

export interface Article {
  id: string;
  title: string;
  body: string;
  kind: string;
  updatedAt: string;
  snippet?: string;
}

export const articles = signal<{ items: Article[]; loading: boolean; error: string | null }>({ items: [], loading: false, error: null });

export async function loadArticles(): Promise<void> {
  articles.value = { ...articles.value, loading: true, error: null };
  try {
    const page = await api.request<{ items: Article[] }>("GET", "/knowledge", undefined, { limit: 200 });
    articles.value = { items: page.items, loading: false, error: null };
  } catch (err) {
    articles.value = { ...articles.value, loading: false, error: err instanceof ApiError ? err.message : t("settings.admin.couldNotLoadArticles") };
  }
}

/** What the AI agent would answer a shopper's question from: the articles its search ranks first. */
export async function articlesFor(question: string): Promise<Article[]> {
  const res = await api.request<{ items: Article[] }>("GET", "/knowledge", undefined, { q: question, limit: 3 });
  return res.items;
}

export async function saveArticle(id: string | null, input: { title: string; body: string; kind: string }): Promise<FormResult> {
  try {
    const a = id ? await api.request<Article>("PATCH", `/knowledge/${encodeURIComponent(id)}`, input) : await api.request<Article>("POST", "/knowledge", input);
    articles.value = { ...articles.value, items: id ? articles.value.items.map((x) => (x.id === id ? a : x)) : [a, ...articles.value.items] };
    toast(id ? t("settings.admin.titleSaved", { title: a.title }) : t("settings.admin.titleAdded", { title: a.title }));
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}

export async function deleteArticle(a: Article): Promise<void> {
  try {
    await api.request<void>("DELETE", `/knowledge/${encodeURIComponent(a.id)}`);
    articles.value = { ...articles.value, items: articles.value.items.filter((x) => x.id !== a.id) };
    toast(t("settings.admin.titleDeleted", { title: a.title }));
  } catch (err) {
    toast(err instanceof ApiError ? err.message : t("settings.admin.articleWasNotDeleted"), "error");
  }
}

// ---- agents ----------------------------------------------------------------------------------

export interface Invitation {
  id: string;
  email: string;
  name: string | null;
  role: Agent["role"];
  expiresAt: string;
}

export const invitations = signal<Invitation[]>([]);

export async function loadTeamAccess(): Promise<void> {
  try {
    const [team, pending] = await Promise.all([api.agents(), api.request<{ items: Invitation[] }>("GET", "/agents/invitations")]);
    agents.value = team.items;
    invitations.value = pending.items;
  } catch {
    // the screen shows what it has; the next visit retries
  }
}

/** Invites someone; the answer carries the one-time link to send them (shown once). */
export async function invite(input: { email: string; role: Agent["role"]; name?: string }): Promise<FormResult & { url?: string; emailed?: boolean }> {
  try {
    const res = await api.request<Invitation & { url: string; emailed: boolean }>("POST", "/agents/invitations", input);
    invitations.value = [res, ...invitations.value.filter((i) => i.email !== res.email)];
    return { ok: true, url: res.url, emailed: res.emailed };
  } catch (err) {
    return failure(err);
  }
}

export async function withdraw(i: Invitation): Promise<void> {
  try {
    await api.request<void>("DELETE", `/agents/invitations/${encodeURIComponent(i.id)}`);
    invitations.value = invitations.value.filter((x) => x.id !== i.id);
    toast(t("settings.admin.invitationToEmailWithdrawn", { email: i.email }));
  } catch (err) {
    toast(err instanceof ApiError ? err.message : t("settings.admin.couldNotWithdrawInvitation"), "error");
  }
}

export async function setAccess(a: Agent, change: { role?: Agent["role"]; active?: boolean }, done: string): Promise<void> {
  try {
    const updated = await api.request<Agent>("PATCH", `/agents/${encodeURIComponent(a.id)}/access`, change);
    agents.value = agents.value.map((x) => (x.id === a.id ? updated : x));
    toast(done);
  } catch (err) {
    toast(err instanceof ApiError ? err.message : t("settings.admin.changeWasNotSaved"), "error");
  }
}
