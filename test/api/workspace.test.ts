// The agent workspace's API (issue 12): who a reply assigns, the AI agent's view and taking over, list orders by
// message times and the customer's wait, search over every message and note, the widget's availability.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hmacHex } from "../../src/lib/crypto.ts";
import { addAgent, call, chatSay, inbound, signup, startChat, unique, type TestAccount } from "../helpers.ts";

type T = { id: string; assigneeId: string | null; handledBy: string; waitingSince?: string; lastMessageAt?: string; match?: { text: string; ranges: { start: number; end: number }[] } };

const list = async (acc: TestAccount, query: string) => (await call<{ items: T[] }>("GET", `/api/tickets?${query}`, { token: acc.token })).body.items;
const ticket = async (acc: TestAccount, id: string) => (await call<{ ticket: T }>("GET", `/api/tickets/${id}`, { token: acc.token })).body.ticket;
const sms = async (acc: TestAccount, from: string, text: string) => (await inbound(acc.accountId, { channel: "sms", from, text })).body.ticketId;

async function aiOn(acc: TestAccount): Promise<void> {
  const res = await call("PUT", "/api/settings/agent", { token: acc.token, body: { enabled: true } });
  expect(res.status).toBe(200);
}

describe("replying takes the ticket", () => {
  it("assigns an unassigned ticket to the agent who replies, and leaves a colleague's ticket with them", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    const first = await sms(acc, "+15559100001", "Hello?");
    await call("POST", `/api/tickets/${first}/replies`, { token: sam.token, body: { body: "Hi! Sam here." } });
    expect((await ticket(acc, first)).assigneeId).toBe(sam.agentId);
    const second = await sms(acc, "+15559100002", "Another question");
    await call("PATCH", `/api/tickets/${second}`, { token: acc.token, body: { assigneeId: acc.agentId } });
    await call("POST", `/api/tickets/${second}/replies`, { token: sam.token, body: { body: "Covering for Olivia." } });
    expect((await ticket(acc, second)).assigneeId).toBe(acc.agentId);
    // A note is not a reply: it assigns nothing.
    const third = await sms(acc, "+15559100003", "Third");
    await call("POST", `/api/tickets/${third}/notes`, { token: sam.token, body: { body: "Looks like a duplicate" } });
    expect((await ticket(acc, third)).assigneeId).toBeNull();
  });

  it("an agent who replies to a conversation the AI agent handles takes it over", async () => {
    const acc = await signup();
    await aiOn(acc);
    const sam = await addAgent(acc, "support");
    const chat = await startChat(acc.accountId);
    await chatSay(chat, "Do you have any discount codes?");
    expect((await ticket(acc, chat.ticketId)).handledBy).toBe("ai");
    await call("POST", `/api/tickets/${chat.ticketId}/replies`, { token: sam.token, body: { body: "Hi, Sam from the team here." } });
    const t = await ticket(acc, chat.ticketId);
    expect(t).toMatchObject({ handledBy: "team", assigneeId: sam.agentId });
  });
});

describe("the AI agent's view", () => {
  it("lists conversations the AI agent handles, searchable, until someone takes one over", async () => {
    const acc = await signup();
    await aiOn(acc);
    const a = await startChat(acc.accountId);
    await chatSay(a, "Can you recommend waterproof hiking boots?");
    const b = await startChat(acc.accountId);
    await chatSay(b, "Do you have any discount codes?");
    const team = await sms(acc, "+15559200001", "Team ticket");
    expect((await list(acc, "view=ai")).map((t) => t.id).sort()).toEqual([a.ticketId, b.ticketId].sort());
    expect((await list(acc, "view=ai&q=waterproof")).map((t) => t.id)).toEqual([a.ticketId]);
    expect((await list(acc, "view=all")).map((t) => t.id)).toEqual([team]);
    const taken = await call<T>("POST", `/api/tickets/${a.ticketId}/takeover`, { token: acc.token });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ handledBy: "team", assigneeId: acc.agentId });
    expect((await list(acc, "view=ai")).map((t) => t.id)).toEqual([b.ticketId]);
    expect((await list(acc, "view=mine")).map((t) => t.id)).toEqual([a.ticketId]);
    // The AI agent no longer answers it.
    const after = await chatSay(a, "Still there?");
    expect(after.body.replies).toEqual([]);
    expect((await call("POST", `/api/tickets/tkt_nope/takeover`, { token: acc.token })).status).toBe(404);
  });
});

describe("list order and waiting time", () => {
  it("sorts by the last message as rows show it: opening or assigning a ticket does not move it", async () => {
    const acc = await signup();
    const older = await sms(acc, "+15559300001", "first");
    const newer = await sms(acc, "+15559300002", "second");
    await call("PATCH", `/api/tickets/${older}`, { token: acc.token, body: { assigneeId: acc.agentId, tags: ["x"] } });
    expect((await list(acc, "view=all&sort=updated_desc")).map((t) => t.id)).toEqual([older, newer]);
    expect((await list(acc, "view=all&sort=last_message_desc")).map((t) => t.id)).toEqual([newer, older]);
    expect((await list(acc, "view=all&sort=waiting_longest")).map((t) => t.id)).toEqual([older, newer]);
    const page1 = await call<{ items: T[]; nextCursor: string }>("GET", "/api/tickets?view=all&sort=last_message_desc&limit=1", { token: acc.token });
    const page2 = await call<{ items: T[] }>("GET", `/api/tickets?view=all&sort=last_message_desc&limit=1&cursor=${page1.body.nextCursor}`, { token: acc.token });
    expect([...page1.body.items, ...page2.body.items].map((t) => t.id)).toEqual([newer, older]);
    expect((await call("GET", "/api/tickets?sort=priority_sideways", { token: acc.token })).status).toBe(400);
    // Priority first (urgent before normal), then the latest message.
    await call("PATCH", `/api/tickets/${older}`, { token: acc.token, body: { priority: "urgent" } });
    expect((await list(acc, "view=all&sort=priority_desc")).map((t) => t.id)).toEqual([older, newer]);
    const p1 = await call<{ items: T[]; nextCursor: string }>("GET", "/api/tickets?view=all&sort=priority_desc&limit=1", { token: acc.token });
    const p2 = await call<{ items: T[] }>("GET", `/api/tickets?view=all&sort=priority_desc&limit=1&cursor=${p1.body.nextCursor}`, { token: acc.token });
    expect([...p1.body.items, ...p2.body.items].map((t) => t.id)).toEqual([older, newer]);
  });

  it("shows since when the customer waits, until the team replies", async () => {
    const acc = await signup();
    const id = await sms(acc, "+15559300003", "anyone?");
    const waiting = (await list(acc, "view=all"))[0];
    expect(waiting?.waitingSince).toBe(waiting?.lastMessageAt);
    await call("POST", `/api/tickets/${id}/replies`, { token: acc.token, body: { body: "Here!" } });
    expect((await list(acc, "view=all"))[0]?.waitingSince).toBeUndefined();
    expect((await ticket(acc, id)).waitingSince).toBeUndefined();
  });
});

describe("search over every message", () => {
  it("finds words of earlier messages, notes and order numbers, with the matching words marked", async () => {
    const acc = await signup();
    const id = await sms(acc, "+15559400001", "My zipper broke on order 4711");
    await sms(acc, "+15559400001", "Any news?");
    await call("POST", `/api/tickets/${id}/notes`, { token: acc.token, body: { body: "Warehouse says backorder" } });
    await sms(acc, "+15559400002", "Unrelated");
    const found = await list(acc, "view=all&q=zipper");
    expect(found.map((t) => t.id)).toEqual([id]);
    const m = found[0]?.match;
    expect(m?.ranges.map((r) => m.text.slice(r.start, r.end))).toEqual(["zipper"]);
    expect((await list(acc, "view=all&q=4711")).map((t) => t.id)).toEqual([id]);
    expect((await list(acc, "view=all&q=backord")).map((t) => t.id)).toEqual([id]);
    // Combined with filters.
    expect(await list(acc, "view=all&q=zipper&channel=email")).toEqual([]);
  });

  it("never finds another account's messages", async () => {
    const a = await signup();
    const b = await signup();
    const word = unique("quux").replace(/[^a-z0-9]/g, "");
    await sms(a, "+15559400003", `the ${word} thing`);
    expect(await list(b, `view=all&q=${word}`)).toEqual([]);
    expect(await list(a, `view=all&q=${word}`)).toHaveLength(1);
  });
});

describe("spam", () => {
  it("says why a ticket is in Spam, and who moved it there", async () => {
    const acc = await signup();
    const junk = await inbound(acc.accountId, { channel: "sms", from: "PROMO", text: "WIN a FREE iPhone!!! Click http://bit.ly/x now $$$$ crypto bonus" });
    expect(junk.body.spam).toBe(true);
    const flagged = await ticket(acc, junk.body.ticketId);
    expect((flagged as T & { spamReason?: string }).spamReason).toMatch(/^Spam score [\d.]+: .*alphanumeric sender/);
    const id = await sms(acc, "+15559500001", "Hello, where is my parcel?");
    const marked = await call<T & { spam: boolean; spamReason?: string }>("PATCH", `/api/tickets/${id}`, { token: acc.token, body: { spam: true } });
    expect(marked.body).toMatchObject({ spam: true, spamReason: "Marked as spam by the team" });
    const back = await call<T & { spamReason?: string }>("PATCH", `/api/tickets/${id}`, { token: acc.token, body: { spam: false } });
    expect(back.body.spamReason).toBeUndefined();
  });
});

describe("web chat for a newcomer", () => {
  it("hands off without asking again for an email the shopper already wrote", async () => {
    const acc = await signup();
    await aiOn(acc);
    const chat = await startChat(acc.accountId);
    await chatSay(chat, "Where is my order #1038?");
    await chatSay(chat, "pat@example.com");
    const res = await call<{ status: string }>("POST", `/api/chat/conversations/${chat.conversationId}/handoff`, { body: {}, headers: { "X-Visitor-Token": chat.visitorToken } });
    expect(res.status).toBe(200);
    const view = await call<{ ticket: T; messages: { id: string; body: string; internal: boolean }[] }>("GET", `/api/tickets/${chat.ticketId}`, { token: acc.token });
    expect(view.body.ticket.handledBy).toBe("team");
    // The team gets the handoff summary: the order, the email, the skill the AI agent tried.
    const summary = view.body.messages.find((m) => m.body.startsWith("Handoff summary"));
    expect(summary?.internal).toBe(true);
    expect(summary?.body).toContain("Order: #1038");
    expect(summary?.body).toContain("Email given: pat@example.com (not verified)");
    expect(summary?.body).toContain("AI agent tried: Order tracking");
  });

  it("tells the widget whether someone from the team is online", async () => {
    const acc = await signup();
    const get = async () => (await call<{ teamOnline: boolean; assistant: boolean }>("GET", `/api/chat/availability?accountId=${acc.accountId}`)).body;
    await call("PUT", "/api/agents/me/status", { token: acc.token, body: { status: "offline" } });
    expect(await get()).toEqual({ teamOnline: false, assistant: false });
    await call("PUT", "/api/agents/me/status", { token: acc.token, body: { status: "online" } });
    await aiOn(acc);
    expect(await get()).toEqual({ teamOnline: true, assistant: true });
    expect((await call("GET", "/api/chat/availability?accountId=nope")).status).toBe(404);
  });

  it("signs a demo shopper's identity in development, over the external id and the email", async () => {
    const acc = await signup();
    const res = await call<{ identityHash: string }>("POST", "/api/dev/identity", { body: { accountId: acc.accountId, externalId: "cust-1", email: "c1@example.com" } });
    const row = await env.DB.prepare("SELECT identity_secret FROM accounts WHERE id = ?").bind(acc.accountId).first<{ identity_secret: string }>();
    expect(res.body.identityHash).toBe(await hmacHex(row?.identity_secret ?? "", "cust-1\nc1@example.com"));
    const chat = await call<{ verified: boolean }>("POST", "/api/chat/conversations", { body: { accountId: acc.accountId, visitor: { externalId: "cust-1", email: "c1@example.com", identityHash: res.body.identityHash } } });
    expect(chat.body.verified).toBe(true);
  });
});
