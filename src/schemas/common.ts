// Shared zod pieces: the error shape, list paging, ids and time strings.
import { z } from "@hono/zod-openapi";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "validation_failed" }),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi("Error");

export const idParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }) });

/** An ISO 8601 date or date-time ("2026-11-23", "2026-11-23T10:00:00Z"); anything else ("yesterday", "garbage") is a 400. */
export function isIsoTime(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && Number.isFinite(Date.parse(s));
}

export const isoTime = z
  .string()
  .refine(isIsoTime, "must be an ISO 8601 date or date-time, e.g. 2026-11-23T10:00:00Z")
  .openapi({ format: "date-time", example: "2026-11-23T10:00:00.000Z" });

/** Message bodies: at most 10 KB (UTF-8); larger ones answer 413 (checked by `assertMessageSize`). */
export const MAX_MESSAGE_BYTES = 10 * 1024;
export const messageText = z.string().trim().min(1, "must not be empty");

/** Whether a message body is over MAX_MESSAGE_BYTES in UTF-8 (HTTP answers 413, the sockets a `payload_too_large` frame). */
export function isOverMessageSize(text: string): boolean {
  return text.length > MAX_MESSAGE_BYTES / 3 && new TextEncoder().encode(text).length > MAX_MESSAGE_BYTES;
}

export function errorResponses(...codes: (400 | 401 | 403 | 404 | 409 | 410 | 413 | 429)[]) {
  const out: Record<number, { description: string; content: { "application/json": { schema: typeof errorSchema } } }> = {};
  const descriptions: Record<number, string> = {
    400: "Invalid input",
    401: "Missing or invalid token",
    403: "Not allowed for this role",
    404: "Not found in this account",
    409: "Conflicts with the current state",
    410: "Used up: a single-use link already exchanged",
    413: "Payload too large",
    429: "Rate limited",
  };
  for (const code of codes) out[code] = { description: descriptions[code] ?? "Error", content: { "application/json": { schema: errorSchema } } };
  return out;
}

export function json<T extends z.ZodType>(schema: T, description = "OK") {
  return { description, content: { "application/json": { schema } } };
}

export function body<T extends z.ZodType>(schema: T) {
  return { required: true, content: { "application/json": { schema } } };
}
