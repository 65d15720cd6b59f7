// An account may restrict which websites embed its chat widget (PUT /api/settings/widget).
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { originAllowed } from "../../src/chat/origins.ts";
import { BASE, call, signup } from "../helpers.ts";

describe("originAllowed", () => {
  it("matches exact origins and subdomain wildcards, nothing looser", () => {
    const list = ["https://shop.example", "https://*.brand.example", "http://localhost:3000"];
    expect(originAllowed("https://shop.example", list)).toBe(true);
    expect(originAllowed("https://eu.brand.example", list)).toBe(true);
    expect(originAllowed("https://a.b.brand.example", list)).toBe(true);
    expect(originAllowed("http://localhost:3000", list)).toBe(true);
    expect(originAllowed("https://brand.example", list)).toBe(false);
    expect(originAllowed("http://eu.brand.example", list)).toBe(false);
    expect(originAllowed("https://evilbrand.example", list)).toBe(false);
    expect(originAllowed("https://shop.example.evil.com", list)).toBe(false);
    expect(originAllowed("http://localhost:3001", list)).toBe(false);
    expect(originAllowed("null", list)).toBe(false);
  });
});

describe("allowed origins for the widget", () => {
  it("lets any site embed the chat by default, and only the listed ones once set", async () => {
    const acc = await signup();
    const start = (origin?: string) => call("POST", "/api/chat/conversations", { body: { accountId: acc.accountId }, headers: origin ? { Origin: origin } : {} });
    expect((await start("https://anything.example")).status).toBe(201);

    const bad = await call("PUT", "/api/settings/widget", { token: acc.token, body: { allowedOrigins: ["ftp://shop.example", "https://shop.example/path", "https://Shop.Example/"] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["allowedOrigins.0", "allowedOrigins.1"]);
    const set = await call("PUT", "/api/settings/widget", { token: acc.token, body: { allowedOrigins: ["https://Shop.Example/", "https://*.brand.example"] } });
    expect(set.status).toBe(200);
    expect(set.body.widget).toEqual({ allowedOrigins: ["https://shop.example", "https://*.brand.example"] });

    const refused = await start("https://evil.example");
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: "forbidden", message: "This shop's chat is not enabled on https://evil.example" });
    expect((await start("https://shop.example")).status).toBe(201);
    expect((await start("https://eu.brand.example")).status).toBe(201);
    // Not a browser on another site: servers and tests call without an Origin.
    expect((await start()).status).toBe(201);
  });

  it("refuses messages, the thread and the socket from other sites, storing nothing", async () => {
    const acc = await signup();
    await call("PUT", "/api/settings/widget", { token: acc.token, body: { allowedOrigins: ["https://shop.example"] } });
    const conv = (await call("POST", "/api/chat/conversations", { body: { accountId: acc.accountId }, headers: { Origin: "https://shop.example" } })).body;
    const headers = (origin: string) => ({ "X-Visitor-Token": conv.visitorToken, Origin: origin });
    const evil = await call("POST", `/api/chat/conversations/${conv.conversationId}/messages`, { body: { text: "hi" }, headers: headers("https://evil.example") });
    expect(evil.status).toBe(403);
    expect((await call("GET", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: headers("https://evil.example") })).status).toBe(403);
    expect((await call("POST", `/api/chat/conversations/${conv.conversationId}/handoff`, { body: {}, headers: headers("https://evil.example") })).status).toBe(403);
    const ws = await exports.default.fetch(
      new Request(`${BASE}/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}`, { headers: { Upgrade: "websocket", Origin: "https://evil.example" } }),
    );
    expect(ws.status).toBe(403);
    const thread = await call("GET", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: headers("https://shop.example") });
    expect(thread.status).toBe(200);
    expect(thread.body.items).toEqual([]);
    expect((await call("POST", `/api/chat/conversations/${conv.conversationId}/messages`, { body: { text: "hi" }, headers: headers("https://shop.example") })).status).toBe(201);
  });
});
