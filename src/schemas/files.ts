// Files attached to messages (docs/api.md "Attachments"): the upload answer and how a message shows its files.
import { z } from "@hono/zod-openapi";

export const uploadedFileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    contentType: z.string().openapi({ description: "Sniffed from the file's bytes, not taken from the upload" }),
    size: z.number().int(),
  })
  .openapi("UploadedFile");
export type AttachmentRef = z.infer<typeof uploadedFileSchema>;
/** A file as a message stores it: with the ticket it belongs to, which its links are signed for (a merge may show it in another ticket's thread). */
export type StoredAttachment = AttachmentRef & { ticketId?: string };

export const attachmentSchema = uploadedFileSchema
  .extend({ url: z.string().openapi({ description: "Signed, expiring link: /api/files/{id}?exp=…&sig=…" }) })
  .openapi("Attachment");
export type AttachmentView = z.infer<typeof attachmentSchema>;

/** Files uploaded first (POST …/attachments), then named in a message, reply or note. */
export const MAX_ATTACHMENTS = 10;
export const attachmentIdsSchema = z.array(z.string().min(1).max(64)).max(MAX_ATTACHMENTS).openapi({ description: "Ids of files uploaded to this conversation" });

export const uploadForm = z.object({
  file: z.any().openapi({ type: "string", format: "binary", description: "The file (multipart/form-data field `file`)" }),
});

export const fileQuery = z.object({
  exp: z.coerce.number().int().openapi({ description: "Expiry, epoch ms" }),
  sig: z.string().min(1).max(128),
});
