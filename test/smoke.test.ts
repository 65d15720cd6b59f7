import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("toolchain", () => {
  it("serves the health route and reaches a ticket actor over RPC", async () => {
    const res = await exports.default.fetch("http://x/api/health");
    expect(await res.json()).toEqual({ ok: true });
    const stub = env.TICKET.get(env.TICKET.idFromName("smoke"));
    expect(await stub.ping()).toBe("pong");
  });
});
