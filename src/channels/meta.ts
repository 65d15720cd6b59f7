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

interface MessagingEvent {
  sender?: { id?: string };
  recipient?: { id?: string };
  timestamp?: number;
  message?: { mid?: string; text?: string; is_echo?: boolean; is_deleted?: boolean; attachments?: { type?: string; payload?: { url?: string } }[]; reply_to?: { story?: { id?: string; url?: string } } };
}

/** Customer DMs and story replies in a webhook body; echoes of our own messages and deletions are skipped. */
export function instagramMessages(body: unknown): InstagramDirectMessage[] {
  const out: InstagramDirectMessage[] = [];
  if (typeof body !== "object" || body === null) return out;
  const entries = (body as { entry?: { messaging?: MessagingEvent[] }[] }).entry ?? [];
  for (const entry of entries) {
    for (const ev of entry.messaging ?? []) {
      const m = ev.message;
      if (!m?.mid || m.is_echo || m.is_deleted || !ev.sender?.id) continue;
      const attachments = Array.isArray(m.attachments) ? m.attachments : [];
      const mediaUrls = attachments.map((a) => a?.payload?.url).filter((u): u is string => typeof u === "string" && /^https:\/\//.test(u)).slice(0, 10);
      // Shares and stickers without a file still say something arrived.
      const text = (m.text ?? "").trim() || (attachments.length > mediaUrls.length ? `[${attachments.length} attachment${attachments.length > 1 ? "s" : ""}]` : "");
      if (!text && mediaUrls.length === 0) continue;
      out.push({ mid: m.mid, senderId: ev.sender.id, recipientId: ev.recipient?.id ?? "", text, storyReply: Boolean(m.reply_to?.story), at: ev.timestamp ?? Date.now(), mediaUrls });
    }
  }
  return out;
}
