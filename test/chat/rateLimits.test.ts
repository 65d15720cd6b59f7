// Rate limits on anonymous web chat (issue 10 item 2): new conversations per address, messages per conversation
// and per address, through the Rate Limiting binding; 429 `rate_limited` with Retry-After.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BASE, call, signup } from "../helpers.ts";
import { connect } from "../durable-objects/socketClient.ts";

function start(accountId: string, ip: string) {
  return call<{ conversationId: string; visitorToken: string }>("POST", "/api/chat/conversations", { body: { accountId }, headers: { "CF-Connecting-IP": ip } });
}

describe("chat rate limits", () => {
  it("limits new conversations from one address", async () => {
    const shop = await signup();
    // 30 per 60-second window (windows are aligned to the clock, so up to two windows' worth may pass first).
    let accepted = 0;
    let limited = await start(shop.accountId, "203.0.113.40");
    for (; limited.status === 201 && accepted < 61; accepted++) limited = await start(shop.accountId, "203.0.113.40");
    expect(accepted).toBeGreaterThanOrEqual(30);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("60");
    expect(limited.body).toMatchObject({ error: { code: "rate_limited" } });
    // Another shopper elsewhere is not affected.
    expect((await start(shop.accountId, "203.0.113.41")).status).toBe(201);
  });

  it("limits messages per conversation over HTTP and the widget socket alike", async () => {
    const shop = await signup();
    const conv = (await start(shop.accountId, "203.0.113.50")).body;
    // The limit is 30 per 10-second window: more than two windows' worth always meets it, wherever the windows fall.
    const socket = await connect(`/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}`);
    await socket.waitFor((f) => f.type === "ready");
    for (let i = 0; i < 70; i++) socket.send({ type: "message", text: `over the socket ${i}`, clientMessageId: `socket-msg-${i}-abcdef` });
    const refused = await socket.waitFor((f) => f.type === "error" && f.code === "rate_limited", "a rate_limited frame");
    expect(refused.message).toMatch(/Too many messages/);

    const say = (text: string) => call("POST", `/api/chat/conversations/${conv.conversationId}/messages`, { body: { text }, headers: { "X-Visitor-Token": conv.visitorToken, "CF-Connecting-IP": "203.0.113.50" } });
    let over = await say("one too many");
    for (let i = 0; over.status === 201 && i < 65; i++) over = await say(`again ${i}`);
    expect(over.status).toBe(429);
    expect(over.headers.get("Retry-After")).toBe("10");
    expect(over.body).toMatchObject({ error: { code: "rate_limited" } });
  });

  it("limits widget-socket messages per address across conversations, like the HTTP route", async () => {
    const shop = await signup();
    // 120 per 10-second window per address; each conversation stays under its own 30: 10 × 28 = 280 is more than
    // two windows' worth, so the address limit is met wherever the windows fall.
    const sockets = [];
    for (let c = 0; c < 10; c++) {
      const conv = (await start(shop.accountId, `198.51.100.${c + 1}`)).body;
      const socket = await connect(`/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}`, { "CF-Connecting-IP": "203.0.113.77" });
      await socket.waitFor((f) => f.type === "ready");
      sockets.push(socket);
    }
    for (const [c, socket] of sockets.entries()) for (let i = 0; i < 28; i++) socket.send({ type: "message", text: `from one address ${c}/${i}`, clientMessageId: `ip-msg-${c}-${i}-abcdef` });
    const refusals = await Promise.race([
      Promise.any(sockets.map((s) => s.waitFor((f) => f.type === "error" && f.code === "rate_limited", "a rate_limited frame"))),
      new Promise((_, reject) => setTimeout(() => reject(new Error("no socket was limited")), 20_000)),
    ]);
    expect(refusals).toMatchObject({ type: "error", code: "rate_limited" });
  }, 60_000);

  it("limits a shopper's file uploads per conversation and per address, before anything is stored", async () => {
    const shop = await signup();
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const put = async (conv: { conversationId: string; visitorToken: string }, ip: string) => {
      const form = new FormData();
      form.append("file", new File([png], "photo.png", { type: "image/png" }));
      const res = await exports.default.fetch(new Request(`${BASE}/api/chat/conversations/${conv.conversationId}/attachments`, { method: "POST", headers: { "X-Visitor-Token": conv.visitorToken, "CF-Connecting-IP": ip }, body: form }));
      return { status: res.status, retryAfter: res.headers.get("Retry-After"), body: (await res.json()) as { error?: { code: string } } };
    };
    // 10 per 60-second window per conversation: more than two windows' worth always meets it.
    const conv = (await start(shop.accountId, "203.0.113.90")).body;
    let stored = 0;
    let over = await put(conv, "203.0.113.90");
    for (; over.status === 201 && stored < 21; stored++) over = await put(conv, "203.0.113.90");
    expect(stored).toBeGreaterThanOrEqual(10);
    expect(over.status).toBe(429);
    expect(over.retryAfter).toBe("60");
    expect(over.body.error?.code).toBe("rate_limited");
    const files = await env.FILES.list({ prefix: `${shop.accountId}/` });
    expect(files.objects.length).toBe(stored);
    // 30 per window per address, across conversations that each stay under their own limit.
    let refused = null;
    for (let c = 0; c < 10 && !refused; c++) {
      const other = (await start(shop.accountId, `198.51.100.${100 + c}`)).body;
      for (let i = 0; i < 8 && !refused; i++) {
        const res = await put(other, "203.0.113.91");
        if (res.status === 429) refused = res;
        else expect(res.status).toBe(201);
      }
    }
    expect(refused?.body.error?.code).toBe("rate_limited");
  }, 60_000);
});
