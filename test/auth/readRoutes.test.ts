// The read routes (lists, view counts, reports) check the caller's session in the same D1 batch as their first read
// (src/auth/sessionReads.ts): a session ended by logout, a password change or a deactivation is refused at once,
// nothing is answered to it, and a dead token is refused before its input is judged.
import { describe, expect, it } from "vitest";
import { addAgent, call, inbound, signup } from "../helpers.ts";

const READS = ["/api/tickets?view=all", "/api/views", "/api/reports"] as const;

async function statuses(token: string): Promise<number[]> {
  return Promise.all(READS.map(async (path) => (await call("GET", path, { token })).status));
}

describe("read routes check the session along with their reads", () => {
  it("answer a live session, and refuse it at once after logout, with nothing of the account in the answer", async () => {
    const shop = await signup();
    await inbound(shop.accountId, { channel: "sms", from: "+15554100001", text: "a secret order question" });
    expect(await statuses(shop.token)).toEqual([200, 200, 200]);
    expect((await call("POST", "/api/logout", { token: shop.token })).status).toBe(204);
    for (const path of READS) {
      const res = await call("GET", path, { token: shop.token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
  });

  it("refuse the other sessions after a password change, and a deactivated agent's, at once", async () => {
    const shop = await signup();
    const other = (await call<{ token: string }>("POST", "/api/login", { body: { email: shop.email, password: "correct-horse-battery" } })).body.token;
    const sam = await addAgent(shop, "support");
    expect(await statuses(other)).toEqual([200, 200, 200]);
    expect(await statuses(sam.token)).toEqual([200, 200, 200]);
    const changed = await call("POST", "/api/me/password", { token: shop.token, body: { currentPassword: "correct-horse-battery", newPassword: "a-new-password-2" } });
    expect(changed.status).toBe(204);
    expect(await statuses(other)).toEqual([401, 401, 401]);
    expect(await statuses(shop.token)).toEqual([200, 200, 200]);
    expect((await call("PATCH", `/api/agents/${sam.agentId}/access`, { token: shop.token, body: { active: false } })).status).toBe(200);
    expect(await statuses(sam.token)).toEqual([401, 401, 401]);
  });

  it("refuse a dead token before judging the input (401, not 400), and judge a live one's (400)", async () => {
    const shop = await signup();
    const live = (await call<{ token: string }>("POST", "/api/login", { body: { email: shop.email, password: "correct-horse-battery" } })).body.token;
    expect((await call("GET", "/api/tickets?view=nonsense", { token: live })).status).toBe(400);
    expect((await call("GET", "/api/reports?from=yesterday", { token: live })).status).toBe(400);
    await call("POST", "/api/logout", { token: live });
    expect((await call("GET", "/api/tickets?view=nonsense", { token: live })).status).toBe(401);
    expect((await call("GET", "/api/reports?from=yesterday", { token: live })).status).toBe(401);
    expect((await call("GET", "/api/tickets?view=all", { token: `${shop.token}x` })).status).toBe(401);
    expect((await call("GET", "/api/tickets?view=all")).status).toBe(401);
  });

  it("set the caller for the rest of the request: the list of `mine` is the caller's own", async () => {
    const shop = await signup();
    const sam = await addAgent(shop, "support");
    const ticketId = (await inbound(shop.accountId, { channel: "sms", from: "+15554100002", text: "hello" })).body.ticketId;
    await call("PATCH", `/api/tickets/${ticketId}`, { token: shop.token, body: { assigneeId: sam.agentId } });
    const mine = async (token: string) => (await call<{ items: { id: string }[] }>("GET", "/api/tickets?view=mine", { token })).body.items.map((t) => t.id);
    expect(await mine(sam.token)).toEqual([ticketId]);
    expect(await mine(shop.token)).toEqual([]);
  });

  it("keep other methods on the same paths checked before the handler", async () => {
    const shop = await signup();
    const token = (await call<{ token: string }>("POST", "/api/login", { body: { email: shop.email, password: "correct-horse-battery" } })).body.token;
    const saved = await call("POST", "/api/views", { token, body: { name: "Open SMS", filters: { view: "all", channel: "sms" }, shared: false } });
    expect(saved.status).toBe(201);
    await call("POST", "/api/logout", { token });
    expect((await call("POST", "/api/views", { token, body: { name: "Again", filters: { view: "all" }, shared: false } })).status).toBe(401);
    const views = await call<{ items: { name: string }[] }>("GET", "/api/views", { token: shop.token });
    // The agent's own view from the ended session is still theirs; the refused one was never saved.
    expect(views.body.items.map((v) => v.name)).toEqual(["Open SMS"]);
  });
});
