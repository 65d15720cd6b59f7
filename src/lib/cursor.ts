// Keyset cursors for lists sorted by (number, id): opaque to clients, and checked when they come back, so a forged or
// garbled cursor (text, Infinity, a missing id) is a 400 instead of a silent first page.
import { base64url, fromBase64url } from "./crypto.ts";
import { AppError } from "./errors.ts";

export interface KeysetCursor {
  v: number;
  id: string;
}

export function encodeCursor(c: KeysetCursor): string {
  return base64url(new TextEncoder().encode(JSON.stringify(c)));
}

export function decodeCursor(raw: string): KeysetCursor {
  try {
    const c = JSON.parse(new TextDecoder().decode(fromBase64url(raw))) as Partial<KeysetCursor> | null;
    if (c && typeof c.v === "number" && Number.isFinite(c.v) && typeof c.id === "string" && c.id.length > 0 && c.id.length <= 64) return { v: c.v, id: c.id };
  } catch {
    // not base64url JSON: the same answer as a wrong shape
  }
  throw new AppError("validation_failed", "cursor is not valid", [{ path: "cursor", message: "use the nextCursor of a previous page" }]);
}
