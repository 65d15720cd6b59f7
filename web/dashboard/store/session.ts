// Who is signed in: the saved session, the API client its token authorizes, the agent, account, team and macros, and the toasts every action reports through.
import { computed, signal } from "@preact/signals";
import { Api, ApiError, type Account, type Agent, type Macro } from "../api.ts";
import { t } from "../i18n.ts";

export interface Session {
  token: string;
  agentId: string;
}

export const SESSION_KEY = "edgedesk:session";

function loadSession(): Session | null {
  try {
    const s = JSON.parse(localStorage.getItem(SESSION_KEY) ?? "null") as Session | null;
    return s && typeof s.token === "string" ? s : null;
  } catch {
    return null;
  }
}

export const api = new Api(loadSession()?.token ?? null);
export const session = signal<Session | null>(loadSession());
export const me = signal<Agent | null>(null);
export const account = signal<Account | null>(null);
export const agents = signal<Agent[]>([]);
export const macros = signal<Macro[]>([]);
export const toasts = signal<{ id: number; text: string; kind: "info" | "error" }[]>([]);

export function toast(text: string, kind: "info" | "error" = "info"): void {
  const id = Date.now() + Math.random();
  toasts.value = [...toasts.value, { id, text, kind }];
  setTimeout(() => {
    toasts.value = toasts.value.filter((t) => t.id !== id);
  }, kind === "error" ? 6000 : 3500);
}

export function reportError(err: unknown, what: string): void {
  toast(err instanceof ApiError ? `${what}: ${err.message}` : what, "error");
}

export async function setMyStatus(status: Agent["status"]): Promise<void> {
  try {
    const agent = await api.setMyStatus(status);
    me.value = agent;
    agents.value = agents.value.map((a) => (a.id === agent.id ? { ...a, status: agent.status } : a));
  } catch (err) {
    reportError(err, t("session.couldNotChangeYour"));
  }
}

export const agentById = computed(() => new Map(agents.value.map((a) => [a.id, a])));
/** Agents tickets can go to: everyone but the deactivated. */
export const assignable = computed(() => agents.value.filter((a) => a.active !== false));
