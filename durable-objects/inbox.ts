// The inbox actor: one per account, fans live ticket/message/presence events out to dashboards.
import { DurableObject } from "cloudflare:workers";
import type { InboxEvent } from "../src/tickets/events.ts";

export class InboxActor extends DurableObject<Env> {
  async publish(events: InboxEvent[]): Promise<number> {
    let sent = 0;
    const payload = events.map((e) => JSON.stringify(e));
    for (const ws of this.ctx.getWebSockets()) {
      for (const p of payload) {
        try {
          ws.send(p);
          sent += 1;
        } catch {
          // A socket that cannot take a send is gone; webSocketClose cleans it up.
        }
      }
    }
    return sent;
  }
}
