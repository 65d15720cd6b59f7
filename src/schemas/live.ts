// The live protocol of both WebSockets (docs/realtime.md), typed once: every frame each side may send, as
// zod discriminated unions, the TS types inferred from them, and the helpers the actors parse and answer with.
//
//   dashboard ⇄ inbox actor   GET /api/inbox/ws               server: InboxServerFrame   client: InboxClientFrame
//   widget    ⇄ ticket actor  GET /api/chat/conversations/:id/ws  server: VisitorServerFrame client: VisitorClientFrame
//
// The front ends (web/) import the types only (`import type`): zod never reaches the widget bundle.
import { z } from "@hono/zod-openapi";
import type { ErrorCode } from "../lib/errors.ts";
import { chatText, clientMessageIdSchema } from "./chat.ts";
import { isOverMessageSize, MAX_MESSAGE_BYTES } from "./common.ts";
import { messageSchema, ticketSchema, ticketStatusSchema } from "./ticket.ts";

export { chatMessageId } from "./chatIds.ts";

// ---- shared by both sockets ----------------------------------------------------------------

/** The keep-alive pair: the actors answer it with `setWebSocketAutoResponse`, so a ping never wakes them. */
export const PING_FRAME = '{"type":"ping"}';
export const PONG_FRAME = '{"type":"pong"}';
/** A client frame longer than this (characters of the text frame) is refused with `payload_too_large` unread. */
export const MAX_FRAME_LENGTH = 64 * 1024;

export const pingFrameSchema = z.object({ type: z.literal("ping") });
export const pongFrameSchema = z.object({ type: z.literal("pong") });
/** The one error frame of both sockets. `code` is an API error code (docs/api.md "Conventions"); clients must accept unknown ones. */
export const errorFrameSchema = z.object({ type: z.literal("error"), code: z.string(), message: z.string() });
export type ErrorFrame = z.infer<typeof errorFrameSchema>;

// ---- dashboard ⇄ inbox actor ---------------------------------------------------------------

/** Unread tickets (open, not spam, handled by the team, with messages) for the unread badges. */
export const unreadCountsSchema = z.object({ mine: z.number().int(), unassigned: z.number().int(), all: z.number().int() });
export type UnreadCounts = z.infer<typeof unreadCountsSchema>;

/** The built-in views' ticket counts, exactly what `GET /api/views` answers as `builtIn` (ticketConditions); `ai` is the AI agent's view. */
export const viewCountsSchema = z.object({ mine: z.number().int(), unassigned: z.number().int(), all: z.number().int(), spam: z.number().int(), ai: z.number().int() });
export type ViewCounts = z.infer<typeof viewCountsSchema>;

export const ticketEventTypes = ["ticket.created", "ticket.updated", "ticket.snooze_ended", "ticket.csat", "ticket.sla_breached"] as const;
export type TicketEventType = (typeof ticketEventTypes)[number];

const ticketEvent = <T extends TicketEventType>(type: T) => z.object({ type: z.literal(type), ticket: ticketSchema });

/** The events ticket actors and presence changes publish to the inbox actor, which fans them out as they are. */
export const inboxEventSchema = z.discriminatedUnion("type", [
  ticketEvent("ticket.created"),
  ticketEvent("ticket.updated"),
  ticketEvent("ticket.snooze_ended"),
  /** The shopper answered the satisfaction survey (the score is in ticket.csat). */
  ticketEvent("ticket.csat"),
  /** The running SLA target's due time passed (the assignee is told). */
  ticketEvent("ticket.sla_breached"),
  /** Internal notes included: dashboards are the team. */
  z.object({ type: z.literal("message.created"), ticket: ticketSchema, message: messageSchema }),
  z.object({ type: z.literal("agent.status"), agentId: z.string(), status: z.enum(["online", "offline"]) }),
  /** The shopper is typing in that ticket. */
  z.object({ type: z.literal("typing"), ticketId: z.string(), author: z.literal("customer") }),
]);
export type InboxEvent = z.infer<typeof inboxEventSchema>;

/** Everything the inbox actor sends a dashboard. */
export const inboxServerFrameSchema = z.discriminatedUnion("type", [
  /** First frame on every connect (and reconnect): who you are and the counts to show right away. */
  z.object({ type: z.literal("hello"), agentId: z.string(), unread: unreadCountsSchema, counts: viewCountsSchema }),
  ...inboxEventSchema.options,
  /** The caller's unread counts, sent only when they changed. */
  z.object({ type: z.literal("unread"), unread: unreadCountsSchema }),
  /** The caller's built-in view counts, sent only when they changed. */
  z.object({ type: z.literal("counts"), counts: viewCountsSchema }),
  /** Collision detection: the agents with that ticket open now (sent to every dashboard when it changes). */
  z.object({ type: z.literal("viewers"), ticketId: z.string(), agentIds: z.array(z.string()) }),
  /** Collision detection: a colleague is writing a reply or a note in that ticket (shown a few seconds). */
  z.object({ type: z.literal("composing"), ticketId: z.string(), agentId: z.string(), kind: z.enum(["reply", "note"]) }),
  pongFrameSchema,
  errorFrameSchema,
]);
export type InboxServerFrame = z.infer<typeof inboxServerFrameSchema>;
export type InboxFrame = InboxServerFrame;

const ticketIdField = z.string().min(1).max(64);

/** Everything a dashboard may send the inbox actor. */
export const inboxClientFrameSchema = z.discriminatedUnion("type", [
  /** Presence keep-alive (no socket and no heartbeat for the grace period → offline). */
  z.object({ type: z.literal("heartbeat") }),
  /** The agent opened the ticket: clears its unread flag. */
  z.object({ type: z.literal("read"), ticketId: ticketIdField }),
  /** The agent is typing in that ticket: a reply is forwarded to the shopper, and colleagues see either kind. */
  z.object({ type: z.literal("typing"), ticketId: ticketIdField, kind: z.enum(["reply", "note"]).optional() }),
  /** The ticket the agent has open now (null: none), for the colleagues' "also viewing". */
  z.object({ type: z.literal("viewing"), ticketId: ticketIdField.nullable() }),
  pingFrameSchema,
]);
export type InboxClientFrame = z.infer<typeof inboxClientFrameSchema>;

// ---- widget ⇄ ticket actor -----------------------------------------------------------------

/** Everything the ticket actor sends a shopper's widget. */
export const visitorServerFrameSchema = z.discriminatedUnion("type", [
  /** A visible message (never an internal note): the shopper's own (echo), an agent's, the AI agent's or a system line. */
  z.object({ type: z.literal("message"), message: messageSchema }),
  /** After the resume replay: live frames follow. */
  z.object({ type: z.literal("ready"), status: ticketStatusSchema }),
  z.object({ type: z.literal("typing"), author: z.enum(["agent", "ai"]), name: z.string().optional() }),
  /** A human took the conversation (assigned, or their first reply). */
  z.object({ type: z.literal("agent.joined"), agent: z.object({ id: z.string(), name: z.string() }) }),
  z.object({ type: z.literal("status"), status: ticketStatusSchema }),
  pongFrameSchema,
  errorFrameSchema,
]);
export type VisitorServerFrame = z.infer<typeof visitorServerFrameSchema>;
export type VisitorFrame = VisitorServerFrame;

/** Everything a widget may send the ticket actor. `message` uses the HTTP chat body's own field schemas. */
export const visitorClientFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("message"), text: chatText, clientMessageId: clientMessageIdSchema }),
  /** The shopper is typing (fans out to dashboards as `typing`). */
  z.object({ type: z.literal("typing") }),
  pingFrameSchema,
]);
export type VisitorClientFrame = z.infer<typeof visitorClientFrameSchema>;

// ---- helpers -------------------------------------------------------------------------------

export function errorFrame(code: ErrorCode, message: string): ErrorFrame {
  return { type: "error", code, message };
}

export type ParseResult<F> = { ok: true; frame: F } | { ok: false; error: ErrorFrame };

const inboxClientTypes = new Set<string>(inboxClientFrameSchema.options.map((o) => o.shape.type.value));
const visitorClientTypes = new Set<string>(visitorClientFrameSchema.options.map((o) => o.shape.type.value));

function decode(raw: string | ArrayBuffer, types: ReadonlySet<string>): ParseResult<unknown> {
  const size = typeof raw === "string" ? raw.length : raw.byteLength;
  if (size > MAX_FRAME_LENGTH) return { ok: false, error: errorFrame("payload_too_large", `a frame may be at most ${MAX_FRAME_LENGTH / 1024} KB`) };
  let data: unknown;
  try {
    data = JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw));
  } catch {
    return { ok: false, error: errorFrame("validation_failed", "frames are JSON") };
  }
  const type = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as { type?: unknown }).type : undefined;
  if (typeof type !== "string") return { ok: false, error: errorFrame("validation_failed", 'a frame is a JSON object with a string "type"') };
  if (!types.has(type)) return { ok: false, error: errorFrame("validation_failed", `unknown frame type "${type.slice(0, 40)}"; expected one of ${[...types].join(", ")}`) };
  return { ok: true, frame: data };
}

function validated<S extends z.ZodType>(schema: S, data: unknown): ParseResult<z.infer<S>> {
  const res = schema.safeParse(data);
  if (res.success) return { ok: true, frame: res.data };
  const issue = res.error.issues[0];
  const path = issue?.path.map(String).join(".");
  return { ok: false, error: errorFrame("validation_failed", issue ? `${path || "frame"}: ${issue.message}` : "invalid frame") };
}

/** A dashboard's frame (the inbox actor's webSocketMessage): JSON, a known type, valid fields. */
export function parseInboxClientFrame(raw: string | ArrayBuffer): ParseResult<InboxClientFrame> {
  const decoded = decode(raw, inboxClientTypes);
  return decoded.ok ? validated(inboxClientFrameSchema, decoded.frame) : decoded;
}

/**
 * A widget's frame (the ticket actor's webSocketMessage). A `message` is validated like the HTTP body
 * (`text` trimmed and non-empty, `clientMessageId` 8-64 of A-Z a-z 0-9 _ -; else `validation_failed`),
 * then its size: over 10 KB of UTF-8 → `payload_too_large`, as `POST …/messages` answers 413.
 */
export function parseVisitorClientFrame(raw: string | ArrayBuffer): ParseResult<VisitorClientFrame> {
  const decoded = decode(raw, visitorClientTypes);
  if (!decoded.ok) return decoded;
  const res = validated(visitorClientFrameSchema, decoded.frame);
  if (res.ok && res.frame.type === "message" && isOverMessageSize(res.frame.text)) {
    return { ok: false, error: errorFrame("payload_too_large", `A message may be at most ${MAX_MESSAGE_BYTES / 1024} KB`) };
  }
  return res;
}
