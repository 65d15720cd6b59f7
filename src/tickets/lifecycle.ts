// Time-driven changes of a ticket's status: a snooze that ends (from the actor's alarm) and the auto-close sweep's
// close of a conversation the customer left quiet (docs/product.md §2).
import type { AccountSettings } from "../accounts/settings.ts";
import type { CsatSurvey } from "../csat/inTicket.ts";
import { DEFAULT_CSAT } from "../csat/rules.ts";
import { before, type TicketHost } from "./host.ts";
import type { TicketState } from "./model.ts";
import { shouldAutoClose } from "./rules.ts";

export const SNOOZE_JOB = "snooze";

export class TicketLifecycle {
  constructor(
    private readonly host: TicketHost,
    private readonly csat: CsatSurvey,
  ) {}

  /** On every commit: a snoozed ticket's end is a job in the schedule; a ticket that left the snooze drops it. */
  committed(t: TicketState, previous: ReturnType<typeof before>): void {
    if (t.status === "snoozed" && t.snoozeUntil != null) this.host.store.schedule(SNOOZE_JOB, t.snoozeUntil);
    else if (previous.status === "snoozed") this.host.store.unschedule(SNOOZE_JOB);
  }

  /** The snooze job is due: the ticket opens again, unread, with a note saying why. */
  async snoozeEnded(): Promise<void> {
    const t = this.host.ticket();
    if (t.status !== "snoozed" || t.snoozeUntil == null || t.snoozeUntil > this.host.seams().clock.now()) return;
    const previous = before(t);
    t.status = "open";
    t.snoozeUntil = null;
    t.unread = true;
    const note = this.host.append({ author: "system", body: "Snooze ended: the ticket is open again.", internal: true });
    await this.host.commit(previous, [note], ["ticket.updated", "ticket.snooze_ended"]);
  }

  /** Closes the ticket if, by its own state, the customer has been quiet for `afterHours` since the team's last reply at `at`. */
  async autoClose(input: { afterHours: number; at: number }, settings: AccountSettings | null): Promise<boolean> {
    const t = this.host.ticket();
    if (!shouldAutoClose(t, input.afterHours, input.at)) return false;
    const hours = Number.isInteger(input.afterHours) ? String(input.afterHours) : input.afterHours.toFixed(1);
    const previous = before(t);
    const note = this.host.append({ author: "system", body: `Closed automatically: no reply from the customer for ${hours} hours.`, internal: true });
    t.status = "closed";
    t.closedAt = this.host.seams().clock.now();
    // Nobody closed it by hand: only an AI-handled conversation, and only when the account asks for those, is surveyed.
    const survey = settings ? this.csat.ask(settings.csat ?? DEFAULT_CSAT, false, null, t.closedAt) : null;
    await this.host.commit(previous, [note, survey]);
    return true;
  }
}
