// A reply's files as each channel sends them: email attaches the bytes; Twilio (MMS, WhatsApp) and Meta (Instagram)
// fetch signed links.
import type { OutgoingMessage } from "../integrations/messaging.ts";
import type { StoredAttachment } from "../schemas/files.ts";
import { providerFileUrl } from "./urls.ts";

export async function outgoingFiles(env: Env, accountId: string, ticketId: string, channel: string, refs: readonly StoredAttachment[]): Promise<Pick<OutgoingMessage, "files" | "media">> {
  if (refs.length === 0) return {};
  if (channel === "email") {
    const files: NonNullable<OutgoingMessage["files"]> = [];
    for (const r of refs) {
      const object = await env.FILES.get(`${accountId}/${r.id}`);
      // An erased file is not sent.
      if (object) files.push({ name: r.name, contentType: r.contentType, bytes: new Uint8Array(await object.arrayBuffer()) });
    }
    return { files };
  }
  if (channel === "sms" || channel === "whatsapp" || channel === "instagram") {
    const media = refs.flatMap((r) => {
      const url = providerFileUrl(ticketId, r);
      return url ? [{ url, contentType: r.contentType }] : [];
    });
    if (media.length < refs.length) console.warn(`ticket ${ticketId}: PUBLIC_URL is not set, so files cannot go out by ${channel}`);
    return { media };
  }
  return {};
}
