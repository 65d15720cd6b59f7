// The live socket both front ends use (docs/realtime.md): JSON frames, ping/pong with a dead-socket timeout,
// an optional heartbeat, reconnects with exponential backoff and jitter, and an early retry when the browser
// comes back online or the tab becomes visible. What a frame means stays with the caller (the widget's
// ChatClient, the dashboard's InboxSocket); frame types come from src/schemas/live.ts (type-only imports).
//
// No zod and nothing else at runtime: this is part of the widget bundle.

export const PING_MS = 25_000;
export const PONG_TIMEOUT_MS = 10_000;
/** Exactly the actors' auto-response request (PING_FRAME in src/schemas/live.ts), so pings never wake them. */
const PING = '{"type":"ping"}';

/** 0.5 s doubling to 30 s; each wait is a random point between half of that and all of it (jitter). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** attempt);
  return Math.round(base / 2 + (random() * base) / 2);
}

export interface LiveSocketHooks<In> {
  /** The URL to open now (read at every attempt, so it can carry a resume point), or null to stay down. */
  url(): string | null;
  /** Every frame that is a JSON object with a string `type`, in order. */
  frame(frame: In): void;
  /** An attempt starts (the first after start() or a later one). */
  connecting?(): void;
  /** The socket is gone (closed, dropped or never opened); a new attempt follows after the backoff. `failures` counts attempts since the last live(). */
  closed?(failures: number): void;
}

export interface LiveSocketOptions<Out> {
  pingMs?: number;
  pongTimeoutMs?: number;
  /** A presence frame sent every `everyMs` while open (the dashboard's heartbeat). */
  heartbeat?: { everyMs: number; frame: Out };
}

/**
 * One logical connection: start() keeps it up until stop(). A socket that stays silent for
 * `pongTimeoutMs` after a ping is treated as dropped (a half-open connection never closes by itself).
 * The caller calls live() when the server has confirmed the stream (`ready`, `hello`): that resets the backoff.
 */
export class LiveSocket<In extends { type: string }, Out extends { type: string }> {
  private ws: WebSocket | null = null;
  private generation = 0;
  private failures = 0;
  private running = false;
  private timers: ReturnType<typeof setInterval>[] = [];
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onOnline = () => this.reconnectNow();
  private readonly onOffline = () => this.ws?.close(4002, "offline");
  private readonly onVisible = () => {
    if (document.visibilityState === "visible") this.reconnectNow();
  };

  constructor(
    private readonly hooks: LiveSocketHooks<In>,
    private readonly options: LiveSocketOptions<Out> = {},
  ) {}

  /** Whether start() was called and stop() was not. */
  get started(): boolean {
    return this.running;
  }

  /** Connects, and keeps reconnecting until stop(). Does nothing when already started. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.failures = 0;
    if (typeof window !== "undefined") {
      window.addEventListener("online", this.onOnline);
      window.addEventListener("offline", this.onOffline);
      document.addEventListener("visibilitychange", this.onVisible);
    }
    this.connect();
  }

  stop(code = 1000, reason = "bye"): void {
    this.running = false;
    this.generation += 1;
    if (typeof window !== "undefined") {
      window.removeEventListener("online", this.onOnline);
      window.removeEventListener("offline", this.onOffline);
      document.removeEventListener("visibilitychange", this.onVisible);
    }
    this.clearTimers();
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const ws = this.ws;
    this.ws = null;
    try {
      ws?.close(code, reason);
    } catch {
      // already closed
    }
  }

  /** The server confirmed the stream: the next drop starts the backoff from the beginning. */
  live(): void {
    this.failures = 0;
  }

  /** Sends a frame if the socket is open; false when it is not (the caller decides whether that matters). */
  send(frame: Out): boolean {
    return this.sendText(JSON.stringify(frame));
  }

  /** Tests and "reconnect" buttons: drop the socket as a network failure would. */
  drop(): void {
    this.ws?.close(4000, "dropped");
  }

  /** Back online or back in view: skip the remaining backoff (unless a socket is open or opening). */
  reconnectNow(): void {
    if (!this.running || (this.ws && this.ws.readyState <= WebSocket.OPEN)) return;
    this.failures = 0;
    this.connect();
  }

  private connect(): void {
    if (!this.running) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const href = this.hooks.url();
    if (href === null) return;
    const gen = ++this.generation;
    this.hooks.connecting?.();
    let ws: WebSocket;
    try {
      ws = new WebSocket(href);
    } catch {
      this.ws = null;
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (gen !== this.generation) return;
      this.clearTimers();
      this.timers.push(setInterval(() => this.ping(), this.options.pingMs ?? PING_MS));
      const hb = this.options.heartbeat;
      if (hb) this.timers.push(setInterval(() => this.send(hb.frame), hb.everyMs));
    };
    ws.onmessage = (ev) => {
      if (gen !== this.generation) return;
      // Any frame proves the connection is alive.
      clearTimeout(this.pongTimer);
      let data: unknown;
      try {
        data = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      if (typeof data === "object" && data !== null && typeof (data as { type?: unknown }).type === "string") this.hooks.frame(data as In);
    };
    ws.onclose = () => {
      if (gen !== this.generation) return;
      this.ws = null;
      this.clearTimers();
      this.scheduleReconnect();
    };
  }

  private sendText(text: string): boolean {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    try {
      this.ws.send(text);
      return true;
    } catch {
      return false;
    }
  }

  private ping(): void {
    if (!this.sendText(PING)) return;
    clearTimeout(this.pongTimer);
    this.pongTimer = setTimeout(() => this.ws?.close(4001, "no pong"), this.options.pongTimeoutMs ?? PONG_TIMEOUT_MS);
  }

  private scheduleReconnect(): void {
    if (!this.running) return;
    const delay = backoffDelay(this.failures);
    this.failures += 1;
    this.hooks.closed?.(this.failures);
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private clearTimers(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    clearTimeout(this.pongTimer);
  }
}
