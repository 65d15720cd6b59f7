// A ticket's replies out to its channel: queued in the ticket actor's SQLite with the message, sent after the
// request that queued them, retried with backoff from the actor's alarm; every state change reaches the D1 index.
import { backoff, type ActorStorage, type Migration } from "../actors/storage.ts";
import type { Seams } from "../actors/seams.ts";
import { isRetryable, type OutgoingMessage } from "../integrations/messaging.ts";
import { outgoingFiles } from "../files/outgoing.ts";
import { newId } from "../lib/ids.ts";
import type { StoredAttachment } from "../schemas/files.ts";
import type { Channel } from "../schemas/ticket.ts";
import type { MessageRecord, TicketState } from "../tickets/model.ts";
import type { OutboxIndexRow } from "../tickets/repository.ts";
import { channelSenders, deliveryBlocked, replySubject, senderFor, smsOptedOut } from "./outbound.ts";

export const DELIVERY_JOB = "delivery";
/** Channels whose replies go out through a connected provider (web chat replies travel over the chat itself). */
const SENT_CHANNELS: readonly Channel[] = ["sms", "whatsapp", "instagram", "email"];
const DELIVERY_RETRY_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000];
const SENT_IN = `channel IN (${SENT_CHANNELS.map((c) => `'${c}'`).join(", ")})`;

export const outboxSchema: Migration = (sql) => {
  sql.exec(`CREATE TABLE IF NOT EXISTS outbox (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    recipient TEXT,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    synced INTEGER NOT NULL DEFAULT 0
  )`);
};

export const outboxDeliveryState: Migration = (sql) => {
  for (const column of ["status TEXT NOT NULL DEFAULT 'pending'", "attempts INTEGER NOT NULL DEFAULT 0", "last_error TEXT", "next_attempt_at INTEGER", "sent_at INTEGER", "provider_message_id TEXT"]) {
    sql.exec(`ALTER TABLE outbox ADD COLUMN ${column}`);
  }
};

/** Each change of a reply's state bumps its revision, so an index write marks synced only what it wrote. */
export const outboxRevision: Migration = (sql) => {
  sql.exec("ALTER TABLE outbox ADD COLUMN revision INTEGER NOT NULL DEFAULT 0");
};

interface OutboxRow extends Record<string, SqlStorageValue> {
  id: string;
  message_id: string;
  channel: string;
  recipient: string | null;
  body: string;
  created_at: number;
  status: "pending" | "sending" | "sent" | "failed" | "skipped";
  attempts: number;
  last_error: string | null;
  next_attempt_at: number | null;
  sent_at: number | null;
  revision: number;
}

export interface DeliveryHooks {
  seams: () => Seams;
  /** Delivery state changed: the D1 index should follow. */
  changed: () => void;
}

export class Delivery {
  private chain: Promise<void> = Promise.resolve();
  /** Whether any reply may be unsynced (null: not known yet); spares the index sync a query per commit. */
  private dirty: boolean | null = null;

  constructor(
    private readonly env: Env,
    private readonly store: ActorStorage,
    private readonly hooks: DeliveryHooks,
  ) {}

  /** Whether this message goes out through a provider: a reply (not a note, not the customer's) on a sending channel. */
  static carries(channel: Channel, m: Pick<MessageRecord, "internal" | "author">): boolean {
    return !m.internal && m.author !== "customer" && SENT_CHANNELS.includes(channel);
  }

  /** Queues a reply with the message that carries it (same synchronous step, so both or neither are stored). */
  queue(t: TicketState, m: MessageRecord): void {
    const recipient = t.channel === "email" ? (t.customer.email ?? null) : (t.customer.phone ?? t.threadKey ?? null);
    this.store.sql.exec(
      "INSERT OR IGNORE INTO outbox (id, message_id, channel, recipient, body, created_at, synced) VALUES (?, ?, ?, ?, ?, ?, 0)",
      newId("out", m.createdAt),
      m.id,
      t.channel,
      recipient,
      m.body,
      m.createdAt,
    );
    this.dirty = true;
    this.plan();
  }

  /** Sends what is due after the current request; one run at a time. Never throws. */
  deliverSoon(t: TicketState): Promise<void> {
    const run = this.chain.then(() => this.deliverDue(t));
    this.chain = run.catch((err) => console.warn(`ticket ${t.id}: delivery failed`, err));
    return this.chain;
  }

  /** Replies D1 has not seen in their current state. */
  unsynced(): (OutboxIndexRow & { revision: number })[] {
    if (this.dirty === false) return [];
    const rows = this.store.sql
      .exec<OutboxRow>("SELECT * FROM outbox WHERE synced = 0 ORDER BY created_at")
      .toArray()
      .map((o) => ({
        id: o.id,
        messageId: o.message_id,
        channel: o.channel,
        recipient: o.recipient,
        body: o.body,
        createdAt: o.created_at,
        status: o.status === "sending" ? "pending" : o.status,
        attempts: o.attempts,
        lastError: o.last_error,
        sentAt: o.sent_at,
        revision: o.revision,
      }));
    this.dirty = rows.length > 0;
    return rows;
  }

  /** D1 holds these rows at these revisions (a row changed since stays unsynced). */
  markSynced(rows: readonly { id: string; revision: number }[]): void {
    for (const r of rows) this.store.sql.exec("UPDATE outbox SET synced = 1 WHERE id = ? AND revision = ?", r.id, r.revision);
    this.dirty = null;
  }

  /** The files of the reply's message (src/files/), read from the thread it was stored in. */
  private attachmentsOf(messageId: string): StoredAttachment[] {
    const raw = this.store.sql.exec<{ attachments: string | null }>("SELECT attachments FROM messages WHERE id = ?", messageId).toArray()[0]?.attachments;
    return raw ? (JSON.parse(raw) as StoredAttachment[]) : [];
  }

  /** Points the delivery job at the next reply due to be (re)sent. */
  private plan(): void {
    const at = this.store.sql.exec<{ at: number | null }>(`SELECT MIN(COALESCE(next_attempt_at, created_at)) AS at FROM outbox WHERE status IN ('pending', 'sending') AND ${SENT_IN}`).one().at;
    if (at === null) this.store.unschedule(DELIVERY_JOB);
    else this.store.schedule(DELIVERY_JOB, at);
  }

  private async deliverDue(t: TicketState): Promise<void> {
    const { clock, integrations } = this.hooks.seams();
    const due = this.store.sql
      .exec<OutboxRow>(`SELECT * FROM outbox WHERE status IN ('pending', 'sending') AND COALESCE(next_attempt_at, 0) <= ? AND ${SENT_IN} ORDER BY created_at`, clock.now())
      .toArray();
    if (due.length === 0) return;
    const senders = await channelSenders(this.env, t.accountId, integrations);
    const optedOut = t.channel === "sms" || t.channel === "whatsapp" ? await smsOptedOut(this.env, t.accountId, t.customer.profileId) : false;
    const set = (id: string, fields: Record<string, SqlStorageValue>) => {
      const cols = Object.keys(fields);
      this.store.sql.exec(`UPDATE outbox SET ${cols.map((c) => `${c} = ?`).join(", ")}, synced = 0, revision = revision + 1 WHERE id = ?`, ...cols.map((c) => fields[c] ?? null), id);
      this.dirty = true;
    };
    for (const o of due) {
      const skip = deliveryBlocked({ channel: o.channel, recipient: o.recipient, optedOut, senders });
      if (skip) {
        set(o.id, { status: "skipped", last_error: skip });
        continue;
      }
      // Marked first: a restart mid-send retries it (at least once; Twilio and Meta take no idempotency key).
      set(o.id, { status: "sending" });
      try {
        const email = o.channel === "email" ? { subject: replySubject(t.subject), inReplyTo: t.threadKey?.startsWith("<") ? t.threadKey : undefined } : {};
        const files = await outgoingFiles(this.env, t.accountId, t.id, o.channel, this.attachmentsOf(o.message_id));
        const sent = await senderFor(senders, o.channel)!.send({ channel: o.channel as OutgoingMessage["channel"], to: o.recipient!, body: o.body, ...email, ...files });
        set(o.id, { status: "sent", sent_at: clock.now(), provider_message_id: sent.providerMessageId, last_error: null, next_attempt_at: null });
      } catch (err) {
        const attempts = o.attempts + 1;
        const message = err instanceof Error ? err.message : String(err);
        const retry = isRetryable(err) && attempts <= DELIVERY_RETRY_MS.length;
        set(o.id, retry
          ? { status: "pending", attempts, last_error: message, next_attempt_at: clock.now() + backoff(attempts, DELIVERY_RETRY_MS) }
          : { status: "failed", attempts, last_error: message, next_attempt_at: null });
        console.warn(`ticket ${t.id}: sending reply ${o.message_id} failed (attempt ${attempts})${retry ? ", retrying" : ""}`, message);
      }
    }
    this.plan();
    this.hooks.changed();
  }
}
