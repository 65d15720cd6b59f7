// Storage plumbing every actor shares: a key/value meta table, numbered schema migrations, backoff for
// retries, and one table of due times that drives the actor's single alarm.

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
  /** The alarm as last planned by this instance (undefined: not known yet), so unchanged plans cost nothing. */
  private planned: number | null | undefined;

  constructor(ctx: DurableObjectState) {
    this.ctx = ctx;
    this.sql = ctx.storage.sql;
    this.sql.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    this.sql.exec("CREATE TABLE IF NOT EXISTS schedule (key TEXT PRIMARY KEY, due_at INTEGER NOT NULL)");
  }

  /** Applies the steps not applied yet; step i brings the schema to version i + 1. DO SQLite has no user_version. */
  migrate(steps: readonly Migration[]): void {
    const current = Number(this.get("schema_version") ?? "0");
    for (let v = current; v < steps.length; v++) steps[v]?.(this.sql);
    if (current !== steps.length) this.set("schema_version", String(steps.length));
  }

  // ---- meta ---------------------------------------------------------------------------------------

  get(key: string): string | null {
    return this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  set(key: string, value: string): void {
    this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, value);
  }

  delete(key: string): void {
    this.sql.exec("DELETE FROM meta WHERE key = ?", key);
  }

  getJson<T>(key: string): T | null {
    const raw = this.get(key);
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  setJson(key: string, value: unknown): void {
    this.set(key, JSON.stringify(value));
  }

  /** Keys starting with `prefix` whose value is `value`, without the prefix. */
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
    this.sql.exec("INSERT OR REPLACE INTO schedule (key, due_at) VALUES (?, ?)", job, at);
  }

  /** Schedules `job` at `at` unless it is already due sooner. */
  scheduleBy(job: string, at: number): void {
    this.sql.exec("INSERT INTO schedule (key, due_at) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET due_at = MIN(due_at, excluded.due_at)", job, at);
  }

  unschedule(job: string): void {
    this.sql.exec("DELETE FROM schedule WHERE key = ?", job);
  }

  dueAt(job: string): number | null {
    return this.sql.exec<{ due_at: number }>("SELECT due_at FROM schedule WHERE key = ?", job).toArray()[0]?.due_at ?? null;
  }

  /**
   * What the alarm runs: jobs due at `now`, soonest first — and at least the soonest job, since the alarm was set
   * for it (an alarm may fire a little early, or be run by hand). Job handlers check their own condition.
   */
  due(now: number): string[] {
    this.planned = undefined;
    const first = this.sql.exec<{ due_at: number }>("SELECT MIN(due_at) AS due_at FROM schedule").one().due_at ?? now;
    return this.sql.exec<{ key: string }>("SELECT key FROM schedule WHERE due_at <= ? ORDER BY due_at", Math.max(now, first)).toArray().map((r) => r.key);
  }

  /** Points the actor's one alarm at the soonest due job, or clears it when nothing is due. */
  planAlarm(): void {
    const next = this.sql.exec<{ at: number | null }>("SELECT MIN(due_at) AS at FROM schedule").one().at;
    if (next === this.planned) return;
    this.planned = next;
    if (next === null) void this.ctx.storage.deleteAlarm();
    else void this.ctx.storage.setAlarm(next);
  }
}
