// Sending one webhook request and the queue consumer around it: every attempt is signed, logged in
// webhook_deliveries, and a failed one is retried from the queue with backoff until MAX_ATTEMPTS.
import { desc, eq, lt } from "drizzle-orm";
import { db } from "../db/client.ts";
import { webhookDeliveries } from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";
import { signatureHeader, SIGNATURE_HEADER } from "./signature.ts";
import { findSubscription, signingSecretOf } from "./subscriptions.ts";
import { refuseWebhookUrl } from "./urls.ts";
import type { WebhookEvent } from "./events.ts";

/** One queue message: an event for one subscription. */
export interface DeliveryJob {
  accountId: string;
  subscriptionId: string;
  event: WebhookEvent;
}

/** Attempts per event and subscription; the waits before attempts 2, 3, … (seconds; Queues delays at most 12 h). */
export const MAX_ATTEMPTS = 8;
const RETRY_SECONDS = [10, 30, 120, 600, 1_800, 3_600, 10_800];
export const REQUEST_TIMEOUT_MS = 10_000;
/** Delivery log rows older than this are swept by the cron. */
export const DELIVERY_LOG_DAYS = 14;

export function retryDelaySeconds(attempt: number): number {
  return RETRY_SECONDS[Math.min(Math.max(attempt, 1), RETRY_SECONDS.length) - 1] ?? 3_600;
}

/** How requests leave the Worker: the platform fetch, replaced by a fake receiver in the workerd tests. */
export const webhookTransport: { fetch: (request: Request) => Promise<Response> } = { fetch: (request) => fetch(request) };

export interface DeliveryRecord {
  id: string;
  eventId: string;
  eventType: string;
  attempt: number;
  status: number | null;
  ok: boolean;
  durationMs: number;
  error: string | null;
  at: string;
}

type Outcome = "delivered" | "retry" | "dropped";

/** One attempt: signs and sends the event, logs it; `dropped` when the subscription is gone or can't be used. */
export async function deliverOnce(env: Env, secret: string, job: DeliveryJob, attempt: number, now: () => number = Date.now): Promise<{ outcome: Outcome; record: DeliveryRecord | null }> {
  const sub = await findSubscription(env, job.accountId, job.subscriptionId);
  if (!sub) return { outcome: "dropped", record: null };
  const signing = await signingSecretOf(secret, sub);
  const refused = refuseWebhookUrl(sub.url, env.ENVIRONMENT);
  const body = JSON.stringify(job.event);
  const started = now();
  let status: number | null = null;
  let error: string | null = refused ? `url refused: ${refused}` : signing ? null : "the signing secret cannot be read (TOKEN_SECRET changed?)";
  if (!error && signing) {
    try {
      const res = await webhookTransport.fetch(
        new Request(sub.url, {
          method: "POST",
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          headers: {
            "Content-Type": "application/json",
            "User-Agent": "Edgedesk-Webhooks/1",
            [SIGNATURE_HEADER]: await signatureHeader(signing, body, now()),
            "Edgedesk-Event-Id": job.event.id,
            "Edgedesk-Event-Type": job.event.type,
            "Edgedesk-Delivery-Attempt": String(attempt),
          },
        }),
      );
      status = res.status;
      await res.body?.cancel();
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : "request failed";
    }
  }
  const record: DeliveryRecord = {
    id: newId("whd", started),
    eventId: job.event.id,
    eventType: job.event.type,
    attempt,
    status,
    ok: error === null,
    durationMs: Math.max(0, now() - started),
    error,
    at: new Date(started).toISOString(),
  };
  await db(env.DB)
    .insert(webhookDeliveries)
    .values({ id: record.id, accountId: job.accountId, subscriptionId: sub.id, eventId: record.eventId, eventType: record.eventType, attempt, status, durationMs: record.durationMs, error, at: started })
    .catch((err) => console.warn("webhook delivery log write failed", err));
  if (record.ok) return { outcome: "delivered", record };
  // A refused URL or unreadable secret will not heal by waiting.
  if (refused || !signing || attempt >= MAX_ATTEMPTS) return { outcome: "dropped", record };
  return { outcome: "retry", record };
}

/** The queue consumer: each message is one event for one subscription; the queue redelivers the ones retried. */
export async function deliverBatch(batch: MessageBatch<DeliveryJob>, env: Env, secret: string): Promise<void> {
  await Promise.all(
    batch.messages.map(async (msg) => {
      try {
        const { outcome } = await deliverOnce(env, secret, msg.body, msg.attempts);
        if (outcome === "retry") msg.retry({ delaySeconds: retryDelaySeconds(msg.attempts) });
        else msg.ack();
      } catch (err) {
        console.warn("webhook delivery failed before sending", err);
        msg.retry({ delaySeconds: retryDelaySeconds(msg.attempts) });
      }
    }),
  );
}

export async function listDeliveries(env: Env, subscriptionId: string, limit: number): Promise<DeliveryRecord[]> {
  const rows = await db(env.DB).select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscriptionId)).orderBy(desc(webhookDeliveries.at), desc(webhookDeliveries.id)).limit(limit);
  return rows.map((r) => ({ id: r.id, eventId: r.eventId, eventType: r.eventType, attempt: r.attempt, status: r.status, ok: r.error === null, durationMs: r.durationMs, error: r.error, at: new Date(r.at).toISOString() }));
}

/** The cron's sweep of old delivery log rows. */
export async function sweepDeliveries(env: Env, now: number): Promise<void> {
  await db(env.DB).delete(webhookDeliveries).where(lt(webhookDeliveries.at, now - DELIVERY_LOG_DAYS * 24 * 3_600_000));
}
