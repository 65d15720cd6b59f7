// Baselines for the live benchmarks, with no application logic and no storage:
// - echo: one bare Durable Object per room echoing every WebSocket message back (the round trip, the floor of any
//   actor-based chat);
// - relay: Edgedesk's topology with nothing in it — a room actor per conversation echoes the message to its sender
//   and hands it by RPC to one hub actor, which sends it to every listening socket (the dashboards). The floor of
//   "one actor per conversation, one actor per inbox" on this machine, fan-out included.
import { DurableObject } from "cloudflare:workers";

interface EchoEnv {
  ROOM: DurableObjectNamespace<EchoRoom>;
  RELAY: DurableObjectNamespace<RelayRoom>;
  HUB: DurableObjectNamespace<Hub>;
}

function accept(ctx: DurableObjectState): Response {
  const pair = new WebSocketPair();
  ctx.acceptWebSocket(pair[1]);
  return new Response(null, { status: 101, webSocket: pair[0] });
}

function closeBack(ws: WebSocket, code: number, reason: string): void {
  ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
}

export class EchoRoom extends DurableObject<EchoEnv> {
  override async fetch(): Promise<Response> {
    return accept(this.ctx);
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    ws.send(message);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    closeBack(ws, code, reason);
  }
}

export class RelayRoom extends DurableObject<EchoEnv> {
  private hub: DurableObjectStub<Hub> | null = null;

  override async fetch(): Promise<Response> {
    return accept(this.ctx);
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    ws.send(message);
    this.hub ??= this.env.HUB.get(this.env.HUB.idFromName("hub"));
    this.ctx.waitUntil(this.hub.relay(String(message)).catch(() => undefined));
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    closeBack(ws, code, reason);
  }
}

export class Hub extends DurableObject<EchoEnv> {
  override async fetch(): Promise<Response> {
    return accept(this.ctx);
  }

  async relay(frame: string): Promise<number> {
    const sockets = this.ctx.getWebSockets();
    for (const ws of sockets) ws.send(frame);
    return sockets.length;
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    closeBack(ws, code, reason);
  }
}

export default {
  async fetch(request: Request, env: EchoEnv): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/api/health") return new Response("ok");
    const [, kind, room = "room"] = url.pathname.split("/");
    if (kind === "relay") return env.RELAY.get(env.RELAY.idFromName(room)).fetch(request);
    if (kind === "hub") return env.HUB.get(env.HUB.idFromName("hub")).fetch(request);
    return env.ROOM.get(env.ROOM.idFromName(room)).fetch(request);
  },
} satisfies ExportedHandler<EchoEnv>;
