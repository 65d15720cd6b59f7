// Tickets and messages as the API shows them (docs/api.md "Tickets").
import { z } from "@hono/zod-openapi";
import { isoTime, messageText } from "./common.ts";
import { attachmentIdsSchema, attachmentSchema } from "./files.ts";

export const channels = ["webchat", "email", "sms", "whatsapp", "instagram"] as const;
export const channelSchema = z.enum(channels);
export type Channel = z.infer<typeof channelSchema>;

export const ticketStatuses = ["open", "snoozed", "closed"] as const;
export const ticketStatusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const authors = ["customer", "agent", "ai", "system"] as const;
export type Author = (typeof authors)[number];

export const tagSchema = z.string().trim().min(1).max(64);

export const customerSchema = z
  .object({
    profileId: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
    name: z.string().optional(),
  })
  .openapi("Customer");

export const ticketSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    channel: channelSchema,
    status: ticketStatusSchema,
    snoozeUntil: isoTime.optional(),
    assigneeId: z.string().nullable(),
    teamId: z.string().nullable(),
    tags: z.array(z.string()),
    aiTags: z.array(z.string()).optional().openapi({ description: "Tags the AI set (also in tags)" }),
    customer: customerSchema,
    spam: z.boolean(),
    /** Why the ticket is in Spam (on the ticket itself, not in lists). */
    spamReason: z.string().optional(),
    unread: z.boolean(),
    handledBy: z.enum(["team", "ai"]),
    subject: z.string().optional(),
    preview: z.string().optional(),
    messageCount: z.number().int(),
    createdAt: isoTime,
    updatedAt: isoTime,
    lastMessageAt: isoTime.optional(),
    lastCustomerMessageAt: isoTime.optional(),
    /** The customer's unanswered message since when they wait (open tickets only). */
    waitingSince: isoTime.optional(),
    firstResponseAt: isoTime.optional(),
    closedAt: isoTime.optional(),
    priority: z.enum(["low", "normal", "high", "urgent"]),
    sla: z
      .object({
        policyId: z.string(),
        kind: z.enum(["first_response", "next_response", "resolution"]).optional(),
        startedAt: isoTime.optional(),
        dueAt: isoTime,
        warnAt: isoTime,
        state: z.enum(["ok", "warning", "breached"]),
      })
      .optional()
      .openapi({ description: "The SLA target running now (none while closed, snoozed or with the AI agent)" }),
    csat: z.object({ score: z.number().int(), comment: z.string().optional(), at: isoTime }).optional(),
    csatAskedAt: isoTime.optional(),
    mergedInto: z.string().optional().openapi({ description: "The ticket this one was merged into" }),
    /** In a search (`q`): the latest matching message or note, its words around the match, the matched ranges. */
    match: z.object({ messageId: z.string(), text: z.string(), ranges: z.array(z.object({ start: z.number().int(), end: z.number().int() })) }).optional(),
  })
  .openapi("Ticket");
export type TicketView = z.infer<typeof ticketSchema>;

// Card payloads are JSON of bounded depth (RPC and OpenAPI both choke on recursive JSON types).
const jsonPrimitive = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const jsonShallow = z.union([jsonPrimitive, z.array(jsonPrimitive), z.record(z.string(), z.union([jsonPrimitive, z.array(jsonPrimitive)]))]);
export const cardDataSchema = z.record(z.string(), z.union([jsonShallow, z.array(jsonShallow)]));

export const cardSchema = z
  .object({
    type: z.string(),
    title: z.string().optional(),
    data: cardDataSchema.optional(),
    actions: z.array(z.object({ label: z.string(), url: z.string().optional(), action: z.string().optional() })).optional(),
  })
  .openapi("Card");
export type Card = z.infer<typeof cardSchema>;

export const messageSchema = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    author: z.enum(authors),
    agentId: z.string().optional(),
    body: z.string(),
    cards: z.array(cardSchema).optional(),
    attachments: z.array(attachmentSchema),
    internal: z.boolean(),
    channel: channelSchema,
    createdAt: isoTime,
    delivery: z
      .object({ status: z.enum(["queued", "sent", "failed", "blocked"]), reason: z.string().optional() })
      .optional()
      .openapi({ description: "A reply sent through a provider (SMS, WhatsApp, Instagram, email): queued, sent, failed, or blocked and why" }),
  })
  .openapi("Message");
export type MessageView = z.infer<typeof messageSchema>;

export const ticketWithMessagesSchema = z.object({
  ticket: ticketSchema,
  messages: z.array(messageSchema),
  hasOlder: z.boolean(),
});

export const messagePageSchema = z.object({ items: z.array(messageSchema), nextCursor: z.string().nullable() });

export const ticketListSchema = z.object({ items: z.array(ticketSchema), nextCursor: z.string().nullable() });

export const views = ["mine", "all", "unassigned", "spam", "breaching", "breached", "ai"] as const;
export const ticketSorts = ["last_message_desc", "last_customer_desc", "waiting_longest", "priority_desc", "created_desc", "created_asc", "updated_desc", "updated_asc"] as const;

export const ticketFiltersSchema = z.object({
  view: z.enum(views).optional(),
  status: ticketStatusSchema.optional(),
  channel: channelSchema.optional(),
  tag: tagSchema.optional(),
  assigneeId: z.string().max(64).optional(),
  teamId: z.string().max(64).optional(),
  q: z.string().trim().max(200).optional(),
  createdFrom: isoTime.optional(),
  createdTo: isoTime.optional(),
  sort: z.enum(ticketSorts).optional(),
  priority: z.enum(["low", "normal", "high", "urgent"]).optional(),
});
export type TicketFilters = z.infer<typeof ticketFiltersSchema>;

export const ticketListQuery = ticketFiltersSchema.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const replyBody = z
  .object({ body: z.string().trim().default(""), attachmentIds: attachmentIdsSchema.optional() })
  .refine((r) => r.body !== "" || (r.attachmentIds?.length ?? 0) > 0, { message: "must not be empty", path: ["body"] })
  .openapi("ReplyInput");

export const ticketPatchSchema = z
  .object({
    status: ticketStatusSchema.optional(),
    snoozeUntil: isoTime.nullable().optional(),
    assigneeId: z.string().min(1).max(64).nullable().optional(),
    teamId: z.string().min(1).max(64).nullable().optional(),
    tags: z.array(tagSchema).max(50).optional(),
    spam: z.boolean().optional(),
    unread: z.boolean().optional(),
    priority: z.enum(["low", "normal", "high", "urgent"]).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: "give at least one field to change" })
  .openapi("TicketPatch");
export type TicketPatchInput = z.infer<typeof ticketPatchSchema>;

export const bulkSchema = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1).max(500),
    set: z
      .object({
        assigneeId: z.string().min(1).max(64).nullable().optional(),
        status: ticketStatusSchema.optional(),
        snoozeUntil: isoTime.optional(),
        addTags: z.array(tagSchema).max(50).optional(),
        removeTags: z.array(tagSchema).max(50).optional(),
        spam: z.boolean().optional(),
        priority: z.enum(["low", "normal", "high", "urgent"]).optional(),
      })
      .strict()
      .refine((s) => Object.keys(s).length > 0, { message: "give at least one change" }),
  })
  .openapi("BulkUpdate");

export const savedViewInput = z
  .object({ name: z.string().trim().min(1).max(100), filters: ticketFiltersSchema, shared: z.boolean().optional() })
  .openapi("SavedViewInput");
export const savedViewSchema = z
  .object({ id: z.string(), name: z.string(), filters: ticketFiltersSchema, shared: z.boolean(), createdAt: isoTime })
  .openapi("SavedView");
