// Handoff with the account's connected helpdesk: the setting's check that Zendesk/Gorgias are connected, and the ticket created there.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { assertHandoffConnected, handoffToPlatform, type HandoffRequest } from "../../src/agent/handoff.ts";
import { AppError } from "../../src/lib/errors.ts";
import { call, signup } from "../helpers.ts";
import { fakeHelpdesk } from "./helpers.ts";

const zendesk = { subdomain: "northwind", email: "ops@northwind.example", apiToken: "zd_token_0123456789" };
const gorgias = { domain: "northwind", email: "ops@northwind.example", apiKey: "gorgias_key_0123456789" };

const request: HandoffRequest = {
  transcript: [
    { author: "customer", text: "Where is my refund for #1032?", at: Date.parse("2026-11-20T10:00:00.000Z") },
    { author: "ai", text: "Would you like me to connect you with someone from our team?", at: Date.parse("2026-11-20T10:00:02.000Z") },
  ],
  requester: { email: "emma.schmidt@example.com", name: "Emma Schmidt" },
  profileId: "prof_emma",
  channel: "webchat",
  ticketId: "tkt_emma",
};

describe("assertHandoffConnected", () => {
  it("always accepts the built-in helpdesk", async () => {
    const shop = await signup();
    await expect(assertHandoffConnected(env, shop.accountId, "builtin")).resolves.toBeUndefined();
  });

  it("refuses Zendesk or Gorgias until they are connected, naming what to connect", async () => {
    const shop = await signup();
    const err = await assertHandoffConnected(env, shop.accountId, "zendesk").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "conflict", message: "Connect Zendesk before handing conversations off to it", issues: [{ path: "platform" }] });
    await call("PUT", "/api/integrations/zendesk", { token: shop.token, body: zendesk });
    await expect(assertHandoffConnected(env, shop.accountId, "zendesk")).resolves.toBeUndefined();
    await expect(assertHandoffConnected(env, shop.accountId, "gorgias")).rejects.toMatchObject({ code: "conflict" });
  });

  it("looks only at the shop's own integrations", async () => {
    const a = await signup();
    const b = await signup();
    await call("PUT", "/api/integrations/gorgias", { token: a.token, body: gorgias });
    await expect(assertHandoffConnected(env, b.accountId, "gorgias")).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("handoffToPlatform", () => {
  it("creates the Zendesk ticket with the connected credentials, transcript, email and profile id", async () => {
    const shop = await signup();
    await call("PUT", "/api/integrations/zendesk", { token: shop.token, body: zendesk });
    const fake = fakeHelpdesk(201, { ticket: { id: 501 } });

    const outcome = await handoffToPlatform(env, shop.accountId, "zendesk", request, { fetch: fake.fetch });

    expect(outcome).toEqual({ platform: "zendesk", externalId: "501", url: "https://northwind.zendesk.com/agent/tickets/501" });
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.url).toBe("https://northwind.zendesk.com/api/v2/tickets.json");
    expect(sent.authorization).toBe(`Basic ${btoa("ops@northwind.example/token:zd_token_0123456789")}`);
    const body = sent.body as { ticket: { comment: { body: string }; requester: unknown; external_id: string } };
    expect(body.ticket.requester).toEqual({ name: "Emma Schmidt", email: "emma.schmidt@example.com" });
    expect(body.ticket.external_id).toBe("tkt_emma");
    expect(body.ticket.comment.body).toContain("Profile: prof_emma");
    expect(body.ticket.comment.body).toContain("[2026-11-20T10:00:00.000Z] Emma Schmidt: Where is my refund for #1032?");
  });

  it("creates the Gorgias ticket", async () => {
    const shop = await signup();
    await call("PUT", "/api/integrations/gorgias", { token: shop.token, body: gorgias });
    const fake = fakeHelpdesk(201, { id: 77 });
    const outcome = await handoffToPlatform(env, shop.accountId, "gorgias", request, { fetch: fake.fetch });
    expect(outcome).toMatchObject({ platform: "gorgias", externalId: "77" });
    expect(fake.requests[0]!.url).toBe("https://northwind.gorgias.com/api/tickets");
  });

  it("answers 409 when the platform isn't connected and 502 when it refuses", async () => {
    const shop = await signup();
    await expect(handoffToPlatform(env, shop.accountId, "gorgias", request)).rejects.toMatchObject({ code: "conflict" });
    await call("PUT", "/api/integrations/zendesk", { token: shop.token, body: zendesk });
    const refusing = fakeHelpdesk(401, { error: "Couldn't authenticate you" });
    await expect(handoffToPlatform(env, shop.accountId, "zendesk", request, { fetch: refusing.fetch })).rejects.toMatchObject({ code: "bad_gateway", status: 502 });
  });

  it("needs the shopper's email", async () => {
    const shop = await signup();
    await call("PUT", "/api/integrations/zendesk", { token: shop.token, body: zendesk });
    await expect(handoffToPlatform(env, shop.accountId, "zendesk", { ...request, requester: { email: "" } })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
