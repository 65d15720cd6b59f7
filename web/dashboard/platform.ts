// State and actions of the platform screens: API keys and webhooks (Settings), CSV exports, a customer's data export
// and erasure. Owners and admins manage keys, webhooks and customers' data; managers may export too.
import { computed, signal } from "@preact/signals";
import type { z } from "@hono/zod-openapi";
import type { apiKeySchema, createdApiKeySchema, createdWebhookSchema, webhookDeliverySchema, webhookSchema } from "../../src/schemas/platform.ts";
import type { ApiKeyScope } from "../../src/apiKeys/scopes.ts";
import type { WebhookEventType } from "../../src/webhooks/events.ts";
import { ApiError } from "./api.ts";
import type { FormResult } from "./pages.ts";
import { api, me, toast } from "./store.ts";

export type ApiKey = z.output<typeof apiKeySchema>;
export type CreatedApiKey = z.output<typeof createdApiKeySchema>;
export type Webhook = z.output<typeof webhookSchema>;
export type CreatedWebhook = z.output<typeof createdWebhookSchema>;
export type WebhookDelivery = z.output<typeof webhookDeliverySchema>;
export type { ApiKeyScope, WebhookEventType };

/** The scopes and events the forms offer, in the words of the screens (src/apiKeys/scopes.ts, src/webhooks/events.ts). */
export const SCOPE_LABELS: Record<ApiKeyScope, string> = {
  "tickets:read": "Read tickets, views, macros, teams and knowledge",
  "tickets:write": "Reply, note, update tickets; views and macros",
  "profiles:read": "Read customer profiles and export their data",
  "profiles:write": "Change customer profiles and erase customers",
  "reports:read": "Read reports and export them",
  "settings:manage": "Manage settings, integrations, teams, agents and knowledge",
  "webhooks:manage": "Manage webhooks",
  "audit:read": "Read the audit log",
};
export const EVENT_LABELS: Record<WebhookEventType, string> = {
  "ticket.created": "Ticket created",
  "ticket.updated": "Ticket updated",
  "ticket.closed": "Ticket closed",
  "message.created": "New message",
  handoff: "AI agent handed off to the team",
  "csat.created": "Customer rated the conversation (CSAT)",
};

export const canExport = computed(() => me.value?.role === "owner" || me.value?.role === "admin" || me.value?.role === "manager");

function failure(err: unknown): FormResult {
  if (err instanceof ApiError) return { ok: false, message: err.message, issues: err.issues, status: err.status };
  return { ok: false, message: "Something went wrong. Try again.", issues: [], status: 0 };
}
const messageOf = (err: unknown) => (err instanceof ApiError ? err.message : "try again");

// ---- API keys ------------------------------------------------------------------------------------

export const apiKeys = signal<ApiKey[] | null>(null);

export async function loadApiKeys(): Promise<void> {
  try {
    apiKeys.value = (await api.request<{ items: ApiKey[] }>("GET", "/api-keys")).items;
  } catch (err) {
    toast(`Could not load API keys: ${messageOf(err)}`, "error");
  }
}

export async function createApiKey(name: string, scopes: ApiKeyScope[]): Promise<{ result: FormResult; created?: CreatedApiKey }> {
  try {
    const created = await api.request<CreatedApiKey>("POST", "/api-keys", { name, scopes });
    apiKeys.value = [created, ...(apiKeys.value ?? [])];
    return { result: { ok: true }, created };
  } catch (err) {
    return { result: failure(err) };
  }
}

export async function revokeApiKey(key: ApiKey): Promise<void> {
  try {
    await api.request<void>("DELETE", `/api-keys/${encodeURIComponent(key.id)}`);
    apiKeys.value = (apiKeys.value ?? []).filter((k) => k.id !== key.id);
    toast(`API key “${key.name}” revoked`);
  } catch (err) {
    toast(`Could not revoke the key: ${messageOf(err)}`, "error");
  }
}

// ---- webhooks ------------------------------------------------------------------------------------

export const webhooks = signal<Webhook[] | null>(null);

export async function loadWebhooks(): Promise<void> {
  try {
    webhooks.value = (await api.request<{ items: Webhook[] }>("GET", "/webhooks")).items;
  } catch (err) {
    toast(`Could not load webhooks: ${messageOf(err)}`, "error");
  }
}

export async function createWebhook(url: string, events: WebhookEventType[]): Promise<{ result: FormResult; created?: CreatedWebhook }> {
  try {
    const created = await api.request<CreatedWebhook>("POST", "/webhooks", { url, events });
    webhooks.value = [created, ...(webhooks.value ?? [])];
    return { result: { ok: true }, created };
  } catch (err) {
    return { result: failure(err) };
  }
}

export async function deleteWebhook(hook: Webhook): Promise<void> {
  try {
    await api.request<void>("DELETE", `/webhooks/${encodeURIComponent(hook.id)}`);
    webhooks.value = (webhooks.value ?? []).filter((h) => h.id !== hook.id);
    toast("Webhook deleted");
  } catch (err) {
    toast(`Could not delete the webhook: ${messageOf(err)}`, "error");
  }
}

export function webhookDeliveries(hook: Webhook): Promise<WebhookDelivery[]> {
  return api.request<{ items: WebhookDelivery[] }>("GET", `/webhooks/${encodeURIComponent(hook.id)}/deliveries`, undefined, { limit: 20 }).then((r) => r.items);
}

export async function testWebhook(hook: Webhook): Promise<WebhookDelivery | null> {
  try {
    const d = await api.request<WebhookDelivery>("POST", `/webhooks/${encodeURIComponent(hook.id)}/test`);
    toast(d.ok ? `Test event delivered (HTTP ${d.status})` : `Test event failed: ${d.error}`, d.ok ? "info" : "error");
    return d;
  } catch (err) {
    toast(`Could not send the test event: ${messageOf(err)}`, "error");
    return null;
  }
}

// ---- exports and a customer's data -----------------------------------------------------------------

/** Fetches a file from the API and hands it to the browser as a download. */
export async function download(path: string, query: Record<string, string | number | undefined | null>, fallbackName: string): Promise<boolean> {
  try {
    const { blob, filename } = await api.download(path, query);
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = filename ?? fallbackName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch (err) {
    toast(`Export failed: ${messageOf(err)}`, "error");
    return false;
  }
}

export async function eraseCustomer(profileId: string): Promise<boolean> {
  try {
    await api.request<void>("DELETE", `/profiles/${encodeURIComponent(profileId)}`);
    toast("Customer erased: their messages and profile are gone");
    return true;
  } catch (err) {
    toast(`Could not erase the customer: ${messageOf(err)}`, "error");
    return false;
  }
}
