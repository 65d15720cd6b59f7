// Twilio inbound webhooks (SMS and WhatsApp): request signatures and the message fields we use.
import { timingSafeEqual } from "../lib/crypto.ts";

const enc = new TextEncoder();

/** Base64 HMAC-SHA1 of the full URL followed by every POST parameter, sorted by name, as name+value. */
export async function twilioSignature(authToken: string, url: string, params: Record<string, string>): Promise<string> {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  const key = await crypto.subtle.importKey("raw", enc.encode(authToken), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  const sig = new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(data)));
  let s = "";
  for (const b of sig) s += String.fromCharCode(b);
  return btoa(s);
}

export async function verifyTwilioSignature(authToken: string, url: string, params: Record<string, string>, header: string | null | undefined): Promise<boolean> {
  if (!header) return false;
  return timingSafeEqual(await twilioSignature(authToken, url, params), header);
}

export interface TwilioInbound {
  messageSid: string;
  from: string;
  to: string;
  body: string;
  mediaCount: number;
  /** MediaUrl0…: Twilio-hosted files, fetched with the account's credentials. */
  mediaUrls: string[];
  profileName: string | null;
}

/** The fields of Twilio's messaging webhook form that make a customer message (text, media or both), or null if it is not one. */
export function parseTwilioInbound(params: Record<string, string>): TwilioInbound | null {
  const messageSid = params.MessageSid ?? params.SmsMessageSid ?? params.SmsSid;
  const from = params.From;
  if (!messageSid || !from) return null;
  const mediaCount = Number(params.NumMedia ?? "0") || 0;
  const body = (params.Body ?? "").trim();
  const mediaUrls: string[] = [];
  for (let i = 0; i < Math.min(mediaCount, 10); i++) {
    const url = params[`MediaUrl${i}`];
    if (url && /^https:\/\//.test(url)) mediaUrls.push(url);
  }
  return {
    messageSid,
    from,
    to: params.To ?? "",
    body,
    mediaCount,
    mediaUrls,
    profileName: params.ProfileName?.trim() || null,
  };
}

/** An empty TwiML answer: Edgedesk replies later through the outbox, not inline. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
