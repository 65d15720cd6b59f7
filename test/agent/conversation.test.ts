// The AI agent inside real conversations: the ticket actor runs a turn for each shopper message while the agent has the
// ticket, stores its replies (author "ai", with cards), hands off per the shop's settings, and keeps agent-handled
// conversations out of the helpdesk views until the team takes them.
import { replaceSeams } from "../../src/actors/seams.ts";
import { env } from "cloudflare:workers";
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { TicketActor } from "../../durable-objects/ticket.ts";
import { identityHash } from "../../src/chat/identity.ts";
import { sha256Hex } from "../../src/lib/crypto.ts";
import { call, chatSay, inbound, startChat, unique, type TestAccount } from "../helpers.ts";
import { demoShop, fakeHelpdesk } from "./helpers.ts";

interface Msg {
  id: string;
  author: string;
  body: string;
  internal: boolean;
  cards?: { type: string; title?: string; data?: Record<string, unknown>; actions?: { label: string; action?: string; url?: string }[] }[];
}
interface Ticket {
  id: string;
  status: string;
  handledBy: string;
  tags: string[];
  customer: { email?: string };
  assigneeId: string | null;
}

interface ZendeskBody {
  ticket: { comment: { body: string }; requester: { email: string } };
}

const zendesk = { subdomain: "northwind", email: "ops@northwind.example", apiToken: "zd_token_0123456789" };

async function agentOn(shop: TestAccount, channels?: string[]) {
  const res = await call("PUT", "/api/settings/agent", { token: shop.token, body: { enabled: true, ...(channels ? { channels } : {}) } });
  expect(res.status).toBe(200);
}

async function say(conv: { conversationId: string; visitorToken: string }, text: string) {
  const res = await chatSay(conv, text);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.replies as Msg[];
}

async function ticketOf(shop: TestAccount, id: string) {
  const res = await call<{ ticket: Ticket; messages: Msg[] }>("GET", `/api/tickets/${id}`, { token: shop.token });
  expect(res.status).toBe(200);
  return res.body;
}

async function inView(shop: TestAccount, view: string, id: string): Promise<boolean> {
  const res = await call<{ items: { id: string }[] }>("GET", `/api/tickets?view=${view}&limit=200`, { token: shop.token });
  return res.body.items.some((t) => t.id === id);
}

function stub(accountId: string, ticketId: string) {
  return env.TICKET.get(env.TICKET.idFromName(`${accountId}:${ticketId}`));
}

async function verifiedChat(shop: TestAccount, email: string) {
  const row = await env.DB.prepare("SELECT identity_secret FROM accounts WHERE id = ?").bind(shop.accountId).first<{ identity_secret: string }>();
  const externalId = unique("cust");
  return startChat(shop.accountId, { externalId, email, identityHash: await identityHash(row?.identity_secret ?? "", externalId, email) });
}

let shop: TestAccount;
beforeAll(async () => {
  shop = await demoShop();
  await agentOn(shop);
});

describe("agent settings", () => {
  it("is off for a new account: messages go straight to the helpdesk", async () => {
    const fresh = await demoShop({ knowledge: false });
    const conv = await startChat(fresh.accountId);
    expect(await say(conv, "Where is my order #1038?")).toEqual([]);
    expect(await inView(fresh, "unassigned", conv.ticketId)).toBe(true);
    const settings = await call("GET", "/api/settings", { token: fresh.token });
    expect(settings.body.agent).toEqual({ enabled: false, channels: ["webchat", "sms", "email"] });
  });

  it("validates the agent and handoff sections", async () => {
    const bad = await call("PUT", "/api/settings/agent", { token: shop.token, body: { enabled: "yes", channels: ["fax"] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["channels.0", "enabled"]);
    const noMessage = await call("PUT", "/api/settings/handoff", { token: shop.token, body: { method: "message", message: "  " } });
    expect(noMessage.status).toBe(400);
    const unknown = await call("PUT", "/api/settings/handoff", { token: shop.token, body: { method: "helpdesk", platform: "freshdesk" } });
    expect(unknown.status).toBe(400);
  });

  it("refuses Zendesk until it is connected, and accepts it after", async () => {
    const other = await demoShop({ knowledge: false });
    const refused = await call("PUT", "/api/settings/handoff", { token: other.token, body: { method: "helpdesk", platform: "zendesk" } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.issues).toEqual([{ path: "platform", message: expect.stringContaining("not connected") }]);
    expect((await call("GET", "/api/settings", { token: other.token })).body.handoff).toEqual({ method: "helpdesk", platform: "builtin" });
    await call("PUT", "/api/integrations/zendesk", { token: other.token, body: zendesk });
    const ok = await call("PUT", "/api/settings/handoff", { token: other.token, body: { method: "helpdesk", platform: "zendesk" } });
    expect(ok.status).toBe(200);
    expect(ok.body.handoff).toEqual({ method: "helpdesk", platform: "zendesk" });
  });

  it("answers only on the channels it is set for", async () => {
    const chatOnly = await demoShop({ knowledge: false });
    await agentOn(chatOnly, ["webchat"]);
    const sms = await inbound(chatOnly.accountId, { channel: "sms", from: "+15555550199", text: "Where is my order #1038?" });
    const t = await ticketOf(chatOnly, sms.body.ticketId);
    expect(t.ticket.handledBy).toBe("team");
    expect(t.messages.map((m) => m.author)).toEqual(["customer"]);
  });
});

describe("web chat with the agent", () => {
  it("answers at once with author ai, and keeps the conversation out of the helpdesk views", async () => {
    const conv = await startChat(shop.accountId);
    const replies = await say(conv, "Where is my order #1038?");
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.author === "ai" && !r.internal)).toBe(true);
    expect(replies.map((r) => r.body).join(" ")).toContain("email address you used for order #1038");
    for (const view of ["all", "unassigned", "mine"]) expect(await inView(shop, view, conv.ticketId)).toBe(false);
    // The widget's thread has both sides in order.
    const thread = await call<{ items: Msg[] }>("GET", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(thread.body.items.map((m) => m.author)).toEqual(["customer", ...replies.map(() => "ai")]);
  });

  it("verifies an anonymous shopper by order number and email, then shows the order card", async () => {
    const conv = await startChat(shop.accountId);
    await say(conv, "Where is my order #1038?");
    const replies = await say(conv, "shopper@example.com");
    const card = replies.flatMap((r) => r.cards ?? []).find((c) => c.type === "order");
    expect(card?.title).toBe("Order #1038");
    expect(card?.actions?.[0]?.label).toBe("Track order");
  });

  it("looks up a logged-in shopper's orders without asking", async () => {
    const conv = await verifiedChat(shop, "shopper@example.com");
    const replies = await say(conv, "Where is my order?");
    expect(replies.map((r) => r.body).join(" ")).toContain("Order #1042");
    expect(replies.flatMap((r) => r.cards ?? []).map((c) => c.type)).toContain("order");
  });

  it("answers from the knowledge base and follows a change of topic", async () => {
    const conv = await startChat(shop.accountId);
    const first = await say(conv, "How long does shipping take to Canada?");
    expect(first.map((r) => r.body).join(" ").length).toBeGreaterThan(20);
    const second = await say(conv, "Can you recommend a waterproof rain jacket?");
    expect(second.flatMap((r) => r.cards ?? []).some((c) => c.type === "product")).toBe(true);
    const turns = await env.DB.prepare("SELECT skill FROM agent_turns WHERE ticket_id = ? ORDER BY seq").bind(conv.ticketId).all<{ skill: string }>();
    expect(turns.results.map((r) => r.skill)).toEqual(["general_qa", "product_recommendations"]);
  });

  it("answers a retried message once: same replies, nothing stored twice", async () => {
    const conv = await startChat(shop.accountId);
    const send = () =>
      call<{ message: Msg; replies: Msg[] }>("POST", `/api/chat/conversations/${conv.conversationId}/messages`, {
        body: { text: "Do you have any discount codes?", clientMessageId: "retry-0001" },
        headers: { "X-Visitor-Token": conv.visitorToken },
      });
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    expect(a.body.replies.length).toBeGreaterThan(0);
    expect(b.body.replies).toEqual(a.body.replies);
    expect(c.body.replies).toEqual(a.body.replies);
    const all = await stub(shop.accountId, conv.ticketId).messagesAfter({ after: null, limit: 50, includeInternal: true });
    expect(all.filter((m) => m.author === "customer")).toHaveLength(1);
    expect(all.filter((m) => m.author === "ai")).toHaveLength(a.body.replies.length);
    const turns = await env.DB.prepare("SELECT COUNT(*) AS n FROM agent_turns WHERE ticket_id = ?").bind(conv.ticketId).first<{ n: number }>();
    expect(turns?.n).toBe(1);
  });

  it("finishes a turn cut short by a restart from the alarm, exactly once", async () => {
    const conv = await startChat(shop.accountId);
    const replies = await say(conv, "Do you have any discount codes?");
    const customer = (await stub(shop.accountId, conv.ticketId).messagesAfter({ after: null, limit: 10, includeInternal: false }))[0]!;
    // As if the actor stopped after storing the shopper's message: the answer and the turn's completion are gone.
    await runInDurableObject(stub(shop.accountId, conv.ticketId), async (_instance: TicketActor, state) => {
      state.storage.sql.exec("DELETE FROM messages WHERE author = 'ai'");
      state.storage.sql.exec("UPDATE meta SET value = 'pending' WHERE key = ?", `turn:${customer.id}`);
      // The turn's resume time is stored with the message (the actor's schedule), as it would be at a crash.
      state.storage.sql.exec("INSERT OR REPLACE INTO schedule (key, due_at) VALUES ('turns', ?)", Date.now());
      await state.storage.setAlarm(Date.now());
    });
    // The actor restarts: what it remembered in memory is gone, its storage is as the crash left it.
    await evictDurableObject(stub(shop.accountId, conv.ticketId));
    expect(await runDurableObjectAlarm(stub(shop.accountId, conv.ticketId))).toBe(true);
    const after = await stub(shop.accountId, conv.ticketId).messagesAfter({ after: null, limit: 50, includeInternal: false });
    expect(after.filter((m) => m.author === "ai").map((m) => m.body)).toEqual(replies.map((r) => r.body));
    const turns = await env.DB.prepare("SELECT COUNT(*) AS n FROM agent_turns WHERE ticket_id = ?").bind(conv.ticketId).first<{ n: number }>();
    expect(turns?.n).toBe(1);
  });
});

describe("handoff to the built-in helpdesk", () => {
  it("offers a human, asks an anonymous shopper for an email, then puts the whole conversation in the helpdesk", async () => {
    const conv = await startChat(shop.accountId);
    await say(conv, "Do you have any discount codes?");
    const offer = await say(conv, "I want to talk to a real person");
    const card = offer.flatMap((r) => r.cards ?? []).find((c) => c.type === "handoff_offer");
    expect(card?.actions).toEqual([{ label: "Yes, connect me with an agent", action: "handoff" }]);
    expect(card?.data?.emailRequired).toBe(true);
    expect(await inView(shop, "unassigned", conv.ticketId)).toBe(false);

    const handoff = (body: unknown) => call("POST", `/api/chat/conversations/${conv.conversationId}/handoff`, { body, headers: { "X-Visitor-Token": conv.visitorToken } });
    const noEmail = await handoff({});
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.error).toMatchObject({ code: "validation_failed", issues: [{ path: "email" }] });
    expect(await inView(shop, "unassigned", conv.ticketId)).toBe(false);
    expect((await handoff({ email: "not-an-email" })).status).toBe(400);

    const ok = await handoff({ email: "Pat@Example.com" });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ ticketId: conv.ticketId, status: "open", platform: "builtin", handledBy: "team" });
    expect((await handoff({})).body).toEqual(ok.body);

    expect(await inView(shop, "unassigned", conv.ticketId)).toBe(true);
    const { ticket, messages } = await ticketOf(shop, conv.ticketId);
    expect(ticket.customer.email).toBe("pat@example.com");
    // The team's list shows the shopper's words, not the agent's.
    const listed = (await call<{ items: { id: string; subject: string | null; preview: string | null }[] }>("GET", "/api/tickets?view=unassigned", { token: shop.token })).body.items.find((t) => t.id === conv.ticketId);
    expect(listed).toMatchObject({ subject: "Do you have any discount codes?", preview: "I want to talk to a real person" });
    // The public conversation; the team also has the handoff summary, an internal note.
    expect(new Set(messages.filter((m) => !m.internal).map((m) => m.author))).toEqual(new Set(["customer", "ai"]));
    expect(messages.filter((m) => m.internal).map((m) => m.body.split("\n")[0])).toEqual(["Handoff summary"]);
    expect(messages.filter((m) => m.author === "customer").map((m) => m.body)).toEqual(["Do you have any discount codes?", "I want to talk to a real person"]);
    expect(messages.at(-1)?.body).toContain("passed our conversation to our team");
    expect(messages.filter((m) => m.body.includes("passed our conversation"))).toHaveLength(1);

    // The team continues in the same chat; the agent stays quiet from now on.
    const agentReply = await call("POST", `/api/tickets/${conv.ticketId}/replies`, { token: shop.token, body: { body: "Hi Pat, I'm here." } });
    expect(agentReply.status).toBe(201);
    expect(await say(conv, "Great, thanks")).toEqual([]);
  });

  it("counts the conversation as routed to the team in the reports", async () => {
    const figures = await call("GET", `/api/reports?from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`, { token: shop.token });
    expect(figures.status).toBe(200);
    expect(figures.body.agent.routedToTeam).toBeGreaterThanOrEqual(1);
    expect(figures.body.agent.conversations).toBeGreaterThanOrEqual(figures.body.agent.routedToTeam);
  });

  it("lets a logged-in shopper connect without an email question", async () => {
    const conv = await verifiedChat(shop, "alex@example.com");
    const offer = await say(conv, "Can I talk to a human please?");
    expect(offer.flatMap((r) => r.cards ?? []).find((c) => c.type === "handoff_offer")?.data?.emailRequired).toBe(false);
    const ok = await call("POST", `/api/chat/conversations/${conv.conversationId}/handoff`, { body: {}, headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(ok.status).toBe(200);
    expect((await ticketOf(shop, conv.ticketId)).ticket.handledBy).toBe("team");
  });

  it("shows the office-hours auto-reply after the handoff when the team is closed", async () => {
    const closed = await demoShop({ knowledge: false });
    await agentOn(closed);
    await call("PUT", "/api/settings/office-hours", { token: closed.token, body: { timezone: "Europe/Rome", weekly: {}, autoReply: "We're closed — back at 9:00." } });
    const conv = await startChat(closed.accountId, { email: "lee@example.com" });
    const offer = await say(conv, "I need to speak to someone from your team");
    expect(offer.some((r) => r.body.includes("back at 9:00"))).toBe(false);
    await call("POST", `/api/chat/conversations/${conv.conversationId}/handoff`, { body: {}, headers: { "X-Visitor-Token": conv.visitorToken } });
    const { messages } = await ticketOf(closed, conv.ticketId);
    expect(messages.at(-1)).toMatchObject({ author: "system", body: "We're closed — back at 9:00." });
  });
});

describe("the shopper's language in what the agent path sends", () => {
  it("closes the handoff in the conversation's language and leaves the shop's own auto-reply as written", async () => {
    const closed = await demoShop({ knowledge: false });
    await agentOn(closed);
    await call("PUT", "/api/settings/office-hours", { token: closed.token, body: { timezone: "Europe/Rome", weekly: {}, autoReply: "We're closed — back at 9:00." } });
    const conv = await startChat(closed.accountId, { email: "lucia@example.com" });
    const offer = await say(conv, "hola, quiero hablar con una persona de vuestro equipo, por favor");
    expect(offer.flatMap((r) => r.cards ?? []).some((c) => c.type === "handoff_offer")).toBe(true);
    const ok = await call("POST", `/api/chat/conversations/${conv.conversationId}/handoff`, { body: {}, headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(ok.status).toBe(200);
    const { messages } = await ticketOf(closed, conv.ticketId);
    expect(messages.at(-2)).toMatchObject({ author: "ai", body: "¡Gracias! He pasado nuestra conversación a nuestro equipo. Alguien se unirá a este chat en cuanto esté disponible." });
    expect(messages.at(-1)).toMatchObject({ author: "system", body: "We're closed — back at 9:00." });
  });
});

describe("handoff on SMS and email", () => {
  it("answers an SMS through the outbox and hands off at once when the shopper asks for a person", async () => {
    const from = `+1555${String(Date.now()).slice(-7)}`;
    const first = await inbound(shop.accountId, { channel: "sms", from, text: "Do you have any discount codes?" });
    let t = await ticketOf(shop, first.body.ticketId);
    expect(t.ticket.handledBy).toBe("ai");
    expect(t.messages.map((m) => m.author)).toEqual(["customer", "ai"]);
    const queued = await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox WHERE ticket_id = ?").bind(first.body.ticketId).first<{ n: number }>();
    expect(queued?.n).toBe(1);
    expect(await inView(shop, "all", first.body.ticketId)).toBe(false);

    const second = await inbound(shop.accountId, { channel: "sms", from, text: "I want to talk to a real person" });
    expect(second.body.ticketId).toBe(first.body.ticketId);
    t = await ticketOf(shop, first.body.ticketId);
    expect(t.ticket.handledBy).toBe("team");
    expect(t.messages.at(-1)?.body).toMatch(/passed your message to our team/);
    expect(t.messages.flatMap((m) => m.cards ?? [])).toEqual([]);
    expect(await inView(shop, "unassigned", first.body.ticketId)).toBe(true);
  });

  it("answers an email and a retried webhook adds nothing", async () => {
    const providerMessageId = unique("pm");
    const msg = { channel: "email", from: "Robin <robin@example.com>", text: "Do you have any discount codes?", threadId: `<${unique("th")}@mail.example.com>`, providerMessageId };
    const a = await inbound(shop.accountId, msg);
    const b = await inbound(shop.accountId, msg);
    expect(b.body).toMatchObject({ ticketId: a.body.ticketId, duplicate: true });
    const t = await ticketOf(shop, a.body.ticketId);
    expect(t.messages.map((m) => m.author)).toEqual(["customer", "ai"]);
  });
});

describe("handoff by message", () => {
  it("answers with the shop's message instead of offering a human, and refuses the handoff route", async () => {
    const msgShop = await demoShop({ knowledge: false });
    await agentOn(msgShop);
    const text = "Our team answers by email at help@northwind.example — see https://northwind.example/help";
    expect((await call("PUT", "/api/settings/handoff", { token: msgShop.token, body: { method: "message", message: text } })).status).toBe(200);
    const conv = await startChat(msgShop.accountId);
    const replies = await say(conv, "I want to talk to a real person");
    expect(replies.map((r) => r.body)).toContain(text);
    expect(replies.flatMap((r) => r.cards ?? [])).toEqual([]);
    const refused = await call("POST", `/api/chat/conversations/${conv.conversationId}/handoff`, { body: { email: "a@example.com" }, headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(refused.status).toBe(409);
    expect(await inView(msgShop, "unassigned", conv.ticketId)).toBe(false);
  });
});

describe("handoff to Zendesk", () => {
  async function zendeskShop() {
    const zShop = await demoShop({ knowledge: false });
    await agentOn(zShop);
    await call("PUT", "/api/integrations/zendesk", { token: zShop.token, body: zendesk });
    expect((await call("PUT", "/api/settings/handoff", { token: zShop.token, body: { method: "helpdesk", platform: "zendesk" } })).status).toBe(200);
    return zShop;
  }

  it("hands an SMS conversation to Zendesk with the phone number and no email, and tells the shopper SMS follows", async () => {
    const zShop = await zendeskShop();
    const providerMessageId = `pm-sms-handoff-${Date.now()}`;
    // The inbound ticket's id derives from the provider message id: put the fake in place before the message arrives.
    const ticketId = `tkt_${(await sha256Hex(`${zShop.accountId}|sms|${providerMessageId}`)).slice(0, 24)}`;
    const zd = fakeHelpdesk(201, { ticket: { id: 35437 } });
    await runInDurableObject(stub(zShop.accountId, ticketId), (_instance: TicketActor, state) => {
      replaceSeams(state.id, { integrations: { fetch: zd.fetch } });
    });
    const res = await call("POST", "/api/dev/inbound", { body: { accountId: zShop.accountId, channel: "sms", from: "+15550107788", text: "I want to talk to a real person", providerMessageId } });
    expect(res.body.ticketId).toBe(ticketId);
    expect(zd.requests).toHaveLength(1);
    const body = zd.requests[0]?.body as { ticket: { comment: { body: string }; requester: Record<string, string> } };
    expect(body.ticket.requester).toEqual({ name: "+15550107788" });
    expect(body.ticket.comment.body).toContain("Phone: +15550107788 (the conversation continues by SMS from Edgedesk)");
    const { ticket, messages } = await ticketOf(zShop, ticketId);
    expect(ticket).toMatchObject({ status: "closed", tags: ["handoff-zendesk"] });
    expect(messages.filter((m) => !m.internal).at(-1)?.body).toContain("follow up by SMS");
  });

  it("creates the Zendesk ticket with the transcript, tells the shopper email follows, and ends the chat", async () => {
    const zShop = await zendeskShop();
    const conv = await startChat(zShop.accountId, { email: "emma@example.com", name: "Emma" });
    const zd = fakeHelpdesk(201, { ticket: { id: 35436 } });
    await runInDurableObject(stub(zShop.accountId, conv.ticketId), (_instance: TicketActor, state) => {
      replaceSeams(state.id, { integrations: { fetch: zd.fetch } });
    });
    await say(conv, "I want to talk to a real person");
    const res = await call("POST", `/api/chat/conversations/${conv.conversationId}/handoff`, { body: {}, headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(res.body).toMatchObject({ platform: "zendesk", status: "closed" });
    expect(zd.requests).toHaveLength(1);
    expect(zd.requests[0]?.url).toBe("https://northwind.zendesk.com/api/v2/tickets.json");
    expect(zd.requests[0]?.authorization).toBe(`Basic ${btoa("ops@northwind.example/token:zd_token_0123456789")}`);
    expect((zd.requests[0]?.body as ZendeskBody).ticket.requester.email).toBe("emma@example.com");
    expect((zd.requests[0]?.body as ZendeskBody).ticket.comment.body).toContain("I want to talk to a real person");
    const { ticket, messages } = await ticketOf(zShop, conv.ticketId);
    expect(ticket).toMatchObject({ status: "closed", handledBy: "ai", tags: ["handoff-zendesk"] });
    expect(messages.filter((m) => !m.internal).at(-1)?.body).toContain("follow up by email at emma@example.com");
    expect(messages.find((m) => m.internal)?.body).toContain("Handed off to Zendesk: ticket 35436");
    expect(await inView(zShop, "unassigned", conv.ticketId)).toBe(false);
    // A second click changes nothing and calls Zendesk no more.
    await call("POST", `/api/chat/conversations/${conv.conversationId}/handoff`, { body: {}, headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(zd.requests).toHaveLength(1);
  });

  it("keeps the conversation in the built-in helpdesk when Zendesk refuses it", async () => {
    const zShop = await zendeskShop();
    const conv = await startChat(zShop.accountId, { email: "kai@example.com" });
    const zd = fakeHelpdesk(503, { error: "Service Unavailable" });
    await runInDurableObject(stub(zShop.accountId, conv.ticketId), (_instance: TicketActor, state) => {
      replaceSeams(state.id, { integrations: { fetch: zd.fetch } });
    });
    await say(conv, "I want to talk to a real person");
    const res = await call("POST", `/api/chat/conversations/${conv.conversationId}/handoff`, { body: {}, headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(res.body).toMatchObject({ platform: "builtin", status: "open", handledBy: "team" });
    const { messages } = await ticketOf(zShop, conv.ticketId);
    expect(messages.filter((m) => m.internal).map((m) => m.body.split("\n")[0])).toEqual(["Handoff summary", expect.stringContaining("Zendesk did not take this conversation")]);
    expect(messages.filter((m) => !m.internal).at(-1)?.body).toContain("Someone will join this chat");
    expect(await inView(zShop, "unassigned", conv.ticketId)).toBe(true);
  });
});

describe("handoff from SMS to Gorgias", () => {
  it("asks the SMS shopper for an email, then the message that carries one creates the Gorgias ticket with the phone number", async () => {
    const gShop = await demoShop({ knowledge: false });
    await agentOn(gShop);
    await call("PUT", "/api/integrations/gorgias", { token: gShop.token, body: { domain: "northwind", email: "ops@northwind.example", apiKey: "gorgias_key_0123456789" } });
    expect((await call("PUT", "/api/settings/handoff", { token: gShop.token, body: { method: "helpdesk", platform: "gorgias" } })).status).toBe(200);
    const providerMessageId = unique("pm-sms-gorgias");
    const ticketId = `tkt_${(await sha256Hex(`${gShop.accountId}|sms|${providerMessageId}`)).slice(0, 24)}`;
    const gorgias = fakeHelpdesk(201, { id: 9001 });
    await runInDurableObject(stub(gShop.accountId, ticketId), (_instance: TicketActor, state) => {
      replaceSeams(state.id, { integrations: { fetch: gorgias.fetch } });
    });
    const from = "+15550107799";
    await call("POST", "/api/dev/inbound", { body: { accountId: gShop.accountId, channel: "sms", from, text: "I want to talk to a real person", providerMessageId } });
    // No email yet: Gorgias is not called, the AI agent asks for one and keeps the conversation.
    expect(gorgias.requests).toHaveLength(0);
    let t = await ticketOf(gShop, ticketId);
    expect(t.ticket).toMatchObject({ status: "open", handledBy: "ai" });
    expect(t.messages.filter((m) => !m.internal).at(-1)?.body).toBe("To pass you to our support team I need your email address: what email can they reach you at?");

    const reply = await inbound(gShop.accountId, { channel: "sms", from, text: "Sure, it's Ada@Example.com" });
    expect(reply.body.ticketId).toBe(ticketId);
    expect(gorgias.requests).toHaveLength(1);
    const body = gorgias.requests[0]!.body as { customer: { email: string; channels: unknown }; messages: { body_text: string }[]; tags: { name: string }[] };
    expect(body.customer).toMatchObject({ email: "ada@example.com", channels: [{ type: "phone", address: from }] });
    expect(body.messages[0]!.body_text).toContain(`Phone: ${from} (the conversation continues by SMS from Edgedesk)`);
    expect(body.messages[0]!.body_text).toContain("I want to talk to a real person");
    t = await ticketOf(gShop, ticketId);
    expect(t.ticket).toMatchObject({ status: "closed", tags: ["handoff-gorgias"], customer: { email: "ada@example.com" } });
    expect(t.messages.filter((m) => !m.internal).at(-1)?.body).toContain("follow up by SMS");
    expect(t.messages.some((m) => m.internal && m.body.startsWith("Handed off to Gorgias: ticket 9001"))).toBe(true);
  });
});
