import { createServer } from "node:http";
import { afterEach, describe, expect, it } from "vitest";

import { createSmileLoyalty } from "../../src/integrations/loyalty/smile.ts";
import { startFakeServer } from "./fakeServer.ts";
import type { FakeHandler, FakeServer } from "./fakeServer.ts";

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const member = {
  id: 304169228,
  first_name: "Alex",
  last_name: "Rivera",
  email: "alex@example.com",
  state: "member",
  date_of_birth: "1004-05-27",
  points_balance: 1200,
  referral_url: "http://i.refs.cc/9qr5Pw",
  vip_tier_id: 426715794,
  vip_status: { vip_tier_id: 426715799, progress_value: 1650, next_vip_tier_id: null, delta_to_next_vip_tier: null },
  created_at: "2024-04-04T15:10:42.030Z",
  updated_at: "2025-04-04T15:10:42.030Z",
};

const routes: FakeHandler = (req) => {
  switch (req.path) {
    case "/v1/customers":
      return req.query.get("email") === "alex@example.com"
        ? { json: { customers: [{ ...member, id: 1, state: "disabled", points_balance: 0 }, member], metadata: { next_cursor: null, previous_cursor: "" } } }
        : { json: { customers: [], metadata: { next_cursor: null, previous_cursor: "" } } };
    case "/v1/vip_tiers":
      return { json: { vip_tiers: [{ id: 426715794, name: "Summit" }, { id: 426715799, name: "Alpine" }] } };
    case "/v1/points_products":
      return {
        json: {
          points_products: [
            { id: 3, exchange_type: "fixed", exchange_description: "1500 Points", points_price: 1500, reward: { id: 33, name: "Free Merino Beanie" } },
            { id: 1, exchange_type: "fixed", exchange_description: "500 Points", points_price: 500, reward: { id: 11, name: "$5 off coupon" } },
            { id: 2, exchange_type: "variable", exchange_description: "100 Points = $1 off", points_price: null, variable_points_step: 100, variable_points_min: 200, reward: { id: 22, name: null } },
          ],
        },
      };
    case "/v1/earning_rules":
      return {
        json: {
          earning_rules: [
            { id: 1, name: "Place an order", reward: { type: "points" }, reward_value: { type: "variable", variable: { value: 1, per_amount: 1 }, fixed: null } },
            { id: 2, name: "Celebrate a birthday", reward: { type: "points" }, reward_value: { type: "fixed", variable: null, fixed: { value: 200 } } },
            { id: 3, name: "Follow on Instagram", reward: { type: "coupon" }, reward_value: null },
          ],
          metadata: { next_cursor: null, previous_cursor: "" },
        },
      };
    default:
      return { status: 404, json: { error: { code: "not_found", message: "Not found" } } };
  }
};

describe("Smile.io loyalty", () => {
  it("reads a member's points, VIP tier and the rewards they can redeem now, with the Bearer key", async () => {
    server = await startFakeServer(createServer, routes);
    const smile = createSmileLoyalty({ apiKey: "smile_sk", baseUrl: `${server.url}/v1` });

    const balance = await smile.getBalance({ email: "alex@example.com" });

    expect(balance).toEqual({
      points: 1200,
      tier: "Alpine",
      rewards: [
        { name: "100 Points = $1 off", pointsCost: 200 },
        { name: "$5 off coupon", pointsCost: 500 },
      ],
    });
    const lookup = server.requests[0]!;
    expect(lookup.method).toBe("GET");
    expect(lookup.path).toBe("/v1/customers");
    expect(Object.fromEntries(lookup.query)).toEqual({ email: "alex@example.com", include: "vip_status" });
    expect(server.requests.every((r) => r.headers["authorization"] === "Bearer smile_sk")).toBe(true);
  });

  it("answers null for an email that is not in the programme", async () => {
    server = await startFakeServer(createServer, routes);
    const smile = createSmileLoyalty({ apiKey: "smile_sk", baseUrl: `${server.url}/v1` });

    expect(await smile.getBalance({ email: "nobody@example.com" })).toBeNull();
  });

  it("describes the programme from earning rules, VIP tiers and points products", async () => {
    server = await startFakeServer(createServer, routes);
    const smile = createSmileLoyalty({ apiKey: "smile_sk", baseUrl: `${server.url}/v1`, programName: "Trail Rewards", pointsName: "Trail Points" });

    expect(await smile.programInfo()).toEqual({
      name: "Trail Rewards",
      pointsName: "Trail Points",
      earningRules: ["Place an order: 1 Trail Points for every 1 spent", "Celebrate a birthday: 200 Trail Points", "Follow on Instagram"],
      tiers: [
        { name: "Summit", description: "" },
        { name: "Alpine", description: "" },
      ],
      rewards: [
        { name: "100 Points = $1 off", pointsCost: 200 },
        { name: "$5 off coupon", pointsCost: 500 },
        { name: "Free Merino Beanie", pointsCost: 1500 },
      ],
    });
  });

  it("reports a key without the right scope as unauthorized", async () => {
    server = await startFakeServer(createServer, () => ({ status: 403, json: { error: { code: "forbidden", message: "Missing scope customer:read" } } }));
    const smile = createSmileLoyalty({ apiKey: "smile_sk", baseUrl: `${server.url}/v1` });

    await expect(smile.getBalance({ email: "alex@example.com" })).rejects.toMatchObject({ provider: "smile", code: "unauthorized", details: ["Missing scope customer:read"] });
  });
});
