// docs/product.md §1: how an inbound message attaches to a customer's tickets on each channel.
import type { Channel, TicketStatus } from "../schemas/ticket.ts";

export type AttachDecision = "append" | "reopen" | "new";

/**
 * `latest` is the status of the ticket the thread (email) or sender (SMS, WhatsApp, Instagram)
 * last attached to, or null when there is none. Web chat is conversation-scoped: each
 * conversation is its own ticket, so a message into a closed one never reopens it.
 */
export function decideAttach(channel: Channel, latest: TicketStatus | null): AttachDecision {
  if (latest === null) return "new";
  switch (channel) {
    case "webchat":
      return latest === "closed" ? "new" : "append";
    case "email":
    case "sms":
    case "whatsapp":
      return latest === "closed" ? "reopen" : "append";
    case "instagram":
      return latest === "closed" ? "new" : "append";
  }
}

/** The key a channel threads by: the email thread, else the normalised sender address. */
export function threadKeyFor(channel: Channel, from: string, threadId?: string | null): string {
  if (channel === "email") return (threadId ?? "").trim() || normaliseSender(channel, from);
  return normaliseSender(channel, from);
}

export function normaliseSender(channel: Channel, from: string): string {
  const raw = from.trim();
  if (channel === "email") {
    const angle = /<([^>]+)>/.exec(raw);
    return (angle?.[1] ?? raw).trim().toLowerCase();
  }
  if (channel === "sms" || channel === "whatsapp") {
    const bare = raw.replace(/^whatsapp:/i, "");
    const digits = bare.replace(/[^\d+]/g, "");
    return /\d{5,}/.test(digits) ? (digits.startsWith("+") ? digits : `+${digits}`) : bare.toLowerCase();
  }
  return raw.toLowerCase();
}
