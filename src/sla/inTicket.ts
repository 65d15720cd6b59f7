// The SLA timer inside a ticket actor: after every change it finds the target running now (src/sla/rules.ts),
// counts a finished target as met or missed, and keeps one job in the actor's schedule for the due time, when the
// alarm notes the breach in the thread (the assignee sees it) and the dashboards turn the row red.
import type { AccountSettings } from "../accounts/settings.ts";
import { findAgent } from "../accounts/service.ts";
import { before, type TicketHost } from "../tickets/host.ts";
import { finishedTarget, matchPolicy, runningTarget, type SlaTarget } from "./rules.ts";

export const SLA_JOB = "sla";
const BREACH_NOTED = "sla_breach_noted";

const kindName = { first_response: "First response", next_response: "Next response", resolution: "Resolution" } as const;

export class SlaTimer {
  constructor(private readonly host: TicketHost) {}

  private get store() {
    return this.host.store;
  }

  /** Recomputes the running target from the state (settings null: not known here, so the target stays as it was). */
  apply(settings: Pick<AccountSettings, "sla" | "officeHours"> | null): void {
    if (!settings) return;
    const t = this.host.ticket();
    const now = this.host.seams().clock.now();
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

  /** The alarm at the due time: a note in the thread, once per target; the dashboards turn the row red and tell the assignee. */
  async due(): Promise<void> {
    const t = this.host.ticket();
    const now = this.host.seams().clock.now();
    this.store.unschedule(SLA_JOB);
    const target = t.sla;
    if (!target || now < target.dueAt || t.status !== "open" || this.store.get(BREACH_NOTED) === targetKey(target)) return;
    this.store.set(BREACH_NOTED, targetKey(target));
    const assignee = t.assigneeId ? await findAgent(this.host.env, t.accountId, t.assigneeId).catch(() => null) : null;
    const who = assignee ? ` — ${assignee.name}, this ticket is yours` : " — the ticket has no assignee";
    const previous = before(t);
    const note = this.host.append({ author: "system", internal: true, body: `SLA breached: ${kindName[target.kind]} was due ${new Date(target.dueAt).toISOString().replace(".000Z", "Z")}${who}.` });
    await this.host.commit(previous, [note], ["ticket.updated", "ticket.sla_breached"]);
  }
}

function targetKey(s: SlaTarget): string {
  return `${s.policyId}:${s.kind}:${s.startedAt}`;
}

function sameTarget(a: SlaTarget | null, b: SlaTarget | null): boolean {
  if (a === null || b === null) return a === b;
  return a.policyId === b.policyId && a.kind === b.kind && a.startedAt === b.startedAt && a.dueAt === b.dueAt && a.warnAt === b.warnAt;
}
