import { describe, expect, it } from "vitest";
import { addAgent, call, chatSay, inbound, signup as newAccount, startChat } from "../helpers.ts";

/** Surveys are opt-in: these accounts turn them on. */
async function signup() {
  const acc = await newAccount();
  const on = await call("PUT", "/api/settings/csat", { token: acc.token, body: { enabled: true } });
  if (on.status !== 200) throw new Error(`csat setting: ${on.status}`);
  return acc;
}

const rate = (conv: { conversationId: string; visitorToken: string }, body: unknown) =>
  call("POST", `/api/chat/conversations/${conv.conversationId}/csat`, { body, headers: { "X-Visitor-Token": conv.visitorToken } });

describe("CSAT", () => {
  it("web chat: a person closing the ticket sends the survey card once; the shopper's rating lands on the ticket and in reports", async () => {
    const acc = await signup();
    const conv = await startChat(acc.accountId, { email: "robin@example.com", name: "Robin" });
    await chatSay(conv, "Where is my parcel?");
    // Not asked yet: the answer is refused and changes nothing.
    expect((await rate(conv, { score: 5 })).status).toBe(409);
    await call("POST", `/api/tickets/${conv.ticketId}/replies`, { token: acc.token, body: { body: "It ships today." } });
    const closed = await call("PATCH", `/api/tickets/${conv.ticketId}`, { token: acc.token, body: { status: "closed" } });
    expect(closed.status).toBe(200);
    expect(closed.body.csatAskedAt).toBeDefined();

    const thread = await call("GET", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": conv.visitorToken } });
    const surveys = thread.body.items.filter((m: { cards?: { type: string }[] }) => m.cards?.some((c) => c.type === "csat"));
    expect(surveys).toHaveLength(1);
    expect(surveys[0].cards[0].actions.map((a: { label: string }) => a.label)).toEqual(["1", "2", "3", "4", "5"]);

    // Reopen and close again: still one survey.
    await chatSay(conv, "One more thing");
    await call("PATCH", `/api/tickets/${conv.ticketId}`, { token: acc.token, body: { status: "closed" } });
    const again = await call("GET", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(again.body.items.filter((m: { cards?: { type: string }[] }) => m.cards?.some((c) => c.type === "csat"))).toHaveLength(1);

    expect((await rate(conv, { score: 6 })).status).toBe(400);
    expect((await rate(conv, { score: 4, comment: "quick and kind" })).status).toBe(201);
    const twice = await rate(conv, { score: 1 });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("conflict");

    const t = await call("GET", `/api/tickets/${conv.ticketId}`, { token: acc.token });
    expect(t.body.ticket.csat).toMatchObject({ score: 4, comment: "quick and kind" });
    expect(t.body.messages.at(-1)).toMatchObject({ author: "system", internal: true });
    expect(t.body.messages.at(-1).body).toContain("4/5");

    const report = await call("GET", "/api/reports", { token: acc.token });
    expect(report.status).toBe(200);
    expect(report.body.csat).toMatchObject({ average: 4, responses: 1, asked: 1, responseRate: 1 });
    expect(report.body.csat.byChannel).toEqual([{ channel: "webchat", responses: 1, average: 4 }]);
    expect(report.body.csat.trend.reduce((n: number, d: { responses: number }) => n + d.responses, 0)).toBe(1);
  });

  it("a foreign visitor cannot rate another conversation", async () => {
    const acc = await signup();
    const a = await startChat(acc.accountId, { email: "a@example.com" });
    const b = await startChat(acc.accountId, { email: "b@example.com" });
    await chatSay(a, "hello");
    await call("PATCH", `/api/tickets/${a.ticketId}`, { token: acc.token, body: { status: "closed" } });
    const crossed = await call("POST", `/api/chat/conversations/${a.conversationId}/csat`, { body: { score: 1 }, headers: { "X-Visitor-Token": b.visitorToken } });
    expect(crossed.status).toBe(404);
    expect((await call("GET", `/api/tickets/${a.ticketId}`, { token: acc.token })).body.ticket.csat).toBeUndefined();
  });

  it("email: the survey carries a signed link whose page records the score once", async () => {
    const acc = await signup();
    const { ticketId } = (await inbound(acc.accountId, { channel: "email", from: "Kim <kim@example.com>", text: "Damaged lamp", threadId: "<csat-1@x>" })).body;
    await call("PATCH", `/api/tickets/${ticketId}`, { token: acc.token, body: { status: "closed" } });
    const t = await call("GET", `/api/tickets/${ticketId}`, { token: acc.token });
    const survey = t.body.messages.find((m: { author: string; internal: boolean }) => m.author === "system" && !m.internal);
    const link = /(http\S+\/csat\/\S+)/.exec(survey.body)?.[1];
    expect(link).toBeDefined();
    const path = new URL(link!).pathname;
    const page = await call("GET", `${path}?score=5`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('value="5" required checked');
    expect(page.body).not.toContain("<script");

    const forged = await call("POST", `${path.slice(0, -3)}abc`, { raw: "score=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(forged.status).toBe(404);
    const bad = await call("POST", path, { raw: "score=9", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(bad.status).toBe(400);
    const sent = await call("POST", path, { raw: "score=5&comment=Great+help", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(sent.status).toBe(201);
    expect((await call("POST", path, { raw: "score=2", headers: { "Content-Type": "application/x-www-form-urlencoded" } })).status).toBe(409);
    const after = await call("GET", `/api/tickets/${ticketId}`, { token: acc.token });
    expect(after.body.ticket.csat).toMatchObject({ score: 5, comment: "Great help" });
  });

  it("SMS: a reply that is only a score rates the closed ticket instead of reopening it; retries count once", async () => {
    const acc = await signup();
    const first = await inbound(acc.accountId, { channel: "sms", from: "+15550001111", text: "Is my order shipped?" });
    const ticketId = first.body.ticketId;
    await call("PATCH", `/api/tickets/${ticketId}`, { token: acc.token, body: { status: "closed" } });
    const survey = (await call("GET", `/api/tickets/${ticketId}`, { token: acc.token })).body.messages.at(-1);
    expect(survey.body).toContain("Reply with a number from 1");
    const answer = await inbound(acc.accountId, { channel: "sms", from: "+15550001111", text: "5", providerMessageId: "SM-csat-1" });
    expect(answer.body).toMatchObject({ ticketId, reopened: false });
    const retry = await inbound(acc.accountId, { channel: "sms", from: "+15550001111", text: "5", providerMessageId: "SM-csat-1" });
    expect(retry.body.ticketId).toBe(ticketId);
    const t = await call("GET", `/api/tickets/${ticketId}`, { token: acc.token });
    expect(t.body.ticket).toMatchObject({ status: "closed", csat: { score: 5 } });
    expect(t.body.messages.filter((m: { body: string }) => m.body.includes("rated this conversation"))).toHaveLength(1);
  });

  it("is off for a new account until turned on", async () => {
    const acc = await newAccount();
    expect((await call("GET", "/api/settings", { token: acc.token })).body.csat).toEqual({ enabled: false, aiResolved: false });
    const { ticketId } = (await inbound(acc.accountId, { channel: "sms", from: "+15550002222", text: "hi" })).body;
    await call("PATCH", `/api/tickets/${ticketId}`, { token: acc.token, body: { status: "closed" } });
    const t = await call("GET", `/api/tickets/${ticketId}`, { token: acc.token });
    expect(t.body.ticket.csatAskedAt).toBeUndefined();
    expect(t.body.messages).toHaveLength(1);
  });

  it("bulk close by a person surveys each ticket; the setting turns surveys off", async () => {
    const acc = await signup();
    const support = await addAgent(acc, "support");
    const a = (await inbound(acc.accountId, { channel: "email", from: "a@example.com", text: "one", threadId: "<b-1@x>" })).body.ticketId;
    const b = (await inbound(acc.accountId, { channel: "email", from: "b@example.com", text: "two", threadId: "<b-2@x>" })).body.ticketId;
    expect((await call("POST", "/api/tickets/bulk", { token: support.token, body: { ids: [a, b], set: { status: "closed" } } })).body.updated).toBe(2);
    for (const id of [a, b]) expect((await call("GET", `/api/tickets/${id}`, { token: acc.token })).body.ticket.csatAskedAt).toBeDefined();

    expect((await call("PUT", "/api/settings/csat", { token: acc.token, body: { enabled: false } })).status).toBe(200);
    const c = (await inbound(acc.accountId, { channel: "email", from: "c@example.com", text: "three", threadId: "<b-3@x>" })).body.ticketId;
    await call("PATCH", `/api/tickets/${c}`, { token: acc.token, body: { status: "closed" } });
    const t = await call("GET", `/api/tickets/${c}`, { token: acc.token });
    expect(t.body.ticket.csatAskedAt).toBeUndefined();
    expect(t.body.messages.some((m: { body: string }) => m.body.includes("How did we do"))).toBe(false);
  });
});
