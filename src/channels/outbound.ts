// Replies out to the messaging channels: which sender takes a reply, and the reasons a reply must not be sent.
import { profileOr404 } from "../profiles/service.ts";
import { and, eq } from "drizzle-orm";
import { connectedIntegrations } from "../accounts/integrations.ts";
import { db } from "../db/client.ts";
import { profiles } from "../db/schema/index.ts";
import { integrationKinds, type ProvidersForOptions } from "../integrations/registry.ts";
import { createInstagramSender, createPostmarkSender, createTwilioSender, type ChannelSender } from "../integrations/messaging.ts";

export interface ChannelSenders {
  twilio?: ChannelSender;
  instagram?: ChannelSender;
  email?: ChannelSender;
}

/** Senders built from the account's connected Twilio, Instagram and Postmark credentials. */
export async function channelSenders(env: Env, accountId: string, opts: ProvidersForOptions = {}): Promise<ChannelSenders> {
  const out: ChannelSenders = {};
  for (const c of await connectedIntegrations(env, accountId)) {
    if (c.kind === "twilio") {
      const parsed = integrationKinds.twilio.credentials.safeParse(c.credentials);
      if (parsed.success) out.twilio = createTwilioSender({ ...parsed.data, fetch: opts.fetch });
    }
    if (c.kind === "postmark") {
      const parsed = integrationKinds.postmark.credentials.safeParse(c.credentials);
      if (parsed.success) out.email = createPostmarkSender({ ...parsed.data, fetch: opts.fetch });
    }
    if (c.kind === "instagram") {
      const parsed = integrationKinds.instagram.credentials.safeParse(c.credentials);
      if (parsed.success && parsed.data.pageAccessToken) out.instagram = createInstagramSender({ pageAccessToken: parsed.data.pageAccessToken, fetch: opts.fetch });
    }
  }
  return out;
}

export type ChannelConsent = "unknown" | "opted_in" | "opted_out";

/** The customer's consent for SMS or WhatsApp; a merged profile answers with its survivor's. */
export async function channelConsent(env: Env, accountId: string, profileId: string | undefined, channel: "sms" | "whatsapp"): Promise<ChannelConsent> {
  if (!profileId) return "unknown";
  const profile = await profileOr404(env, accountId, profileId).catch(() => null);
  if (!profile) return "unknown";
  return channel === "whatsapp" ? profile.whatsappConsent : profile.smsConsent;
}

/**
 * Why a reply must not go out, or null when it may (docs/product.md §1, docs/profiles.md): SMS and WhatsApp replies
 * go only to customers subscribed to that channel (START); a customer who texted STOP gets nothing; an alphanumeric
 * sender id cannot receive replies; a channel with no connected sender has nothing to send with.
 */
export function deliveryBlocked(input: { channel: string; recipient: string | null; consent: ChannelConsent; senders: ChannelSenders }): string | null {
  if (!input.recipient) return "no recipient address";
  if (input.channel === "sms" || input.channel === "whatsapp") {
    const name = input.channel === "sms" ? "SMS" : "WhatsApp";
    if (!/^\+\d{6,15}$/.test(input.recipient)) return "the sender id cannot receive replies";
    if (input.consent === "opted_out") return `the customer opted out of ${name} (STOP)`;
    if (!input.senders.twilio) return "Twilio is not connected";
    if (input.consent !== "opted_in") return `the customer is not subscribed to ${name} replies (they can text START)`;
    return null;
  }
  if (input.channel === "instagram") return input.senders.instagram ? null : "Instagram messaging is not connected (Page access token)";
  if (input.channel === "email") return input.senders.email ? null : "no email sender is connected (Postmark)";
  return "no sender for this channel";
}

/** Which sender takes a reply on `channel`. */
export function senderFor(senders: ChannelSenders, channel: string): ChannelSender | undefined {
  if (channel === "instagram") return senders.instagram;
  if (channel === "email") return senders.email;
  return senders.twilio;
}

/** The subject of an email reply: "Re: " and the thread's subject. */
export function replySubject(subject: string | null): string {
  if (!subject) return "Your conversation with us";
  return /^re:/i.test(subject.trim()) ? subject.trim() : `Re: ${subject.trim()}`;
}
