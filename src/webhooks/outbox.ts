// The ticket actor's webhook outbox: a commit records its webhook events in the actor's SQLite in the same step as
// the state (no outside call on the live path); a background flush hands them to the delivery queue, one message per
// interested subscription, and the alarm retries the hand-over until the queue takes them.
import { backoff, type ActorStorage, type Migration } from "../actors/storage.ts";
import type { Clock } from "../lib/clock.ts";
import { newId } from "../lib/ids.ts";
import type { DeliveryJob } from "./deliver.ts";
import { eventsOfCommit, type CommitFacts, type WebhookEvent } from "./events.ts";
import { knownUnwanted, subscribersOf } from "./subscriptions.ts";

export const WEBHOOK_JOB = "webhooks";
/** If the flush started by a commit has not landed by then (the actor restarted), the alarm hands the events over. */
const SAFETY_NET_MS = 5_000;
/** Queues takes at most 100 messages per sendBatch. */
const QUEUE_BATCH = 100;

export const webhookOutboxSchema: Migration = (sql) => {
  sql.exec("CREATE TABLE IF NOT EXISTS webhook_outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL)");
};

export interface WebhookOutboxHooks {
  clock: () => Clock;
  queue: () => Queue;
  reschedule: () => void;
  waitUntil: (p: Promise<unknown>) => void;
}

export class WebhookOutbox {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly env: Env,
    private readonly store: ActorStorage,
    private readonly hooks: WebhookOutboxHooks,
  ) {}

  /** Records the commit's events (synchronously, with the state). False when there was nothing anyone wants. */
  record(accountId: string, facts: CommitFacts): boolean {
    const events = eventsOfCommit(facts);
    if (events.length === 0 || knownUnwanted(this.env, accountId, events.map((e) => e.type))) return false;
    const now = this.hooks.clock().now();
    for (const e of events) {
      const event: WebhookEvent = { id: newId("evt", now), type: e.type, createdAt: new Date(now).toISOString(), accountId, data: e.data };
      this.store.sql.exec("INSERT INTO webhook_outbox (body) VALUES (?)", JSON.stringify(event));
    }
    this.store.scheduleBy(WEBHOOK_JOB, now + SAFETY_NET_MS);
    this.hooks.reschedule();
    return true;
  }

  /** A commit: its events are recorded now and handed to the queue in the background. */
  committed(accountId: string, facts: CommitFacts): void {
    if (this.record(accountId, facts)) this.hooks.waitUntil(this.flush(accountId));
  }

  /** Hands recorded events to the queue; one flush at a time; never throws (the alarm retries). */
  flush(accountId: string): Promise<void> {
    const run = this.chain.then(() => this.flushOnce(accountId));
    this.chain = run.catch(() => undefined);
    return this.chain;
  }

  private async flushOnce(accountId: string): Promise<void> {
    const rows = this.store.sql.exec<{ seq: number; body: string }>("SELECT seq, body FROM webhook_outbox ORDER BY seq LIMIT 500").toArray();
    if (rows.length === 0) return this.settle();
    try {
      const subscribers = await subscribersOf(this.env, accountId);
      const jobs: { body: DeliveryJob; contentType: "json" }[] = [];
      for (const row of rows) {
        const event = JSON.parse(row.body) as WebhookEvent;
        for (const s of subscribers) if ((s.events as string[]).includes(event.type)) jobs.push({ body: { accountId, subscriptionId: s.id, event }, contentType: "json" });
      }
      for (let i = 0; i < jobs.length; i += QUEUE_BATCH) await this.hooks.queue().sendBatch(jobs.slice(i, i + QUEUE_BATCH));
      const last = rows[rows.length - 1]!.seq;
      this.store.sql.exec("DELETE FROM webhook_outbox WHERE seq <= ?", last);
      this.store.delete("webhook_failures");
      if (rows.length === 500) return this.flushOnce(accountId);
      this.settle();
    } catch (err) {
      const failures = this.store.bump("webhook_failures");
      this.store.schedule(WEBHOOK_JOB, this.hooks.clock().now() + backoff(failures));
      this.hooks.reschedule();
      console.warn(`webhook outbox: the queue did not take the events (attempt ${failures}), retrying from the alarm`, err);
    }
  }

  private settle(): void {
    if (this.store.dueAt(WEBHOOK_JOB) === null) return;
    this.store.unschedule(WEBHOOK_JOB);
    this.hooks.reschedule();
  }
}
