import { createServer } from "node:http";
import { afterEach, describe, expect, it } from "vitest";

import { createGorgiasHelpdesk } from "../../src/integrations/gorgias.ts";
import type { HandoffTicket } from "../../src/integrations/types.ts";
import { inOrder, startFakeServer } from "./fakeServer.ts";
import type { FakeServer } from "./fakeServer.ts";

const handoff: HandoffTicket = {
  subject: "Wants to swap jacket size",
  transcript: [
    { author: "customer", body: "Can I swap my jacket for a <L>?", createdAt: "2026-11-20T09:15:00.000Z" },
    { author: "ai", body: "I can't change sizes after shipping.\nA teammate can help.", createdAt: "2026-11-20T09:15:02.000Z" },
  ],
  requester: { email: "alex@example.com", name: "Alex Rivera" },
  profileId: "prof_02",
  channel: "webchat",
  tags: ["exchange"],
};

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("Gorgias handoff", () => {
  it("creates an API-channel ticket whose one incoming message carries the transcript, with Basic email:apiKey auth", async () => {
    server = await startFakeServer(createServer, inOrder({ status: 201, json: { id: 9921, uri: "/api/tickets/9921/", status: "open", channel: "api" } }));
    const gorgias = createGorgiasHelpdesk({ domain: "northwind", email: "ops@northwind.example", apiKey: "key_456", baseUrl: server.url });

    const created = await gorgias.createTicket(handoff);

    expect(created).toEqual({ externalId: "9921", url: `${server.url}/app/ticket/9921` });
    const req = server.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/api/tickets");
    expect(req.headers["authorization"]).toBe(`Basic ${Buffer.from("ops@northwind.example:key_456").toString("base64")}`);
    expect(req.headers["content-type"]).toBe("application/json");
    const text = [
      "Conversation handed off by the Edgedesk AI agent (web chat).",
      "Customer: Alex Rivera <alex@example.com>",
      "Profile: prof_02",
      "",
      "[2026-11-20T09:15:00.000Z] Alex Rivera: Can I swap my jacket for a <L>?",
      "[2026-11-20T09:15:02.000Z] AI agent: I can't change sizes after shipping.\nA teammate can help.",
    ].join("\n");
    const html = [
      "<p>Conversation handed off by the Edgedesk AI agent (web chat).</p>",
      "<p>Customer: Alex Rivera &lt;alex@example.com&gt;</p>",
      "<p>Profile: prof_02</p>",
      "<hr>",
      "<p><strong>[2026-11-20T09:15:00.000Z] Alex Rivera:</strong> Can I swap my jacket for a &lt;L&gt;?</p>",
      "<p><strong>[2026-11-20T09:15:02.000Z] AI agent:</strong> I can&#39;t change sizes after shipping.<br>A teammate can help.</p>",
    ].join("\n");
    expect(req.json).toEqual({
      customer: { email: "alex@example.com", name: "Alex Rivera" },
      subject: "Wants to swap jacket size",
      channel: "api",
      via: "api",
      from_agent: false,
      tags: [{ name: "edgedesk" }, { name: "ai-handoff" }, { name: "edgedesk-webchat" }, { name: "exchange" }],
      messages: [
        {
          channel: "api",
          via: "api",
          from_agent: false,
          sender: { email: "alex@example.com", name: "Alex Rivera" },
          subject: "Wants to swap jacket size",
          body_text: text,
          body_html: html,
          created_datetime: "2026-11-20T09:15:00.000Z",
        },
      ],
    });
  });

  it("passes the Edgedesk conversation id as external_id", async () => {
    server = await startFakeServer(createServer, inOrder({ status: 201, json: { id: 1 } }));
    const gorgias = createGorgiasHelpdesk({ domain: "northwind", email: "ops@northwind.example", apiKey: "k", baseUrl: server.url });

    await gorgias.createTicket({ ...handoff, externalId: "tkt_xyz" });

    expect(server.requests[0]!.json).toMatchObject({ external_id: "tkt_xyz" });
  });

  it("reports a revoked API key as unauthorized and a missing response id as upstream", async () => {
    server = await startFakeServer(createServer, inOrder({ status: 401, json: { error: { msg: "Unauthorized" } } }, { status: 201, json: { ok: true } }));
    const gorgias = createGorgiasHelpdesk({ domain: "northwind", email: "ops@northwind.example", apiKey: "k", baseUrl: server.url });

    await expect(gorgias.createTicket(handoff)).rejects.toMatchObject({ provider: "gorgias", code: "unauthorized", details: ["Unauthorized"] });
    await expect(gorgias.createTicket(handoff)).rejects.toMatchObject({ provider: "gorgias", code: "upstream" });
  });

  it("reports throttling as rate_limited", async () => {
    server = await startFakeServer(createServer, inOrder({ status: 429, headers: { "Retry-After": "5" }, json: { error: "Too many requests" } }));
    const gorgias = createGorgiasHelpdesk({ domain: "northwind", email: "ops@northwind.example", apiKey: "k", baseUrl: server.url });

    await expect(gorgias.createTicket(handoff)).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 5 });
  });
});
