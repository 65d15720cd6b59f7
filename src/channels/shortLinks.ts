// Links in outgoing SMS and WhatsApp replies, shortened to the Worker's own /l/:code so their clicks reach the profile timeline.
import { eq } from "drizzle-orm";
import { recentAccountSettings } from "../accounts/settings.ts";
import { db } from "../db/client.ts";
import { profileEvents, shortLinks } from "../db/schema/index.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { newId } from "../lib/ids.ts";

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]']/gi;

/** The links in a text, in order (trailing punctuation is not part of a link). */
export function linksIn(text: string): string[] {
  return [...text.matchAll(URL_PATTERN)].map((m) => m[0]);
}

/** Replaces each link with its short form; links already on the base are left alone. */
export function replaceLinks(text: string, base: string, codeOf: (url: string, index: number) => string): string {
  let i = 0;
  return text.replace(URL_PATTERN, (url) => (url.startsWith(`${base}/l/`) ? url : `${base}/l/${codeOf(url, i++)}`));
}

/**
 * The body as it goes out: links shortened when the account set its public address. Codes derive from the message
 * and the link's place in it, so a retried send reuses the same codes.
 */
export async function shortenForSms(env: Env, input: { accountId: string; profileId: string | undefined; ticketId: string; messageId: string; body: string }, now = Date.now()): Promise<string> {
  const links = linksIn(input.body);
  if (links.length === 0) return input.body;
  const base = (await recentAccountSettings(env, input.accountId)).sms?.linkBaseUrl;
  if (!base) return input.body;
  const targets = links.filter((u) => !u.startsWith(`${base}/l/`));
  if (targets.length === 0) return input.body;
  const codes = await Promise.all(targets.map(async (url, i) => (await sha256Hex(`${input.accountId}|${input.messageId}|${i}|${url}`)).slice(0, 10)));
  const d = db(env.DB);
  await d
    .insert(shortLinks)
    .values(targets.map((url, i) => ({ code: codes[i]!, accountId: input.accountId, profileId: input.profileId ?? null, ticketId: input.ticketId, messageId: input.messageId, url, createdAt: now })))
    .onConflictDoNothing();
  return replaceLinks(input.body, base, (_url, i) => codes[i]!);
}

/** Where a short code leads, after putting the click on the customer's timeline; null for an unknown code. */
export async function followShortLink(env: Env, code: string, now = Date.now()): Promise<string | null> {
  const d = db(env.DB);
  const rows = await d.select().from(shortLinks).where(eq(shortLinks.code, code)).limit(1);
  const link = rows[0];
  if (!link) return null;
  if (link.profileId) {
    await d.insert(profileEvents).values({ id: newId("pev", now), accountId: link.accountId, profileId: link.profileId, metric: "clicked_link", occurredAt: now, properties: JSON.stringify({ url: link.url, code, ticketId: link.ticketId, messageId: link.messageId }) });
  }
  return link.url;
}
