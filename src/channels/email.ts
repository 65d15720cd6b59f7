// Inbound email (RFC 822/MIME) through postal-mime: decoded headers, the thread root, readable text and the files.
import PostalMime, { type Attachment } from "postal-mime";
import { htmlToText } from "./emailText.ts";

export interface EmailFile {
  name: string;
  /** As the sender declared it; the stored type is sniffed from the bytes. */
  declaredType: string;
  bytes: Uint8Array;
  /** Shown in the HTML body (`cid:`), not attached: still kept, as the shopper's photo often travels that way. */
  inline: boolean;
}

export interface ParsedEmail {
  from: string;
  fromName: string | null;
  subject: string | null;
  messageId: string | null;
  /** The thread's root Message-ID: first of References, else In-Reply-To, else this message. */
  threadId: string | null;
  text: string;
  files: EmailFile[];
}

function messageIds(value: string | undefined): string[] {
  return value ? [...value.matchAll(/<[^>\s]+>/g)].map((m) => m[0]) : [];
}

/** Drops the quoted history of a reply ("On … wrote:" and ">" lines) so the thread shows what is new. */
export function stripQuotedReply(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  for (const line of lines) {
    if (/^On .+wrote:\s*$/.test(line.trim()) || /^-{2,}\s*Original Message\s*-{2,}/i.test(line.trim())) break;
    if (line.startsWith(">")) continue;
    out.push(line);
  }
  return out.join("\n").trim() || text.trim();
}

function fileOf(a: Attachment, index: number): EmailFile | null {
  if (typeof a.content === "string") return null;
  const bytes = a.content instanceof Uint8Array ? a.content : new Uint8Array(a.content);
  if (bytes.byteLength === 0) return null;
  const ext = a.mimeType.split("/")[1]?.replace(/[^a-z0-9]/gi, "").slice(0, 8) || "bin";
  return { name: a.filename?.trim() || `attachment-${index + 1}.${ext}`, declaredType: a.mimeType, bytes, inline: a.disposition === "inline" || a.related === true };
}

/** Parses raw mail (bytes as received, so 8-bit bodies keep their charset; a string is taken as UTF-8). */
export async function parseEmail(raw: string | ArrayBuffer | Uint8Array): Promise<ParsedEmail> {
  const mail = await PostalMime.parse(raw, { attachmentEncoding: "arraybuffer" });
  const from = mail.from && "address" in mail.from && mail.from.address ? mail.from : (mail.sender ?? null);
  const messageId = messageIds(mail.messageId)[0] ?? null;
  const refs = messageIds(mail.references);
  const inReplyTo = messageIds(mail.inReplyTo)[0];
  // HTML-only mail (Outlook often sends that) has no text part: it is turned into text here.
  const body = mail.text?.trim() ? mail.text : mail.html ? htmlToText(mail.html) : "";
  return {
    from: (from?.address ?? "").trim().toLowerCase(),
    fromName: from?.name?.trim() || null,
    subject: mail.subject?.trim() || null,
    messageId,
    threadId: refs[0] ?? inReplyTo ?? messageId,
    text: stripQuotedReply(body.replace(/\r\n?/g, "\n")),
    files: mail.attachments.map(fileOf).filter((f): f is EmailFile => f !== null),
  };
}

/** The display name in an address like `"Jo Buyer" <jo@example.com>`, if any. */
export function displayNameOf(address: string): string | null {
  return /^\s*"?([^"<]+?)"?\s*</.exec(address)?.[1]?.trim() || null;
}
