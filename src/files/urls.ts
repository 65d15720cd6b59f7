// The links a message carries to its files, signed with the deployment's secret for the ticket they belong to.
import { env } from "cloudflare:workers";
import type { AttachmentView, StoredAttachment } from "../schemas/files.ts";
import { PROVIDER_LINK_TTL_MS, signedFilePath, viewLinkExpiry } from "./signing.ts";

function secret(): string {
  const s = (env as { TOKEN_SECRET?: string }).TOKEN_SECRET;
  if (!s) throw new Error("TOKEN_SECRET is not configured");
  return s;
}

/** A message's files as the API shows them: each with a link that works for a day, signed for the file's own ticket. */
export function attachmentViews(ticketId: string, refs: readonly StoredAttachment[], now = Date.now()): AttachmentView[] {
  const exp = viewLinkExpiry(now);
  return refs.map((r) => ({ id: r.id, name: r.name, contentType: r.contentType, size: r.size, url: signedFilePath(secret(), r.ticketId ?? ticketId, r.id, exp) }));
}

/** An absolute link for a provider that fetches the file itself (Twilio MMS/WhatsApp media); null without PUBLIC_URL. */
export function providerFileUrl(ticketId: string, file: StoredAttachment, now = Date.now()): string | null {
  const base = (env as { PUBLIC_URL?: string }).PUBLIC_URL?.replace(/\/+$/, "");
  return base ? `${base}${signedFilePath(secret(), file.ticketId ?? ticketId, file.id, now + PROVIDER_LINK_TTL_MS)}` : null;
}
