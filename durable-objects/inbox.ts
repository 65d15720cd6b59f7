// The inbox actor: one per account; dashboards connect here and get ticket, message and presence events live.
import { DurableObject } from "cloudflare:workers";
import type { InboxEvent } from "../src/tickets/events.ts";
import type { TicketView } from "../src/schemas/ticket.ts";
import { closeSocket } from "../src/lib/sockets.ts";

interface SocketAttachment {
  agentId: string;
  accountId: string;
}

export interface UnreadCounts {
  mine: number;
  unassigned: number;
  all: number;
}

interface MirrorRow extends Record<string, SqlStorageValue> {
  id: string;
  assignee_id: string | null;
  unread: number;
}

/**
 * Besides fanning out, the actor mirrors the few fields of the account's live tickets that unread
 * badges need, so counting never touches D1 on the hot path.
 */
export class InboxActor extends DurableObject<Env> {
  private readonly lastUnread = new Map<string, string>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS live_tickets (
      id TEXT PRIMARY KEY,
      assignee_id TEXT,
      unread INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    // Every ticket the account ever had: the list the D1 index is rebuilt from.
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS tickets (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL)");
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'));
  }

  /** Called by ticket actors and presence changes; returns how many frames went out. */
  async publish(events: InboxEvent[]): Promise<number> {
    let touched = false;
    for (const e of events) if (e.ticket) touched = this.mirror(e.ticket) || touched;
    const sockets = this.ctx.getWebSockets();
    if (sockets.length === 0) return 0;
    let sent = 0;
    const payloads = events.map((e) => JSON.stringify(e));
    // Unread frames only go out when an agent's counts changed since the last ones sent.
    const countsByAgent = new Map<string, string | null>();
    for (const ws of sockets) {
      const who = ws.deserializeAttachment() as SocketAttachment | null;
      try {
        for (const p of payloads) {
          ws.send(p);
          sent += 1;
        }
        if (touched && who) {
          let frame = countsByAgent.get(who.agentId);
          if (frame === undefined) {
            const next = JSON.stringify({ type: "unread", unread: this.unreadFor(who.agentId) });
            frame = this.lastUnread.get(who.agentId) === next ? null : next;
            this.lastUnread.set(who.agentId, next);
            countsByAgent.set(who.agentId, frame);
          }
          if (frame) ws.send(frame);
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
    return this.unreadFor(agentId);
  }

  /** A dashboard connects (the Worker has authenticated the agent and passes who it is). */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") return new Response("expected a WebSocket upgrade", { status: 426 });
    const agentId = request.headers.get("X-Edgedesk-Agent");
    const accountId = request.headers.get("X-Edgedesk-Account");
    if (!agentId || !accountId) return new Response("missing identity", { status: 400 });
    await this.loadMirrorOnce(accountId);
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, [agentId]);
    server.serializeAttachment({ agentId, accountId } satisfies SocketAttachment);
    server.send(JSON.stringify({ type: "hello", agentId, unread: this.unreadFor(agentId) }));
    await this.markSeen(accountId, agentId);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    const who = ws.deserializeAttachment() as SocketAttachment | null;
    if (!who) return;
    let frame: { type?: unknown; ticketId?: unknown };
    try {
      frame = JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw)) as typeof frame;
    } catch {
      ws.send(JSON.stringify({ type: "error", code: "validation_failed", message: "frames are JSON" }));
      return;
    }
    const ticketId = typeof frame.ticketId === "string" && frame.ticketId.length <= 64 ? frame.ticketId : null;
    const ticket = ticketId ? this.env.TICKET.get(this.env.TICKET.idFromName(`${who.accountId}:${ticketId}`)) : null;
    switch (frame.type) {
      case "heartbeat":
        await this.markSeen(who.accountId, who.agentId);
        return;
      case "read":
        if (ticket) await ticket.update({ unread: false }).catch(() => undefined);
        return;
      case "typing":
        if (ticket) {
          const name = await this.agentName(who.agentId);
          await ticket.agentTyping({ agentId: who.agentId, name }).catch(() => undefined);
        }
        return;
      default:
        return;
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // Always answer the close handshake.
    closeSocket(ws, code, reason);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    closeSocket(ws, 1011, "error");
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

  private mirror(t: TicketView): boolean {
    const live = t.status === "open" && !t.spam && t.handledBy === "team" && t.messageCount > 0;
    if (!live) {
      return this.ctx.storage.sql.exec("DELETE FROM live_tickets WHERE id = ?", t.id).rowsWritten > 0;
    }
    this.ctx.storage.sql.exec(
      "INSERT INTO live_tickets (id, assignee_id, unread, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET assignee_id = excluded.assignee_id, unread = excluded.unread, updated_at = excluded.updated_at WHERE excluded.updated_at >= live_tickets.updated_at",
      t.id,
      t.assigneeId,
      t.unread ? 1 : 0,
      Date.parse(t.updatedAt),
    );
    return true;
  }

  private unreadFor(agentId: string): UnreadCounts {
    const row = this.ctx.storage.sql
      .exec<{ mine: number; unassigned: number; total: number }>(
        "SELECT COALESCE(SUM(CASE WHEN assignee_id = ? THEN 1 ELSE 0 END), 0) AS mine, COALESCE(SUM(CASE WHEN assignee_id IS NULL THEN 1 ELSE 0 END), 0) AS unassigned, COUNT(*) AS total FROM live_tickets WHERE unread = 1",
        agentId,
      )
      .one();
    return { mine: row.mine, unassigned: row.unassigned, all: row.total };
  }

  /** The mirror is derived: built once from the D1 index, then kept current by events. */
  private async loadMirrorOnce(accountId: string): Promise<void> {
    if (this.ctx.storage.sql.exec("SELECT 1 FROM meta WHERE key = 'mirror_loaded'").toArray().length > 0) return;
    const rows = await this.env.DB.prepare(
      "SELECT id, assignee_id, unread, updated_at FROM tickets WHERE account_id = ? AND status = 'open' AND spam = 0 AND handled_by = 'team' AND message_count > 0",
    )
      .bind(accountId)
      .all<MirrorRow & { updated_at: number }>();
    for (const r of rows.results) {
      this.ctx.storage.sql.exec("INSERT OR IGNORE INTO live_tickets (id, assignee_id, unread, updated_at) VALUES (?, ?, ?, ?)", r.id, r.assignee_id, r.unread, r.updated_at);
    }
    this.ctx.storage.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('mirror_loaded', '1')");
  }

  private async markSeen(accountId: string, agentId: string): Promise<void> {
    await this.env.DB.prepare("UPDATE agents SET last_seen_at = ? WHERE id = ? AND account_id = ?").bind(Date.now(), agentId, accountId).run();
  }

  private async agentName(agentId: string): Promise<string> {
    const cached = this.ctx.storage.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", `name:${agentId}`).toArray()[0];
    if (cached) return cached.value;
    const row = await this.env.DB.prepare("SELECT name FROM agents WHERE id = ?").bind(agentId).first<{ name: string }>();
    const name = row?.name ?? "An agent";
    this.ctx.storage.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", `name:${agentId}`, name);
    return name;
  }
}
