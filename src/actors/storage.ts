// Storage plumbing every actor shares: a key/value meta table, numbered schema migrations, backoff for
// retries, and one table of due times that drives the actor's single alarm.
//
// The actor is the only writer of its storage, so both tables are mirrored in memory: a read costs no SQL,
// and a write that changes nothing (a job already due sooner, a value already set) costs none either.

/** Delays between retries of work that failed against another service (D1, another actor, a provider). */
export const RETRY_MS: readonly number[] = [1_000, 5_000, 15_000, 60_000, 300_000];

/** The wait before retry number `attempt` (1-based); the table's last step repeats. */
export function backoff(attempt: number, table: readonly number[] = RETRY_MS): number {
  return table[Math.min(Math.max(attempt, 1), table.length) - 1] ?? 60_000;
}

/** One schema step: runs once, in order, against the actor's SQLite. */
export type Migration = (sql: SqlStorage) => void;

export class ActorStorage {
  readonly sql: SqlStorage;
  private readonly ctx: DurableObjectState;
  /** Meta values read or written by this instance (null: known to be absent). */
  private readonly meta = new Map<string, string | null>();
  /** The whole schedule, loaded once. */
  private readonly jobs = new Map<string, number>();
  /** The alarm as last planned by this instance (undefined: not known yet), so unchanged plans cost nothing. */
  private planned: number | null | undefined;

  constructor(ctx: DurableObjectState) {
    this.ctx = ctx;
    this.sql = ctx.storage.sql;
    this.sql.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    this.sql.exec("CREATE TABLE IF NOT EXISTS schedule (key TEXT PRIMARY KEY, due_at INTEGER NOT NULL)");
    for (const r of this.sql.exec<{ key: string; due_at: number }>("SELECT key, due_at FROM schedule")) this.jobs.set(r.key, r.due_at);
  }

  /** Applies the steps not applied yet; step i brings the schema to version i + 1. DO SQLite has no user_version. */
  migrate(steps: readonly Migration[]): void {
    const current = Number(this.get("schema_version") ?? "0");
    for (let v = current; v < steps.length; v++) steps[v]?.(this.sql);
    if (current !== steps.length) this.set("schema_version", String(steps.length));
  }

  // ---- meta ---------------------------------------------------------------------------------------

  get(key: string): string | null {
    const known = this.meta.get(key);
    if (known !== undefined) return known;
    const value = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
    this.meta.set(key, value);
    return value;
  }

  set(key: string, value: string): void {
    if (this.meta.get(key) === value) return;
    this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, value);
    this.meta.set(key, value);
  }

  delete(key: string): void {
    if (this.meta.get(key) === null) return;
    this.sql.exec("DELETE FROM meta WHERE key = ?", key);
    this.meta.set(key, null);
  }

  getJson<T>(key: string): T | null {
    const raw = this.get(key);
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  setJson(key: string, value: unknown): void {
    this.set(key, JSON.stringify(value));
  }

  /** Keys starting with `prefix` whose value is `value`, without the prefix (read from SQL: the cache holds only what was touched). */
  keysWith(prefix: string, value: string): string[] {
    return this.sql
      .exec<{ key: string }>("SELECT key FROM meta WHERE key >= ? AND key < ? AND value = ?", prefix, `${prefix}\uffff`, value)
      .toArray()
      .map((r) => r.key.slice(prefix.length));
  }

  /** A counter kept in meta (failures of a retried job): increments and returns the new value. */
  bump(key: string): number {
    const n = Number(this.get(key) ?? "0") + 1;
    this.set(key, String(n));
    return n;
  }

  // ---- due times: one alarm for every job --------------------------------------------------------

  /** `job` should run at `at` (replaces its earlier due time). Call `planAlarm()` after a batch of changes. */
  schedule(job: string, at: number): void {
    if (this.jobs.get(job) === at) return;
    this.sql.exec("INSERT OR REPLACE INTO schedule (key, due_at) VALUES (?, ?)", job, at);
    this.jobs.set(job, at);
  }

  /** Schedules `job` at `at` unless it is already due sooner. */
  scheduleBy(job: string, at: number): void {
    const due = this.jobs.get(job);
    if (due === undefined || at < due) this.schedule(job, at);
  }

  unschedule(job: string): void {
    if (!this.jobs.has(job)) return;
    this.sql.exec("DELETE FROM schedule WHERE key = ?", job);
    this.jobs.delete(job);
  }

  dueAt(job: string): number | null {
    return this.jobs.get(job) ?? null;
  }

  /**
   * What the alarm runs: jobs due at `now`, soonest first — and at least the soonest job, since the alarm was set
   * for it (an alarm may fire a little early, or be run by hand). Job handlers check their own condition.
   */
  due(now: number): string[] {
    this.planned = undefined;
    const first = this.soonest() ?? now;
    return [...this.jobs].filter(([, at]) => at <= Math.max(now, first)).sort((a, b) => a[1] - b[1]).map(([job]) => job);
  }

  /** Points the actor's one alarm at the soonest due job, or clears it when nothing is due. */
  planAlarm(): void {
    const next = this.soonest();
    if (next === this.planned) return;
    this.planned = next;
    if (next === null) void this.ctx.storage.deleteAlarm();
    else void this.ctx.storage.setAlarm(next);
  }

  private soonest(): number | null {
    let min: number | null = null;
    for (const at of this.jobs.values()) if (min === null || at < min) min = at;
    return min;
  }
}
