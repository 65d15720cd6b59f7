import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addAgent, call, inbound, signup } from "../helpers.ts";

describe("rebuilding the D1 index from the ticket actors", () => {
  it("restores every ticket of the account after the index is lost", async () => {
    const acc = await signup();
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push((await inbound(acc.accountId, { channel: "sms", from: `+1555770000${i}`, text: `msg ${i}` })).body.ticketId);
    await call("PATCH", `/api/tickets/${ids[0]}`, { token: acc.token, body: { tags: ["vip"], status: "closed" } });
    await env.DB.prepare("DELETE FROM tickets WHERE account_id = ?").bind(acc.accountId).run();
    await env.DB.prepare("DELETE FROM ticket_tags WHERE account_id = ?").bind(acc.accountId).run();
    expect((await call("GET", "/api/tickets?view=all", { token: acc.token })).body.items).toHaveLength(0);
    let cursor: string | null = null;
    let rebuilt = 0;
    do {
      const page: { body: { rebuilt: number; next: string | null; failed: string[] } } = await call("POST", "/api/admin/reindex", { token: acc.token, body: { cursor, limit: 3 } });
      expect(page.body.failed).toEqual([]);
      rebuilt += page.body.rebuilt;
      cursor = page.body.next;
    } while (cursor);
    expect(rebuilt).toBe(7);
    const all = await call("GET", "/api/tickets?view=all", { token: acc.token });
    expect(all.body.items.map((t: { id: string }) => t.id).sort()).toEqual([...ids].sort());
    expect((await call("GET", "/api/tickets?view=all&tag=vip", { token: acc.token })).body.items.map((t: { id: string }) => t.id)).toEqual([ids[0]]);
  });

  it("is for owners and admins only", async () => {
    const acc = await signup();
    const support = await addAgent(acc, "support");
    expect((await call("POST", "/api/admin/reindex", { token: support.token, body: {} })).status).toBe(403);
  });
});
