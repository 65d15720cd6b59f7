import { DurableObject } from "cloudflare:workers";

export class RotationActor extends DurableObject<Env> {
  async ping(): Promise<string> {
    return "pong";
  }
}
