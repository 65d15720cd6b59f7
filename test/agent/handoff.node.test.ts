// Handoff to Zendesk and Gorgias through the adapters the account's connected credentials build, against loopback fake helpdesks.
import { createServer } from "node:http";
import { afterEach, describe, expect, it } from "vitest";

import { detectLanguage } from "../../src/agent/language.ts";
import { handoffClosingMessage, handoffTicket, sendToHelpdesk, type HandoffRequest } from "../../src/agent/handoffTicket.ts";
import { providersFor } from "../../src/integrations/registry.ts";
import { inOrder, startFakeServer, type FakeServer } from "../integrations/fakeServer.ts";

const t0 = Date.parse("2026-11-20T14:02:11.000Z");
const request: HandoffRequest = {
  transcript: [
    { author: "customer", text: "My rain jacket arrived with a torn sleeve.", at: t0 },
    { author: "ai", text: "I'm sorry! Would you like me to connect you with someone from our team?", at: t0 + 2000 },
    { author: "system", text: "The shopper asked for an agent.", at: t0 + 19_000 },
  ],
  requester: { email: "shopper@example.com", name: "Sam Shopper" },
  profileId: "prof_sam",
  channel: "webchat",
  ticketId: "tkt_123",
};

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The connected credentials point at the real hosts; this fetch sends them to the loopback fake instead. */
function toFake(host: string): typeof fetch {
  return (input, init) => fetch(String(input instanceof Request ? input.url : input).replace(host, server!.url), init);
}

describe("handoff ticket", () => {
  it("carries the transcript with ISO timestamps, the requester, profile id and the Edgedesk ticket id", () => {
    expect(handoffTicket(request)).toEqual({
      subject: "My rain jacket arrived with a torn sleeve.",
      transcript: [
        { author: "customer", body: "My rain jacket arrived with a torn sleeve.", createdAt: "2026-11-20T14:02:11.000Z" },
        { author: "ai", body: "I'm sorry! Would you like me to connect you with someone from our team?", createdAt: "2026-11-20T14:02:13.000Z" },
        { author: "system", body: "The shopper asked for an agent.", createdAt: "2026-11-20T14:02:30.000Z" },
      ],
      requester: { email: "shopper@example.com", name: "Sam Shopper" },
      profileId: "prof_sam",
      channel: "webchat",
      tags: [],
      externalId: "tkt_123",
    });
  });

  it("shortens a long first message for the subject", () => {
    const long = { ...request, transcript: [{ author: "customer" as const, text: "x".repeat(200), at: t0 }] };
    expect(handoffTicket(long).subject).toHaveLength(80);
  });
});

describe("sendToHelpdesk", () => {
  it("creates a Zendesk ticket with the transcript through the connected Zendesk adapter", async () => {
    server = await startFakeServer(createServer, inOrder({ status: 201, json: { ticket: { id: 35436 } } }));
    const providers = providersFor([{ kind: "zendesk", credentials: { subdomain: "northwind", email: "ops@northwind.example", apiToken: "tok_123" } }], { fetch: toFake("https://northwind.zendesk.com") });

    const outcome = await sendToHelpdesk(providers.helpdesk, "zendesk", request);

    expect(outcome).toEqual({ platform: "zendesk", externalId: "35436", url: "https://northwind.zendesk.com/agent/tickets/35436" });
    const req = server.requests[0]!;
    expect(req.path).toBe("/api/v2/tickets.json");
    expect(req.headers["authorization"]).toBe(`Basic ${Buffer.from("ops@northwind.example/token:tok_123").toString("base64")}`);
    const ticket = (req.json as { ticket: { subject: string; comment: { body: string }; requester: unknown; external_id: string } }).ticket;
    expect(ticket.subject).toBe("My rain jacket arrived with a torn sleeve.");
    expect(ticket.requester).toEqual({ name: "Sam Shopper", email: "shopper@example.com" });
    expect(ticket.external_id).toBe("tkt_123");
    expect(ticket.comment.body).toContain("Profile: prof_sam");
    expect(ticket.comment.body).toContain("[2026-11-20T14:02:11.000Z] Sam Shopper: My rain jacket arrived with a torn sleeve.");
    expect(ticket.comment.body).toContain("[2026-11-20T14:02:13.000Z] AI agent: I'm sorry!");
  });

  it("creates a Gorgias ticket through the connected Gorgias adapter", async () => {
    server = await startFakeServer(createServer, inOrder({ status: 201, json: { id: 9921 } }));
    const providers = providersFor([{ kind: "gorgias", credentials: { domain: "northwind", email: "ops@northwind.example", apiKey: "key_456" } }], { fetch: toFake("https://northwind.gorgias.com") });

    const outcome = await sendToHelpdesk(providers.helpdesk, "gorgias", { ...request, channel: "sms", requester: { email: "alex@example.com" } });

    expect(outcome).toEqual({ platform: "gorgias", externalId: "9921", url: "https://northwind.gorgias.com/app/ticket/9921" });
    const body = server.requests[0]!.json as { customer: unknown; external_id: string; tags: { name: string }[]; messages: { body_text: string; created_datetime: string }[] };
    expect(server.requests[0]!.path).toBe("/api/tickets");
    expect(body.customer).toEqual({ email: "alex@example.com", name: "alex" });
    expect(body.external_id).toBe("tkt_123");
    expect(body.tags.map((t) => t.name)).toContain("edgedesk-sms");
    expect(body.messages[0]!.created_datetime).toBe("2026-11-20T14:02:11.000Z");
    expect(body.messages[0]!.body_text).toContain("(SMS)");
  });

  it("reports a platform that isn't connected as null, without calling anything", async () => {
    const providers = providersFor([{ kind: "demo", credentials: {} }]);
    expect(await sendToHelpdesk(providers.helpdesk, "zendesk", request)).toBeNull();
    expect(await sendToHelpdesk(undefined, "gorgias", request)).toBeNull();
  });

  it("passes the helpdesk's refusal on as an IntegrationError", async () => {
    server = await startFakeServer(createServer, inOrder({ status: 401, json: { error: "Couldn't authenticate you" } }));
    const providers = providersFor([{ kind: "zendesk", credentials: { subdomain: "northwind", email: "ops@northwind.example", apiToken: "bad" } }], { fetch: toFake("https://northwind.zendesk.com") });
    await expect(sendToHelpdesk(providers.helpdesk, "zendesk", request)).rejects.toMatchObject({ name: "IntegrationError", code: "unauthorized" });
  });
});

describe("closing messages", () => {
  it("moves web chat to email and keeps SMS on SMS for Zendesk and Gorgias", () => {
    expect(handoffClosingMessage("zendesk", "webchat", "sam@example.com")).toBe(
      "Thanks! I've passed our conversation to our support team. A human will follow up by email at sam@example.com, so you can close this chat now.",
    );
    expect(handoffClosingMessage("gorgias", "sms")).toBe("Thanks! I've passed our conversation to our support team. A human will follow up by SMS.");
    expect(handoffClosingMessage("gorgias", "email")).toContain("follow up by email");
  });

  it("keeps the built-in helpdesk in the same conversation", () => {
    expect(handoffClosingMessage("builtin", "webchat")).toBe("Thanks! I've passed our conversation to our team. Someone will join this chat as soon as they're available.");
    expect(handoffClosingMessage("builtin", "sms")).toContain("reply to you here");
  });

  it("speaks the conversation's language, in all seven", () => {
    expect(handoffClosingMessage("builtin", "webchat", undefined, "es")).toBe("¡Gracias! He pasado nuestra conversación a nuestro equipo. Alguien se unirá a este chat en cuanto esté disponible.");
    expect(handoffClosingMessage("zendesk", "webchat", "sam@example.com", "de")).toBe(
      "Danke! Ich habe unser Gespräch an unser Support-Team weitergegeben. Ein Mensch meldet sich per E-Mail unter sam@example.com, Sie können diesen Chat also jetzt schließen.",
    );
    expect(handoffClosingMessage("gorgias", "sms", undefined, "fr")).toBe("Merci ! J'ai transmis notre conversation à notre service client. Une personne vous répondra par SMS.");
    const platforms = ["builtin", "zendesk", "gorgias"] as const;
    const channels = ["webchat", "email", "sms", "whatsapp", "instagram"] as const;
    for (const lang of ["es", "fr", "de", "it", "pt", "nl"] as const) {
      for (const platform of platforms) {
        for (const channel of channels) {
          const text = handoffClosingMessage(platform, channel, "sam@example.com", lang);
          expect(text, `${platform}/${channel}/${lang}`).not.toBe(handoffClosingMessage(platform, channel, "sam@example.com", "en"));
          expect(text).not.toMatch(/\{\w+\}/);
          expect(detectLanguage(text), text).toBe(lang);
        }
      }
    }
  });
});
