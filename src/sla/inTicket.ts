// The SLA timer inside a ticket actor: after every change it finds the target running now (src/sla/rules.ts),
// counts a finished target as met or missed, and keeps one job in the actor's schedule for the due time, when the
// alarm notes the breach in the thread (the assignee sees it) and the dashboards turn the row red.
import type { ActorStorage } from "../actors/storage.ts";
import type { AccountSettings } from "../accounts/settings.ts";
import type { TicketState } from "../tickets/model.ts";
import { finishedTarget, matchPolicy, runningTarget, type SlaTarget } from "./rules.ts";

export const SLA_JOB = "sla";
const BREACH_NOTED = "sla_breach_noted";

const kindName = { first_response: "First response", next_response: "Next response", resolution: "Resolution" } as const;

export class SlaTimer {
  constructor(private readonly store: ActorStorage) {}

  /** Recomputes the running target from the state (settings null: not known here, so the target stays as it was). */
  apply(t: TicketState, settings: Pick<AccountSettings, "sla" | "officeHours"> | null, now: number): void {
    if (!settings) return;
    const policy = matchPolicy(settings.sla?.policies ?? [], t);
    const previous = t.sla ?? null;
    const next = runningTarget(t, policy, settings.officeHours);
    const finished = finishedTarget(previous, next, t, now);
    if (finished) {
      t.slaMeasured = (t.slaMeasured ?? 0) + 1;
      if (finished.met) t.slaMet = (t.slaMet ?? 0) + 1;
    }
    if (!sameTarget(previous, next)) t.sla = next;
    if (policy) t.slaPolicyId = policy.id;
    if (next && this.store.get(BREACH_NOTED) !== targetKey(next) && next.dueAt < Number.MAX_SAFE_INTEGER) this.store.schedule(SLA_JOB, next.dueAt);
    else this.store.unschedule(SLA_JOB);
  }

  /** The alarm at the due time: the breach text for the thread, once per target (null if nothing is breached). */
  breached(t: TicketState, now: number, assigneeName: string | null): string | null {
    this.store.unschedule(SLA_JOB);
    const target = t.sla;
    if (!target || now < target.dueAt || t.status !== "open" || this.store.get(BREACH_NOTED) === targetKey(target)) return null;
    this.store.set(BREACH_NOTED, targetKey(target));
    const who = assigneeName ? ` — ${assigneeName}, this ticket is yours` : " — the ticket has no assignee";
    return `SLA breached: ${kindName[target.kind]} was due ${new Date(target.dueAt).toISOString().replace(".000Z", "Z")}${who}.`;
  }
}

function targetKey(s: SlaTarget): string {
  return `${s.policyId}:${s.kind}:${s.startedAt}`;
}

function sameTarget(a: SlaTarget | null, b: SlaTarget | null): boolean {
  if (a === null || b === null) return a === b;
  return a.policyId === b.policyId && a.kind === b.kind && a.startedAt === b.startedAt && a.dueAt === b.dueAt && a.warnAt === b.warnAt;
}
