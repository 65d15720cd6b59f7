// Web chat (the widget, no agent token) and the development inbound door.
import { z } from "@hono/zod-openapi";
import { messageText } from "./common.ts";
import { attachmentIdsSchema } from "./files.ts";
import { channelSchema, messageSchema } from "./ticket.ts";

export const visitorSchema = z
  .object({
    // Not lower-cased here: identityHash signs the email exactly as the shop sent it (src/chat/identity.ts).
    email: z.string().trim().max(254).pipe(z.email()).optional(),
    name: z.string().trim().min(1).max(100).optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
    identityHash: z.string().trim().regex(/^[0-9a-fA-F]{64}$/, "must be a hex HMAC-SHA256").optional(),
  })
  .strict();

export type Visitor = z.input<typeof visitorSchema>;

export const createConversationInput = z
  .object({ accountId: z.string().min(1).max(64), visitor: visitorSchema.optional() })
  .strict()
  .openapi("CreateConversationInput");

/** The follow-up link's token, and who the page says the shopper is (a signed-in shopper's chat resumes only for them). */
export const resumeConversationInput = z
  .object({ resumeToken: z.string().min(1).max(1000), visitor: visitorSchema.optional() })
  .strict()
  .openapi("ResumeConversationInput");

export const conversationCreated = z
  .object({ conversationId: z.string(), ticketId: z.string(), visitorToken: z.string(), verified: z.boolean() })
  .openapi("ConversationCreated");
export type ConversationCreated = z.infer<typeof conversationCreated>;

/**
 * The two fields of a shopper's message, shared by the HTTP body below and the widget's socket `message`
 * frame (src/schemas/live.ts), so both doors accept exactly the same text and ids. The 10 KB limit is
 * checked after parsing (413 / `payload_too_large`, see MAX_MESSAGE_BYTES), not here.
 */
export const chatText = messageText;
/** A client-generated id: a retried send with the same id is stored once, as `chatMessageId(id)`. */
export const clientMessageIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8-64 characters of A-Z a-z 0-9 _ -");

export const chatMessageInput = z
  .object({
    text: z.string().trim().default(""),
    /** Files uploaded first to POST /chat/conversations/:id/attachments; a message may be files alone. */
    attachmentIds: attachmentIdsSchema.optional(),
    /** Optional client-generated id: a retried send with the same id is stored once. */
    clientMessageId: clientMessageIdSchema.optional(),
  })
  .strict()
  .refine((m) => m.text !== "" || (m.attachmentIds?.length ?? 0) > 0, { message: "must not be empty", path: ["text"] })
  .openapi("ChatMessageInput");

export type ChatMessageInput = z.input<typeof chatMessageInput>;

export const chatMessageResult = z
  .object({ message: messageSchema, replies: z.array(messageSchema) })
  .openapi("ChatMessageResult");
/** The HTTP answer to a shopper's message (not the ticket actor's RPC result of the same name). */
export type ChatMessageResponse = z.infer<typeof chatMessageResult>;

export const chatThread = z
  .object({
    conversationId: z.string(),
    status: z.enum(["open", "snoozed", "closed"]),
    items: z.array(messageSchema),
    nextCursor: z.string().nullable(),
  })
  .openapi("ChatThread");
export type ChatThread = z.infer<typeof chatThread>;

export const handoffInput = z.object({ email: z.string().trim().toLowerCase().max(254).pipe(z.email()).optional() }).strict();

export const devInboundInput = z
  .object({
    accountId: z.string().min(1).max(64),
    channel: channelSchema.exclude(["webchat"]),
    from: z.string().trim().min(1).max(320),
    text: z.string().optional(),
    threadId: z.string().trim().min(1).max(998).optional(),
    providerMessageId: z.string().trim().min(1).max(200),
    raw: z.string().max(1_000_000).optional(),
    name: z.string().trim().max(100).optional(),
    subject: z.string().trim().max(998).optional(),
  })
  .strict()
  .refine((v) => (v.text !== undefined && v.text.trim() !== "") || v.raw !== undefined, { message: "give text (or raw for email)", path: ["text"] })
  .openapi("DevInboundInput");

export const devInboundResult = z
  .object({
    ticketId: z.string().nullable(),
    messageId: z.string().nullable(),
    created: z.boolean(),
    reopened: z.boolean(),
    duplicate: z.boolean(),
    consent: z.enum(["opt_out", "opt_in", "help"]).optional().openapi({ description: "set when the message was a consent keyword; no ticket then" }),
    spam: z.boolean().optional(),
  })
  .openapi("DevInboundResult");
