// When a new SMS or WhatsApp conversation starts: the optional auto-reply to a non-subscriber and the email to chosen agents.
import { and, eq, inArray } from "drizzle-orm";
import { recentAccountSettings, type AccountSettings } from "../accounts/settings.ts";
import { db } from "../db/client.ts";
import { agents } from "../db/schema/index.ts";
import type { ProvidersForOptions } from "../integrations/registry.ts";
import type { TicketState } from "../tickets/model.ts";
import { channelConsent, channelSenders } from "./outbound.ts";

/** Whether a new conversation from this customer gets the auto-reply: set, and the customer neither subscribed nor opted out. */
export function wantsAutoReply(autoReply: string | null | undefined, consent: "unknown" | "opted_in" | "opted_out"): autoReply is string {
  return !!autoReply && consent === "unknown";
}

export function newTextEmail(t: Pick<TicketState, "id" | "number" | "channel" | "customer">, text: string, linkBaseUrl: string | null | undefined): { subject: string; body: string } {
  const from = t.customer.name ? `${t.customer.name} (${t.customer.phone ?? "unknown number"})` : (t.customer.phone ?? "an unknown number");
  const channel = t.channel === "whatsapp" ? "WhatsApp" : "SMS";
  const link = linkBaseUrl ? `\n\nOpen it: ${linkBaseUrl}/app/#/all/${encodeURIComponent(t.id)}` : "";
  return { subject: `New ${channel} from ${from} (#${t.number})`, body: `${from} wrote:\n\n${text}${link}` };
}

/** Runs after the ticket's first message is stored (never throws: a failed notice must not lose the message). */
export async function onNewTextConversation(env: Env, t: TicketState, text: string, integrations: ProvidersForOptions, settings?: AccountSettings | null): Promise<void> {
  if (t.channel !== "sms" && t.channel !== "whatsapp") return;
  try {
    const sms = (settings ?? (await recentAccountSettings(env, t.accountId))).sms;
    if (!sms?.autoReply && !sms?.notifyAgentIds?.length) return;
    const senders = await channelSenders(env, t.accountId, integrations);
    const consent = await channelConsent(env, t.accountId, t.customer.profileId, t.channel);
    if (wantsAutoReply(sms.autoReply, consent) && senders.twilio && t.customer.phone) {
      await senders.twilio.send({ channel: t.channel, to: t.customer.phone, body: sms.autoReply }).catch((err) => console.warn(`ticket ${t.id}: auto-reply not sent`, err));
    }
    const ids = sms.notifyAgentIds ?? [];
    if (ids.length > 0 && senders.email) {
      const email = newTextEmail(t, text, sms.linkBaseUrl);
      const to = await db(env.DB).select({ email: agents.email }).from(agents).where(and(eq(agents.accountId, t.accountId), inArray(agents.id, ids)));
      for (const a of to) await senders.email.send({ channel: "email", to: a.email, subject: email.subject, body: email.body }).catch((err) => console.warn(`ticket ${t.id}: notice to ${a.email} not sent`, err));
    }
  } catch (err) {
    console.warn(`ticket ${t.id}: new-conversation notices failed`, err);
  }
}
