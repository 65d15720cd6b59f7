import { createServer } from "node:http";
import { afterEach, describe, expect, it } from "vitest";

import { providersFor } from "../../src/integrations/registry.ts";
import { inOrder, startFakeServer } from "./fakeServer.ts";
import type { FakeServer } from "./fakeServer.ts";

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Sends what the adapter meant for the provider's real host to the loopback fake instead, remembering the intended URL.
function redirectTo(fake: FakeServer, intended: string[]): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    intended.push(url.href);
    return fetch(`${fake.url}${url.pathname}${url.search}`, init);
  };
}

describe("providersFor wiring", () => {
  it("builds adapters that call the providers' production hosts with the stored credentials", async () => {
    server = await startFakeServer(
      createServer,
      inOrder({ status: 201, json: { ticket: { id: 1 } } }, { status: 201, json: { id: 2 } }, { json: { customers: [] } }, { json: { data: { orders: { nodes: [] } } } }),
    );
    const intended: string[] = [];
    const providers = providersFor(
      [
        { kind: "zendesk", credentials: { subdomain: "northwind", email: "ops@northwind.example", apiToken: "zd" } },
        { kind: "gorgias", credentials: { domain: "northwind", email: "ops@northwind.example", apiKey: "gg" } },
        { kind: "recharge", credentials: { apiToken: "rc", storeUrl: "https://northwind.example" } },
        { kind: "shopify", credentials: { shop: "northwind", accessToken: "shpat" } },
      ],
      { fetch: redirectTo(server, intended) },
    );
    const ticket = {
      subject: "Help",
      transcript: [{ author: "customer" as const, body: "Hi", createdAt: "2026-11-20T12:00:00.000Z" }],
      requester: { email: "shopper@example.com" },
      channel: "webchat" as const,
    };

    await providers.helpdesk?.zendesk?.createTicket(ticket);
    await providers.helpdesk?.gorgias?.createTicket(ticket);
    await providers.subscriptions?.listSubscriptions({ email: "shopper@example.com" });
    await providers.orders?.findOrdersByCustomer({ email: "shopper@example.com" }, 5);

    expect(intended).toEqual([
      "https://northwind.zendesk.com/api/v2/tickets.json",
      "https://northwind.gorgias.com/api/tickets",
      "https://api.rechargeapps.com/customers?email=shopper%40example.com",
      "https://northwind.myshopify.com/admin/api/2025-01/graphql.json",
    ]);
    expect(server.requests.map((r) => r.headers["authorization"] ?? r.headers["x-recharge-access-token"] ?? r.headers["x-shopify-access-token"])).toEqual([
      `Basic ${Buffer.from("ops@northwind.example/token:zd").toString("base64")}`,
      `Basic ${Buffer.from("ops@northwind.example:gg").toString("base64")}`,
      "rc",
      "shpat",
    ]);
  });
});
