// The dashboard's live socket to the account's inbox actor (docs/realtime.md): backoff, ping, heartbeat, resync.
import type { Message, Ticket } from "./api.ts";

export interface UnreadCounts {
  mine: number;
  unassigned: number;
  all: number;
}

export type InboxFrame =
  | { type: "hello"; agentId: string; unread: UnreadCounts }
  | { type: "ticket.created" | "ticket.updated" | "ticket.snooze_ended"; ticket: Ticket }
  | { type: "message.created"; ticket: Ticket; message: Message }
  | { type: "agent.status"; agentId: string; status: "online" | "offline" }
  | { type: "typing"; ticketId: string; author: "customer" | "agent"; name?: string }
  | { type: "unread"; unread: UnreadCounts }
  | { type: "pong" }
  | { type: "error"; code: string; message?: string };

export type DashboardFrame = { type: "read"; ticketId: string } | { type: "typing"; ticketId: string } | { type: "heartbeat" } | { type: "ping" };

export type LiveState = "connecting" | "live" | "reconnecting";

export interface LiveHandlers {
  frame(frame: InboxFrame): void;
  state(state: LiveState): void;
  /** The socket is back after a drop: refetch whatever is on screen, events may have been missed. */
  resynced(): void;
  /** Several attempts failed: check whether the token still works. */
  probe(): void;
}

const PING_MS = 25_000;
const HEARTBEAT_MS = 30_000;
const PONG_TIMEOUT_MS = 10_000;

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** attempt);
  return Math.round(base / 2 + (random() * base) / 2);
}

export class InboxSocket {
  private ws: WebSocket | null = null;
  private generation = 0;
  private attempts = 0;
  private everLive = false;
  private stopped = true;
  private timers: ReturnType<typeof setInterval>[] = [];
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onOnline = () => this.reconnectNow();
  private readonly onVisible = () => {
    if (document.visibilityState === "visible") this.reconnectNow();
  };

  constructor(
    private readonly token: string,
    private readonly on: LiveHandlers,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener("online", this.onOnline);
    document.addEventListener("visibilitychange", this.onVisible);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.generation += 1;
    window.removeEventListener("online", this.onOnline);
    document.removeEventListener("visibilitychange", this.onVisible);
    this.clearTimers();
    clearTimeout(this.reconnectTimer);
    this.ws?.close(1000, "logout");
    this.ws = null;
  }

  send(frame: DashboardFrame): boolean {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    try {
      this.ws.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  /** Tests and the "reconnect" button: drop the socket as a network failure would. */
  drop(): void {
    this.ws?.close(4000, "dropped");
  }

  private connect(): void {
    if (this.stopped) return;
    clearTimeout(this.reconnectTimer);
    const gen = ++this.generation;
    const url = new URL("/api/inbox/ws", location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    url.searchParams.set("token", this.token);
    this.on.state(this.everLive ? "reconnecting" : "connecting");
    let ws: WebSocket;
    try {
      ws = new WebSocket(url.href);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (gen !== this.generation) return;
      this.clearTimers();
      this.timers.push(setInterval(() => this.ping(), PING_MS));
      this.timers.push(setInterval(() => this.send({ type: "heartbeat" }), HEARTBEAT_MS));
    };
    ws.onmessage = (ev) => {
      if (gen !== this.generation) return;
      clearTimeout(this.pongTimer);
      let frame: InboxFrame;
      try {
        frame = JSON.parse(String(ev.data)) as InboxFrame;
      } catch {
        return;
      }
      if (frame.type === "hello") {
        const wasLive = this.everLive;
        this.attempts = 0;
        this.everLive = true;
        this.on.state("live");
        this.on.frame(frame);
        if (wasLive) this.on.resynced();
        return;
      }
      this.on.frame(frame);
    };
    ws.onclose = () => {
      if (gen !== this.generation) return;
      this.ws = null;
      this.clearTimers();
      this.scheduleReconnect();
    };
  }

  private ping(): void {
    if (!this.send({ type: "ping" })) return;
    clearTimeout(this.pongTimer);
    // A half-open connection never closes by itself: treat silence as a drop.
    this.pongTimer = setTimeout(() => this.ws?.close(4001, "no pong"), PONG_TIMEOUT_MS);
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.on.state("reconnecting");
    const delay = backoffDelay(this.attempts);
    this.attempts += 1;
    if (this.attempts % 3 === 0) this.on.probe();
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private reconnectNow(): void {
    if (this.stopped || (this.ws && this.ws.readyState <= WebSocket.OPEN)) return;
    this.attempts = 0;
    this.connect();
  }

  private clearTimers(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    clearTimeout(this.pongTimer);
  }
}
