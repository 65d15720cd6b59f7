import { createServer } from "node:http";
import { afterEach, describe, expect, it } from "vitest";

import { createLoopReturns, loopDateTime } from "../../src/integrations/returns/loop.ts";
import { startFakeServer } from "./fakeServer.ts";
import type { FakeServer } from "./fakeServer.ts";

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const now = Date.parse("2026-11-20T12:00:00.000Z");

function loopReturn(id: string, customer: string, createdAt: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    state: "open",
    created_at: createdAt,
    updated_at: createdAt,
    total: "63.30",
    outcome: "exchange",
    order_id: "98766312",
    order_name: "#1036",
    provider_order_id: "3248923479283",
    customer,
    currency: "USD",
    line_items: [
      { line_item_id: "293482039", sku: "NW-SS-S-SLT", title: "Alpine Softshell Jacket", price: "159.00", return_reason: "Too small", parent_return_reason: "Fit", outcome: "default" },
    ],
    ...extra,
  };
}

describe("Loop returns", () => {
  it("pages through the detailed returns list with the API key and keeps the shopper's returns, newest first", async () => {
    server = await startFakeServer(createServer, (req, s) => {
      if (req.query.get("cursor") === "page2") {
        return { json: { returns: [loopReturn("3", "ALEX@example.com", "2026-11-10T09:00:00.000Z", { state: "closed", outcome: "refund", line_items: [] })], nextPageUrl: null, previousPageUrl: `${s.url}/api/v1/warehouse/return/list` } };
      }
      return {
        json: {
          returns: [loopReturn("1", "alex@example.com", "2026-11-01T09:00:00.000Z"), loopReturn("2", "someone@example.com", "2026-11-02T09:00:00.000Z")],
          nextPageUrl: `${s.url}/api/v1/warehouse/return/list?cursor=page2`,
          previousPageUrl: null,
        },
      };
    });
    const loop = createLoopReturns({ apiKey: "loop_key", portalUrl: "https://northwind.loopreturns.com", baseUrl: `${server.url}/api/v1`, now: () => now });

    const returns = await loop.listReturns({ email: "Alex@Example.com" });

    const first = server.requests[0]!;
    expect(first.method).toBe("GET");
    expect(first.path).toBe("/api/v1/warehouse/return/list");
    expect(first.headers["x-authorization"]).toBe("loop_key");
    expect(Object.fromEntries(first.query)).toEqual({
      paginate: "true",
      pageSize: "250",
      from: "2026-07-23 12:00:00",
      to: "2026-11-20 12:00:00",
      filter: "created_at",
    });
    expect(server.requests[1]?.headers["x-authorization"]).toBe("loop_key");
    expect(returns).toEqual([
      { id: "3", orderName: "#1036", state: "closed", outcome: "refund", createdAt: "2026-11-10T09:00:00.000Z", items: [], total: { amount: 63.3, currency: "USD" } },
      {
        id: "1",
        orderName: "#1036",
        state: "open",
        outcome: "exchange",
        createdAt: "2026-11-01T09:00:00.000Z",
        items: [{ title: "Alpine Softshell Jacket", sku: "NW-SS-S-SLT", reason: "Too small" }],
        total: { amount: 63.3, currency: "USD" },
      },
    ]);
  });

  it("does not follow a next page on another host", async () => {
    server = await startFakeServer(createServer, () => ({ json: { returns: [], nextPageUrl: "https://evil.example/steal", previousPageUrl: null } }));
    const loop = createLoopReturns({ apiKey: "loop_key", portalUrl: "https://northwind.loopreturns.com", baseUrl: `${server.url}/api/v1`, now: () => now });

    expect(await loop.listReturns({ email: "alex@example.com" })).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("links every order to the shop's returns portal and offers the configured policy", () => {
    const loop = createLoopReturns({ apiKey: "k", portalUrl: "https://northwind.loopreturns.com", policySummary: "30 days, unworn." });
    const bare = createLoopReturns({ apiKey: "k", portalUrl: "https://northwind.loopreturns.com" });

    expect(loop.returnsPortalUrl({ number: "1036", name: "#1036", customerEmail: "alex@example.com" })).toBe("https://northwind.loopreturns.com");
    expect(loop.policySummary?.()).toBe("30 days, unworn.");
    expect(bare.policySummary).toBeUndefined();
  });

  it("reports a key without the Returns scope as unauthorized", async () => {
    server = await startFakeServer(createServer, () => ({ status: 401, json: { message: "Unauthorized" } }));
    const loop = createLoopReturns({ apiKey: "k", portalUrl: "https://northwind.loopreturns.com", baseUrl: server.url, now: () => now });

    await expect(loop.listReturns({ email: "alex@example.com" })).rejects.toMatchObject({ provider: "loop", code: "unauthorized" });
  });

  it("formats times the way Loop documents them", () => {
    expect(loopDateTime(Date.parse("2023-01-01T00:00:00.000Z"))).toBe("2023-01-01 00:00:00");
  });
});
