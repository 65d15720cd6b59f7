// Sessions (issue 10 item 3): logout and a password change end sockets at once; a password change ends every other
// session; a visitor token is no agent token.
import { describe, expect, it } from "vitest";
import { call, signup, startChat } from "../helpers.ts";
import { connect } from "../durable-objects/socketClient.ts";

function closedSignal(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.addEventListener("close", (e) => resolve(e.code)));
}

describe("sessions", () => {
  it("closes the dashboard sockets of a session when it logs out, and only those", async () => {
    const shop = await signup();
    const other = (await call<{ token: string }>("POST", "/api/login", { body: { email: shop.email, password: "correct-horse-battery" } })).body.token;
    const mine = await connect(`/api/inbox/ws?token=${shop.token}`);
    const theirs = await connect(`/api/inbox/ws?token=${other}`);
    await mine.waitFor((f) => f.type === "hello");
    await theirs.waitFor((f) => f.type === "hello");
    const closed = closedSignal(mine.ws);
    expect((await call("POST", "/api/logout", { token: shop.token })).status).toBe(204);
    expect(await closed).toBe(4401);
    // The other session still hears events.
    theirs.send({ type: "ping" });
    await theirs.waitFor((f) => f.type === "pong");
    expect((await call("GET", "/api/me", { token: shop.token })).status).toBe(401);
    expect((await call("GET", "/api/me", { token: other })).status).toBe(200);
    const audit = await call<{ items: { action: string }[] }>("GET", "/api/audit?action=auth.logout", { token: other });
    expect(audit.body.items).toHaveLength(1);
  });

  it("changes the password, ends the other sessions and their sockets, and keeps this one", async () => {
    const shop = await signup();
    const other = (await call<{ token: string }>("POST", "/api/login", { body: { email: shop.email, password: "correct-horse-battery" } })).body.token;
    const theirs = await connect(`/api/inbox/ws?token=${other}`);
    await theirs.waitFor((f) => f.type === "hello");
    const closed = closedSignal(theirs.ws);

    const wrong = await call("POST", "/api/me/password", { token: shop.token, body: { currentPassword: "not-it-at-all", newPassword: "a-new-password-2" } });
    expect(wrong.status).toBe(403);
    const short = await call("POST", "/api/me/password", { token: shop.token, body: { currentPassword: "correct-horse-battery", newPassword: "short" } });
    expect(short.status).toBe(400);

    const changed = await call("POST", "/api/me/password", { token: shop.token, body: { currentPassword: "correct-horse-battery", newPassword: "a-new-password-2" } });
    expect(changed.status).toBe(204);
    expect(await closed).toBe(4401);
    expect((await call("GET", "/api/me", { token: other })).status).toBe(401);
    expect((await call("GET", "/api/me", { token: shop.token })).status).toBe(200);
    expect((await call("POST", "/api/login", { body: { email: shop.email, password: "correct-horse-battery" } })).status).toBe(401);
    expect((await call("POST", "/api/login", { body: { email: shop.email, password: "a-new-password-2" } })).status).toBe(200);
    const audit = await call<{ items: { action: string }[] }>("GET", "/api/audit?action=auth.*", { token: shop.token });
    expect(audit.body.items.map((i) => i.action)).toEqual(expect.arrayContaining(["auth.password_changed", "auth.password_change_failed"]));
  });

  it("answers 401, not 500, to a visitor token used as a Bearer token", async () => {
    const shop = await signup();
    const conv = await startChat(shop.accountId);
    const res = await call("GET", "/api/tickets", { token: conv.visitorToken });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: "unauthorized" } });
    expect((await call("GET", "/api/me", { token: conv.visitorToken })).status).toBe(401);
  });
});
