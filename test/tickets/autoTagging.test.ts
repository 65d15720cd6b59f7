// AI auto-tagging end to end: inbound and web-chat tickets get AI tags at once, the setting and allowed list, routing by those tags.
import { describe, expect, it } from "vitest";
import { call, chatSay, inbound, signup, startChat, unique } from "../helpers.ts";

async function ticketOf(token: string, id: string) {
  return (await call("GET", `/api/tickets/${id}`, { token })).body.ticket;
}

describe("AI auto-tagging", () => {
  it("tags an inbound email from the router and the words in it, as AI tags that are also tags", async () => {
    const shop = await signup();
    const res = await inbound(shop.accountId, { channel: "email", from: `${unique("a")}@example.com`, text: "return my hiking boots" });
    const t = await ticketOf(shop.token, res.body.ticketId);
    expect(t.aiTags).toEqual(["returns_exchanges"]);
    expect(t.tags).toEqual(["returns_exchanges"]);
    const damaged = await inbound(shop.accountId, { channel: "sms", from: "+15550109001", text: "My jacket arrived damaged, I want a refund" });
    expect((await ticketOf(shop.token, damaged.body.ticketId)).aiTags).toEqual(expect.arrayContaining(["damaged", "refund"]));
    // The list view (from D1) carries them too, and filters by them.
    const list = await call("GET", "/api/tickets?view=all&tag=damaged", { token: shop.token });
    expect(list.body.items.map((x: { id: string; aiTags: string[] }) => [x.id, x.aiTags.includes("damaged")])).toEqual([[damaged.body.ticketId, true]]);
  });

  it("tags a web chat on its first message, and only once", async () => {
    const shop = await signup();
    const chat = await startChat(shop.accountId);
    expect((await ticketOf(shop.token, chat.ticketId)).aiTags).toEqual([]);
    await chatSay(chat, "the zipper is broken");
    expect((await ticketOf(shop.token, chat.ticketId)).aiTags).toContain("damaged");
    await chatSay(chat, "also I want a refund");
    expect((await ticketOf(shop.token, chat.ticketId)).aiTags).not.toContain("refund");
  });

  it("tags VIP customers from their segments", async () => {
    const shop = await signup();
    const email = `${unique("vip")}@example.com`;
    const first = await inbound(shop.accountId, { channel: "email", from: email, text: "hello" });
    const profileId = (await ticketOf(shop.token, first.body.ticketId)).customer.profileId;
    await call("PUT", `/api/profiles/${profileId}`, { token: shop.token, body: { segments: ["seg_vip"] } });
    const second = await inbound(shop.accountId, { channel: "email", from: email, text: "hello again", threadId: "<another@x>" });
    expect((await ticketOf(shop.token, second.body.ticketId)).aiTags).toContain("vip");
  });

  it("can be turned off, or limited to a list of tags", async () => {
    const shop = await signup();
    expect((await call("PUT", "/api/settings/auto-tags", { token: shop.token, body: { enabled: false } })).status).toBe(200);
    const off = await inbound(shop.accountId, { channel: "email", from: `${unique("b")}@example.com`, text: "broken, refund please" });
    expect(await ticketOf(shop.token, off.body.ticketId)).toMatchObject({ tags: [], aiTags: [] });
    await call("PUT", "/api/settings/auto-tags", { token: shop.token, body: { enabled: true, allowedTags: ["Refund"] } });
    expect((await call("GET", "/api/settings", { token: shop.token })).body.autoTags).toEqual({ enabled: true, allowedTags: ["refund"] });
    const limited = await inbound(shop.accountId, { channel: "email", from: `${unique("c")}@example.com`, text: "broken, refund please" });
    expect((await ticketOf(shop.token, limited.body.ticketId)).aiTags).toEqual(["refund"]);
    expect((await call("PUT", "/api/settings/auto-tags", { token: shop.token, body: { enabled: "yes" } })).status).toBe(400);
  });

  it("routes by AI tags, and an agent can take one off", async () => {
    const shop = await signup();
    const team = await call("POST", "/api/teams", { token: shop.token, body: { name: "Damage desk", agentIds: [shop.agentId], tags: ["damaged"] } });
    const res = await inbound(shop.accountId, { channel: "email", from: `${unique("d")}@example.com`, text: "The lamp arrived broken" });
    const t = await ticketOf(shop.token, res.body.ticketId);
    expect(t.teamId).toBe(team.body.id);
    const patched = await call("PATCH", `/api/tickets/${t.id}`, { token: shop.token, body: { tags: t.tags.filter((x: string) => x !== "damaged") } });
    expect(patched.body.aiTags).not.toContain("damaged");
  });
});

describe("unread badge setting", () => {
  it("is on by default, can be turned off for the account, is validated, and /api/me carries it", async () => {
    const shop = await signup();
    expect((await call("GET", "/api/settings", { token: shop.token })).body.unreadBadge).toEqual({ enabled: true });
    expect((await call("PUT", "/api/settings/unread-badge", { token: shop.token, body: { enabled: false } })).status).toBe(200);
    expect((await call("GET", "/api/me", { token: shop.token })).body.account.settings.unreadBadge).toEqual({ enabled: false });
    expect((await call("PUT", "/api/settings/unread-badge", { token: shop.token, body: {} })).status).toBe(400);
  });
});
