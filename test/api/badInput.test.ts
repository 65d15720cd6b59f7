// Bad input answers a clear 4xx and changes nothing (issue 10 item 6): dates, cursors, media types, and who may
// delete the team's shared macros and views.
import { describe, expect, it } from "vitest";
import { addAgent, call, signup } from "../helpers.ts";
import { BASE } from "../helpers.ts";
import { env, exports } from "cloudflare:workers";

describe("dates and cursors", () => {
  it("refuses dates that are not ISO 8601 on ticket lists", async () => {
    const shop = await signup();
    for (const q of ["createdFrom=garbage", "createdTo=yesterday", "createdFrom=2026-13-45", "createdTo=1e999"]) {
      const res = await call("GET", `/api/tickets?view=all&${q}`, { token: shop.token });
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    expect((await call("GET", "/api/tickets?view=all&createdFrom=2026-11-23", { token: shop.token })).status).toBe(200);
    expect((await call("GET", "/api/tickets?view=all&createdFrom=2026-11-23T10:00:00Z", { token: shop.token })).status).toBe(200);
    for (const q of ["from=garbage", "to=yesterday", "from=1"]) expect((await call("GET", `/api/reports?${q}`, { token: shop.token })).status, q).toBe(400);
  });

  it("refuses forged cursors on every list", async () => {
    const shop = await signup();
    const infinite = btoa(JSON.stringify({ v: "1e999", id: "x" }));
    const overflow = btoa('{"v":1e999,"id":"x"}').replaceAll("=", "");
    for (const path of ["/api/tickets?view=all", "/api/knowledge", "/api/audit"]) {
      for (const cursor of ["garbage", overflow, infinite, "1e999"]) {
        const res = await call("GET", `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`, { token: shop.token });
        expect(res.status, `${path} ${cursor}`).toBe(400);
      }
    }
  });

  it("refuses a saved view with a bad date filter and saves nothing", async () => {
    const shop = await signup();
    const res = await call("POST", "/api/views", { token: shop.token, body: { name: "Broken", filters: { createdFrom: "garbage" } } });
    expect(res.status).toBe(400);
    expect((await call("GET", "/api/views", { token: shop.token })).body.items).toEqual([]);
  });

  it("still lists a view saved with a bad date before dates were checked, without that filter", async () => {
    const shop = await signup();
    await env.DB.prepare("INSERT INTO saved_views (id, account_id, agent_id, created_by, name, filters, created_at) VALUES (?, ?, ?, ?, 'Old', ?, ?)")
      .bind(`view_old_${shop.agentId}`, shop.accountId, shop.agentId, shop.agentId, JSON.stringify({ channel: "sms", createdFrom: "garbage" }), Date.now())
      .run();
    const res = await call("GET", "/api/views", { token: shop.token });
    expect(res.status).toBe(200);
    expect(res.body.items[0].filters).toEqual({ channel: "sms" });
  });
});

describe("media types", () => {
  it("answers 415 unsupported_media_type to a JSON body sent without a JSON content type", async () => {
    const res = await exports.default.fetch(new Request(`${BASE}/api/login`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ email: "a@example.com", password: "x" }) }));
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: "unsupported_media_type" } });
  });
});

describe("shared macros and views", () => {
  it("lets support delete only their own macros; managers decide for the others", async () => {
    const shop = await signup();
    const support = await addAgent(shop, "support");
    const manager = await addAgent(shop, "manager", "Morgan Manager");
    const owners = (await call("POST", "/api/macros", { token: shop.token, body: { name: "Owner's", body: "Hello" } })).body.id;
    const own = (await call("POST", "/api/macros", { token: support.token, body: { name: "Mine", body: "Hi" } })).body.id;
    const refused = await call("DELETE", `/api/macros/${owners}`, { token: support.token });
    expect(refused.status).toBe(403);
    expect((await call("GET", "/api/macros", { token: shop.token })).body.items.map((m: { id: string }) => m.id)).toContain(owners);
    expect((await call("DELETE", `/api/macros/${own}`, { token: support.token })).status).toBe(204);
    expect((await call("DELETE", `/api/macros/${owners}`, { token: manager.token })).status).toBe(204);
  });

  it("lets support delete only shared views they saved", async () => {
    const shop = await signup();
    const support = await addAgent(shop, "support");
    const shared = (await call("POST", "/api/views", { token: shop.token, body: { name: "Team view", filters: { channel: "email" }, shared: true } })).body.id;
    const mine = (await call("POST", "/api/views", { token: support.token, body: { name: "My shared", filters: {}, shared: true } })).body.id;
    expect((await call("DELETE", `/api/views/${shared}`, { token: support.token })).status).toBe(403);
    expect((await call("DELETE", `/api/views/${mine}`, { token: support.token })).status).toBe(204);
    expect((await call("DELETE", `/api/views/${shared}`, { token: shop.token })).status).toBe(204);
  });
});
