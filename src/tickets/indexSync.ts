// The ticket's row in the D1 index follows the actor: a commit marks it due (durably, in the actor's schedule),
// a background flush writes the newest state, and the alarm retries until D1 matches. Nothing live waits on it.
import { backoff, type ActorStorage } from "../actors/storage.ts";
import type { Clock } from "../lib/clock.ts";
import { db } from "../db/client.ts";
import type { MessageRecord, TicketState } from "./model.ts";
import { writeOutboxIndex, writeTicketIndex, type OutboxIndexRow } from "./repository.ts";
import { messageSearchStatements, searchPurgeStatements } from "./search.ts";

/** The new messages one index write carries into the search table; a longer backlog (a rebuild) takes more writes. */
const SEARCH_ROWS_PER_FLUSH = 64;

export const INDEX_JOB = "index";
/** When a write started by a commit has not landed by then (the actor restarted mid-way), the alarm writes it. */
const SAFETY_NET_MS = 5_000;
/**
 * On the live path the write waits at least this long after a quiet spell, and up to three times as long (spread
 * at random, so that conversations woken together — a campaign, a reconnecting crowd — do not all write in the
 * same second): the lists and search catch up one to three seconds after a shopper writes (dashboards already
 * have every change from the inbox actor).
 */
export const LIVE_INDEX_DELAY_MS = 1_000;
/**
 * A conversation in full flow (its row written less than this long ago) is written at most once per interval,
 * however many messages it carries. With hundreds of chats each writing every second, one write per message was
 * most of the isolate's time; at 5 s the writes were still ≈15 % of it at 150 msg/s, at 10 s ≈9 %, and the
 * workerd CPU per delivered message fell by 12–22 % (bench/README.md). Dashboards have every change live from
 * the inbox actor, and an HTTP caller's own change is written before it is answered, so what waits is a fresh
 * list load's view of a conversation that is still talking.
 */
export const BUSY_INDEX_INTERVAL_MS = 10_000;

const SEARCH_SEQ = "search_seq";
const SEARCH_PURGE = "search_purge";

/** What a merge or an unmerge tells the search index about the thread it rewrote (IndexSync). */
export interface SearchRewrites {
  /** New sequence numbers, another ticket's messages among them: the next write indexes the thread from the start. */
  restartSearch(): void;
  /** Messages taken out of the thread: these search rows of this ticket are deleted by the next write. */
  purgeSearchRows(rowIds: readonly string[]): void;
}

/** The replies whose delivery state D1 has not seen yet. */
export interface OutboxSource {
  unsynced(): (OutboxIndexRow & { revision: number })[];
  markSynced(rows: readonly { id: string; revision: number }[]): void;
}

/** The thread, read in arrival order for the search index. */
export interface MessageSource {
  after(opts: { afterSeq: number; limit: number; includeInternal: boolean }): MessageRecord[];
}

export interface IndexSyncHooks {
  clock: () => Clock;
  d1: () => D1Database;
  /** Announces the ticket to its account's inbox actor, the registry the index is rebuilt from. */
  register: (t: TicketState) => Promise<void>;
  reschedule: () => void;
}

export class IndexSync implements SearchRewrites {
  private chain: Promise<void> = Promise.resolve();
  // Mirrors of meta values read on every flush; this object is their only writer.
  private synced: number | null = null;
  private registered: boolean | null = null;
  private purge: readonly string[] | null = null;
  /** Counts search restarts: a merge during a write must not see its restart overwritten by the write's progress. */
  private searchRestarts = 0;
  /** The tags the last write left in D1 (null: not known, so the next write rewrites them). */
  private writtenTags: string | null = null;
  /** When this instance last started a write (0: not since it woke), for pacing busy conversations. */
  private lastWriteAt = 0;
  /**
   * This conversation's own interval, between ¾ and 1¼ of BUSY_INDEX_INTERVAL_MS: conversations that started
   * together (a campaign, a benchmark) would otherwise write in step, hundreds of writes in the same second.
   */
  private readonly busyInterval = Math.round(BUSY_INDEX_INTERVAL_MS * (0.75 + Math.random() / 2));

  constructor(
    private readonly store: ActorStorage,
    private readonly outbox: OutboxSource,
    private readonly messages: MessageSource,
    private readonly hooks: IndexSyncHooks,
  ) {}

  /**
   * The ticket changed: a write is due, kept in the schedule so that a crash before it lands still retries it.
   * `flushNow`: the caller flushes at once and this is only the safety net; otherwise the alarm writes it a little later.
   */
  changed(flushNow: boolean): void {
    const now = this.hooks.clock().now();
    const quiet = Math.round(LIVE_INDEX_DELAY_MS * (1 + 2 * Math.random()));
    const at = flushNow ? now + SAFETY_NET_MS : Math.max(now + quiet, this.lastWriteAt + this.busyInterval);
    this.store.scheduleBy(INDEX_JOB, at);
  }

  /** Forgets what D1 holds, so the next flush writes the whole row again (index rebuild). */
  forget(): void {
    this.setSynced(-1);
    this.restartSearch();
    this.writtenTags = null;
    this.changed(true);
  }

  restartSearch(): void {
    this.searchRestarts += 1;
    this.store.set(SEARCH_SEQ, "0");
  }

  purgeSearchRows(rowIds: readonly string[]): void {
    if (rowIds.length > 0) this.setPurge([...new Set([...this.pendingPurge(), ...rowIds])]);
  }

  isCurrent(t: TicketState): boolean {
    return this.syncedVersion() >= t.version && this.isRegistered() && this.outbox.unsynced().length === 0;
  }

  /** Writes the newest state; flushes run one at a time and a flush that finds D1 current does nothing. Never throws. */
  flush(t: TicketState): Promise<void> {
    const run = this.chain.then(() => this.flushOnce(t));
    this.chain = run.catch(() => undefined);
    return this.chain;
  }

  private async flushOnce(t: TicketState): Promise<void> {
    const version = t.version;
    const pending = this.outbox.unsynced();
    const registered = this.isRegistered();
    const purge = this.pendingPurge();
    if (this.syncedVersion() >= version && pending.length === 0 && registered && purge.length === 0) return this.settled(version);
    this.lastWriteAt = this.hooks.clock().now();
    try {
      if (!registered) {
        await this.hooks.register(t);
        this.store.set("registered", "1");
        this.registered = true;
      }
      const d1 = this.hooks.d1();
      const d = db(d1);
      // New messages ride in the ticket row's batch; what is left of a backlog follows in batches of its own.
      const restarts = this.searchRestarts;
      let messages = this.unindexedMessages();
      // Deletes first: a merge undone and made again before this write leaves the row deleted and written anew.
      const also = [...searchPurgeStatements(d, t.id, purge), ...messageSearchStatements(d, t, messages)];
      if (this.syncedVersion() < version) this.writtenTags = await writeTicketIndex(d, structuredClone(t), this.writtenTags, also);
      else if (also.length > 0) await d.$client.batch(also);
      this.purged(purge);
      for (;;) {
        const last = messages[messages.length - 1];
        if (!last || this.searchRestarts !== restarts) break;
        this.store.set(SEARCH_SEQ, String(last.seq));
        if (messages.length < SEARCH_ROWS_PER_FLUSH) break;
        messages = this.unindexedMessages();
        if (messages.length > 0) await d.$client.batch(messageSearchStatements(d, t, messages));
      }
      await writeOutboxIndex(d, t, pending);
      this.outbox.markSynced(pending);
      this.setSynced(Math.max(version, this.syncedVersion()));
      this.store.delete("index_failures");
      this.settled(t.version);
    } catch (err) {
      this.writtenTags = null;
      // The actor is the truth: keep going and retry from the alarm until D1 matches.
      const failures = this.store.bump("index_failures");
      this.store.schedule(INDEX_JOB, this.hooks.clock().now() + backoff(failures));
      this.hooks.reschedule();
      console.warn(`ticket ${t.id}: D1 index write failed (attempt ${failures}), retrying from the alarm`, err);
    }
  }

  /** Clears the job once D1 holds `current`; a commit made during the write leaves it due, paced like a busy conversation. */
  private settled(current: number): void {
    const due = this.store.dueAt(INDEX_JOB);
    if (due === null) return;
    if (this.syncedVersion() >= current && this.outbox.unsynced().length === 0) this.store.unschedule(INDEX_JOB);
    // Still behind: the change that came during the write waits its turn like any other.
    else if (due <= this.hooks.clock().now()) this.store.schedule(INDEX_JOB, this.lastWriteAt + this.busyInterval);
    else return;
    this.hooks.reschedule();
  }

  /** Messages and notes D1's search table has not seen yet (each is written once, by id, however often this runs). */
  private unindexedMessages(): MessageRecord[] {
    return this.messages.after({ afterSeq: Number(this.store.get(SEARCH_SEQ) ?? "0"), limit: SEARCH_ROWS_PER_FLUSH, includeInternal: true });
  }

  /** The purge written: what an unmerge added meanwhile waits for the next write. */
  private purged(written: readonly string[]): void {
    if (written.length === 0) return;
    const done = new Set(written);
    this.setPurge(this.pendingPurge().filter((id) => !done.has(id)));
  }

  private pendingPurge(): readonly string[] {
    this.purge ??= this.store.getJson<string[]>(SEARCH_PURGE) ?? [];
    return this.purge;
  }

  private setPurge(rowIds: readonly string[]): void {
    if (rowIds.length > 0) this.store.setJson(SEARCH_PURGE, rowIds);
    else this.store.delete(SEARCH_PURGE);
    this.purge = rowIds;
  }

  private syncedVersion(): number {
    this.synced ??= Number(this.store.get("synced_version") ?? "-1");
    return this.synced;
  }

  private setSynced(version: number): void {
    this.store.set("synced_version", String(version));
    this.synced = version;
  }

  private isRegistered(): boolean {
    this.registered ??= this.store.get("registered") !== null;
    return this.registered;
  }
}
