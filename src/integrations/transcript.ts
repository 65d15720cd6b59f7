// Renders a handoff transcript (with timestamps, email and profile id) as the opening message of a ticket in an outside helpdesk.
import type { HandoffChannel, HandoffTicket, TranscriptAuthor } from "./types.ts";

const channelLabels: Record<HandoffChannel, string> = {
  webchat: "web chat",
  email: "email",
  sms: "SMS",
  whatsapp: "WhatsApp",
  instagram: "Instagram",
};

function authorLabel(author: TranscriptAuthor, customerName: string | undefined): string {
  switch (author) {
    case "customer":
      return customerName ?? "Customer";
    case "ai":
      return "AI agent";
    case "agent":
      return "Agent";
    case "system":
      return "System";
  }
}

function headerLines(ticket: HandoffTicket): string[] {
  const contact = ticket.requester.email ?? ticket.requester.phone ?? "unknown";
  const who = ticket.requester.name ? `${ticket.requester.name} <${contact}>` : contact;
  const lines = [
    `Conversation handed off by the Edgedesk AI agent (${channelLabels[ticket.channel]}).`,
    `Customer: ${who}`,
  ];
  if (ticket.requester.phone) lines.push(`Phone: ${ticket.requester.phone}${ticket.channel === "sms" || ticket.channel === "whatsapp" ? ` (the conversation continues by ${channelLabels[ticket.channel]} from Edgedesk)` : ""}`);
  if (ticket.profileId) lines.push(`Profile: ${ticket.profileId}`);
  return lines;
}

export function transcriptText(ticket: HandoffTicket): string {
  const entries = ticket.transcript.map(
    (e) => `[${e.createdAt}] ${authorLabel(e.author, ticket.requester.name)}: ${e.body}`,
  );
  return [...headerLines(ticket), "", ...entries].join("\n");
}

function escapeHtml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function transcriptHtml(ticket: HandoffTicket): string {
  const header = headerLines(ticket).map((l) => `<p>${escapeHtml(l)}</p>`);
  const entries = ticket.transcript.map(
    (e) =>
      `<p><strong>[${escapeHtml(e.createdAt)}] ${escapeHtml(authorLabel(e.author, ticket.requester.name))}:</strong> ${escapeHtml(e.body).replaceAll("\n", "<br>")}</p>`,
  );
  return [...header, "<hr>", ...entries].join("\n");
}

/** A requester name for helpdesks that want one when they create a new end user. */
export function requesterName(ticket: HandoffTicket): string {
  const { name, email, phone } = ticket.requester;
  return name ?? (email ? (email.split("@")[0] ?? email) : (phone ?? "Customer"));
}
