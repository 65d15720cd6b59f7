// The follow-up email's test kit: a shop with Postmark and an allowed site, a chat, a fake Postmark and a clock the
// test moves — shared by test/chat/followUp.test.ts and test/chat/resume.test.ts.
import { env } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { expect } from "vitest";
import type { TicketActor } from "../../durable-objects/ticket.ts";
import { replaceSeams } from "../../src/actors/seams.ts";
import { FOLLOW_UP_DELAY_MS } from "../../src/chat/followUp.ts";
import { connect, settle } from "../durable-objects/socketClient.ts";
import { call, signup, startChat, type TestAccount } from "../helpers.ts";

export interface Conversation {
  conversationId: string;
  ticketId: string;
  visitorToken: string;
}

/** A shop with Postmark connected, a chat (with the shopper's email unless `email` is null), a fake Postmark and a clock the test moves. */
export async function setup(opts: { email?: string | null; postmark?: boolean } = {}) {
  const shop = await signup();
  if (opts.postmark !== false) {
    expect((await call("PUT", "/api/integrations/postmark", { token: shop.token, body: { serverToken: "pm-server-token-0123456789", fromAddress: "support@northwind.example" } })).status).toBe(200);
  }
  expect((await call("PUT", "/api/settings/widget", { token: shop.token, body: { allowedOrigins: ["https://shop.example"] } })).status).toBe(200);
  const email = opts.email === undefined ? "ada@example.com" : opts.email;
  const conv: Conversation = await startChat(shop.accountId, email ? { email, name: "Ada" } : undefined);
  const sent: { To: string; Subject: string; TextBody: string }[] = [];
  const clock = { at: Date.now() };
  const stub = env.TICKET.get(env.TICKET.idFromName(`${shop.accountId}:${conv.ticketId}`));
  await runInDurableObject(stub, (_instance: TicketActor, state) => {
    replaceSeams(state.id, {
      clock: { now: () => clock.at },
      integrations: {
        fetch: async (input, init) => {
          sent.push((await new Request(input, init).json()) as (typeof sent)[number]);
          return Response.json({ MessageID: `pm-${sent.length}` });
        },
      },
    });
  });
  return { shop, conv, sent, clock, stub };
}

export const PAGE = encodeURIComponent("https://shop.example/products/boots?size=9#reviews");

export async function openWidget(conv: Conversation, page = PAGE) {
  const sock = await connect(`/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}&page=${page}`);
  await sock.waitFor((f) => f.type === "ready");
  return sock;
}

export async function leave(sock: Awaited<ReturnType<typeof connect>>) {
  sock.ws.close(1000, "tab closed");
  await settle();
}

export async function reply(shop: TestAccount, ticketId: string, body: string) {
  expect((await call("POST", `/api/tickets/${ticketId}/replies`, { token: shop.token, body: { body } })).status).toBe(201);
}

export async function notes(shop: TestAccount, ticketId: string): Promise<string[]> {
  const t = await call<{ messages: { body: string; internal: boolean }[] }>("GET", `/api/tickets/${ticketId}`, { token: shop.token });
  return t.body.messages.filter((m) => m.internal && m.body.includes("Follow-up")).map((m) => m.body);
}

/** Moves the clock past the follow-up's time and runs the actor's alarm. */
export async function later(ctx: { clock: { at: number }; stub: DurableObjectStub<TicketActor> }) {
  ctx.clock.at += FOLLOW_UP_DELAY_MS + 1_000;
  await runDurableObjectAlarm(ctx.stub);
}
