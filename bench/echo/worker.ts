// Baseline for the latency benchmark: one bare Durable Object per room echoing every WebSocket message.
import { DurableObject } from "cloudflare:workers";

interface EchoEnv {
  ROOM: DurableObjectNamespace<EchoRoom>;
}

export class EchoRoom extends DurableObject<EchoEnv> {
  override async fetch(): Promise<Response> {
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    ws.send(message);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
  }
}

export default {
  async fetch(request: Request, env: EchoEnv): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/api/health") return new Response("ok");
    const room = url.pathname.split("/").pop() ?? "room";
    return env.ROOM.get(env.ROOM.idFromName(room)).fetch(request);
  },
} satisfies ExportedHandler<EchoEnv>;
