// Loyalty through the Smile.io REST API (Bearer private key): a member's points and VIP tier, the rewards they can redeem, and the programme's earning rules.
import { z } from "zod";

import { parseResponse, requestJson, resolveFetch, trimTrailingSlash } from "../http.ts";
import type { AdapterOptions } from "../http.ts";
import type { LoyaltyProgram, LoyaltyProvider, LoyaltyReward } from "../types.ts";

export interface SmileOptions extends AdapterOptions {
  /** Smile private API key. */
  apiKey: string;
  /** Shown to shoppers when they ask about the programme. */
  programName?: string;
  /** What the shop calls its points ("points", "Trail Points"). */
  pointsName?: string;
}

const customersPage = z.object({
  customers: z.array(
    z.object({
      id: z.number(),
      email: z.string().nullish(),
      state: z.string(),
      points_balance: z.number(),
      vip_tier_id: z.number().nullish(),
      vip_status: z.object({ vip_tier_id: z.number().nullish() }).nullish(),
    }),
  ),
});

const vipTiers = z.object({ vip_tiers: z.array(z.object({ id: z.number(), name: z.string() })) });

const pointsProducts = z.object({
  points_products: z.array(
    z.object({
      exchange_type: z.string(),
      exchange_description: z.string().nullish(),
      points_price: z.number().nullish(),
      variable_points_step: z.number().nullish(),
      variable_points_min: z.number().nullish(),
      reward: z.object({ name: z.string().nullish() }).nullish(),
    }),
  ),
});

const earningRules = z.object({
  earning_rules: z.array(
    z.object({
      name: z.string(),
      reward: z.object({ type: z.string().nullish() }).nullish(),
      reward_value: z
        .object({
          type: z.string().nullish(),
          variable: z.object({ value: z.number(), per_amount: z.number() }).nullish(),
          fixed: z.object({ value: z.number() }).nullish(),
        })
        .nullish(),
    }),
  ),
});

export function createSmileLoyalty(opts: SmileOptions): LoyaltyProvider {
  const doFetch = resolveFetch(opts.fetch);
  const base = trimTrailingSlash(opts.baseUrl ?? "https://api.smile.io/v1");
  const headers = { Authorization: `Bearer ${opts.apiKey}` };
  const pointsName = opts.pointsName ?? "points";

  const get = (path: string) => requestJson("smile", doFetch, { method: "GET", url: `${base}${path}`, headers });

  async function tierNames(): Promise<Map<number, string>> {
    const data = parseResponse("smile", vipTiers, await get("/vip_tiers"));
    return new Map(data.vip_tiers.map((t) => [t.id, t.name]));
  }

  async function rewards(): Promise<LoyaltyReward[]> {
    const data = parseResponse("smile", pointsProducts, await get("/points_products"));
    const list: LoyaltyReward[] = [];
    for (const p of data.points_products) {
      // A variable product ("100 points = $1 off") is listed at its smallest redeemable amount.
      const cost = p.exchange_type === "fixed" ? p.points_price : (p.variable_points_min ?? p.variable_points_step);
      const name = p.reward?.name ?? p.exchange_description;
      if (typeof cost === "number" && name) list.push({ name, pointsCost: cost });
    }
    return list.sort((a, b) => a.pointsCost - b.pointsCost);
  }

  function describeRule(rule: z.output<typeof earningRules>["earning_rules"][number]): string {
    const value = rule.reward_value;
    if (rule.reward?.type === "points" && value?.type === "variable" && value.variable) {
      return `${rule.name}: ${value.variable.value} ${pointsName} for every ${value.variable.per_amount} spent`;
    }
    if (rule.reward?.type === "points" && value?.fixed) return `${rule.name}: ${value.fixed.value} ${pointsName}`;
    return rule.name;
  }

  return {
    async getBalance({ email }) {
      const query = new URLSearchParams({ email: email.trim(), include: "vip_status" });
      const data = parseResponse("smile", customersPage, await get(`/customers?${query.toString()}`));
      // Smile does not enforce unique emails; prefer the member record.
      const customer = data.customers.find((c) => c.state === "member") ?? data.customers.find((c) => c.state !== "disabled");
      if (!customer) return null;
      const tierId = customer.vip_status?.vip_tier_id ?? customer.vip_tier_id ?? null;
      const tier = tierId === null ? undefined : (await tierNames()).get(tierId);
      const redeemable = (await rewards()).filter((r) => r.pointsCost <= customer.points_balance);
      return { points: customer.points_balance, ...(tier ? { tier } : {}), rewards: redeemable };
    },

    async programInfo(): Promise<LoyaltyProgram> {
      const rules = parseResponse("smile", earningRules, await get("/earning_rules"));
      const tiers = await tierNames();
      return {
        name: opts.programName ?? "Rewards programme",
        pointsName,
        earningRules: rules.earning_rules.map(describeRule),
        tiers: [...tiers.values()].map((name) => ({ name, description: "" })),
        rewards: await rewards(),
      };
    },
  };
}
