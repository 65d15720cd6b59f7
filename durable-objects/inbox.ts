// The inbox actor: one per account; dashboards connect here and get ticket, message and presence events live.
import { DurableObject } from "cloudflare:workers";
import { and, asc, eq, gt, or } from "drizzle-orm";
import { markSeen } from "../src/accounts/presence.ts";
import { TicketCollisions } from "../src/tickets/collision.ts";
import { findAgent } from "../src/accounts/service.ts";
import { ActorStorage } from "../src/actors/storage.ts";
import { db } from "../src/db/client.ts";
import { tickets } from "../src/db/schema/index.ts";
import { errorFrame, parseInboxClientFrame, PING_FRAME, PONG_FRAME, type InboxEvent, type InboxServerFrame, type UnreadCounts, type ViewCounts } from "../src/schemas/live.ts";
import type { TicketView } from "../src/schemas/ticket.ts";
import { closeSocket } from "../src/lib/sockets.ts";

export type { UnreadCounts, ViewCounts };

/** What the mirror reads of a ticket (`updatedAt` in epoch ms). */
export interface MirrorFields {
  id: string;
  status: TicketView["status"];
  spam: boolean;
  assigneeId: string | null;
  unread: boolean;
  handledBy: TicketView["handledBy"];
  messageCount: number;
  updatedAt: number;
}

function mirrorFieldsOf(t: TicketView): MirrorFields {
  return { id: t.id, status: t.status, spam: t.spam, assigneeId: t.assigneeId, unread: t.unread, handledBy: t.handledBy, messageCount: t.messageCount, updatedAt: Date.parse(t.updatedAt) };
}

interface SocketAttachment {
  agentId: string;
  accountId: string;
  /** The login session the socket was opened with (absent on sockets older than session tags). */
  sessionId?: string;
  /** The ticket this dashboard has open (collision detection). */
  viewing?: string | null;
}

/** Sockets are tagged with their session, so a logout or a password change closes exactly that session's. */
const sessionTag = (sessionId: string) => `session:${sessionId}`;

/** What the mirror keeps of a ticket: the fields the built-in views and the unread badges filter on. */
interface MirrorRow extends Record<string, SqlStorageValue> {
  id: string;
  status: string;
  spam: number;
  assignee_id: string | null;
  unread: number;
  /** Which built-in views the ticket can be in: NOT_COUNTED (no messages), the team's views, or the AI agent's view. */
  counted: number;
  updated_at: number;
}

/** Marks a mirror built from D1 with the view-count columns and the AI agent's tickets (v2 held the team's only). */
const MIRROR_LOADED = "mirror_v3_loaded";

/** `counted`: a ticket without messages is in no view; with them it is the team's (their views) or the AI agent's (`ai`). */
const NOT_COUNTED = 0;
const COUNTED_TEAM = 1;
const COUNTED_AI = 2;
const countedOf = (handledBy: TicketView["handledBy"], messageCount: number) => (messageCount <= 0 ? NOT_COUNTED : handledBy === "ai" ? COUNTED_AI : COUNTED_TEAM);
const LOAD_PAGE = 1000;
const NO_FRAMES: readonly string[] = [];

/**
 * The counters a ticket adds one to, exactly as `ticketConditions` (src/tickets/queries.ts) counts the
 * built-in views: every view needs messages; `ai` is the AI agent's, any status but not spam; the others
 * need the team; `all` is every status but not spam; mine, unassigned and spam are open tickets. Unread
 * badges count the team's open, not-spam, unread tickets.
 */
function countersOf(r: MirrorRow | undefined): string[] {
  if (!r || r.counted === NOT_COUNTED) return [];
  if (r.counted === COUNTED_AI) return r.spam ? [] : ["ai"];
  if (r.spam) return r.status === "open" ? ["spam"] : [];
  if (r.status !== "open") return ["all"];
  const who = r.assignee_id === null ? "unassigned" : `mine:${r.assignee_id}`;
  return r.unread ? ["all", who, "unread", `unread.${who}`] : ["all", who];
}

/**
 * Besides fanning out, the actor mirrors the few fields of every ticket of the account that the built-in
 * view counts and unread badges need, and keeps those counts as counters, so counting never touches D1
 * on the hot path: dashboards get them in `hello` and in `unread` / `counts` frames when they change.
 */
export class InboxActor extends DurableObject<Env> {
  private readonly lastSent = new Map<string, string>();
  /** The rows this instance has seen, so an event that changes no count costs no SQL. */
  private readonly rows = new Map<string, MirrorRow>();
  private readonly attachments = new WeakMap<WebSocket, SocketAttachment | null>();
  private readonly store: ActorStorage;
  private loading: Promise<void> | null = null;
  private readonly collisions = new TicketCollisions<SocketAttachment>({
    sockets: () => this.ctx.getWebSockets(),
    stateOf: (ws) => this.who(ws),
    setState: (ws, state) => {
      ws.serializeAttachment(state);
      this.attachments.set(ws, state);
    },
  });

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new ActorStorage(ctx);
    this.store.migrate([inboxSchema]);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
  }

  /** Called by ticket actors and presence changes; returns how many frames went out. */
  async publish(events: InboxEvent[]): Promise<number> {
    const tickets = events.flatMap((e) => ("ticket" in e ? [mirrorFieldsOf(e.ticket)] : []));
    return this.fanOut(events.map((e) => JSON.stringify(e satisfies InboxServerFrame)), tickets);
  }

  /**
   * A ticket actor's events, each serialised once where it was made (a frame is sent as is to every dashboard),
   * with the few fields of the ticket the mirror needs: far less to copy between actors than the events themselves.
   */
  async publishFrames(input: { frames: string[]; ticket: MirrorFields }): Promise<number> {
    return this.fanOut(input.frames, [input.ticket]);
  }

  private fanOut(payloads: string[], tickets: MirrorFields[]): number {
    let changed = false;
    for (const t of tickets) changed = this.mirror(t) || changed;
    const sockets = this.ctx.getWebSockets();
    if (sockets.length === 0) return 0;
    let sent = 0;
    // Unread and counts frames only go out when an agent's numbers changed since the last ones sent.
    const extraByAgent = new Map<string, readonly string[]>();
    for (const ws of sockets) {
      const who = this.who(ws);
      let extra: readonly string[] = NO_FRAMES;
      if (changed && who) {
        extra = extraByAgent.get(who.agentId) ?? this.changedCountFrames(who.agentId);
        extraByAgent.set(who.agentId, extra);
      }
      try {
        for (const p of payloads) {
          ws.send(p);
          sent += 1;
        }
        for (const p of extra) {
          ws.send(p);
          sent += 1;
        }
      } catch {
        // A socket that cannot take a send is gone; webSocketClose cleans it up.
      }
    }
    return sent;
  }

  /** A ticket actor announces itself once (retried from its alarm until this succeeds). */
  async register(input: { ticketId: string; createdAt: number }): Promise<void> {
    this.ctx.storage.sql.exec("INSERT OR IGNORE INTO tickets (id, created_at) VALUES (?, ?)", input.ticketId, input.createdAt);
  }

  /** A page of the account's ticket ids, oldest first, after `after` (an id). */
  async ticketIds(input: { after: string | null; limit: number }): Promise<{ ids: string[]; next: string | null }> {
    const rows = this.ctx.storage.sql
      .exec<{ id: string }>("SELECT id FROM tickets WHERE id > ? ORDER BY id LIMIT ?", input.after ?? "", input.limit + 1)
      .toArray();
    const page = rows.slice(0, input.limit).map((r) => r.id);
    return { ids: page, next: rows.length > input.limit ? (page[page.length - 1] ?? null) : null };
  }

  /** Unread badge counts for one agent. */
  async unread(agentId: string): Promise<UnreadCounts> {
    return this.numbersFor(agentId).unread;
  }

  /** A dashboard connects (the Worker has authenticated the agent and passes who it is). */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") return new Response("expected a WebSocket upgrade", { status: 426 });
    const agentId = request.headers.get("X-Edgedesk-Agent");
    const accountId = request.headers.get("X-Edgedesk-Account");
    const sessionId = request.headers.get("X-Edgedesk-Session") ?? undefined;
    if (!agentId || !accountId) return new Response("missing identity", { status: 400 });
    await this.loadMirrorOnce(accountId);
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, sessionId ? [agentId, sessionTag(sessionId)] : [agentId]);
    server.serializeAttachment({ agentId, accountId, ...(sessionId ? { sessionId } : {}) } satisfies SocketAttachment);
    const { unread, counts } = this.numbersFor(agentId);
    server.send(JSON.stringify({ type: "hello", agentId, unread, counts } satisfies InboxServerFrame));
    this.lastSent.set(`unread:${agentId}`, JSON.stringify(unread));
    this.lastSent.set(`counts:${agentId}`, JSON.stringify(counts));
    await markSeen(this.env, accountId, agentId);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    const who = this.who(ws);
    if (!who) return;
    const parsed = parseInboxClientFrame(raw);
    if (!parsed.ok) {
      ws.send(JSON.stringify(parsed.error));
      return;
    }
    const frame = parsed.frame;
    switch (frame.type) {
      case "ping":
        // A ping spelled differently from PING_FRAME reaches the actor instead of the auto-response.
        ws.send(PONG_FRAME);
        return;
      case "heartbeat":
        await markSeen(this.env, who.accountId, who.agentId);
        return;
      case "read":
        await this.ticket(who.accountId, frame.ticketId).update({ unread: false }).catch(() => undefined);
        return;
      case "typing": {
        this.collisions.composing(ws, frame.ticketId, frame.kind ?? "reply");
        // A note is the team's own: the shopper never hears of it.
        if (frame.kind === "note") return;
        const name = await this.agentName(who.accountId, who.agentId);
        await this.ticket(who.accountId, frame.ticketId).agentTyping({ agentId: who.agentId, name }).catch(() => undefined);
        return;
      }
      case "viewing":
        this.collisions.viewing(ws, frame.ticketId);
        return;
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.collisions.closed(ws);
    // Always answer the close handshake.
    closeSocket(ws, code, reason);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    closeSocket(ws, 1011, "error");
  }

  /** Sessions ended (logout, password change): their dashboards are closed now, not at their next request. */
  async endSessions(sessionIds: string[]): Promise<number> {
    let closed = 0;
    for (const sessionId of sessionIds) {
      for (const ws of this.ctx.getWebSockets(sessionTag(sessionId))) {
        closeSocket(ws, 4401, "session ended");
        closed += 1;
      }
    }
    return closed;
  }

  /** Agents with at least one dashboard connected right now. */
  async connectedAgents(): Promise<string[]> {
    const ids = new Set<string>();
    for (const ws of this.ctx.getWebSockets()) {
      const who = ws.deserializeAttachment() as SocketAttachment | null;
      if (who) ids.add(who.agentId);
    }
    return [...ids];
  }

  /** Who is on a socket: its attachment, read once per socket and instance (every event goes to every socket). */
  private who(ws: WebSocket): SocketAttachment | null {
    let who = this.attachments.get(ws);
    if (who === undefined) {
      who = ws.deserializeAttachment() as SocketAttachment | null;
      this.attachments.set(ws, who);
    }
    return who;
  }

  private ticket(accountId: string, ticketId: string) {
    return this.env.TICKET.get(this.env.TICKET.idFromName(`${accountId}:${ticketId}`));
  }

  /** Applies a ticket snapshot from an event; true when any count changed. */
  private mirror(t: MirrorFields): boolean {
    return this.applyRow({
      id: t.id,
      status: t.status,
      spam: t.spam ? 1 : 0,
      assignee_id: t.assigneeId,
      unread: t.unread ? 1 : 0,
      counted: countedOf(t.handledBy, t.messageCount),
      updated_at: t.updatedAt,
    });
  }

  /** Stores a snapshot unless a newer one is there (events can overtake each other) and moves the counters. */
  private applyRow(next: MirrorRow): boolean {
    const sql = this.ctx.storage.sql;
    const old = this.rows.get(next.id) ?? sql.exec<MirrorRow>("SELECT * FROM view_tickets WHERE id = ?", next.id).toArray()[0];
    if (old && old.updated_at > next.updated_at) return false;
    this.rows.set(next.id, next);
    // Most events (a new message) move no count: the stored row then keeps its older time, which only orders
    // events against the stored state after a restart — and a count-neutral event changes nothing there.
    if (old && old.status === next.status && old.spam === next.spam && old.assignee_id === next.assignee_id && old.unread === next.unread && old.counted === next.counted) return false;
    sql.exec(
      "INSERT OR REPLACE INTO view_tickets (id, status, spam, assignee_id, unread, counted, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      next.id,
      next.status,
      next.spam,
      next.assignee_id,
      next.unread,
      next.counted,
      next.updated_at,
    );
    const before = countersOf(old);
    const after = countersOf(next);
    let changed = false;
    for (const [keys, others, delta] of [[before, after, -1], [after, before, 1]] as const) {
      for (const key of keys) {
        if (others.includes(key)) continue;
        sql.exec("INSERT INTO view_counters (key, n) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET n = n + excluded.n", key, delta);
        changed = true;
      }
    }
    if (changed) sql.exec("DELETE FROM view_counters WHERE n = 0");
    return changed;
  }

  /** One agent's unread badges and built-in view counts, read from the counters. */
  private numbersFor(agentId: string): { unread: UnreadCounts; counts: ViewCounts } {
    const n = new Map<string, number>();
    const keys = [`mine:${agentId}`, "unassigned", "all", "spam", "ai", "unread", `unread.mine:${agentId}`, "unread.unassigned"];
    for (const r of this.ctx.storage.sql.exec<{ key: string; n: number }>(`SELECT key, n FROM view_counters WHERE key IN (${keys.map(() => "?").join(", ")})`, ...keys)) {
      n.set(r.key, r.n);
    }
    const get = (k: string) => n.get(k) ?? 0;
    return {
      unread: { mine: get(`unread.mine:${agentId}`), unassigned: get("unread.unassigned"), all: get("unread") },
      counts: { mine: get(`mine:${agentId}`), unassigned: get("unassigned"), all: get("all"), spam: get("spam"), ai: get("ai") },
    };
  }

  /** The `unread` and `counts` frames whose numbers changed for this agent since the last ones sent. */
  private changedCountFrames(agentId: string): string[] {
    const { unread, counts } = this.numbersFor(agentId);
    const out: string[] = [];
    for (const [key, value, frame] of [
      [`unread:${agentId}`, unread, { type: "unread", unread }],
      [`counts:${agentId}`, counts, { type: "counts", counts }],
    ] as const satisfies readonly (readonly [string, unknown, InboxServerFrame])[]) {
      const json = JSON.stringify(value);
      if (this.lastSent.get(key) === json) continue;
      this.lastSent.set(key, json);
      out.push(JSON.stringify(frame));
    }
    return out;
  }

  /** The mirror is derived: built once from the D1 index (concurrent connects share the load), then kept current by events. */
  private loadMirrorOnce(accountId: string): Promise<void> {
    if (this.store.get(MIRROR_LOADED) !== null) return Promise.resolve();
    this.loading ??= this.loadMirror(accountId).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async loadMirror(accountId: string): Promise<void> {
    // What this instance remembers describes the mirror being replaced.
    this.rows.clear();
    // Keyset on (updated_at, id): a ticket that changes during the load only moves later, so no row is missed;
    // events that arrive meanwhile are newer than the D1 rows and win in applyRow.
    let at = -1;
    let id = "";
    for (;;) {
      const results = await db(this.env.DB)
        .select({ id: tickets.id, status: tickets.status, spam: tickets.spam, assigneeId: tickets.assigneeId, unread: tickets.unread, handledBy: tickets.handledBy, updatedAt: tickets.updatedAt })
        .from(tickets)
        .where(and(eq(tickets.accountId, accountId), gt(tickets.messageCount, 0), or(gt(tickets.updatedAt, at), and(eq(tickets.updatedAt, at), gt(tickets.id, id)))))
        .orderBy(asc(tickets.updatedAt), asc(tickets.id))
        .limit(LOAD_PAGE);
      for (const r of results) this.applyRow({ id: r.id, status: r.status, spam: r.spam ? 1 : 0, assignee_id: r.assigneeId, unread: r.unread ? 1 : 0, counted: countedOf(r.handledBy, 1), updated_at: r.updatedAt });
      const last = results[results.length - 1];
      if (!last || results.length < LOAD_PAGE) break;
      at = last.updatedAt;
      id = last.id;
    }
    this.store.set(MIRROR_LOADED, "1");
  }

  private async agentName(accountId: string, agentId: string): Promise<string> {
    const cached = this.store.get(`name:${agentId}`);
    if (cached !== null) return cached;
    const name = (await findAgent(this.env, accountId, agentId))?.name ?? "An agent";
    this.store.set(`name:${agentId}`, name);
    return name;
  }
}

/** Version 1: every ticket the account ever had (the list the D1 index is rebuilt from), and the view-count mirror. */
function inboxSchema(sql: SqlStorage): void {
  // The unread-only mirror of earlier versions: view_tickets replaces it (rebuilt from D1 on first connect).
  sql.exec("DROP TABLE IF EXISTS live_tickets");
  sql.exec("DELETE FROM meta WHERE key = 'mirror_loaded'");
  sql.exec(`CREATE TABLE IF NOT EXISTS view_tickets (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    spam INTEGER NOT NULL,
    assignee_id TEXT,
    unread INTEGER NOT NULL,
    counted INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`);
  sql.exec("CREATE TABLE IF NOT EXISTS view_counters (key TEXT PRIMARY KEY, n INTEGER NOT NULL)");
  sql.exec("CREATE TABLE IF NOT EXISTS tickets (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL)");
}
