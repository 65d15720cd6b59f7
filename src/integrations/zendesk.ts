// Handoff to Zendesk Support: creates a ticket with the chat transcript through the Tickets API (POST /api/v2/tickets.json, API-token Basic auth).
import { z } from "zod";

import { basicAuth, parseResponse, requestJson, resolveFetch, trimTrailingSlash } from "./http.ts";
import type { AdapterOptions } from "./http.ts";
import { requesterName, transcriptText } from "./transcript.ts";
import type { HandoffTicket, HelpdeskProvider } from "./types.ts";

export interface ZendeskOptions extends AdapterOptions {
  /** "northwind" for northwind.zendesk.com */
  subdomain: string;
  /** The agent email the API token belongs to. */
  email: string;
  apiToken: string;
}

const createdTicket = z.object({ ticket: z.object({ id: z.number() }) });

// Zendesk splits tags on whitespace, so normalise before sending.
function zendeskTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, "_");
}

export function zendeskTicketBody(ticket: HandoffTicket) {
  const tags = [...new Set(["edgedesk", "ai_handoff", `edgedesk_${ticket.channel}`, ...(ticket.tags ?? [])].map(zendeskTag))];
  return {
    ticket: {
      subject: ticket.subject,
      comment: { body: transcriptText(ticket) },
      // Without an email (an SMS customer) Zendesk creates the end user from the name; the phone is in the comment.
      requester: { name: requesterName(ticket), ...(ticket.requester.email ? { email: ticket.requester.email } : {}) },
      tags,
      ...(ticket.externalId ? { external_id: ticket.externalId } : {}),
    },
  };
}

export function createZendeskHelpdesk(opts: ZendeskOptions): HelpdeskProvider {
  const doFetch = resolveFetch(opts.fetch);
  const base = trimTrailingSlash(opts.baseUrl ?? `https://${opts.subdomain}.zendesk.com`);
  const authorization = basicAuth(`${opts.email}/token`, opts.apiToken);

  return {
    async createTicket(ticket) {
      const raw = await requestJson("zendesk", doFetch, {
        method: "POST",
        url: `${base}/api/v2/tickets.json`,
        headers: { Authorization: authorization },
        body: zendeskTicketBody(ticket),
      });
      const { ticket: created } = parseResponse("zendesk", createdTicket, raw);
      return { externalId: String(created.id), url: `${base}/agent/tickets/${created.id}` };
    },
  };
}
