// The follow-up email's link on another device: its single-use resume token is exchanged for a visitor token of that
// conversation (POST /api/chat/conversations/:id/resume, src/chat/resume.ts), and for nothing else.
import { env } from "cloudflare:workers";
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { TicketActor } from "../../durable-objects/ticket.ts";
import { identityHash } from "../../src/chat/identity.ts";
import { issueResumeToken, RESUME_TTL_MS, verifyResumeToken } from "../../src/chat/resume.ts";
import { verifyVisitor } from "../../src/chat/visitor.ts";
import { csatLink } from "../../src/csat/links.ts";
import { call, chatSay, signup, startChat, type TestAccount } from "../helpers.ts";
import { later, leave, openWidget, reply, setup, type Conversation } from "./followUpKit.ts";

const SHOP = { Origin: "https://shop.example" };

interface Resumed {
  conversationId: string;
  ticketId: string;
  visitorToken: string;
  verified: boolean;
}

/** A 200's body, or the API's error shape. */
type Answer = Resumed & { error: { code: string; message: string; issues?: { path: string }[] } };

function exchange(conversationId: string, resumeToken: string, opts: { headers?: Record<string, string>; visitor?: Record<string, string> } = {}) {
  const body = { resumeToken, ...(opts.visitor ? { visitor: opts.visitor } : {}) };
  return call<Answer>("POST", `/api/chat/conversations/${conversationId}/resume`, { body, headers: opts.headers ?? SHOP });
}

function thread(conv: { conversationId: string; visitorToken: string }) {
  return call<{ items: { body: string; author: string }[] }>("GET", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": conv.visitorToken } });
}

/** The shopper leaves, the agent replies, 3 minutes pass: the follow-up email's link, and its parts. */
async function emailedLink() {
  const ctx = await setup();
  await leave(await openWidget(ctx.conv));
  await reply(ctx.shop, ctx.conv.ticketId, "Your boots ship tomorrow.");
  await later(ctx);
  const link = new URL(/Continue the conversation: (\S+)/.exec(ctx.sent[0]?.TextBody ?? "")?.[1] ?? "");
  return { ...ctx, link, token: link.searchParams.get("edgedesk_resume") ?? "" };
}

describe("resuming a web chat from the follow-up email's link", () => {
  it("links with a resume token for the conversation that a phone exchanges once for the thread with the missed reply", async () => {
    const ctx = await emailedLink();
    expect(ctx.link.origin + ctx.link.pathname).toBe("https://shop.example/products/boots");
    expect(ctx.link.searchParams.get("edgedesk_chat")).toBe(ctx.conv.conversationId);
    expect(await verifyResumeToken(env, ctx.token, ctx.conv.conversationId)).toMatchObject({ kind: "chat_resume", conv: ctx.conv.conversationId, acc: ctx.shop.accountId });

    const res = await exchange(ctx.conv.conversationId, ctx.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ conversationId: ctx.conv.conversationId, ticketId: ctx.conv.ticketId, verified: false });
    expect(res.body.visitorToken).not.toBe(ctx.conv.visitorToken);
    const seen = await thread(res.body);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((m) => m.body)).toContain("Your boots ship tomorrow.");
    expect((await chatSay(res.body, "Thanks, I'm on my phone now")).status).toBe(201);

    // The same link again (forwarded, or opened on a third device): refused, and nothing changes.
    const before = (await thread(res.body)).body.items.length;
    const again = await exchange(ctx.conv.conversationId, ctx.token);
    expect(again.status).toBe(410);
    expect(again.body).toEqual({ error: { code: "gone", message: expect.any(String) } });
    expect((await thread(res.body)).body.items.length).toBe(before);
    expect((await thread(ctx.conv)).status).toBe(200);
  });

  it("still refuses a used token after the ticket actor restarts", async () => {
    const ctx = await emailedLink();
    expect((await exchange(ctx.conv.conversationId, ctx.token)).status).toBe(200);
    await evictDurableObject(ctx.stub);
    const again = await exchange(ctx.conv.conversationId, ctx.token);
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe("gone");
  });

  it("refuses expired, tampered, CSAT, visitor and other conversations' tokens and disallowed sites, without using the token up", async () => {
    const ctx = await emailedLink();
    const id = ctx.conv.conversationId;
    const expired = await issueResumeToken(env, ctx.shop.accountId, id, Date.now() - RESUME_TTL_MS - 1_000);
    const [body, sig] = ctx.token.split(".") as [string, string];
    const tampered = `${body}.${sig.slice(0, -2)}${sig.endsWith("AA") ? "BB" : "AA"}`;
    const forged = `${btoa(JSON.stringify({ kind: "chat_resume", acc: ctx.shop.accountId, conv: id, jti: "x", exp: Date.now() + 60_000 })).replace(/=+$/, "")}.${sig}`;
    const csat = new URL(await csatLink(env, "https://edgedesk.test", ctx.shop.accountId, id)).pathname.split("/").pop() ?? "";
    for (const [what, token] of [["expired", expired], ["tampered", tampered], ["forged claims", forged], ["a CSAT token", csat], ["a visitor token", ctx.conv.visitorToken]] as const) {
      const res = await exchange(id, token);
      expect(res.status, what).toBe(401);
      expect(res.body.error.code, what).toBe("unauthorized");
    }
    // Another conversation's token does not say whether this one exists.
    const other = await startChat(ctx.shop.accountId);
    const theirs = await issueResumeToken(env, ctx.shop.accountId, other.conversationId);
    expect((await exchange(id, theirs)).status).toBe(404);
    // The browser's Origin must be a site the shop lets embed its chat, as on every chat route.
    const elsewhere = await exchange(id, ctx.token, { headers: { Origin: "https://evil.example" } });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe("forbidden");
    // The resume token is no visitor token either.
    expect((await thread({ conversationId: id, visitorToken: ctx.token })).status).toBe(401);

    expect((await exchange(id, ctx.token)).status).toBe(200);
  });

  it("refuses to resume an erased conversation", async () => {
    const ctx = await emailedLink();
    await ctx.stub.erase();
    const res = await exchange(ctx.conv.conversationId, ctx.token);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });
});

describe("resuming a signed-in shopper's conversation", () => {
  let shop: TestAccount;
  let secret: string;
  const signed = async (externalId: string, email?: string) => ({ externalId, ...(email ? { email } : {}), identityHash: await identityHash(secret, externalId, email) });
  beforeAll(async () => {
    shop = await signup();
    expect((await call("PUT", "/api/settings/widget", { token: shop.token, body: { allowedOrigins: ["https://shop.example"] } })).status).toBe(200);
    const row = await env.DB.prepare("SELECT identity_secret FROM accounts WHERE id = ?").bind(shop.accountId).first<{ identity_secret: string }>();
    secret = row?.identity_secret ?? "";
  });

  it("resumes only on a page that proves the same shopper, and never lets a guest or another shopper in", async () => {
    const conv: Conversation = await startChat(shop.accountId, await signed("cust_ada", "ada@example.com"));
    const token = await issueResumeToken(env, shop.accountId, conv.conversationId);
    const refusals = [undefined, await signed("cust_bob", "bob@example.com"), { externalId: "cust_ada", identityHash: "0".repeat(64) }];
    for (const visitor of refusals) {
      const res = await exchange(conv.conversationId, token, visitor ? { visitor } : {});
      expect(res.status, JSON.stringify(visitor)).toBe(403);
      expect(res.body.error).toMatchObject({ code: "forbidden", issues: [{ path: "visitor" }] });
    }
    // The refusals did not use the link up: signed in as Ada, it works.
    const res = await exchange(conv.conversationId, token, { visitor: await signed("cust_ada", "ada@example.com") });
    expect(res.status).toBe(200);
    expect(res.body.verified).toBe(true);
    expect((await verifyVisitor(env, res.body.visitorToken, conv.conversationId)).ext).toBe("cust_ada");
  });

  it("forgets who the shop signed when the customer is erased: no email, id or mark stays in the actor", async () => {
    const conv: Conversation = await startChat(shop.accountId, await signed("cust_erin", "erin@example.com"));
    await call("POST", `/api/chat/conversations/${conv.conversationId}/messages`, { body: { text: "where is my parcel" }, headers: { "X-Visitor-Token": conv.visitorToken, Origin: "https://shop.example" } });
    const stub = env.TICKET.get(env.TICKET.idFromName(`${shop.accountId}:${conv.ticketId}`));
    const marks = () => runInDurableObject(stub, (_i: TicketActor, state) => state.storage.sql.exec<{ key: string; value: string }>("SELECT key, value FROM meta WHERE key LIKE 'verified%'").toArray());
    expect((await marks()).map((m) => m.value).sort()).toEqual(["1", "cust_erin", "erin@example.com"]);
    const profileId = (await call("GET", `/api/tickets/${conv.ticketId}`, { token: shop.token })).body.ticket.customer.profileId as string;
    expect((await call("DELETE", `/api/profiles/${profileId}`, { token: shop.token })).status).toBe(204);
    expect(await marks()).toEqual([]);
  });

  it("keeps a guest's conversation a guest's when a signed-in page resumes it", async () => {
    const conv: Conversation = await startChat(shop.accountId, { email: "guest@example.com" });
    const token = await issueResumeToken(env, shop.accountId, conv.conversationId);
    const res = await exchange(conv.conversationId, token, { visitor: await signed("cust_ada", "ada@example.com") });
    expect(res.status).toBe(200);
    expect(res.body.verified).toBe(false);
    expect((await verifyVisitor(env, res.body.visitorToken, conv.conversationId)).ext).toBeUndefined();
    const stub = env.TICKET.get(env.TICKET.idFromName(`${shop.accountId}:${conv.ticketId}`));
    const verified = await runInDurableObject(stub, (_i: TicketActor, state) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM meta WHERE key LIKE 'verified%'").one().n);
    expect(verified).toBe(0);
  });
});
