// Sending replies on the customer's channel: Twilio (SMS, WhatsApp), Instagram through Meta's Send API, email through Postmark.
// Both answer with the provider's message id; failures are IntegrationErrors (retryable: upstream, rate_limited).
import { basicAuth, requestJson, resolveFetch, type FetchFn } from "./http.ts";
import { IntegrationError } from "./errors.ts";

export interface OutgoingMessage {
  channel: "sms" | "whatsapp" | "instagram" | "email";
  /** E.164 number for SMS/WhatsApp, the Instagram-scoped user id for Instagram, an address for email. */
  to: string;
  body: string;
  /** Email only. */
  subject?: string | undefined;
  /** Email only: the Message-ID the reply answers, so it lands in the customer's thread. */
  inReplyTo?: string | undefined;
  /** Email: files sent with the message. */
  files?: { name: string; contentType: string; bytes: Uint8Array }[] | undefined;
  /** SMS/WhatsApp (MMS) and Instagram: signed links the provider fetches the files from. */
  media?: { url: string; contentType: string }[] | undefined;
}

export interface ChannelSender {
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

export interface TwilioSenderConfig {
  accountSid: string;
  authToken: string;
  phoneNumber?: string | undefined;
  whatsappNumber?: string | undefined;
  fetch?: FetchFn | undefined;
  baseUrl?: string | undefined;
}

/** Twilio Programmable Messaging: POST /2010-04-01/Accounts/{AccountSid}/Messages.json (form, Basic auth). */
export function createTwilioSender(config: TwilioSenderConfig): ChannelSender {
  const doFetch = resolveFetch(config.fetch);
  const base = config.baseUrl ?? "https://api.twilio.com";
  return {
    async send(message) {
      const from = message.channel === "whatsapp" ? config.whatsappNumber : config.phoneNumber;
      if (!from) {
        throw new IntegrationError({ provider: "twilio", status: 0, code: "rejected", message: `No Twilio ${message.channel === "whatsapp" ? "WhatsApp number" : "phone number"} is connected to send from` });
      }
      const prefix = message.channel === "whatsapp" ? "whatsapp:" : "";
      const json = (await requestJson("twilio", doFetch, {
        method: "POST",
        url: `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`,
        headers: { Authorization: basicAuth(config.accountSid, config.authToken) },
        // One MediaUrl parameter per file (Twilio takes up to 10 on MMS, 1 on WhatsApp).
        form: [["To", `${prefix}${message.to}`], ["From", `${prefix}${from}`], ["Body", message.body], ...(message.media ?? []).slice(0, message.channel === "whatsapp" ? 1 : 10).map((m): [string, string] => ["MediaUrl", m.url])],
      })) as { sid?: unknown } | null;
      return { providerMessageId: typeof json?.sid === "string" ? json.sid : "" };
    },
  };
}

export interface InstagramSenderConfig {
  pageAccessToken?: string | undefined;
  fetch?: FetchFn | undefined;
  baseUrl?: string | undefined;
}

/** Meta Send API for Instagram messaging: POST /v21.0/me/messages with the Page access token. */
export function createInstagramSender(config: InstagramSenderConfig): ChannelSender {
  const doFetch = resolveFetch(config.fetch);
  const base = config.baseUrl ?? "https://graph.facebook.com";
  return {
    async send(message) {
      if (!config.pageAccessToken) throw new IntegrationError({ provider: "instagram", status: 0, code: "unauthorized", message: "No Page access token is connected to send Instagram replies" });
      // One Send API call per part: the text, then each file as an attachment Meta fetches from its link.
      const parts: Record<string, unknown>[] = [
        ...(message.body ? [{ text: message.body }] : []),
        ...(message.media ?? []).map((m) => ({ attachment: { type: m.contentType.startsWith("image/") ? "image" : "file", payload: { url: m.url } } })),
      ];
      let providerMessageId = "";
      for (const part of parts) {
        const json = (await requestJson("instagram", doFetch, {
          method: "POST",
          url: `${base}/v21.0/me/messages`,
          headers: { Authorization: `Bearer ${config.pageAccessToken}` },
          body: { recipient: { id: message.to }, messaging_type: "RESPONSE", message: part },
        })) as { message_id?: unknown } | null;
        providerMessageId ||= typeof json?.message_id === "string" ? json.message_id : "";
      }
      return { providerMessageId };
    },
  };
}

export interface PostmarkSenderConfig {
  serverToken: string;
  fromAddress: string;
  fromName?: string | undefined;
  messageStream?: string | undefined;
  fetch?: FetchFn | undefined;
  baseUrl?: string | undefined;
}

/** Postmark: POST /email with the server token; threading headers keep the reply in the customer's thread. */
export function createPostmarkSender(config: PostmarkSenderConfig): ChannelSender {
  const doFetch = resolveFetch(config.fetch);
  const base = config.baseUrl ?? "https://api.postmarkapp.com";
  const from = config.fromName ? `${config.fromName.replace(/["<>]/g, "")} <${config.fromAddress}>` : config.fromAddress;
  return {
    async send(message) {
      const headers = message.inReplyTo ? [{ Name: "In-Reply-To", Value: message.inReplyTo }, { Name: "References", Value: message.inReplyTo }] : [];
      const json = (await requestJson("postmark", doFetch, {
        method: "POST",
        url: `${base}/email`,
        headers: { "X-Postmark-Server-Token": config.serverToken },
        body: {
          From: from,
          To: message.to,
          Subject: message.subject ?? "Your conversation with us",
          TextBody: message.body,
          MessageStream: config.messageStream ?? "outbound",
          ...(message.files?.length ? { Attachments: message.files.map((f) => ({ Name: f.name, ContentType: f.contentType, Content: toBase64(f.bytes) })) } : {}),
          ...(headers.length ? { Headers: headers } : {}),
        },
      })) as { MessageID?: unknown } | null;
      return { providerMessageId: typeof json?.MessageID === "string" ? json.MessageID : "" };
    },
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Worth trying again later: the provider failed, was unreachable or throttled us. */
export function isRetryable(err: unknown): boolean {
  return err instanceof IntegrationError && (err.code === "upstream" || err.code === "rate_limited");
}
