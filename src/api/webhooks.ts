// Inbound channel webhooks (docs/api.md "Inbound channels"): Twilio SMS and WhatsApp form posts, and Instagram messaging
// from Meta. Each request is checked against the account's connected credentials before anything is stored; each
// provider message id is processed exactly once (receiveInbound), so a retried webhook changes nothing.
import { createRoute, z } from "@hono/zod-openapi";
import { accountOr404 } from "./accounts.ts";
import { accountForAddress, type AddressChannel } from "../channels/addresses.ts";
import { connectedIntegrations } from "../accounts/integrations.ts";
import { router } from "../app.ts";
import { instagramMessages, verifyHandshake, verifyHubSignature } from "../channels/meta.ts";
import { receiveInbound, type InboundResult } from "../channels/inbound.ts";
import { EMPTY_TWIML, parseTwilioInbound, verifyTwilioSignature } from "../channels/twilio.ts";
import { basicAuth } from "../integrations/http.ts";
import { integrationKinds } from "../integrations/registry.ts";
import { AppError } from "../lib/errors.ts";
import { errorResponses } from "../schemas/common.ts";

export const webhooksApi = router();

/** Webhook bodies are small; anything bigger is not from Twilio or Meta. */
const MAX_WEBHOOK_BYTES = 256 * 1024;

const accountQuery = z.object({
  account: z.string().min(1).max(64).openapi({ description: "The Edgedesk account id, part of the webhook URL configured at the provider" }),
});
const optionalAccountQuery = z.object({
  account: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: "The Edgedesk account id; without it, the account that connected the recipient number (or Instagram account) takes the message" }),
});

async function resolveAccount(env: Env, given: string | undefined, channel: AddressChannel, address: string): Promise<string> {
  if (given) return given;
  const owner = address ? await accountForAddress(env, channel, address) : null;
  if (!owner) throw new AppError("not_found", `No Edgedesk account has connected ${address || "this recipient"}; add ?account=<id> to the webhook URL or connect it`);
  return owner;
}

async function credentialsOf<K extends "twilio" | "instagram">(env: Env, accountId: string, kind: K): Promise<z.output<(typeof integrationKinds)[K]["credentials"]>> {
  await accountOr404(env, accountId);
  const found = (await connectedIntegrations(env, accountId)).find((i) => i.kind === kind);
  const parsed = found ? integrationKinds[kind].credentials.safeParse(found.credentials) : null;
  if (!parsed?.success) throw new AppError("not_found", `${integrationKinds[kind].label} is not connected for this account`);
  return parsed.data as z.output<(typeof integrationKinds)[K]["credentials"]>;
}

async function rawBody(req: Request): Promise<string> {
  const text = await req.text();
  if (new TextEncoder().encode(text).length > MAX_WEBHOOK_BYTES) throw new AppError("payload_too_large", "Webhook body is too large");
  return text;
}

function twilioRoute(path: "/webhooks/sms" | "/webhooks/whatsapp", channel: "sms" | "whatsapp") {
  webhooksApi.openapi(
    createRoute({
      method: "post",
      path,
      tags: ["Inbound channels"],
      summary: `Twilio ${channel === "sms" ? "SMS" : "WhatsApp"} messaging webhook (form post, X-Twilio-Signature checked)`,
      request: { query: optionalAccountQuery },
      responses: {
        200: { description: "Stored (or already stored): an empty TwiML response; replies go out later", content: { "text/xml": { schema: z.string() } } },
        ...errorResponses(400, 403, 404, 413),
      },
    }),
    async (c) => {
      const signature = c.req.header("X-Twilio-Signature");
      if (!signature) throw new AppError("forbidden", "X-Twilio-Signature is missing");
      const raw = await rawBody(c.req.raw);
      const params: Record<string, string> = {};
      for (const [k, v] of new URLSearchParams(raw)) params[k] = v;
      const account = await resolveAccount(c.env, c.req.valid("query").account, channel, (params.To ?? "").replace(/^whatsapp:/, ""));
      const creds = await credentialsOf(c.env, account, "twilio");
      if (!(await verifyTwilioSignature(creds.authToken, c.req.url, params, signature))) {
        throw new AppError("forbidden", "X-Twilio-Signature does not match this request");
      }
      if (params.AccountSid && params.AccountSid !== creds.accountSid) throw new AppError("forbidden", "The message belongs to another Twilio account");
      const msg = parseTwilioInbound(params);
      if (!msg) throw new AppError("validation_failed", "Not a Twilio message webhook", [{ path: "MessageSid", message: "required, with From" }]);
      const isWhatsapp = msg.from.startsWith("whatsapp:");
      if (isWhatsapp !== (channel === "whatsapp")) {
        throw new AppError("validation_failed", `This is the ${channel} webhook; the message came from ${isWhatsapp ? "WhatsApp" : "SMS"}`, [{ path: "From", message: "wrong channel" }]);
      }
      // Twilio serves media behind the account's credentials (when HTTP auth for media is on; harmless otherwise).
      const authorization = basicAuth(creds.accountSid, creds.authToken);
      const media = msg.mediaUrls.map((url, i) => ({ name: `${channel === "whatsapp" ? "WhatsApp" : "MMS"} attachment ${i + 1}`, url, authorization }));
      const text = msg.body || (msg.mediaCount > media.length ? `[${msg.mediaCount} attachment${msg.mediaCount > 1 ? "s" : ""}]` : "");
      if (text || media.length) await receiveInbound(c.env, { accountId: account, channel, from: msg.from, text, providerMessageId: msg.messageSid, name: msg.profileName, media });
      return c.body(EMPTY_TWIML, 200, { "Content-Type": "text/xml; charset=utf-8" });
    },
  );
}

twilioRoute("/webhooks/sms", "sms");
twilioRoute("/webhooks/whatsapp", "whatsapp");

webhooksApi.openapi(
  createRoute({
    method: "get",
    path: "/webhooks/instagram",
    tags: ["Inbound channels"],
    summary: "Meta's webhook verification handshake (hub.mode, hub.verify_token, hub.challenge)",
    request: {
      query: accountQuery.extend({
        "hub.mode": z.string().max(40).optional(),
        "hub.verify_token": z.string().max(200).optional(),
        "hub.challenge": z.string().max(200).optional(),
      }),
    },
    responses: { 200: { description: "The challenge, echoed", content: { "text/plain": { schema: z.string() } } }, ...errorResponses(403, 404) },
  }),
  async (c) => {
    const { account } = c.req.valid("query");
    const creds = await credentialsOf(c.env, account, "instagram");
    const challenge = verifyHandshake(new URL(c.req.url).searchParams, creds.verifyToken);
    if (challenge === null) throw new AppError("forbidden", "hub.verify_token does not match");
    return c.text(challenge, 200);
  },
);

webhooksApi.openapi(
  createRoute({
    method: "post",
    path: "/webhooks/instagram",
    tags: ["Inbound channels"],
    summary: "Instagram messaging webhook from Meta (X-Hub-Signature-256 checked)",
    request: { query: optionalAccountQuery },
    responses: {
      200: { description: "Every direct message in the batch stored (or already stored)", content: { "application/json": { schema: z.object({ received: z.number().int(), duplicates: z.number().int() }) } } },
      ...errorResponses(400, 403, 404, 413),
    },
  }),
  async (c) => {
    const signature = c.req.header("X-Hub-Signature-256");
    if (!signature) throw new AppError("forbidden", "X-Hub-Signature-256 is missing");
    const raw = await rawBody(c.req.raw);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new AppError("validation_failed", "The body is not JSON");
    }
    // Without ?account=, the Instagram account the batch is for (its first entry) names the Edgedesk account.
    const entryId = (body as { entry?: { id?: unknown }[] } | null)?.entry?.[0]?.id;
    const account = await resolveAccount(c.env, c.req.valid("query").account, "instagram", typeof entryId === "string" ? entryId : "");
    const creds = await credentialsOf(c.env, account, "instagram");
    if (!(await verifyHubSignature(creds.appSecret, raw, signature))) {
      throw new AppError("forbidden", "X-Hub-Signature-256 does not match this body");
    }
    const results: InboundResult[] = [];
    // In order: two messages from one sender in one batch land in one conversation, in the order they were sent.
    for (const dm of instagramMessages(body)) {
      if (creds.instagramAccountId && dm.recipientId && dm.recipientId !== creds.instagramAccountId) continue;
      const media = dm.mediaUrls.map((url, i) => ({ name: `Instagram attachment ${i + 1}`, url }));
      results.push(await receiveInbound(c.env, { accountId: account, channel: "instagram", from: dm.senderId, text: dm.text, providerMessageId: dm.mid, media }));
    }
    return c.json({ received: results.filter((r) => !r.duplicate).length, duplicates: results.filter((r) => r.duplicate).length }, 200);
  },
);
