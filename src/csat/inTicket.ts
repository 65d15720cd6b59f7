// The CSAT survey inside a ticket actor: asks once when the ticket is closed (src/csat/rules.ts says when and how),
// and records the answer — from the widget's card, the email link or a messaging reply — with a note for the team.
import type { MessageRecord } from "../tickets/model.ts";
import type { TicketHost } from "../tickets/host.ts";
import { canAnswer, CSAT_CARD_TYPE, shouldAsk, surveyText, type CsatSettings } from "./rules.ts";

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
}
