// Collision detection over the inbox actor's dashboard sockets: which agents have a ticket open, and who is writing in
// it. Kept in each socket's attachment (so it survives the actor's hibernation); frames go to every dashboard.
import type { InboxServerFrame } from "../schemas/live.ts";

export interface CollisionSocketState {
  agentId: string;
  /** The ticket this dashboard has open. */
  viewing?: string | null;
}

export interface CollisionHost<S extends CollisionSocketState> {
  sockets(): WebSocket[];
  /** The socket's attachment (null for one not yet identified). */
  stateOf(ws: WebSocket): S | null;
  /** Stores a socket's new attachment. */
  setState(ws: WebSocket, state: S): void;
}

export class TicketCollisions<S extends CollisionSocketState> {
  constructor(private readonly host: CollisionHost<S>) {}

  /** A dashboard opened a ticket (or none): both the ticket it left and the one it opened hear who views them now. */
  viewing(ws: WebSocket, ticketId: string | null): void {
    const state = this.host.stateOf(ws);
    if (!state || (state.viewing ?? null) === ticketId) return;
    const left = state.viewing ?? null;
    this.host.setState(ws, { ...state, viewing: ticketId });
    for (const id of [left, ticketId]) if (id) this.announce(id);
  }

  /** A dashboard is gone: the ticket it had open loses a viewer. */
  closed(ws: WebSocket): void {
    const id = this.host.stateOf(ws)?.viewing;
    if (id) this.announce(id, ws);
  }

  /** A colleague writes in a ticket: every other agent's dashboards hear it. */
  composing(ws: WebSocket, ticketId: string, kind: "reply" | "note"): void {
    const state = this.host.stateOf(ws);
    if (!state) return;
    const frame = JSON.stringify({ type: "composing", ticketId, agentId: state.agentId, kind } satisfies InboxServerFrame);
    for (const other of this.host.sockets()) if (this.host.stateOf(other)?.agentId !== state.agentId) send(other, frame);
  }

  /** The agents with `ticketId` open (sockets other than `gone`). */
  viewers(ticketId: string, gone?: WebSocket): string[] {
    const ids = new Set<string>();
    for (const ws of this.host.sockets()) {
      if (ws === gone) continue;
      const s = this.host.stateOf(ws);
      if (s?.viewing === ticketId) ids.add(s.agentId);
    }
    return [...ids].sort();
  }

  private announce(ticketId: string, gone?: WebSocket): void {
    const frame = JSON.stringify({ type: "viewers", ticketId, agentIds: this.viewers(ticketId, gone) } satisfies InboxServerFrame);
    for (const ws of this.host.sockets()) if (ws !== gone) send(ws, frame);
  }
}

function send(ws: WebSocket, frame: string): void {
  try {
    ws.send(frame);
  } catch {
    // a socket that cannot take a send is gone; its close cleans up
  }
}
