// The ticket actor's link to assignment: reports each change that matters (routing, queues, counts) once, in order, retrying until delivered.
import { factsOf, sameFacts, type AssignmentFacts, type TicketLike } from "./rules.ts";
import type { Clock } from "../lib/clock.ts";
import { syncAssignment, type AdoptTeam } from "./service.ts";

const LATEST = "assignment_latest";
const REPORTED = "assignment_reported";
const RETRY_AT = "assignment_retry_at";
const FAILURES = "assignment_failures";
const RETRY_MS = [1_000, 5_000, 15_000, 60_000, 300_000];
/** A report not delivered by then (the actor was evicted or restarted mid-way) is sent from the alarm. */
const SAFETY_NET_MS = 30_000;

export interface AssignmentLinkHooks {
  clock: () => Clock;
  /** Changes the ticket's team as routing decided (a compare-and-set on the facts routing saw). */
  adoptTeam: AdoptTeam;
  /** Re-plans the ticket actor's single alarm (it asks `retryAt()`). */
  reschedule: () => void;
}

export class AssignmentLink {
  private readonly ctx: DurableObjectState;
  private readonly env: Env;
  private readonly hooks: AssignmentLinkHooks;
  private chain: Promise<void> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Env, hooks: AssignmentLinkHooks) {
    this.ctx = ctx;
    this.env = env;
    this.hooks = hooks;
  }

  /** Called on every commit of the ticket, before its alarm is planned; cheap when nothing relevant changed. */
  changed(t: TicketLike): void {
    const facts = factsOf(t);
    const latest = this.read(LATEST);
    if (latest && sameFacts(latest, facts)) return;
    this.write(LATEST, facts);
    if (this.get(RETRY_AT) === null) this.set(RETRY_AT, String(this.hooks.clock().now() + SAFETY_NET_MS));
    this.ctx.waitUntil(this.flush());
  }

  /** When a failed report is due again (the ticket actor's alarm calls `flush`), or null. */
  retryAt(): number | null {
    const raw = this.get(RETRY_AT);
    return raw === null ? null : Number(raw);
  }

  /** Reports whatever has not been reported yet; one report at a time, in order. Never throws. */
  flush(): Promise<void> {
    const run = this.chain.then(() => this.flushOnce());
    this.chain = run.catch(() => undefined);
    return this.chain;
  }

  private async flushOnce(): Promise<void> {
    for (;;) {
      const latest = this.read(LATEST);
      const reported = this.read(REPORTED);
      if (!latest || (reported && sameFacts(reported, latest))) return;
      try {
        await syncAssignment(this.env, reported, latest, this.hooks.adoptTeam);
      } catch (err) {
        const failures = Number(this.get(FAILURES) ?? "0") + 1;
        this.set(FAILURES, String(failures));
        this.set(RETRY_AT, String(this.hooks.clock().now() + (RETRY_MS[Math.min(failures - 1, RETRY_MS.length - 1)] ?? 60_000)));
        this.hooks.reschedule();
        console.warn(`ticket ${latest.ticketId}: assignment report failed (attempt ${failures}), retrying from alarm`, err);
        return;
      }
      this.write(REPORTED, latest);
      if (this.get(RETRY_AT) !== null) {
        this.del(RETRY_AT);
        this.del(FAILURES);
        this.hooks.reschedule();
      }
    }
  }

  private read(key: string): AssignmentFacts | null {
    const raw = this.get(key);
    return raw ? (JSON.parse(raw) as AssignmentFacts) : null;
  }

  private write(key: string, facts: AssignmentFacts): void {
    this.set(key, JSON.stringify(facts));
  }

  private get(key: string): string | null {
    return this.ctx.storage.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  private set(key: string, value: string): void {
    this.ctx.storage.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, value);
  }

  private del(key: string): void {
    this.ctx.storage.sql.exec("DELETE FROM meta WHERE key = ?", key);
  }
}
