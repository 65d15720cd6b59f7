// The ticket actor's link to assignment: reports each change that matters (routing, queues, counts) once, in order, retrying until delivered.
import { backoff, type ActorStorage } from "../actors/storage.ts";
import type { Clock } from "../lib/clock.ts";
import { factsOf, sameFacts, type AssignmentFacts, type TicketLike } from "./rules.ts";
import { syncAssignment, type AdoptTeam } from "./service.ts";

export const ASSIGNMENT_JOB = "assignment";
const LATEST = "assignment_latest";
const REPORTED = "assignment_reported";
const FAILURES = "assignment_failures";
/** A report not delivered by then (the actor was evicted or restarted mid-way) is sent from the alarm. */
const SAFETY_NET_MS = 30_000;

export interface AssignmentLinkHooks {
  clock: () => Clock;
  /** Changes the ticket's team as routing decided (a compare-and-set on the facts routing saw). */
  adoptTeam: AdoptTeam;
  /** Re-plans the ticket actor's single alarm. */
  reschedule: () => void;
  waitUntil: (p: Promise<unknown>) => void;
}

export class AssignmentLink {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly env: Env,
    private readonly store: ActorStorage,
    private readonly hooks: AssignmentLinkHooks,
  ) {}

  /** Called on every commit of the ticket, before its alarm is planned; cheap when nothing relevant changed. */
  changed(t: TicketLike): void {
    const facts = factsOf(t);
    const latest = this.store.getJson<AssignmentFacts>(LATEST);
    if (latest && sameFacts(latest, facts)) return;
    this.store.setJson(LATEST, facts);
    if (this.store.dueAt(ASSIGNMENT_JOB) === null) this.store.schedule(ASSIGNMENT_JOB, this.hooks.clock().now() + SAFETY_NET_MS);
    this.hooks.waitUntil(this.flush());
  }

  /** Reports whatever has not been reported yet; one report at a time, in order. Never throws. */
  flush(): Promise<void> {
    const run = this.chain.then(() => this.flushOnce());
    this.chain = run.catch(() => undefined);
    return this.chain;
  }

  private async flushOnce(): Promise<void> {
    for (;;) {
      const latest = this.store.getJson<AssignmentFacts>(LATEST);
      const reported = this.store.getJson<AssignmentFacts>(REPORTED);
      if (!latest || (reported && sameFacts(reported, latest))) break;
      try {
        await syncAssignment(this.env, reported, latest, this.hooks.adoptTeam);
      } catch (err) {
        const failures = this.store.bump(FAILURES);
        this.store.schedule(ASSIGNMENT_JOB, this.hooks.clock().now() + backoff(failures));
        this.hooks.reschedule();
        console.warn(`ticket ${latest.ticketId}: assignment report failed (attempt ${failures}), retrying from alarm`, err);
        return;
      }
      this.store.setJson(REPORTED, latest);
    }
    if (this.store.dueAt(ASSIGNMENT_JOB) !== null) {
      this.store.unschedule(ASSIGNMENT_JOB);
      this.store.delete(FAILURES);
      this.hooks.reschedule();
    }
  }
}
