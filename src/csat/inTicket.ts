// The CSAT survey inside a ticket actor: asks once when the ticket is closed (src/csat/rules.ts says when and how),
// and records the answer — from the widget's card, the email link or a messaging reply — with a note for the team.
import { before, type TicketHost } from "../tickets/host.ts";
import { toMessageView, toTicketView, type MessageRecord } from "../tickets/model.ts";
import type { CustomerMessageInput, ReceiveResult } from "../tickets/rpc.ts";
import { canAnswer, CSAT_CARD_TYPE, scoreFromText, shouldAsk, surveyText, type CsatSettings } from "./rules.ts";

export type CsatOutcome = "ok" | "not_asked" | "answered" | "expired";

export class CsatSurvey {
  constructor(private readonly host: TicketHost) {}

  /** After a close: appends the survey when one is due (visible at the next commit). */
  ask(settings: CsatSettings, closedByPerson: boolean, link: string | null, now: number): MessageRecord | null {
    const t = this.host.ticket();
    if (!shouldAsk(t, settings, closedByPerson)) return null;
    t.csatAskedAt = now;
    const cards =
      t.channel === "webchat"
        ? [{ type: CSAT_CARD_TYPE, title: "How did we do?", data: { scale: 5, ticketId: t.id }, actions: [1, 2, 3, 4, 5].map((n) => ({ label: String(n), action: `csat:${n}` })) }]
        : null;
    // One survey per ticket whatever retries happen: the id is the ticket's.
    return this.host.append({ id: `msg_csat${t.id}`, author: "system", body: surveyText(t.channel, link), cards });
  }

  /** Records the shopper's answer; `id` makes a retried answer (a provider's redelivery) land once. */
  rate(input: { score: number; comment?: string | undefined; via: string; id?: string }, now: number): { outcome: CsatOutcome; note: MessageRecord | null } {
    const t = this.host.ticket();
    const outcome = canAnswer(t, now);
    if (outcome !== "ok") return { outcome, note: null };
    const comment = input.comment?.trim() || undefined;
    t.csat = comment ? { score: input.score, comment, at: now } : { score: input.score, at: now };
    const said = comment ? `: “${comment}”` : "";
    const note = this.host.append({ id: input.id, author: "system", internal: true, body: `The customer rated this conversation ${input.score}/5 (${input.via})${said}` });
    return { outcome, note };
  }

  /** A messaging reply that is only a score ("4") to a closed ticket's survey is the rating, not a new question. */
  async answerByReply(message: CustomerMessageInput): Promise<ReceiveResult | null> {
    const t = this.host.ticket();
    if (t.status !== "closed" || t.csatAskedAt == null || t.channel === "webchat") return null;
    const score = scoreFromText(message.body);
    if (score === null) return null;
    const known = this.host.thread.find(message.id);
    if (known) return { accepted: true, ticket: toTicketView(t), message: toMessageView(t.id, known), created: false, reopened: false, duplicate: true, replies: [] };
    const previous = before(t);
    const { note } = this.rate({ score, via: `${t.channel} reply`, id: message.id }, this.host.seams().clock.now());
    if (!note) return null;
    await this.host.commit(previous, [note], ["ticket.updated", "ticket.csat"]);
    return { accepted: true, ticket: toTicketView(t), message: toMessageView(t.id, note), created: false, reopened: false, duplicate: false, replies: [] };
  }
}
