import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addAgent, BASE, call, inbound, signup, unique } from "../helpers.ts";

/** A tiny PDF, attached by the team to a reply: erasure removes it from R2 and D1. */
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
async function attachPdf(token: string, ticketId: string): Promise<string> {
  const form = new FormData();
  form.append("file", new File([PDF], "label.pdf"));
  const res = await exports.default.fetch(new Request(`${BASE}/api/tickets/${ticketId}/attachments`, { method: "POST", headers: { Authorization: `Bearer ${token}` }, body: form }));
  expect(res.status).toBe(201);
  const file = (await res.json()) as { id: string };
  expect((await call("POST", `/api/tickets/${ticketId}/replies`, { token, body: { body: "Your label", attachmentIds: [file.id] } })).status).toBe(201);
  return file.id;
}

async function customerWithTwoTickets() {
  const acc = await signup();
  const providerMessageId = unique("SM");
  const sms = await inbound(acc.accountId, { channel: "sms", from: "+15554000001", text: "My order 1038 never came, call me on +15554000001", providerMessageId });
  const ticketId = sms.body.ticketId;
  await call("POST", `/api/tickets/${ticketId}/replies`, { token: acc.token, body: { body: "Sorry Pat, we are on it" } });
  await call("POST", `/api/tickets/${ticketId}/notes`, { token: acc.token, body: { body: "Pat sounded upset" } });
  await call("PATCH", `/api/tickets/${ticketId}`, { token: acc.token, body: { tags: ["delivery"] } });
  const ticket = (await call("GET", `/api/tickets/${ticketId}`, { token: acc.token })).body.ticket;
  const profileId = ticket.customer.profileId as string;
  // Someone else's ticket must be untouched.
  const bystander = (await inbound(acc.accountId, { channel: "sms", from: "+15554000099", text: "Hello from someone else" })).body.ticketId;
  return { acc, ticketId, profileId, bystander, providerMessageId };
}

describe("a customer's data export", () => {
  it("holds the profile, every ticket with every message, and is for owners and admins", async () => {
    const { acc, ticketId, profileId } = await customerWithTwoTickets();
    const res = await call("GET", `/api/profiles/${profileId}/export`, { token: acc.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain(`${profileId}.json`);
    expect(res.body.profile).toMatchObject({ id: profileId, phone: "+15554000001" });
    expect(res.body.tickets.map((t: { id: string }) => t.id)).toEqual([ticketId]);
    expect(res.body.tickets[0].messages.map((m: { body: string; internal: boolean }) => [m.body, m.internal])).toEqual([
      ["My order 1038 never came, call me on +15554000001", false],
      ["Sorry Pat, we are on it", false],
      ["Pat sounded upset", true],
    ]);
    const manager = await addAgent(acc, "manager");
    expect((await call("GET", `/api/profiles/${profileId}/export`, { token: manager.token })).status).toBe(403);
    expect((await call("GET", "/api/profiles/prof_nope/export", { token: acc.token })).status).toBe(404);
    const other = await signup();
    expect((await call("GET", `/api/profiles/${profileId}/export`, { token: other.token })).status).toBe(404);
    const audit = await call("GET", "/api/audit?action=profile.exported", { token: acc.token });
    expect(audit.body.items).toEqual([expect.objectContaining({ target: profileId, details: { tickets: 1 } })]);
  });
});

describe("a customer's erasure", () => {
  it("removes their messages, profile and index rows, keeps an anonymised shell that reports count, and is audited", async () => {
    const { acc, ticketId, profileId, bystander, providerMessageId } = await customerWithTwoTickets();
    const fileId = await attachPdf(acc.token, ticketId);
    const r2Key = (await env.DB.prepare("SELECT r2_key FROM files WHERE id = ?").bind(fileId).first<{ r2_key: string }>())!.r2_key;
    expect(await env.FILES.head(r2Key)).not.toBeNull();
    const before = (await call("GET", "/api/reports", { token: acc.token })).body;
    // Their timeline and a tracked link (the profile feature writes these as they happen).
    await env.DB.prepare("INSERT INTO profile_events (id, account_id, profile_id, metric, occurred_at, properties) VALUES ('pev_erase_1', ?, ?, 'clicked_link', 1, '{}')").bind(acc.accountId, profileId).run();
    await env.DB.prepare("INSERT INTO short_links (code, account_id, profile_id, ticket_id, message_id, url, created_at) VALUES ('erase1', ?, ?, ?, 'msg_x', 'https://shop.example/track', 1)").bind(acc.accountId, profileId, ticketId).run();

    const res = await call("DELETE", `/api/profiles/${profileId}`, { token: acc.token });
    expect(res.status).toBe(204);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM profile_events WHERE profile_id = ?").bind(profileId).first("n")).toBe(0);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM short_links WHERE profile_id = ?").bind(profileId).first("n")).toBe(0);

    // The actor: no messages, no customer, closed; the shell keeps its number, channel, tags and times.
    const shell = await call("GET", `/api/tickets/${ticketId}`, { token: acc.token });
    expect(shell.status).toBe(200);
    expect(shell.body.messages).toEqual([]);
    expect(shell.body.ticket).toMatchObject({ id: ticketId, channel: "sms", status: "closed", tags: ["delivery"], customer: {} });
    expect(shell.body.ticket.subject).toBeUndefined();
    expect(shell.body.ticket.preview).toBeUndefined();

    // D1: no row anywhere still carries their words, number or profile.
    const dump = async (table: string, column: string) => JSON.stringify((await env.DB.prepare(`SELECT * FROM ${table} WHERE ${column} = ?`).bind(ticketId).all()).results);
    for (const [table, column] of [["tickets", "id"], ["outbox", "ticket_id"], ["agent_turns", "ticket_id"], ["channel_threads", "ticket_id"]] as const) {
      const rows = await dump(table, column);
      expect(rows, table).not.toContain("+15554000001");
      expect(rows, table).not.toContain("never came");
      expect(rows, table).not.toContain("Sorry Pat");
    }
    expect(await env.DB.prepare("SELECT id FROM profiles WHERE id = ?").bind(profileId).first()).toBeNull();
    expect(await env.DB.prepare("SELECT id FROM files WHERE id = ?").bind(fileId).first()).toBeNull();
    expect(await env.FILES.head(r2Key)).toBeNull();
    expect((await call("GET", `/api/profiles/${profileId}`, { token: acc.token })).status).toBe(404);
    expect((await call("GET", "/api/tickets?view=all&q=never", { token: acc.token })).body.items).toEqual([]);

    // Reports still count the ticket.
    const after = (await call("GET", "/api/reports", { token: acc.token })).body;
    expect(after.tickets).toBe(before.tickets);

    // The bystander is untouched.
    const other = await call("GET", `/api/tickets/${bystander}`, { token: acc.token });
    expect(other.body.messages.map((m: { body: string }) => m.body)).toEqual(["Hello from someone else"]);

    // A provider's late retry of an erased message is a duplicate, not stored again.
    const retry = await inbound(acc.accountId, { channel: "sms", from: "+15554000001", text: "My order 1038 never came, call me on +15554000001", providerMessageId });
    expect(retry.body).toMatchObject({ ticketId, duplicate: true });
    expect((await call("GET", `/api/tickets/${ticketId}`, { token: acc.token })).body.messages).toEqual([]);

    // Their next text starts a fresh ticket; the shell takes nothing more.
    const again = await inbound(acc.accountId, { channel: "sms", from: "+15554000001", text: "Me again" });
    expect(again.body.ticketId).not.toBe(ticketId);
    expect((await call("POST", `/api/tickets/${ticketId}/replies`, { token: acc.token, body: { body: "hello?" } })).status).toBe(409);

    const audit = await call("GET", "/api/audit?action=profile.erased", { token: acc.token });
    expect(audit.body.items).toEqual([expect.objectContaining({ actorId: acc.agentId, target: profileId, details: { tickets: 1, messages: 4, files: 1 } })]);
    expect((await call("DELETE", `/api/profiles/${profileId}`, { token: acc.token })).status).toBe(404);
  });

  it("closes the shopper's open chat socket and is refused to managers and support", async () => {
    const acc = await signup();
    const conv = (await call("POST", "/api/chat/conversations", { body: { accountId: acc.accountId, visitor: { email: "lee@example.com", name: "Lee" } } })).body;
    await call("POST", `/api/chat/conversations/${conv.conversationId}/messages`, { body: { text: "hi there" }, headers: { "X-Visitor-Token": conv.visitorToken } });
    const profileId = (await call("GET", `/api/tickets/${conv.ticketId}`, { token: acc.token })).body.ticket.customer.profileId as string;
    for (const role of ["manager", "support"] as const) {
      const who = await addAgent(acc, role);
      expect((await call("DELETE", `/api/profiles/${profileId}`, { token: who.token })).status).toBe(403);
    }
    const ws = await exports.default.fetch(new Request(`http://edgedesk.test/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}`, { headers: { Upgrade: "websocket" } }));
    const socket = ws.webSocket!;
    const closed = new Promise<number>((resolve) => socket.addEventListener("close", (e) => resolve(e.code)));
    socket.accept();
    expect((await call("DELETE", `/api/profiles/${profileId}`, { token: acc.token })).status).toBe(204);
    expect(await closed).toBe(4000);
    const transcript = await call("GET", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(JSON.stringify(transcript.body)).not.toContain("hi there");
  });
});
