import { createServer } from "node:http";
import { afterEach, describe, expect, it } from "vitest";

import { IntegrationError } from "../../src/integrations/errors.ts";
import type { HandoffTicket } from "../../src/integrations/types.ts";
import { createZendeskHelpdesk } from "../../src/integrations/zendesk.ts";
import { inOrder, startFakeServer } from "./fakeServer.ts";
import type { FakeServer } from "./fakeServer.ts";

const handoff: HandoffTicket = {
  subject: "Order #1042 arrived damaged",
  transcript: [
    { author: "customer", body: "My rain jacket arrived with a torn sleeve.", createdAt: "2026-11-20T14:02:11.000Z" },
    { author: "ai", body: "Sorry about that! Would you like me to connect you with the team?", createdAt: "2026-11-20T14:02:13.000Z" },
    { author: "customer", body: "Yes please", createdAt: "2026-11-20T14:02:30.000Z" },
  ],
  requester: { email: "shopper@example.com", name: "Sam Shopper" },
  profileId: "prof_01",
  channel: "webchat",
  tags: ["Damaged item"],
  externalId: "tkt_abc",
};

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("Zendesk handoff", () => {
  it("creates a ticket with the transcript, requester and tags using API-token Basic auth", async () => {
    server = await startFakeServer(createServer, inOrder({ status: 201, json: { ticket: { id: 35436, url: "https://northwind.zendesk.com/api/v2/tickets/35436.json", status: "new" } } }));
    const zendesk = createZendeskHelpdesk({ subdomain: "northwind", email: "ops@northwind.example", apiToken: "tok_123", baseUrl: server.url });

    const created = await zendesk.createTicket(handoff);

    expect(created).toEqual({ externalId: "35436", url: `${server.url}/agent/tickets/35436` });
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/api/v2/tickets.json");
    expect(req.headers["authorization"]).toBe(`Basic ${Buffer.from("ops@northwind.example/token:tok_123").toString("base64")}`);
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.json).toEqual({
      ticket: {
        subject: "Order #1042 arrived damaged",
        comment: {
          body: [
            "Conversation handed off by the Edgedesk AI agent (web chat).",
            "Customer: Sam Shopper <shopper@example.com>",
            "Profile: prof_01",
            "",
            "[2026-11-20T14:02:11.000Z] Sam Shopper: My rain jacket arrived with a torn sleeve.",
            "[2026-11-20T14:02:13.000Z] AI agent: Sorry about that! Would you like me to connect you with the team?",
            "[2026-11-20T14:02:30.000Z] Sam Shopper: Yes please",
          ].join("\n"),
        },
        requester: { name: "Sam Shopper", email: "shopper@example.com" },
        tags: ["edgedesk", "ai_handoff", "edgedesk_webchat", "damaged_item"],
        external_id: "tkt_abc",
      },
    });
  });

  it("names a requester without a name after their email and leaves out external_id when there is none", async () => {
    server = await startFakeServer(createServer, inOrder({ status: 201, json: { ticket: { id: 7 } } }));
    const zendesk = createZendeskHelpdesk({ subdomain: "northwind", email: "ops@northwind.example", apiToken: "tok", baseUrl: server.url });
    const { externalId: _omit, ...withoutExternalId } = handoff;

    await zendesk.createTicket({ ...withoutExternalId, requester: { email: "alex@example.com" }, channel: "sms", tags: [] });

    const body = server.requests[0]!.json as { ticket: Record<string, unknown> };
    expect(body.ticket["requester"]).toEqual({ name: "alex", email: "alex@example.com" });
    expect(body.ticket["tags"]).toEqual(["edgedesk", "ai_handoff", "edgedesk_sms"]);
    expect(body.ticket).not.toHaveProperty("external_id");
  });

  it("reports a wrong API token as unauthorized", async () => {
    server = await startFakeServer(createServer, inOrder({ status: 401, json: { error: "Couldn't authenticate you" } }));
    const zendesk = createZendeskHelpdesk({ subdomain: "northwind", email: "ops@northwind.example", apiToken: "bad", baseUrl: server.url });

    const err = await zendesk.createTicket(handoff).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(IntegrationError);
    expect(err).toMatchObject({ provider: "zendesk", status: 401, code: "unauthorized" });
  });

  it("reports throttling as rate_limited with the Retry-After delay", async () => {
    server = await startFakeServer(createServer, inOrder({ status: 429, headers: { "Retry-After": "93" }, body: "Rate limited" }));
    const zendesk = createZendeskHelpdesk({ subdomain: "northwind", email: "ops@northwind.example", apiToken: "tok", baseUrl: server.url });

    await expect(zendesk.createTicket(handoff)).rejects.toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 93 });
  });

  it("reports a validation failure as rejected with Zendesk's description", async () => {
    server = await startFakeServer(createServer, inOrder({ status: 422, json: { error: "RecordInvalid", description: "Record validation errors", details: { requester: [{ description: "Requester: Email is invalid" }] } } }));
    const zendesk = createZendeskHelpdesk({ subdomain: "northwind", email: "ops@northwind.example", apiToken: "tok", baseUrl: server.url });

    await expect(zendesk.createTicket(handoff)).rejects.toMatchObject({ code: "rejected", details: ["Record validation errors"] });
  });

  it("reports an unreachable Zendesk as upstream with status 0", async () => {
    const zendesk = createZendeskHelpdesk({ subdomain: "northwind", email: "ops@northwind.example", apiToken: "tok", baseUrl: "http://127.0.0.1:9" });

    await expect(zendesk.createTicket(handoff)).rejects.toMatchObject({ code: "upstream", status: 0 });
  });
});
