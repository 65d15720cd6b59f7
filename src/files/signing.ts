// Signed, expiring file URLs (`/api/files/:id?exp=…&sig=…`), bound to the ticket the file belongs to. Synchronous
// so a message's view can carry its links wherever it is built.
import { hmacSha256 } from "../lib/hmacSync.ts";

const enc = new TextEncoder();
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** Links in the thread live a day, and stay the same for an hour so browsers can cache the images. */
export const VIEW_LINK_TTL_MS = 24 * 60 * 60 * 1000;
const VIEW_LINK_STEP_MS = 60 * 60 * 1000;
/** Links handed to Twilio and other providers, which may fetch them much later. */
export const PROVIDER_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function signature(secret: string, ticketId: string, fileId: string, exp: number): string {
  return hex(hmacSha256(enc.encode(secret), enc.encode(`edgedesk-file\n${ticketId}\n${fileId}\n${exp}`)));
}

/** The expiry of a thread link made at `now`: rounded up to the hour, at least VIEW_LINK_TTL_MS ahead. */
export function viewLinkExpiry(now: number): number {
  return Math.ceil((now + VIEW_LINK_TTL_MS) / VIEW_LINK_STEP_MS) * VIEW_LINK_STEP_MS;
}

export function signedFilePath(secret: string, ticketId: string, fileId: string, exp: number): string {
  return `/api/files/${encodeURIComponent(fileId)}?exp=${exp}&sig=${signature(secret, ticketId, fileId, exp)}`;
}

export function verifyFileSignature(secret: string, ticketId: string, fileId: string, exp: number, sig: string, now: number): boolean {
  if (!Number.isSafeInteger(exp) || exp <= now) return false;
  const expected = signature(secret, ticketId, fileId, exp);
  if (expected.length !== sig.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ sig.charCodeAt(i);
  return diff === 0;
}
