// The Worker's email() handler (Cloudflare Email Routing): inbound customer email becomes ticket messages.
import { getAccount } from "../accounts/service.ts";
import { toHex } from "../lib/crypto.ts";
import { MAX_MESSAGE_BYTES } from "../schemas/common.ts";
import { parseEmail } from "./email.ts";
import { receiveInbound } from "./inbound.ts";

/** `support+<accountId>@…` or `<accountId>@…` addresses the account. */
export function accountIdFromRecipient(to: string): string | null {
  const local = to.trim().toLowerCase().split("@")[0] ?? "";
  const plus = local.split("+")[1];
  return (plus || local) || null;
}

export interface InboundEmail {
  from: string;
  to: string;
  /** The message as received: bytes keep 8-bit bodies in their own charset; a string is taken as UTF-8. */
  raw: string | ArrayBuffer | Uint8Array;
}

async function digestOf(raw: InboundEmail["raw"]): Promise<string> {
  const bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
  return toHex(await crypto.subtle.digest("SHA-256", bytes));
}

/** Returns why a message was refused, or null when it was taken. */
export async function handleInboundEmail(env: Env, mail: InboundEmail): Promise<string | null> {
  const accountId = accountIdFromRecipient(mail.to);
  if (!accountId || !(await getAccount(env, accountId))) return "Unknown mailbox";
  const parsed = await parseEmail(mail.raw);
  let text = parsed.text.trim();
  if (!text && parsed.files.length === 0) return "Empty message";
  if (new TextEncoder().encode(text).length > MAX_MESSAGE_BYTES) text = `${text.slice(0, MAX_MESSAGE_BYTES / 4)}\n\n[message truncated]`;
  await receiveInbound(env, {
    accountId,
    channel: "email",
    from: parsed.from || mail.from,
    text,
    providerMessageId: parsed.messageId ?? (await digestOf(mail.raw)),
    threadId: parsed.threadId,
    subject: parsed.subject,
    name: parsed.fromName,
    media: parsed.files.map((f) => ({ name: f.name, bytes: f.bytes })),
  });
  return null;
}
