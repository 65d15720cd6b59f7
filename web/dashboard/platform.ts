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
import { t, type MessageKey } from "./i18n.ts";

export type ApiKey = z.output<typeof apiKeySchema>;
export type CreatedApiKey = z.output<typeof createdApiKeySchema>;
export type Webhook = z.output<typeof webhookSchema>;
export type CreatedWebhook = z.output<typeof createdWebhookSchema>;
export type WebhookDelivery = z.output<typeof webhookDeliverySchema>;
export type { ApiKeyScope, WebhookEventType };

/** The scopes and events the forms offer, in the words of the screens (src/apiKeys/scopes.ts, src/webhooks/events.ts). */
export const SCOPE_LABELS: Record<ApiKeyScope, MessageKey> = {
  "tickets:read": "settings.platform.readTicketsViewsMacros",
  "tickets:write": "settings.platform.replyNoteUpdateTickets",
  "profiles:read": "settings.platform.readCustomerProfilesAnd",
  "profiles:write": "settings.platform.changeCustomerProfilesAnd",
  "reports:read": "settings.platform.readReportsAndExport",
  "settings:manage": "settings.platform.manageSettingsIntegrations",
  "webhooks:manage": "settings.platform.manageWebhooks",
  "audit:read": "settings.platform.readAuditLog",
};
export const EVENT_LABELS: Record<WebhookEventType, MessageKey> = {
  "ticket.created": "settings.platform.ticketCreated",
  "ticket.updated": "settings.platform.ticketUpdated",
  "ticket.closed": "settings.platform.ticketClosed",
  "message.created": "settings.platform.newMessage",
  handoff: "settings.platform.aiAgentHandedOff",
  "csat.created": "settings.platform.customerRatedConversation",
};

export const canExport = computed(() => me.value?.role === "owner" || me.value?.role === "admin" || me.value?.role === "manager");

function failure(err: unknown): FormResult {
  if (err instanceof ApiError) return { ok: false, message: err.message, issues: err.issues, status: err.status };
  return { ok: false, message: t("settings.platform.somethingWentWrongTry"), issues: [], status: 0 };
}
const messageOf = (err: unknown) => (err instanceof ApiError ? err.message : t("settings.platform.tryAgain"));

// ---- API keys ------------------------------------------------------------------------------------

export const apiKeys = signal<ApiKey[] | null>(null);

export async function loadApiKeys(): Promise<void> {
  try {
    apiKeys.value = (await api.request<{ items: ApiKey[] }>("GET", "/api-keys")).items;
  } catch (err) {
    toast(t("settings.platform.couldNotLoadApi", { error: messageOf(err) }), "error");
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
    toast(t("settings.platform.apiKeyNameRevoked", { name: key.name }));
  } catch (err) {
    toast(t("settings.platform.couldNotRevokeKey", { error: messageOf(err) }), "error");
  }
}

// ---- webhooks ------------------------------------------------------------------------------------

export const webhooks = signal<Webhook[] | null>(null);

export async function loadWebhooks(): Promise<void> {
  try {
    webhooks.value = (await api.request<{ items: Webhook[] }>("GET", "/webhooks")).items;
  } catch (err) {
    toast(t("settings.platform.couldNotLoadWebhooks", { error: messageOf(err) }), "error");
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
    toast(t("settings.platform.webhookDeleted"));
  } catch (err) {
    toast(t("settings.platform.couldNotDeleteWebhook", { error: messageOf(err) }), "error");
  }
}

export function webhookDeliveries(hook: Webhook): Promise<WebhookDelivery[]> {
  return api.request<{ items: WebhookDelivery[] }>("GET", `/webhooks/${encodeURIComponent(hook.id)}/deliveries`, undefined, { limit: 20 }).then((r) => r.items);
}

export async function testWebhook(hook: Webhook): Promise<WebhookDelivery | null> {
  try {
    const d = await api.request<WebhookDelivery>("POST", `/webhooks/${encodeURIComponent(hook.id)}/test`);
    toast(d.ok ? t("settings.platform.testEventDeliveredHttp", { status: d.status ?? "" }) : t("settings.platform.testEventFailedError", { error: d.error ?? "" }), d.ok ? "info" : "error");
    return d;
  } catch (err) {
    toast(t("settings.platform.couldNotSendTest", { error: messageOf(err) }), "error");
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
    toast(t("settings.platform.exportFailed", { error: messageOf(err) }), "error");
    return false;
  }
}

export async function eraseCustomer(profileId: string): Promise<boolean> {
  try {
    await api.request<void>("DELETE", `/profiles/${encodeURIComponent(profileId)}`);
    toast(t("settings.platform.customerErasedTheirMessages"));
    return true;
  } catch (err) {
    toast(t("settings.platform.couldNotEraseCustomer", { error: messageOf(err) }), "error");
    return false;
  }
}
