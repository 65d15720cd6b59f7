// Meta (Instagram messaging) webhooks: the verify handshake, X-Hub-Signature-256 and DM extraction.
import { hmacHex, timingSafeEqual } from "../lib/crypto.ts";

export async function verifyHubSignature(appSecret: string, rawBody: string, header: string | null | undefined): Promise<boolean> {
  if (!header?.startsWith("sha256=")) return false;
  return timingSafeEqual(`sha256=${await hmacHex(appSecret, rawBody)}`, header.trim().toLowerCase());
}

/** The GET handshake: answers the challenge only when the verify token matches. */
export function verifyHandshake(query: URLSearchParams, verifyToken: string): string | null {
  if (query.get("hub.mode") !== "subscribe") return null;
  const token = query.get("hub.verify_token") ?? "";
  if (!verifyToken || !timingSafeEqual(token, verifyToken)) return null;
  return query.get("hub.challenge");
}

export interface InstagramDirectMessage {
  mid: string;
  senderId: string;
  recipientId: string;
  text: string;
  storyReply: boolean;
  at: number;
  /** Attachment payload URLs (images, videos, files the customer sent), fetched once. */
  mediaUrls: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Customer DMs and story replies in a webhook body; echoes of our own messages and deletions are skipped. A body
 * that is signed but shaped unlike Meta's (a text that is not a string, entries that are not lists) yields nothing:
 * the webhook is acknowledged so Meta stops retrying, and nothing is stored.
 */
export function instagramMessages(body: unknown): InstagramDirectMessage[] {
  const out: InstagramDirectMessage[] = [];
  if (!isObject(body)) return out;
  for (const entry of list(body.entry)) {
    if (!isObject(entry)) continue;
    for (const ev of list(entry.messaging)) {
      if (!isObject(ev) || !isObject(ev.message)) continue;
      const m = ev.message;
      const mid = str(m.mid);
      const senderId = isObject(ev.sender) ? str(ev.sender.id) : undefined;
      if (!mid || m.is_echo === true || m.is_deleted === true || !senderId) continue;
      const attachments = list(m.attachments);
      const mediaUrls = attachments
        .map((a) => (isObject(a) && isObject(a.payload) ? str(a.payload.url) : undefined))
        .filter((u): u is string => typeof u === "string" && /^https:\/\//.test(u))
        .slice(0, 10);
      // Shares and stickers without a file still say something arrived.
      const text = (str(m.text) ?? "").trim() || (attachments.length > mediaUrls.length ? `[${attachments.length} attachment${attachments.length > 1 ? "s" : ""}]` : "");
      if (!text && mediaUrls.length === 0) continue;
      const recipientId = isObject(ev.recipient) ? (str(ev.recipient.id) ?? "") : "";
      const storyReply = isObject(m.reply_to) && isObject(m.reply_to.story);
      out.push({ mid, senderId, recipientId, text, storyReply, at: typeof ev.timestamp === "number" && Number.isFinite(ev.timestamp) ? ev.timestamp : Date.now(), mediaUrls });
    }
  }
  return out;
}
