// Handoff to an outside helpdesk without the Worker around it: the ticket (transcript with timestamps, requester, profile id) sent through the Zendesk/Gorgias adapters, and the chat-ending wording.
import type { Providers } from "../integrations/registry.ts";
import type { HandoffChannel, HandoffTicket, TranscriptAuthor } from "../integrations/types.ts";
import { t, type Lang } from "./i18n/index.ts";

export type HandoffPlatform = "builtin" | "zendesk" | "gorgias";
export type OutsidePlatform = Exclude<HandoffPlatform, "builtin">;

export interface HandoffRequest {
  /** The whole conversation, oldest first, with epoch-ms times. */
  transcript: readonly { author: TranscriptAuthor; text: string; at: number }[];
  requester: { email?: string | undefined; phone?: string | undefined; name?: string | undefined };
  profileId?: string | undefined;
  channel: HandoffChannel;
  subject?: string | undefined;
  /** Edgedesk's ticket id, stored on the outside ticket to link back. */
  ticketId?: string | undefined;
  tags?: readonly string[] | undefined;
}

export interface HandoffOutcome {
  platform: OutsidePlatform;
  externalId: string;
  url: string | null;
}

export const platformLabels: Record<HandoffPlatform, string> = { builtin: "the Edgedesk helpdesk", zendesk: "Zendesk", gorgias: "Gorgias" };

/** The shopper's first message, shortened: what the team sees in the outside helpdesk's ticket list. */
export function handoffSubject(transcript: HandoffRequest["transcript"]): string {
  const first = transcript.find((e) => e.author === "customer")?.text.replace(/\s+/g, " ").trim();
  if (!first) return "Conversation handed off by the AI agent";
  return first.length > 80 ? `${first.slice(0, 79).trimEnd()}…` : first;
}

export function handoffTicket(req: HandoffRequest): HandoffTicket {
  return {
    subject: req.subject?.trim() || handoffSubject(req.transcript),
    transcript: req.transcript.map((e) => ({ author: e.author, body: e.text, createdAt: new Date(e.at).toISOString() })),
    requester: {
      ...(req.requester.email ? { email: req.requester.email } : {}),
      ...(req.requester.phone ? { phone: req.requester.phone } : {}),
      ...(req.requester.name ? { name: req.requester.name } : {}),
    },
    ...(req.profileId ? { profileId: req.profileId } : {}),
    channel: req.channel,
    tags: [...(req.tags ?? [])],
    ...(req.ticketId ? { externalId: req.ticketId } : {}),
  };
}

/** null when the platform isn't connected (or its credentials no longer validate). */
export async function sendToHelpdesk(helpdesk: Providers["helpdesk"], platform: OutsidePlatform, req: HandoffRequest): Promise<HandoffOutcome | null> {
  const provider = helpdesk?.[platform];
  if (!provider) return null;
  const created = await provider.createTicket(handoffTicket(req));
  return { platform, externalId: created.externalId, url: created.url ?? null };
}

/**
 * What the shopper is told when the conversation goes to the team (docs/product.md §4), in the conversation's language:
 * the built-in helpdesk continues in the same conversation; with Zendesk/Gorgias the chat ends — web chat moves to email,
 * SMS continues by SMS.
 */
export function handoffClosingMessage(platform: HandoffPlatform, channel: HandoffChannel, email?: string, lang: Lang = "en"): string {
  if (platform === "builtin") return t(lang, channel === "webchat" ? "handoff.closing.builtin.chat" : channel === "email" ? "handoff.closing.builtin.email" : "handoff.closing.builtin.other");
  switch (channel) {
    case "webchat":
      return email ? t(lang, "handoff.closing.outside.chatEmail", { email }) : t(lang, "handoff.closing.outside.chat");
    case "sms":
      return t(lang, "handoff.closing.outside.sms");
    case "email":
      return t(lang, "handoff.closing.outside.email");
    case "whatsapp":
    case "instagram":
      return t(lang, "handoff.closing.outside.here");
  }
}
