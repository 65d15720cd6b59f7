// Handoff to Gorgias: creates a ticket with the chat transcript as one incoming API-channel message (POST /api/tickets, Basic auth email:apiKey).
import { z } from "zod";

import { basicAuth, parseResponse, requestJson, resolveFetch, trimTrailingSlash } from "./http.ts";
import type { AdapterOptions } from "./http.ts";
import { requesterName, transcriptHtml, transcriptText } from "./transcript.ts";
import type { HandoffTicket, HelpdeskProvider } from "./types.ts";

export interface GorgiasOptions extends AdapterOptions {
  /** "northwind" for northwind.gorgias.com */
  domain: string;
  /** The Gorgias user email the API key belongs to. */
  email: string;
  apiKey: string;
}

const createdTicket = z.object({ id: z.number() });

// The "api" channel needs no email or SMS integration on the Gorgias side; the team answers from there by email.
export function gorgiasTicketBody(ticket: HandoffTicket) {
  // Gorgias finds or creates the customer by email: a handoff there needs one (src/agent/inTicket.ts checks).
  // An SMS or WhatsApp customer's number goes on the customer too (the transcript says the conversation continues by text).
  const phone = ticket.requester.phone;
  const customer = { email: ticket.requester.email, name: requesterName(ticket), ...(phone ? { channels: [{ type: "phone", address: phone }] } : {}) };
  const tags = [...new Set(["edgedesk", "ai-handoff", `edgedesk-${ticket.channel}`, ...(ticket.tags ?? [])])];
  const first = ticket.transcript[0];
  return {
    customer,
    subject: ticket.subject,
    channel: "api",
    via: "api",
    from_agent: false,
    tags: tags.map((name) => ({ name })),
    ...(ticket.externalId ? { external_id: ticket.externalId } : {}),
    messages: [
      {
        channel: "api",
        via: "api",
        from_agent: false,
        sender: customer,
        subject: ticket.subject,
        body_text: transcriptText(ticket),
        body_html: transcriptHtml(ticket),
        ...(first ? { created_datetime: first.createdAt } : {}),
      },
    ],
  };
}

export function createGorgiasHelpdesk(opts: GorgiasOptions): HelpdeskProvider {
  const doFetch = resolveFetch(opts.fetch);
  const base = trimTrailingSlash(opts.baseUrl ?? `https://${opts.domain}.gorgias.com`);
  const authorization = basicAuth(opts.email, opts.apiKey);

  return {
    async createTicket(ticket) {
      const raw = await requestJson("gorgias", doFetch, {
        method: "POST",
        url: `${base}/api/tickets`,
        headers: { Authorization: authorization },
        body: gorgiasTicketBody(ticket),
      });
      const created = parseResponse("gorgias", createdTicket, raw);
      return { externalId: String(created.id), url: `${base}/app/ticket/${created.id}` };
    },
  };
}
