// The dashboard's live socket to the account's inbox actor (docs/realtime.md): the shared socket
// (web/shared/socket.ts: backoff, ping, reconnect) plus the heartbeat and the resync after a drop.
import type { InboxClientFrame, InboxServerFrame } from "../../src/schemas/live.ts";
import { LiveSocket } from "../shared/socket.ts";

export type { InboxServerFrame as InboxFrame, UnreadCounts, ViewCounts } from "../../src/schemas/live.ts";

export type LiveState = "connecting" | "live" | "reconnecting";

export interface LiveHandlers {
  frame(frame: InboxServerFrame): void;
  state(state: LiveState): void;
  /** The socket is back after a drop: refetch whatever is on screen, events may have been missed. */
  resynced(): void;
  /** Several attempts failed: check whether the token still works. */
  probe(): void;
}

const HEARTBEAT_MS = 30_000;

export class InboxSocket {
  private everLive = false;
  private readonly socket: LiveSocket<InboxServerFrame, InboxClientFrame>;

  constructor(
    private readonly token: string,
    private readonly on: LiveHandlers,
  ) {
    this.socket = new LiveSocket<InboxServerFrame, InboxClientFrame>(
      {
        url: () => {
          const url = new URL("/api/inbox/ws", location.href);
          url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
          url.searchParams.set("token", this.token);
          return url.href;
        },
        connecting: () => this.on.state(this.everLive ? "reconnecting" : "connecting"),
        frame: (frame) => this.onFrame(frame),
        closed: (failures) => {
          this.on.state("reconnecting");
          if (failures % 3 === 0) this.on.probe();
        },
      },
      { heartbeat: { everyMs: HEARTBEAT_MS, frame: { type: "heartbeat" } } },
    );
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    this.socket.stop(1000, "logout");
  }

  send(frame: InboxClientFrame): boolean {
    return this.socket.send(frame);
  }

  /** Tests and the "reconnect" button: drop the socket as a network failure would. */
  drop(): void {
    this.socket.drop();
  }

  private onFrame(frame: InboxServerFrame): void {
    if (frame.type === "hello") {
      const wasLive = this.everLive;
      this.socket.live();
      this.everLive = true;
      this.on.state("live");
      this.on.frame(frame);
      if (wasLive) this.on.resynced();
      return;
    }
    this.on.frame(frame);
  }
}
