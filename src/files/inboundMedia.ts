// Files that arrive with a customer's message (email parts, Twilio MMS/WhatsApp media, Instagram attachments):
// fetched once, stored in R2 under an id derived from the provider message, so a retried webhook adds nothing.
import { eq } from "drizzle-orm";
import { db } from "../db/client.ts";
import { files } from "../db/schema/index.ts";
import type { FetchFn } from "../integrations/http.ts";
import { sha256Hex } from "../lib/crypto.ts";
import type { StoredAttachment } from "../schemas/files.ts";
import { formatBytes, HARD_MAX_FILE_BYTES } from "./limits.ts";
import { fileSettings, isRefusal, storeFile, type FileSource } from "./store.ts";

export type InboundMedia =
  | { name?: string | null; bytes: Uint8Array }
  /** A provider URL, fetched once (with the account's credentials where the provider wants them). */
  | { name?: string | null; url: string; authorization?: string };

export interface InboundMediaOrigin {
  accountId: string;
  channel: Exclude<FileSource, "visitor" | "agent">;
  providerMessageId: string;
}

// Tests give an account a fake media host (an interface implementation that serves bytes), never the network.
const fakeHosts = new Map<string, FetchFn>();
export function useMediaHost(accountId: string, fetchFn: FetchFn): void {
  fakeHosts.set(accountId, fetchFn);
}

async function download(accountId: string, item: Extract<InboundMedia, { url: string }>): Promise<Uint8Array | string> {
  const doFetch = fakeHosts.get(accountId) ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let res: Response;
  try {
    res = await doFetch(item.url, { headers: item.authorization ? { Authorization: item.authorization } : {}, redirect: "follow" });
  } catch {
    return "it could not be downloaded";
  }
  if (!res.ok) return `it could not be downloaded (HTTP ${res.status})`;
  if (Number(res.headers.get("content-length") ?? 0) > HARD_MAX_FILE_BYTES) return `it is larger than ${formatBytes(HARD_MAX_FILE_BYTES)}`;
  const bytes = new Uint8Array(await res.arrayBuffer());
  return bytes.byteLength > HARD_MAX_FILE_BYTES ? `it is larger than ${formatBytes(HARD_MAX_FILE_BYTES)}` : bytes;
}

/**
 * Keeps a message's files for `ticketId`. Each item's id is derived from the provider message and its position:
 * an item already stored is not fetched again (only moved to `ticketId` if the message went to another ticket).
 * `notes` say which files were not kept and why, for the thread.
 */
export async function keepInboundMedia(env: Env, origin: InboundMediaOrigin, ticketId: string, media: readonly InboundMedia[]): Promise<{ attachments: StoredAttachment[]; notes: string[] }> {
  const attachments: StoredAttachment[] = [];
  const notes: string[] = [];
  if (media.length === 0) return { attachments, notes };
  const d = db(env.DB);
  const settings = await fileSettings(env, origin.accountId);
  for (const [i, item] of media.entries()) {
    const id = `fil_${(await sha256Hex(`${origin.accountId}|${origin.channel}|${origin.providerMessageId}|${i}`)).slice(0, 24)}`;
    const existing = (await d.select().from(files).where(eq(files.id, id)).limit(1))[0];
    if (existing) {
      if (existing.ticketId !== ticketId) await d.update(files).set({ ticketId }).where(eq(files.id, id));
      attachments.push({ id, name: existing.name, contentType: existing.contentType, size: existing.size, ticketId });
      continue;
    }
    const label = item.name?.trim() || `Attachment ${i + 1}`;
    const bytes = "bytes" in item ? item.bytes : await download(origin.accountId, item);
    if (typeof bytes === "string") {
      notes.push(`[${label} was not kept: ${bytes}]`);
      continue;
    }
    const stored = await storeFile(env, { id, accountId: origin.accountId, ticketId, name: item.name ?? null, bytes, source: origin.channel }, settings);
    if (isRefusal(stored)) notes.push(`[${label} was not kept: ${stored.message.charAt(0).toLowerCase()}${stored.message.slice(1)}]`);
    else attachments.push({ ...stored, ticketId });
  }
  return { attachments, notes };
}
