import { DurableObject } from "cloudflare:workers";

export class TicketActor extends DurableObject<Env> {
  async ping(): Promise<string> {
    return "pong";
  }
}
