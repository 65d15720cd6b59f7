import { describe, expect, it } from "vitest";
import { accountIdFromRecipient, handleInboundEmail } from "../../src/channels/emailHandler.ts";
import { env } from "cloudflare:workers";
import { call, signup } from "../helpers.ts";

describe("inbound email through the Worker's email() handler", () => {
  it("routes support+<account>@ addresses to the account and threads replies", async () => {
    const acc = await signup();
    const to = `support+${acc.accountId}@shop.example`;
    const first = ["From: Lee Chan <lee@example.com>", `To: ${to}`, "Subject: Gift wrap?", "Message-ID: <gw-1@example.com>", "", "Can you gift wrap order 1051?"].join("\r\n");
    expect(await handleInboundEmail(env, { from: "lee@example.com", to, raw: first })).toBeNull();
    // A provider retry of the same message changes nothing.
    expect(await handleInboundEmail(env, { from: "lee@example.com", to, raw: first })).toBeNull();
    const reply = ["From: Lee Chan <lee@example.com>", `To: ${to}`, "Subject: Re: Gift wrap?", "Message-ID: <gw-2@example.com>", "In-Reply-To: <gw-1@example.com>", "", "Also a card please."].join("\r\n");
    await handleInboundEmail(env, { from: "lee@example.com", to, raw: reply });
    const list = await call("GET", "/api/tickets?view=all&channel=email", { token: acc.token });
    expect(list.body.items).toHaveLength(1);
    const t = await call("GET", `/api/tickets/${list.body.items[0].id}`, { token: acc.token });
    expect(t.body.messages.map((m: { body: string }) => m.body)).toEqual(["Can you gift wrap order 1051?", "Also a card please."]);
  });

  it("refuses mail for unknown mailboxes", async () => {
    expect(await handleInboundEmail(env, { from: "x@example.com", to: "nobody@shop.example", raw: "Subject: hi\r\n\r\nhello" })).toBe("Unknown mailbox");
    expect(accountIdFromRecipient("support+acc_123@shop.example")).toBe("acc_123");
    expect(accountIdFromRecipient("demo@shop.example")).toBe("demo");
  });
});
