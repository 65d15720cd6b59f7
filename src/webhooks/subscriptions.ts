// Outbound webhook subscriptions in D1: create (secret sealed at rest), list, delete, and the account's current
// subscribers as the ticket actors' outbox reads them (cached for a few seconds per isolate).
import { and, desc, eq } from "drizzle-orm";
import { db } from "../db/client.ts";
import { webhookDeliveries, webhookSubscriptions } from "../db/schema/index.ts";
import { base64url } from "../lib/crypto.ts";
import { notFound } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import { seal, unseal } from "../lib/secrets.ts";
import type { WebhookEventType } from "./events.ts";

/** How long an isolate trusts its answer to "who subscribed?" before asking D1 again (docs/platform.md "Webhooks"). */
export const SUBSCRIBERS_MAX_AGE_MS = 5_000;

type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;

export interface Subscriber {
  id: string;
  events: WebhookEventType[];
}

function view(s: SubscriptionRow) {
  return { id: s.id, url: s.url, events: JSON.parse(s.events) as WebhookEventType[], createdAt: new Date(s.createdAt).toISOString(), createdBy: s.createdBy };
}
export type WebhookView = ReturnType<typeof view>;

const sealContext = (s: { accountId: string; id: string }) => `${s.accountId}:webhook:${s.id}`;

/** `secret` is TOKEN_SECRET, which seals the signing secret at rest (as integration credentials are). */
export async function createSubscription(env: Env, secret: string, input: { accountId: string; url: string; events: readonly WebhookEventType[]; createdBy: string }, now = Date.now()) {
  const id = newId("whk", now);
  const signingSecret = `whsec_${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
  const row: SubscriptionRow = {
    id,
    accountId: input.accountId,
    url: input.url,
    events: JSON.stringify([...new Set(input.events)]),
    secret: await seal(secret, signingSecret, sealContext({ accountId: input.accountId, id })),
    createdBy: input.createdBy,
    createdAt: now,
  };
  await db(env.DB).insert(webhookSubscriptions).values(row);
  forget(input.accountId);
  return { ...view(row), secret: signingSecret };
}

export async function listSubscriptions(env: Env, accountId: string): Promise<WebhookView[]> {
  const rows = await db(env.DB).select().from(webhookSubscriptions).where(eq(webhookSubscriptions.accountId, accountId)).orderBy(desc(webhookSubscriptions.createdAt), desc(webhookSubscriptions.id));
  return rows.map(view);
}

export async function findSubscription(env: Env, accountId: string, id: string): Promise<SubscriptionRow | null> {
  const rows = await db(env.DB).select().from(webhookSubscriptions).where(and(eq(webhookSubscriptions.accountId, accountId), eq(webhookSubscriptions.id, id))).limit(1);
  return rows[0] ?? null;
}

export async function subscriptionOr404(env: Env, accountId: string, id: string): Promise<SubscriptionRow> {
  const row = await findSubscription(env, accountId, id);
  if (!row) throw notFound("webhook");
  return row;
}

export async function deleteSubscription(env: Env, accountId: string, id: string): Promise<void> {
  const d = db(env.DB);
  const [rows] = await d.batch([
    d.delete(webhookSubscriptions).where(and(eq(webhookSubscriptions.accountId, accountId), eq(webhookSubscriptions.id, id))).returning({ id: webhookSubscriptions.id }),
    d.delete(webhookDeliveries).where(and(eq(webhookDeliveries.accountId, accountId), eq(webhookDeliveries.subscriptionId, id))),
  ]);
  if (!rows[0]) throw notFound("webhook");
  forget(accountId);
}

/** The subscription's signing secret, or null when it cannot be unsealed (TOKEN_SECRET changed). */
export function signingSecretOf(secret: string, s: SubscriptionRow): Promise<string | null> {
  return unseal(secret, s.secret, sealContext(s));
}

export { view as subscriptionView };

// ---- the account's subscribers, as the ticket actors' outbox asks ----------------------------------------------

/** Per account: the lookup in flight or done (at most SUBSCRIBERS_MAX_AGE_MS old), and the last value that settled. */
const recent = new Map<string, { at: number; subscribers: Promise<Subscriber[]> }>();
const known = new Map<string, { at: number; value: Subscriber[] }>();

export function subscribersOf(env: Env, accountId: string, now = Date.now()): Promise<Subscriber[]> {
  const hit = recent.get(accountId);
  if (hit && now - hit.at < SUBSCRIBERS_MAX_AGE_MS) return hit.subscribers;
  const entry = {
    at: now,
    subscribers: db(env.DB)
      .select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events })
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.accountId, accountId))
      .then((rows) => rows.map((r) => ({ id: r.id, events: JSON.parse(r.events) as WebhookEventType[] }))),
  };
  recent.set(accountId, entry);
  entry.subscribers.then(
    (value) => recent.get(accountId) === entry && known.set(accountId, { at: entry.at, value }),
    () => recent.get(accountId) === entry && recent.delete(accountId),
  );
  return entry.subscribers;
}

/**
 * True when this isolate knows, from a lookup at most twice SUBSCRIBERS_MAX_AGE_MS old, that no subscription of the
 * account wants any of `types`. A lookup older than SUBSCRIBERS_MAX_AGE_MS still answers while a fresh one runs, so a
 * busy account never waits on D1 (a new subscription hears events from at most 2 × SUBSCRIBERS_MAX_AGE_MS on).
 */
export function knownUnwanted(env: Env, accountId: string, types: readonly string[], now = Date.now()): boolean {
  const k = known.get(accountId);
  if (!k || now - k.at >= 2 * SUBSCRIBERS_MAX_AGE_MS) return false;
  if (now - k.at >= SUBSCRIBERS_MAX_AGE_MS) void subscribersOf(env, accountId, now).catch(() => undefined);
  return !k.value.some((s) => types.some((t) => (s.events as string[]).includes(t)));
}

function forget(accountId: string): void {
  recent.delete(accountId);
  known.delete(accountId);
}
