// Files in R2 with their D1 rows: stored once (sniffed, within the account's limits), looked up for a ticket, erased.
import { and, eq, inArray } from "drizzle-orm";
import { getSettings } from "../accounts/settings.ts";
import { db } from "../db/client.ts";
import { files } from "../db/schema/index.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import type { AttachmentRef, StoredAttachment } from "../schemas/files.ts";
import { DEFAULT_FILE_SETTINGS, refuseFile, safeFileName, type FileRefusal, type FileSettings } from "./limits.ts";
import { sniffContentType } from "./sniff.ts";

export type FileSource = "visitor" | "agent" | "email" | "sms" | "whatsapp" | "instagram";

export interface NewFile {
  accountId: string;
  ticketId: string;
  name: string | null;
  bytes: Uint8Array;
  source: FileSource;
  /** A derived id makes a retried inbound item land on the same file. */
  id?: string;
}

export async function fileSettings(env: Env, accountId: string): Promise<FileSettings> {
  return (await getSettings(env, accountId)).files ?? DEFAULT_FILE_SETTINGS;
}

const r2Key = (accountId: string, fileId: string) => `${accountId}/${fileId}`;

/** Stores a file, or says why it was refused (content sniffed, account's size and kind limits). */
export async function storeFile(env: Env, input: NewFile, settings: FileSettings): Promise<AttachmentRef | FileRefusal> {
  const sniffed = sniffContentType(input.bytes);
  const refused = refuseFile(input.bytes.byteLength, sniffed, settings);
  if (refused || !sniffed) return refused ?? { code: "validation_failed", message: "This type of file is not accepted" };
  const id = input.id ?? newId("fil");
  const given = safeFileName(input.name, sniffed.extension);
  const name = /\.[a-z0-9]{1,8}$/i.test(given) ? given : `${given}.${sniffed.extension}`;
  const key = r2Key(input.accountId, id);
  await env.FILES.put(key, input.bytes, {
    httpMetadata: { contentType: sniffed.contentType },
    customMetadata: { accountId: input.accountId, ticketId: input.ticketId, name },
  });
  await db(env.DB)
    .insert(files)
    .values({ id, accountId: input.accountId, ticketId: input.ticketId, name, contentType: sniffed.contentType, size: input.bytes.byteLength, r2Key: key, source: input.source, createdAt: Date.now() })
    .onConflictDoNothing();
  return { id, name, contentType: sniffed.contentType, size: input.bytes.byteLength };
}

export function isRefusal(r: AttachmentRef | FileRefusal): r is FileRefusal {
  return "code" in r;
}

/** Stores an upload or answers the error (413 / 400) that changes nothing. */
export async function storeUpload(env: Env, input: NewFile): Promise<AttachmentRef> {
  const stored = await storeFile(env, input, await fileSettings(env, input.accountId));
  if (isRefusal(stored)) throw new AppError(stored.code, stored.message, [{ path: "file", message: stored.message }]);
  return stored;
}

/** The files a message names: each must be this ticket's, else the message is refused. */
export async function attachmentsFor(env: Env, accountId: string, ticketId: string, ids: readonly string[] | undefined): Promise<StoredAttachment[]> {
  const wanted = [...new Set(ids ?? [])];
  if (wanted.length === 0) return [];
  const rows = await db(env.DB)
    .select({ id: files.id, name: files.name, contentType: files.contentType, size: files.size })
    .from(files)
    .where(and(eq(files.accountId, accountId), eq(files.ticketId, ticketId), inArray(files.id, wanted)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = wanted.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw new AppError("validation_failed", "Attach files uploaded to this conversation", missing.map((id) => ({ path: "attachmentIds", message: `unknown file ${id}` })));
  }
  return wanted.map((id) => ({ ...byId.get(id)!, ticketId }));
}

export async function findFile(env: Env, fileId: string) {
  return (await db(env.DB).select().from(files).where(eq(files.id, fileId)).limit(1))[0] ?? null;
}

export async function readFileBytes(env: Env, r2KeyOf: string): Promise<R2ObjectBody | null> {
  return env.FILES.get(r2KeyOf);
}

/** Erasure: removes every file of one ticket from R2 and D1. Returns how many were removed. */
export async function deleteFilesForTicket(env: Env, accountId: string, ticketId: string): Promise<number> {
  const d = db(env.DB);
  const rows = await d.select({ id: files.id, r2Key: files.r2Key }).from(files).where(and(eq(files.accountId, accountId), eq(files.ticketId, ticketId)));
  if (rows.length === 0) return 0;
  for (let i = 0; i < rows.length; i += 1000) await env.FILES.delete(rows.slice(i, i + 1000).map((r) => r.r2Key));
  await d.delete(files).where(and(eq(files.accountId, accountId), eq(files.ticketId, ticketId)));
  return rows.length;
}
