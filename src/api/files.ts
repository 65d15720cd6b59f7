// Files (docs/api.md "Attachments"): uploads from the widget and the dashboard, and the signed, expiring links
// that serve them. Content types are sniffed from the bytes; limits are the account's (PUT /api/settings/files).
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../app.ts";
import { router } from "../app.ts";
import { HELPDESK_ROLES, requireAgent, requireRole, tokenSecret } from "../auth/context.ts";
import { requireVisitor } from "../chat/visitor.ts";
import { clientIp } from "../audit/record.ts";
import { enforceIpLimit, enforceLimit } from "../lib/rateLimit.ts";
import { verifyFileSignature } from "../files/signing.ts";
import { INLINE_TYPES } from "../files/sniff.ts";
import { findFile, readFileBytes, storeUpload, type FileSource } from "../files/store.ts";
import { AppError } from "../lib/errors.ts";
import { errorResponses, idParam, json } from "../schemas/common.ts";
import { fileQuery, uploadedFileSchema, uploadForm } from "../schemas/files.ts";
import type { TicketView } from "../schemas/ticket.ts";
import { ticketStub, viaActor } from "../tickets/actors.ts";

export const filesApi = router();
filesApi.on("POST", "/chat/conversations/:id/attachments", requireVisitor("header"));
filesApi.on("POST", "/tickets/:id/attachments", requireAgent, requireRole(...HELPDESK_ROLES));

const multipart = { required: true, content: { "multipart/form-data": { schema: uploadForm } } };
const uploaded = { 201: json(uploadedFileSchema, "Stored; name its id in `attachmentIds` of a message"), ...errorResponses(400, 401, 404, 409, 413, 429) };

/** The uploaded part `file`, read from the multipart body. */
async function uploadedFile(c: Context<AppEnv>): Promise<{ name: string; bytes: Uint8Array }> {
  // Read through Hono, which keeps the body the request validator already parsed.
  const form = await c.req.parseBody().catch(() => null);
  const file = form?.file;
  if (!(file instanceof File)) throw new AppError("validation_failed", "Send the file as multipart/form-data in the field `file`", [{ path: "file", message: "required" }]);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

async function upload(c: Context<AppEnv>, accountId: string, ticketId: string, source: FileSource) {
  const ticket: TicketView | null = await viaActor(ticketStub(c.env, accountId, ticketId).get());
  if (!ticket) throw new AppError("not_found", source === "visitor" ? "conversation not found" : "ticket not found");
  // A closed web chat never reopens (docs/product.md §1): nothing could carry the file.
  if (source === "visitor" && ticket.status === "closed") throw new AppError("conflict", "This conversation is closed; start a new conversation");
  // Shoppers are anonymous: their uploads are counted per conversation and per address before any byte is stored.
  if (source === "visitor") {
    await enforceLimit(c.env, "chatUploadPerConversation", ticketId);
    await enforceIpLimit(c.env, "chatUploadPerIp", clientIp(c.req.raw.headers));
  }
  const file = await uploadedFile(c);
  return c.json(await storeUpload(c.env, { accountId, ticketId, name: file.name, bytes: file.bytes, source }), 201);
}

filesApi.openapi(
  createRoute({
    method: "post",
    path: "/chat/conversations/{id}/attachments",
    tags: ["Web chat"],
    summary: "The shopper uploads a file (image or PDF by default) to attach to a message",
    request: { params: idParam, headers: z.object({ "x-visitor-token": z.string().optional() }), body: multipart },
    responses: uploaded,
  }),
  async (c) => upload(c, c.get("visitor").acc, c.req.valid("param").id, "visitor"),
);

filesApi.openapi(
  createRoute({
    method: "post",
    path: "/tickets/{id}/attachments",
    tags: ["Tickets"],
    security: [{ bearer: [] }],
    summary: "An agent uploads a file to attach to a reply or a note",
    request: { params: idParam, body: multipart },
    responses: uploaded,
  }),
  async (c) => upload(c, c.get("account").id, c.req.valid("param").id, "agent"),
);

filesApi.openapi(
  createRoute({
    method: "get",
    path: "/files/{id}",
    tags: ["Files"],
    summary: "A file, only through the signed, expiring link a message carries",
    request: { params: idParam, query: fileQuery },
    responses: {
      200: { description: "The file: images inline, anything else as a download", content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } },
      ...errorResponses(400, 403, 404),
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { exp, sig } = c.req.valid("query");
    const row = await findFile(c.env, id);
    // A wrong, expired or foreign link learns nothing about the file.
    if (!row || !verifyFileSignature(tokenSecret(c.env), row.ticketId, row.id, exp, sig, Date.now())) {
      throw new AppError("not_found", "This link is invalid or has expired");
    }
    const object = await readFileBytes(c.env, row.r2Key);
    if (!object) throw new AppError("not_found", "This file was deleted");
    return new Response(object.body, { status: 200, headers: fileHeaders(row, INLINE_TYPES.has(row.contentType), exp) });
  },
);

function fileHeaders(row: { name: string; contentType: string; size: number }, inline: boolean, exp: number): Headers {
  const ascii = row.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Headers({
    "Content-Type": row.contentType,
    "Content-Length": String(row.size),
    "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.name)}`,
    "X-Content-Type-Options": "nosniff",
    // Opened directly, the file can run nothing and load nothing.
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    "Cross-Origin-Resource-Policy": "cross-origin",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": `private, max-age=${Math.max(0, Math.floor((exp - Date.now()) / 1000))}`,
  });
}
