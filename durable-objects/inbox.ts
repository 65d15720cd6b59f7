import { DurableObject } from "cloudflare:workers";

export class InboxActor extends DurableObject<Env> {
  async ping(): Promise<string> {
    return "pong";
  }
}
