// The web-chat follow-up email: a reply the shopper's widget missed goes out by email 3 minutes later, once per
// conversation, only to a shopper who gave an email and did not come back (src/chat/followUp.ts).
import { evictDurableObject, runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { leave, later, notes, openWidget, reply, setup } from "./followUpKit.ts";

describe("web-chat follow-up email", () => {
  it("emails a reply the shopper missed once, 3 minutes later, with a link back to the page", async () => {
    const ctx = await setup();
    await leave(await openWidget(ctx.conv));
    await reply(ctx.shop, ctx.conv.ticketId, "Your boots ship tomorrow.");
    // An alarm before the 3 minutes sends nothing.
    await runDurableObjectAlarm(ctx.stub);
    expect(ctx.sent).toHaveLength(0);

    await later(ctx);
    expect(ctx.sent).toHaveLength(1);
    expect(ctx.sent[0]!.To).toBe("ada@example.com");
    expect(ctx.sent[0]!.TextBody).toContain("Your boots ship tomorrow.");
    expect(ctx.sent[0]!.TextBody).toContain(`https://shop.example/products/boots?size=9&edgedesk_chat=${ctx.conv.conversationId}`);
    expect(await notes(ctx.shop, ctx.conv.ticketId)).toEqual(["Follow-up email sent to ada@example.com."]);

    // At most once per conversation: a later missed reply is not emailed.
    await reply(ctx.shop, ctx.conv.ticketId, "Anything else?");
    await later(ctx);
    expect(ctx.sent).toHaveLength(1);
  });

  it("sends nothing when the shopper came back before the 3 minutes", async () => {
    const ctx = await setup();
    await leave(await openWidget(ctx.conv));
    await reply(ctx.shop, ctx.conv.ticketId, "Are you still there?");
    const back = await openWidget(ctx.conv);
    await back.waitFor((f) => f.type === "message" && f.message.body === "Are you still there?");
    await later(ctx);
    expect(ctx.sent).toHaveLength(0);
    expect(await notes(ctx.shop, ctx.conv.ticketId)).toEqual([]);
    back.ws.close(1000, "bye");
  });

  it("sends nothing to a shopper who gave no email, nor for a reply the open widget showed", async () => {
    const anonymous = await setup({ email: null });
    await leave(await openWidget(anonymous.conv));
    await reply(anonymous.shop, anonymous.conv.ticketId, "Hello?");
    await later(anonymous);
    expect(anonymous.sent).toHaveLength(0);

    const watching = await setup();
    const sock = await openWidget(watching.conv);
    await reply(watching.shop, watching.conv.ticketId, "Seen live");
    await sock.waitFor((f) => f.type === "message" && f.message.body === "Seen live");
    await leave(sock);
    await later(watching);
    expect(watching.sent).toHaveLength(0);
  });

  it("survives an actor restart between the reply and the email", async () => {
    const ctx = await setup();
    await leave(await openWidget(ctx.conv));
    await reply(ctx.shop, ctx.conv.ticketId, "Refund issued.");
    await evictDurableObject(ctx.stub);
    await later(ctx);
    expect(ctx.sent.map((m) => m.TextBody.split("\n\n")[0])).toEqual(["Refund issued."]);
  });

  it("links to the account's site when the page is from elsewhere, and notes when no email sender is connected", async () => {
    const ctx = await setup();
    await leave(await openWidget(ctx.conv, encodeURIComponent("https://evil.example/login")));
    await reply(ctx.shop, ctx.conv.ticketId, "Here is your order.");
    await later(ctx);
    expect(ctx.sent[0]!.TextBody).toContain(`https://shop.example/?edgedesk_chat=${ctx.conv.conversationId}`);
    expect(ctx.sent[0]!.TextBody).not.toContain("evil.example");

    const unconnected = await setup({ postmark: false });
    await leave(await openWidget(unconnected.conv));
    await reply(unconnected.shop, unconnected.conv.ticketId, "Hello again");
    await later(unconnected);
    expect(unconnected.sent).toHaveLength(0);
    expect(await notes(unconnected.shop, unconnected.conv.ticketId)).toEqual(["Follow-up email not sent to ada@example.com: no email sender is connected (Postmark)."]);
  });
});
