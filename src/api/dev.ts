// Development-only door for inbound channel messages (docs/api.md "Inbound channels"); absent in production.
import { createRoute } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { parseEmail } from "../channels/email.ts";
import { receiveInbound } from "../channels/inbound.ts";
import type { InboundMedia } from "../files/inboundMedia.ts";
import { AppError } from "../lib/errors.ts";
import { devInboundInput, devInboundResult } from "../schemas/chat.ts";
import { body, errorResponses, json } from "../schemas/common.ts";
import { assertMessageSize } from "../tickets/service.ts";
import { accountOr404 } from "./accounts.ts";
import { DEMO_ACCOUNT_ID, DEMO_SHOPPERS, seedDemo } from "../dev/seed.ts";
import { identityHash } from "../chat/identity.ts";
import { resumeLink } from "../chat/resume.ts";
import { z } from "@hono/zod-openapi";

export const devApi = router();

devApi.use("/dev/*", async (c, next) => {
  if (c.env.ENVIRONMENT !== "development") throw new AppError("not_found", "not found");
  await next();
});

devApi.openapi(
  createRoute({
    method: "post",
    path: "/dev/inbound",
    tags: ["Development"],
    summary: "Simulate an inbound email, SMS, WhatsApp or Instagram message (development only)",
    request: { body: body(devInboundInput) },
    responses: { 200: json(devInboundResult), ...errorResponses(400, 404, 409, 413) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    await accountOr404(c.env, input.accountId);
    let { from, text, threadId, subject, name } = input;
    let media: InboundMedia[] = [];
    if (input.channel === "email" && input.raw) {
      const parsed = await parseEmail(input.raw);
      media = parsed.files.map((f) => ({ name: f.name, bytes: f.bytes }));
      from = parsed.from || from;
      text = text?.trim() ? text : parsed.text;
      threadId = threadId ?? parsed.threadId ?? undefined;
      subject = subject ?? parsed.subject ?? undefined;
      name = name ?? parsed.fromName ?? undefined;
    }
    const body = (text ?? "").trim();
    if (!body && media.length === 0) throw new AppError("validation_failed", "The message has no text", [{ path: "text", message: "must not be empty" }]);
    assertMessageSize(body, "text");
    const result = await receiveInbound(c.env, {
      accountId: input.accountId,
      channel: input.channel,
      from,
      text: body,
      providerMessageId: input.providerMessageId,
      threadId: threadId ?? null,
      subject: subject ?? null,
      name: name ?? null,
      media,
    });
    return c.json(result, 200);
  },
);

devApi.openapi(
  createRoute({
    method: "post",
    path: "/dev/seed",
    tags: ["Development"],
    summary: "Create the demo account and its data if missing (development only)",
    responses: { 200: json(z.object({ accountId: z.string(), created: z.boolean(), owner: z.string() })), ...errorResponses(404) },
  }),
  async (c) => c.json(await seedDemo(c.env), 200),
);

devApi.openapi(
  createRoute({
    method: "post",
    path: "/dev/demo-shopper",
    tags: ["Development"],
    summary: "The demo store's server: signs one of its shoppers for the widget (development only; a real shop computes identityHash itself)",
    request: { body: body(z.object({ externalId: z.string().min(1).max(200) }).strict()) },
    responses: {
      200: json(z.object({ externalId: z.string(), email: z.string(), name: z.string(), identityHash: z.string() })),
      ...errorResponses(400, 404),
    },
  }),
  async (c) => {
    const { externalId } = c.req.valid("json");
    const shopper = DEMO_SHOPPERS.find((s) => s.externalId === externalId);
    if (!shopper) throw new AppError("not_found", "no such demo shopper");
    const account = await accountOr404(c.env, DEMO_ACCOUNT_ID);
    return c.json({ ...shopper, identityHash: await identityHash(account.identitySecret, shopper.externalId, shopper.email) }, 200);
  },
);

devApi.openapi(
  createRoute({
    method: "post",
    path: "/dev/identity",
    tags: ["Development"],
    summary: "Sign a demo shopper's identity as a shop's server would (development only): the identityHash for the widget",
    request: { body: body(z.object({ accountId: z.string().min(1).max(64), externalId: z.string().min(1).max(200), email: z.string().max(320).optional() })) },
    responses: { 200: json(z.object({ identityHash: z.string() })), ...errorResponses(400, 404) },
  }),
  async (c) => {
    const { accountId, externalId, email } = c.req.valid("json");
    const account = await accountOr404(c.env, accountId);
    return c.json({ identityHash: await identityHash(account.identitySecret, externalId, email) }, 200);
  },
);

devApi.openapi(
  createRoute({
    method: "post",
    path: "/dev/follow-up-link",
    tags: ["Development"],
    summary: "The link a follow-up email would carry for a conversation shown on `page`, with a fresh resume token (development only)",
    request: { body: body(z.object({ accountId: z.string().min(1).max(64), conversationId: z.string().min(1).max(64), page: z.url().max(2000) }).strict()) },
    responses: { 200: json(z.object({ link: z.string() })), ...errorResponses(400, 404) },
  }),
  async (c) => {
    const { accountId, conversationId, page } = c.req.valid("json");
    await accountOr404(c.env, accountId);
    return c.json({ link: await resumeLink(c.env, page, accountId, conversationId) }, 200);
  },
);
