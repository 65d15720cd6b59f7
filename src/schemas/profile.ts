// Wire schemas for the customer profile (turn 2): details with predictions, timeline, orders, subscriptions, merge and saved filters.
import { z } from "@hono/zod-openapi";
import { isoTime } from "./common.ts";

const consentState = z.enum(["unknown", "opted_in", "opted_out"]);

export const predictionsSchema = z
  .object({
    lifetimeValue: z.number().openapi({ description: "historicValue + predictedValue" }),
    historicValue: z.number(),
    predictedValue: z.number().openapi({ description: "Expected spend in the next 365 days" }),
    orderCount: z.number().int(),
    averageOrderValue: z.number(),
    churnRisk: z.number().min(0).max(1),
    expectedNextOrderAt: isoTime.nullable(),
    averageDaysBetweenOrders: z.number().nullable(),
    lastOrderAt: isoTime.nullable(),
    currency: z.string().nullable(),
    method: z.string().openapi({ description: "rfm-poisson-v1: see docs/profiles.md" }),
  })
  .openapi("ProfilePredictions");

export const loyaltySchema = z
  .object({
    points: z.number(),
    tier: z.string().nullable(),
    pointsName: z.string().nullable(),
    programName: z.string().nullable(),
    rewards: z.array(z.object({ name: z.string(), pointsCost: z.number() })),
    redeemUrl: z.string().nullable(),
    howToRedeem: z.string(),
  })
  .openapi("ProfileLoyalty");

export const profileDetailsSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    externalId: z.string().nullable(),
    consent: z.object({ sms: consentState, whatsapp: consentState, email: consentState }),
    segments: z.array(z.string()),
    ticketCount: z.number().int(),
    predictions: predictionsSchema,
    loyalty: loyaltySchema.nullable(),
    mergedProfileIds: z.array(z.string()),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .openapi("ProfileDetails");

export const profileEventSchema = z
  .object({ id: z.string(), metric: z.string(), occurredAt: isoTime, properties: z.record(z.string(), z.unknown()) })
  .openapi("ProfileEvent");

export const profileEventsQuery = z.object({
  metric: z.string().max(500).optional().openapi({ description: "One metric or several, comma-separated (e.g. placed_order,clicked_link)" }),
  filterId: z.string().max(64).optional().openapi({ description: "A saved filter's id (its metrics)" }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const eventFilterInput = z
  .object({ name: z.string().trim().min(1).max(60), metrics: z.array(z.string().trim().min(1).max(60)).min(1).max(20) })
  .strict()
  .openapi("ProfileEventFilterInput");

export const eventFilterSchema = z.object({ id: z.string(), name: z.string(), metrics: z.array(z.string()), createdAt: isoTime }).openapi("ProfileEventFilter");

export const mergeInput = z.object({ profileId: z.string().min(1).max(64).openapi({ description: "The profile that joins this one (this one survives)" }) }).strict().openapi("ProfileMerge");

const money = z.number();

export const orderViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string().openapi({ description: "cancelled, or the payment status (paid, authorized, refunded…)" }),
    fulfillment: z.string(),
    cancelledAt: isoTime.nullable(),
    createdAt: isoTime,
    total: money,
    currency: z.string(),
    lineItems: z.array(z.object({ id: z.string(), title: z.string(), quantity: z.number().int(), variantTitle: z.string().optional(), unitPrice: money.optional() })),
    tracking: z.object({ carrier: z.string().nullable(), number: z.string().nullable(), url: z.string().nullable(), status: z.string() }).optional(),
    statusPageUrl: z.string().nullable(),
    editable: z.boolean().openapi({ description: "Not yet fulfilled or cancelled: lines can change and it can be cancelled" }),
  })
  .openapi("ProfileOrder");

export const ticketRef = z.string().min(1).max(64).optional().openapi({ description: "The ticket the agent acts from; an internal note records the change there" });

export const orderCancelInput = z
  .object({ reason: z.enum(["customer", "inventory", "fraud", "declined", "staff", "other"]).optional(), ticketId: ticketRef })
  .strict()
  .openapi("OrderCancel");

export const lineQuantityInput = z.object({ quantity: z.number().int().min(0).max(1000), ticketId: ticketRef }).strict().openapi("OrderLineQuantity");

export const subscriptionSchema = z
  .object({
    id: z.string(),
    productTitle: z.string(),
    status: z.enum(["active", "paused", "cancelled"]),
    nextChargeAt: z.string().nullable(),
    interval: z.object({ every: z.number().int(), unit: z.enum(["day", "week", "month"]) }),
    frequency: z.string().openapi({ description: "The interval in words, e.g. \"every 2 weeks\"" }),
    price: z.object({ amount: z.number(), currency: z.string() }),
    quantity: z.number(),
  })
  .openapi("ProfileSubscription");

const unit = z.enum(["day", "week", "month"]);
const intervalObject = z.object({ every: z.number().int().min(1).max(365), unit });
const wordUnits: Record<string, z.infer<typeof unit>> = { day: "day", days: "day", daily: "day", week: "week", weeks: "week", weekly: "week", month: "month", months: "month", monthly: "month" };

/** "every 2 weeks", "2 weeks", "monthly", "weekly" — or {every, unit}. */
export function parseFrequency(text: string): z.infer<typeof intervalObject> | null {
  const m = /^(?:every\s+)?(\d{1,3})?\s*([a-z]+)$/i.exec(text.trim().toLowerCase());
  if (!m) return null;
  const u = wordUnits[m[2] ?? ""];
  const every = m[1] ? Number(m[1]) : 1;
  if (!u || every < 1 || every > 365) return null;
  if (!m[1] && !(m[2] ?? "").endsWith("ly") && m[2] !== "day" && m[2] !== "week" && m[2] !== "month") return null;
  return { every, unit: u };
}

export const frequencyInput = z
  .object({
    frequency: z
      .union([
        intervalObject,
        z.string().transform((s, ctx) => {
          const parsed = parseFrequency(s);
          if (!parsed) {
            ctx.addIssue({ code: "custom", message: "use {every, unit} or words such as \"every 2 weeks\" or \"monthly\"" });
            return z.NEVER;
          }
          return parsed;
        }),
      ])
      .openapi({ description: "{every: 2, unit: \"week\"} or \"every 2 weeks\", \"monthly\"" }),
    ticketId: ticketRef,
  })
  .strict()
  .openapi("SubscriptionFrequency");

export const subscriptionActionInput = z.object({ reason: z.string().trim().min(1).max(500).optional(), ticketId: ticketRef }).strict().openapi("SubscriptionAction");

export const profileTicketSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  channel: z.string(),
  status: z.string(),
  subject: z.string().nullable(),
  preview: z.string().nullable(),
  createdAt: isoTime.optional(),
  updatedAt: isoTime.optional(),
});
