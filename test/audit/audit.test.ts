import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { recordAudit } from "../../src/audit/record.ts";
import { addAgent, call, signup } from "../helpers.ts";

describe("audit log", () => {
  it("lists an account's entries newest first, filtered by actor and action, page by page", async () => {
    const acc = await signup();
    const other = await signup();
    const t0 = Date.parse("2026-11-01T10:00:00Z");
    await recordAudit(env, { accountId: acc.accountId, action: "settings.updated", actorId: "agt_a", target: "office_hours" }, t0);
    await recordAudit(env, { accountId: acc.accountId, action: "api_key.created", actorId: "agt_b", target: "key_1", details: { scopes: ["tickets:read"] } }, t0 + 1000);
    await recordAudit(env, { accountId: acc.accountId, action: "api_key.revoked", actorId: "agt_a", target: "key_1" }, t0 + 2000);
    await recordAudit(env, { accountId: other.accountId, action: "api_key.created", actorId: "agt_x" }, t0 + 3000);

    const all = await call("GET", "/api/audit?limit=2", { token: acc.token });
    expect(all.status).toBe(200);
    expect(all.body.items.map((i: { action: string }) => i.action)).toEqual(["api_key.revoked", "api_key.created"]);
    expect(all.body.items[1]).toMatchObject({ actorId: "agt_b", target: "key_1", at: "2026-11-01T10:00:01.000Z", details: { scopes: ["tickets:read"] } });
    const next = await call("GET", `/api/audit?limit=2&cursor=${all.body.nextCursor}`, { token: acc.token });
    expect(next.body.items.map((i: { action: string }) => i.action)).toEqual(["settings.updated"]);
    expect(next.body.nextCursor).toBeNull();

    const byActor = await call("GET", "/api/audit?actor=agt_a", { token: acc.token });
    expect(byActor.body.items.map((i: { action: string }) => i.action)).toEqual(["api_key.revoked", "settings.updated"]);
    const family = await call("GET", "/api/audit?action=api_key.*", { token: acc.token });
    expect(family.body.items).toHaveLength(2);
    const exact = await call("GET", "/api/audit?action=api_key.created", { token: acc.token });
    expect(exact.body.items.map((i: { actorId: string }) => i.actorId)).toEqual(["agt_b"]);
  });

  it("refuses bad cursors and filters, and is for owners and admins only", async () => {
    const acc = await signup();
    for (const q of ["cursor=garbage", `cursor=${btoa(JSON.stringify({ v: "1e999", id: "x" }))}`, "action=DROP%20TABLE", "limit=0"]) {
      const res = await call("GET", `/api/audit?${q}`, { token: acc.token });
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    const support = await addAgent(acc, "support");
    expect((await call("GET", "/api/audit", { token: support.token })).status).toBe(403);
    const admin = await addAgent(acc, "admin", "Ada Admin");
    expect((await call("GET", "/api/audit", { token: admin.token })).status).toBe(200);
    expect((await call("GET", "/api/audit")).status).toBe(401);
  });
});
