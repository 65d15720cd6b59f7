// Web chat for the widget: conversations, messages, the visitor's thread (docs/api.md "Web chat").
import { createRoute, z } from "@hono/zod-openapi";
import { accountOr404 } from "./accounts.ts";
import { getSettings } from "../accounts/settings.ts";
import { firstResponder } from "../agent/conversation.ts";
import { router } from "../app.ts";
import { availability } from "../chat/availability.ts";
import { assertOriginAllowed } from "../chat/origins.ts";
import { verifyVisitorIdentity } from "../chat/identity.ts";
import { verifyResumeToken } from "../chat/resume.ts";
import { issueVisitorToken, requireVisitor } from "../chat/visitor.ts";
import { clientIp } from "../audit/record.ts";
import { attachmentsFor } from "../files/store.ts";
import { AppError } from "../lib/errors.ts";
import { enforceIpLimit, enforceLimit, isExemptIp } from "../lib/rateLimit.ts";
import { newId } from "../lib/ids.ts";
import { findOrCreateProfile } from "../profiles/service.ts";
import { chatMessageInput, chatMessageResult, chatThread, conversationCreated, createConversationInput, handoffInput, resumeConversationInput, type Visitor } from "../schemas/chat.ts";
import { body, errorResponses, json } from "../schemas/common.ts";
import { chatMessageId } from "../schemas/live.ts";
import type { MessageView, TicketView } from "../schemas/ticket.ts";
import { ticketStub, viaActor } from "../tickets/actors.ts";
import { assertMessageSize } from "../tickets/service.ts";
import type { ChatMessageResult, HandoffResult, ResumeResult } from "../tickets/rpc.ts";

export const chatApi = router();
// Reading the thread takes the token from the URL too (a link, an image); writing only from the header.
chatApi.on("GET", "/chat/conversations/:id/messages", requireVisitor("header-or-query"));
chatApi.on("POST", ["/chat/conversations/:id/messages", "/chat/conversations/:id/handoff"], requireVisitor("header"));

const conversationParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }) });
const visitorHeader = z.object({ "x-visitor-token": z.string().optional() });

chatApi.openapi(
  createRoute({
    method: "post",
    path: "/chat/conversations",
    tags: ["Web chat"],
    summary: "Start a web-chat conversation (a new ticket)",
    request: { body: body(createConversationInput) },
    responses: { 201: json(conversationCreated, "Conversation started"), ...errorResponses(400, 401, 403, 404, 429) },
  }),
  async (c) => {
    const { accountId, visitor } = c.req.valid("json");
    await enforceIpLimit(c.env, "chatStartPerIp", clientIp(c.req.raw.headers));
    const account = await accountOr404(c.env, accountId);
    await assertOriginAllowed(c.env, accountId, c.req.header("Origin"));
    const identity = await verifyVisitorIdentity(account, visitor);
    const verified = identity.verified;
    // A verified visitor's email is the signed one; an anonymous visitor's is contact details the shopper typed.
    const email = verified ? (identity.email ?? undefined) : visitor?.email?.toLowerCase();
    const profile = await findOrCreateProfile(c.env, accountId, {
      email,
      name: visitor?.name,
      externalId: verified ? visitor?.externalId : undefined,
    }, Date.now(), { anonymous: true });
    const ticketId = newId("tkt");
    await viaActor(
      ticketStub(c.env, accountId, ticketId).open({
        id: ticketId,
        accountId,
        channel: "webchat",
        customer: { profileId: profile?.id, email: email ?? profile?.email ?? undefined, name: visitor?.name ?? profile?.name ?? undefined },
        subject: null,
        handledBy: firstResponder(await getSettings(c.env, accountId), "webchat"),
        verified,
        verifiedEmail: identity.email,
        verifiedExternalId: verified ? (visitor?.externalId ?? null) : null,
      }),
    );
    const visitorToken = await issueVisitorToken(c.env, accountId, ticketId, verified ? (visitor?.externalId ?? null) : null);
    return c.json({ conversationId: ticketId, ticketId, visitorToken, verified }, 201);
  },
);

chatApi.openapi(
  createRoute({
    method: "post",
    path: "/chat/conversations/{id}/resume",
    tags: ["Web chat"],
    summary: "Continue a conversation on this device with the follow-up email's single-use resume token",
    request: { params: conversationParam, body: body(resumeConversationInput) },
    responses: { 200: json(conversationCreated, "A new visitor token for this conversation on this device"), ...errorResponses(400, 401, 403, 404, 410, 429) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { resumeToken, visitor } = c.req.valid("json");
    await enforceIpLimit(c.env, "chatStartPerIp", clientIp(c.req.raw.headers));
    const claims = await verifyResumeToken(c.env, resumeToken, id);
    await assertOriginAllowed(c.env, claims.acc, c.req.header("Origin"));
    const externalId = await provenExternalId(c.env, claims.acc, visitor);
    const res: ResumeResult = await viaActor(ticketStub(c.env, claims.acc, id).resumeChat({ accountId: claims.acc, jti: claims.jti, exp: claims.exp, externalId }));
    if (res.refused === "used") throw new AppError("gone", "This link was already used; start a new conversation");
    if (res.refused === "erased") throw new AppError("not_found", "conversation not found");
    if (res.refused === "identity") {
      throw new AppError("forbidden", "This conversation belongs to a signed-in shopper: sign in to continue it", [{ path: "visitor", message: "identityHash for the shopper who started the conversation" }]);
    }
    // The token says "signed in" only when the conversation is, and this page proved the same shopper (src/chat/resume.ts).
    const visitorToken = await issueVisitorToken(c.env, claims.acc, id, res.verified ? externalId : null);
    return c.json({ conversationId: id, ticketId: id, visitorToken, verified: res.verified }, 200);
  },
);

/** The externalId the page's identityHash proves, or null: a hash that does not verify makes a guest here, not an error. */
async function provenExternalId(env: Env, accountId: string, visitor: Visitor | undefined): Promise<string | null> {
  if (!visitor?.identityHash || !visitor.externalId) return null;
  const account = await accountOr404(env, accountId);
  const identity = await verifyVisitorIdentity(account, visitor).catch((err: unknown) => {
    if (err instanceof AppError) return null;
    throw err;
  });
  return identity?.verified ? visitor.externalId : null;
}

chatApi.openapi(
  createRoute({
    method: "post",
    path: "/chat/conversations/{id}/messages",
    tags: ["Web chat"],
    summary: "The shopper writes in the conversation",
    request: { params: conversationParam, headers: visitorHeader, body: body(chatMessageInput) },
    responses: { 201: json(chatMessageResult, "Message stored"), ...errorResponses(400, 401, 403, 404, 409, 413, 429) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const claims = c.get("visitor");
    const { text, clientMessageId, attachmentIds } = c.req.valid("json");
    assertMessageSize(text, "text");
    const ip = clientIp(c.req.raw.headers);
    if (!isExemptIp(c.env, ip)) {
      await enforceLimit(c.env, "chatMessagePerConversation", claims.conv);
      await enforceIpLimit(c.env, "chatMessagePerIp", ip);
    }
    const messageId = clientMessageId ? chatMessageId(clientMessageId) : newId("msg");
    const attachments = await attachmentsFor(c.env, claims.acc, id, attachmentIds);
    const res: ChatMessageResult = await viaActor(ticketStub(c.env, claims.acc, id).chatMessage({ id: messageId, body: text, ...(attachments.length ? { attachments } : {}) }));
    if (!res.accepted || !res.message) throw new AppError("conflict", "This conversation is closed; start a new conversation");
    return c.json({ message: res.message, replies: res.replies }, 201);
  },
);

chatApi.openapi(
  createRoute({
    method: "get",
    path: "/chat/conversations/{id}/messages",
    tags: ["Web chat"],
    summary: "The visitor's view of the thread (no internal notes)",
    request: {
      params: conversationParam,
      headers: visitorHeader,
      query: z.object({ after: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(200).default(200) }),
    },
    responses: { 200: json(chatThread), ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { after, limit } = c.req.valid("query");
    const claims = c.get("visitor");
    const stub = ticketStub(c.env, claims.acc, id);
    const ticket: TicketView | null = await viaActor(stub.get());
    if (!ticket) throw new AppError("not_found", "conversation not found");
    const items: MessageView[] = await viaActor(stub.messagesAfter({ after: after ?? null, limit: limit + 1, includeInternal: false }));
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return c.json({ conversationId: id, status: ticket.status, items: page, nextCursor: items.length > limit && last ? last.id : null }, 200);
  },
);

chatApi.openapi(
  createRoute({
    method: "post",
    path: "/chat/conversations/{id}/handoff",
    tags: ["Web chat"],
    summary: "The shopper asks for a human (\"Yes, connect me with an agent\")",
    request: { params: conversationParam, headers: visitorHeader, body: { required: false, content: { "application/json": { schema: handoffInput } } } },
    responses: {
      200: json(
        z.object({
          ticketId: z.string(),
          status: z.string(),
          platform: z.string().openapi({ description: "Where the conversation went: builtin, zendesk or gorgias" }),
          handledBy: z.enum(["team", "ai"]),
        }),
        "Handed off (a repeated click answers the same)",
      ),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const claims = c.get("visitor");
    const input = c.req.valid("json") ?? {};
    const stub = ticketStub(c.env, claims.acc, id);
    const res: HandoffResult = await viaActor(stub.handoff(input.email ? { email: input.email } : {}));
    if (res.refused === "email_required") {
      throw new AppError("validation_failed", "Leave your email address so our team can get back to you", [{ path: "email", message: "required for a shopper who is not logged in" }]);
    }
    if (res.refused === "no_human") throw new AppError("conflict", "This shop answers here instead of connecting chats to its team");
    return c.json({ ticketId: res.ticket.id, status: res.ticket.status, platform: res.platform, handledBy: res.ticket.handledBy }, 200);
  },
);

chatApi.openapi(
  createRoute({
    method: "get",
    path: "/chat/availability",
    tags: ["Web chat"],
    summary: "Whether someone from the team is online now and whether the AI agent answers, for the widget's header",
    request: { query: z.object({ accountId: z.string().min(1).max(64) }) },
    responses: { 200: json(z.object({ teamOnline: z.boolean(), assistant: z.boolean() })), ...errorResponses(400, 403, 404) },
  }),
  async (c) => {
    const { accountId } = c.req.valid("query");
    await accountOr404(c.env, accountId);
    await assertOriginAllowed(c.env, accountId, c.req.header("Origin"));
    return c.json(await availability(c.env, accountId), 200);
  },
);
