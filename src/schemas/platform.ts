// Wire schemas of the platform routes: API keys, outbound webhooks and their deliveries, exports.
import { z } from "@hono/zod-openapi";
import { API_KEY_SCOPES } from "../apiKeys/scopes.ts";
import { WEBHOOK_EVENT_TYPES } from "../webhooks/events.ts";
import { isoTime } from "./common.ts";

export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES);

export const apiKeyInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    scopes: z.array(apiKeyScopeSchema).min(1, "give the key at least one scope").max(API_KEY_SCOPES.length),
  })
  .openapi("ApiKeyInput");

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ example: "edk_3fQ9xZk1" }),
    scopes: z.array(apiKeyScopeSchema),
    createdAt: isoTime,
    lastUsedAt: isoTime.nullable(),
    createdBy: z.string(),
  })
  .openapi("ApiKey");

export const createdApiKeySchema = apiKeySchema.extend({ key: z.string().openapi({ description: "The key itself: shown this once, never again" }) }).openapi("CreatedApiKey");

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

export const webhookInput = z
  .object({
    url: z.string().trim().max(2048),
    events: z.array(webhookEventTypeSchema).min(1, "subscribe to at least one event"),
  })
  .openapi("WebhookInput");

export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(webhookEventTypeSchema),
    createdAt: isoTime,
    createdBy: z.string(),
  })
  .openapi("Webhook");

export const createdWebhookSchema = webhookSchema
  .extend({ secret: z.string().openapi({ description: "The signing secret: shown this once, never again" }) })
  .openapi("CreatedWebhook");

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    attempt: z.number().int(),
    status: z.number().int().nullable().openapi({ description: "The receiver's HTTP status; null when no response came" }),
    ok: z.boolean(),
    durationMs: z.number().int(),
    error: z.string().nullable(),
    at: isoTime,
  })
  .openapi("WebhookDelivery");
