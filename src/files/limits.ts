// Which files an account takes (PUT /api/settings/files): kinds and the largest size; images and PDFs by default.
import { z } from "@hono/zod-openapi";
import type { FileKind, Sniffed } from "./sniff.ts";

/** No account may raise the size above this (Workers request bodies and Postmark's limit stay comfortable). */
export const HARD_MAX_FILE_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const FILE_KINDS = ["image", "pdf", "text", "video", "audio", "archive"] as const satisfies readonly FileKind[];

export const fileSettingsSchema = z
  .object({
    maxBytes: z.number().int().min(1024).max(HARD_MAX_FILE_BYTES).openapi({ description: `Largest file in bytes (default ${DEFAULT_MAX_FILE_BYTES}, at most ${HARD_MAX_FILE_BYTES})` }),
    kinds: z.array(z.enum(FILE_KINDS)).min(1).max(FILE_KINDS.length).openapi({ description: "Kinds of file shoppers and agents may attach, by content (default image and pdf)" }),
  })
  .strict()
  .openapi("FileSettings");
export type FileSettings = z.infer<typeof fileSettingsSchema>;

export const DEFAULT_FILE_SETTINGS: FileSettings = { maxBytes: DEFAULT_MAX_FILE_BYTES, kinds: ["image", "pdf"] };

export type FileRefusal = { code: "payload_too_large" | "validation_failed"; message: string };

/** Why a file must not be kept, or null when it may. */
export function refuseFile(size: number, sniffed: Sniffed | null, settings: FileSettings): FileRefusal | null {
  if (size === 0) return { code: "validation_failed", message: "The file is empty" };
  if (size > Math.min(settings.maxBytes, HARD_MAX_FILE_BYTES)) return { code: "payload_too_large", message: `The file is larger than ${formatBytes(settings.maxBytes)}` };
  if (!sniffed || !settings.kinds.includes(sniffed.kind)) {
    return { code: "validation_failed", message: `This type of file is not accepted (accepted: ${settings.kinds.join(", ")})` };
  }
  return null;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** A file name safe to store and to put in a header: no path, no control characters, at most 120 characters. */
export function safeFileName(name: string | null | undefined, fallbackExtension: string): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f"<>]/g, "").replace(/\s+/g, " ").trim().slice(-120);
  return clean && clean !== "." && clean !== ".." ? clean : `file.${fallbackExtension}`;
}
