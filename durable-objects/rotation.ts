// The rotation actor: one per team (`${accountId}:${teamId}`) and one account-wide (`${accountId}:*`); hands waiting tickets to online members in turn.
//
// How it never double-assigns, skips or loses a ticket:
// - Every ticket first lands in the `queue` table (idempotent per ticket id), so an offer is durable
//   before the caller hears back.
// - One pump at a time takes the oldest waiting ticket and, in one synchronous step (no await, so no
//   other call can interleave), picks the member with `chooseAssignee`, moves the ticket from `queue`
//   to `inflight` together with the previous pointer, counts it against the member and advances the
//   pointer. Only then does it await the ticket actor, and it waits for that answer before choosing
//   again: exactly one assignment is in flight per rotation.
// - The ticket actor applies the assignment as a compare-and-set (`ifUnchanged`): if the ticket was
//   assigned by hand, closed or moved meanwhile, nothing changes there, and here the reservation is
//   undone and the pointer restored, so the rotation stays where it was. A retry after a crash or an
//   eviction resends the same choice (an `inflight` row survives) and counts as done when the ticket
//   already has that assignee.
// - Open-ticket counts are rows per ticket id (`holdings`), written with the ticket's version, so a
//   repeated or late report never counts a ticket twice.
import { DurableObject } from "cloudflare:workers";
import { ActorStorage, backoff } from "../src/actors/storage.ts";
import { seamsOf } from "../src/actors/seams.ts";
import { isOpen, nextOpening, type OfficeHours } from "../src/assignment/officeHours.ts";
import { chooseAssignee } from "../src/assignment/roundRobin.ts";
import type { OfferInput, OfferResult, PresenceInput, RotationRef, RotationSnapshot, TicketReport } from "../src/assignment/rotationRpc.ts";
import { loadRotationConfig } from "../src/assignment/repository.ts";
import type { Clock } from "../src/lib/clock.ts";
import { waitingForTeam } from "../src/tickets/rules.ts";
import { actorError, asAppError } from "../src/lib/errors.ts";
import type { TicketView } from "../src/schemas/ticket.ts";
import { ticketStub } from "../src/tickets/actors.ts";

const PUMP_JOB = "pump";
/** While tickets wait during office hours, look again now and then even if no event says so. */
const BACKSTOP_MS = 10 * 60_000;
/** Count rows of tickets that no longer count are kept this long to order late reports, then dropped. */
const TOMBSTONE_MS = 7 * 24 * 60 * 60_000;

interface MemberRow extends Record<string, SqlStorageValue> {
  agent_id: string;
  position: number;
  online: number;
  presence_at: number;
  capacity: number | null;
}

interface QueueRow extends Record<string, SqlStorageValue> {
  ticket_id: string;
  created_at: number;
  expect_assignee: string | null;
  expect_team: string | null;
}

interface InflightRow extends Record<string, SqlStorageValue> {
  ticket_id: string;
  created_at: number;
  agent_id: string;
  expect_assignee: string | null;
  expect_team: string | null;
  prev_pointer: string | null;
  prev_pointer_members: string | null;
  attempts: number;
  retry_at: number | null;
}

interface HoldingRow extends Record<string, SqlStorageValue> {
  ticket_id: string;
  agent_id: string | null;
  active: number;
  version: number;
  changed_at: number;
}

export class RotationActor extends DurableObject<Env> {
  private readonly store: ActorStorage;
  private loading: Promise<void> | null = null;
  private pumping: Promise<void> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new ActorStorage(ctx);
    this.store.migrate([rotationSchema]);
  }

  private get clock(): Clock {
    return seamsOf(this.ctx.id).clock;
  }

  // ---- RPC surface -------------------------------------------------------------------------

  /** A ticket for this rotation. Stored before returning; assigned as soon as the rules allow. */
  async offer(ref: RotationRef, input: OfferInput): Promise<OfferResult> {
    await this.ensureLoaded(ref);
    if (!this.enabledForOffers(ref)) return { queued: false, waiting: this.waitingCount(), teamGone: true };
    const sql = this.ctx.storage.sql;
    const known = sql.exec("SELECT 1 FROM queue WHERE ticket_id = ? UNION ALL SELECT 1 FROM inflight WHERE ticket_id = ?", input.ticketId, input.ticketId).toArray().length > 0;
    // Already with a member (a team move that keeps the assignee): just count it.
    const keeps = input.expect.assigneeId !== null && this.isMember(input.expect.assigneeId);
    if (keeps && input.expect.assigneeId) this.hold(input.ticketId, input.expect.assigneeId, true, null);
    if (known || keeps) return { queued: false, waiting: this.waitingCount(), teamGone: false };
    sql.exec(
      "INSERT INTO queue (ticket_id, created_at, enqueued_at, expect_assignee, expect_team) VALUES (?, ?, ?, ?, ?)",
      input.ticketId,
      input.createdAt,
      this.clock.now(),
      input.expect.assigneeId,
      input.expect.teamId,
    );
    void this.kick();
    return { queued: true, waiting: this.waitingCount(), teamGone: false };
  }

  /** A ticket's assignee, team or activity changed: keep counts right and drop it from the queue if it no longer waits here. */
  async ticketChanged(ref: RotationRef, report: TicketReport): Promise<void> {
    this.remember(ref);
    const sql = this.ctx.storage.sql;
    const held = sql.exec<HoldingRow>("SELECT * FROM holdings WHERE ticket_id = ?", report.ticketId).toArray()[0];
    const freed = held !== undefined && held.active === 1 && held.agent_id !== null && (!report.active || report.assigneeId !== held.agent_id);
    if (!held || report.version > held.version) this.hold(report.ticketId, report.assigneeId, report.active, report.version);
    const waiting = sql.exec<QueueRow>("SELECT * FROM queue WHERE ticket_id = ?", report.ticketId).toArray()[0];
    if (waiting && !(report.active && report.assigneeId === waiting.expect_assignee && report.teamId === waiting.expect_team)) {
      sql.exec("DELETE FROM queue WHERE ticket_id = ?", report.ticketId);
    }
    if (freed && this.isLoaded()) void this.kick();
    this.scheduleAlarm();
  }

  /** An agent went online or offline. Online during office hours: they take waiting tickets now. */
  async setOnline(ref: RotationRef, input: PresenceInput): Promise<void> {
    this.remember(ref);
    if (this.loading) await this.loading;
    // Not loaded yet: the first load reads the status from D1.
    if (!this.isLoaded()) return;
    // Someone the rotation does not know yet (a new agent, a changed team): read the members again.
    if (!this.isMember(input.agentId)) await this.refreshConfig(ref);
    this.ctx.storage.sql.exec("UPDATE members SET online = ?, presence_at = ? WHERE agent_id = ? AND presence_at <= ?", input.online ? 1 : 0, input.at, input.agentId, input.at);
    if (input.online) void this.kick();
    this.scheduleAlarm();
  }

  /** Re-reads members, their capacity, the team and the office hours from D1 (after a settings or team change). */
  async refresh(ref: RotationRef): Promise<RotationSnapshot> {
    this.remember(ref);
    await this.refreshConfig(ref);
    void this.kick();
    return this.snapshot();
  }

  /** The team was deleted: forget everything and hand back the tickets that were waiting. */
  async dispose(ref: RotationRef): Promise<string[]> {
    this.remember(ref);
    const sql = this.ctx.storage.sql;
    const waiting = sql.exec<{ ticket_id: string }>("SELECT ticket_id FROM queue ORDER BY created_at, ticket_id").toArray().map((r) => r.ticket_id);
    for (const table of ["queue", "members", "holdings"]) sql.exec(`DELETE FROM ${table}`);
    this.setMeta("enabled", "0");
    this.setMeta("disposed", "1");
    this.setMeta("pointer", "");
    this.scheduleAlarm();
    return waiting;
  }

  async snapshot(): Promise<RotationSnapshot> {
    const counts = this.openCounts();
    const members = this.members().map((m) => ({ agentId: m.agent_id, online: m.online === 1, capacity: m.capacity, open: counts.get(m.agent_id) ?? 0 }));
    const waiting = this.ctx.storage.sql
      .exec<QueueRow>("SELECT * FROM queue ORDER BY created_at, ticket_id")
      .toArray()
      .map((r) => ({ ticketId: r.ticket_id, createdAt: r.created_at }));
    const inflight = this.inflight();
    return {
      accountId: this.getMeta("account_id"),
      teamId: this.teamId(),
      enabled: this.getMeta("enabled") === "1",
      openNow: isOpen(this.officeHours(), this.clock.now()),
      members,
      pointer: this.getMeta("pointer") || null,
      waiting,
      inFlight: inflight ? { ticketId: inflight.ticket_id, agentId: inflight.agent_id } : null,
      alarmAt: await this.ctx.storage.getAlarm(),
    };
  }

  /** Resolves once no assignment is in flight and nothing assignable waits (tests and the opening alarm use it). */
  async idle(): Promise<RotationSnapshot> {
    while (this.pumping) await this.pumping;
    return this.snapshot();
  }

  override async alarm(): Promise<void> {
    this.store.due(this.clock.now());
    if (!this.isLoaded() || this.getMeta("disposed") === "1") return;
    this.pruneTombstones();
    await this.kick();
    this.scheduleAlarm();
  }

  // ---- the pump ---------------------------------------------------------------------------------

  private kick(): Promise<void> {
    this.pumping ??= this.pump().finally(() => {
      this.pumping = null;
    });
    return this.pumping;
  }

  /** Assigns waiting tickets one at a time until none can be assigned now. */
  private async pump(): Promise<void> {
    for (;;) {
      const next = this.inflight() ?? this.reserveNext();
      if (!next) break;
      if (next.retry_at !== null && next.retry_at > this.clock.now()) break;
      const settled = await this.deliver(next);
      if (!settled) break;
    }
    this.scheduleAlarm();
  }

  /**
   * Picks the member for the oldest waiting ticket and records the choice: queue → inflight, the
   * count, the pointer. Synchronous on purpose: nothing can interleave between the choice and its record.
   */
  private reserveNext(): InflightRow | null {
    if (this.getMeta("enabled") !== "1" || !isOpen(this.officeHours(), this.clock.now())) return null;
    const sql = this.ctx.storage.sql;
    const head = sql.exec<QueueRow>("SELECT * FROM queue ORDER BY created_at, ticket_id LIMIT 1").toArray()[0];
    if (!head) return null;
    const members = this.members();
    const choice = chooseAssignee({
      members: members.map((m) => m.agent_id),
      online: new Set(members.filter((m) => m.online === 1).map((m) => m.agent_id)),
      pointer: this.getMeta("pointer") || null,
      previousMembers: JSON.parse(this.getMeta("pointer_members") ?? "[]") as string[],
      openCounts: this.openCounts(),
      capacity: new Map(members.map((m) => [m.agent_id, m.capacity])),
    });
    if (!choice) return null;
    const row: InflightRow = {
      ticket_id: head.ticket_id,
      created_at: head.created_at,
      agent_id: choice.assigneeId,
      expect_assignee: head.expect_assignee,
      expect_team: head.expect_team,
      prev_pointer: this.getMeta("pointer") || null,
      prev_pointer_members: this.getMeta("pointer_members"),
      attempts: 0,
      retry_at: null,
    };
    sql.exec("DELETE FROM queue WHERE ticket_id = ?", head.ticket_id);
    sql.exec(
      "INSERT INTO inflight (ticket_id, created_at, agent_id, expect_assignee, expect_team, prev_pointer, prev_pointer_members, attempts, retry_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL)",
      row.ticket_id,
      row.created_at,
      row.agent_id,
      row.expect_assignee,
      row.expect_team,
      row.prev_pointer,
      row.prev_pointer_members,
    );
    this.hold(row.ticket_id, row.agent_id, true, null);
    this.setMeta("pointer", choice.pointer);
    this.setMeta("pointer_members", JSON.stringify(members.map((m) => m.agent_id)));
    return row;
  }

  /** Tells the ticket actor; true when the reservation is settled (assigned or undone), false to retry later. */
  private async deliver(r: InflightRow): Promise<boolean> {
    const accountId = this.getMeta("account_id");
    if (!accountId) return false;
    let view: TicketView | null = null;
    try {
      view = await ticketStub(this.env, accountId, r.ticket_id).update({
        assigneeId: r.agent_id,
        ifUnchanged: { assigneeId: r.expect_assignee, teamId: r.expect_team },
      });
    } catch (err) {
      const code = asAppError(err)?.code;
      if (code !== "not_found") {
        const attempts = r.attempts + 1;
        const retryAt = this.clock.now() + backoff(attempts);
        this.ctx.storage.sql.exec("UPDATE inflight SET attempts = ?, retry_at = ? WHERE ticket_id = ?", attempts, retryAt, r.ticket_id);
        console.warn(`rotation ${accountId}:${this.teamId() ?? "*"}: assigning ${r.ticket_id} failed (attempt ${attempts}), retrying from alarm`, err);
        return false;
      }
    }
    const sql = this.ctx.storage.sql;
    sql.exec("DELETE FROM inflight WHERE ticket_id = ?", r.ticket_id);
    if (view?.assigneeId === r.agent_id) return true;
    // The ticket moved on while it waited (assigned by hand, closed, moved): undo the turn.
    const held = sql.exec<HoldingRow>("SELECT * FROM holdings WHERE ticket_id = ?", r.ticket_id).toArray()[0];
    // Unless the ticket has reported since, count it as the ticket says it is.
    if (held?.agent_id === r.agent_id) {
      const active = view !== null && waitingForTeam(view);
      this.hold(r.ticket_id, view?.assigneeId ?? null, active, null);
    }
    if ((this.getMeta("pointer") || null) === r.agent_id) {
      this.setMeta("pointer", r.prev_pointer ?? "");
      if (r.prev_pointer_members === null) this.deleteMeta("pointer_members");
      else this.setMeta("pointer_members", r.prev_pointer_members);
    }
    return true;
  }

  // ---- configuration from D1 ------------------------------------------------------------------

  private async refreshConfig(ref: RotationRef): Promise<void> {
    if (this.loading) await this.loading;
    this.loading = this.load(ref).finally(() => {
      this.loading = null;
    });
    await this.loading;
  }

  private async ensureLoaded(ref: RotationRef): Promise<void> {
    this.remember(ref);
    if (this.isLoaded()) return;
    this.loading ??= this.load(ref).finally(() => {
      this.loading = null;
    });
    await this.loading;
  }

  /** Members in rotation order with status and capacity, whether the rotation is on, office hours; counts on first load. */
  private async load(ref: RotationRef): Promise<void> {
    const firstLoad = !this.isLoaded();
    const { members: loadedMembers, accountExists, teamExists, settings, holdings } = await loadRotationConfig(this.env, ref, firstLoad);
    const now = this.clock.now();
    const sql = this.ctx.storage.sql;

    // Apply in one synchronous step.
    const keep = new Set(loadedMembers.map((m) => m.id));
    for (const m of this.members()) if (!keep.has(m.agent_id)) sql.exec("DELETE FROM members WHERE agent_id = ?", m.agent_id);
    loadedMembers.forEach((m, position) => {
      sql.exec(
        "INSERT INTO members (agent_id, position, online, presence_at, capacity) VALUES (?, ?, ?, 0, ?) ON CONFLICT(agent_id) DO UPDATE SET position = excluded.position, capacity = excluded.capacity",
        m.id,
        position,
        m.status === "online" ? 1 : 0,
        m.capacity,
      );
    });
    const enabled = accountExists && (ref.teamId ? teamExists : settings.roundRobin);
    this.setMeta("enabled", enabled ? "1" : "0");
    this.setMeta("office_hours", JSON.stringify(settings.officeHours));
    if (firstLoad) {
      for (const h of holdings) {
        const held = sql.exec<HoldingRow>("SELECT version FROM holdings WHERE ticket_id = ?", h.id).toArray()[0];
        if (!held || h.version > held.version) this.hold(h.id, h.assignee_id, true, h.version);
      }
    }
    this.setMeta("loaded_at", String(now));
    this.scheduleAlarm();
  }

  // ---- state helpers ------------------------------------------------------------------------------

  private remember(ref: RotationRef): void {
    const known = this.getMeta("account_id");
    if (known === null) {
      this.setMeta("account_id", ref.accountId);
      this.setMeta("team_id", ref.teamId ?? "*");
      return;
    }
    if (known !== ref.accountId || this.teamId() !== ref.teamId) throw actorError("conflict", "this rotation belongs to another account or team");
  }

  private isLoaded(): boolean {
    return this.getMeta("loaded_at") !== null;
  }

  private enabledForOffers(ref: RotationRef): boolean {
    // Team rotations take offers only for a team that exists; the account-wide one queues even while round robin is off, but assigns only while on.
    return ref.teamId === null || this.getMeta("enabled") === "1";
  }

  private teamId(): string | null {
    const t = this.getMeta("team_id");
    return t === null || t === "*" ? null : t;
  }

  private isMember(agentId: string): boolean {
    return this.ctx.storage.sql.exec("SELECT 1 FROM members WHERE agent_id = ?", agentId).toArray().length > 0;
  }

  private members(): MemberRow[] {
    return this.ctx.storage.sql.exec<MemberRow>("SELECT * FROM members ORDER BY position, agent_id").toArray();
  }

  private inflight(): InflightRow | null {
    return this.ctx.storage.sql.exec<InflightRow>("SELECT * FROM inflight ORDER BY created_at LIMIT 1").toArray()[0] ?? null;
  }

  private waitingCount(): number {
    return this.ctx.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM queue").one().n;
  }

  private openCounts(): Map<string, number> {
    const rows = this.ctx.storage.sql
      .exec<{ agent_id: string; n: number }>("SELECT agent_id, COUNT(*) AS n FROM holdings WHERE active = 1 AND agent_id IS NOT NULL GROUP BY agent_id")
      .toArray();
    return new Map(rows.map((r) => [r.agent_id, r.n]));
  }

  /** Records who holds a ticket; `version` null keeps the stored one (a choice made here, before the ticket reports it). */
  private hold(ticketId: string, agentId: string | null, active: boolean, version: number | null): void {
    this.ctx.storage.sql.exec(
      "INSERT INTO holdings (ticket_id, agent_id, active, version, changed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(ticket_id) DO UPDATE SET agent_id = excluded.agent_id, active = excluded.active, version = COALESCE(?, holdings.version), changed_at = excluded.changed_at",
      ticketId,
      agentId,
      active ? 1 : 0,
      version ?? -1,
      this.clock.now(),
      version,
    );
  }

  private pruneTombstones(): void {
    this.ctx.storage.sql.exec("DELETE FROM holdings WHERE (active = 0 OR agent_id IS NULL) AND changed_at < ?", this.clock.now() - TOMBSTONE_MS);
  }

  private officeHours(): OfficeHours | null {
    const raw = this.getMeta("office_hours");
    return raw ? (JSON.parse(raw) as OfficeHours | null) : null;
  }

  /** One alarm: a retry of the in-flight assignment, the next opening for a waiting backlog, or a backstop. */
  private scheduleAlarm(): void {
    const now = this.clock.now();
    const due: number[] = [];
    const inflight = this.inflight();
    if (inflight) due.push(inflight.retry_at ?? now + backoff(1));
    if (this.waitingCount() > 0 && this.getMeta("enabled") === "1") {
      const hours = this.officeHours();
      if (isOpen(hours, now)) due.push(now + BACKSTOP_MS);
      else {
        const opening = nextOpening(hours, now);
        if (opening !== null) due.push(opening);
      }
    }
    if (due.length === 0) this.store.unschedule(PUMP_JOB);
    else this.store.schedule(PUMP_JOB, Math.min(...due));
    this.store.planAlarm();
  }

  private getMeta(key: string): string | null {
    return this.store.get(key);
  }

  private setMeta(key: string, value: string): void {
    this.store.set(key, value);
  }

  private deleteMeta(key: string): void {
    this.store.delete(key);
  }
}

/** Version 1: members in order, the waiting queue, the assignment in flight, and who holds which ticket. */
function rotationSchema(sql: SqlStorage): void {
  sql.exec(`CREATE TABLE IF NOT EXISTS members (
    agent_id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    online INTEGER NOT NULL DEFAULT 0,
    presence_at INTEGER NOT NULL DEFAULT 0,
    capacity INTEGER
  )`);
  sql.exec(`CREATE TABLE IF NOT EXISTS queue (
    ticket_id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    enqueued_at INTEGER NOT NULL,
    expect_assignee TEXT,
    expect_team TEXT
  )`);
  sql.exec("CREATE INDEX IF NOT EXISTS queue_order ON queue (created_at, ticket_id)");
  sql.exec(`CREATE TABLE IF NOT EXISTS inflight (
    ticket_id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    agent_id TEXT NOT NULL,
    expect_assignee TEXT,
    expect_team TEXT,
    prev_pointer TEXT,
    prev_pointer_members TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    retry_at INTEGER
  )`);
  sql.exec(`CREATE TABLE IF NOT EXISTS holdings (
    ticket_id TEXT PRIMARY KEY,
    agent_id TEXT,
    active INTEGER NOT NULL,
    version INTEGER NOT NULL,
    changed_at INTEGER NOT NULL
  )`);
  sql.exec("CREATE INDEX IF NOT EXISTS holdings_agent ON holdings (agent_id, active)");
}
