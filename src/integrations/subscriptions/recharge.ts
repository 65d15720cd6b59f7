// Subscriptions through Recharge (API 2021-11): find the Recharge customer by email, list their subscriptions; the portal is reached through the store's account login.
import { z } from "zod";

import { IntegrationError } from "../errors.ts";
import { parseResponse, requestJson, resolveFetch, trimTrailingSlash } from "../http.ts";
import type { AdapterOptions } from "../http.ts";
import type { Subscription, SubscriptionProvider, SubscriptionStatus } from "../types.ts";

export interface RechargeOptions extends AdapterOptions {
  apiToken: string;
  /** The storefront, e.g. https://northwind.example — shoppers reach the Recharge portal from its account page. */
  storeUrl: string;
  /** A dedicated portal address (custom portal domain), when the shop has one. */
  portalUrl?: string;
  apiVersion?: string;
}

const number = z.union([z.number(), z.string()]).transform(Number);

const customers = z.object({ customers: z.array(z.object({ id: z.number(), email: z.string().nullish() })) });

const subscriptionRecord = z.object({
      id: z.number(),
      product_title: z.string().nullish(),
      variant_title: z.string().nullish(),
      status: z.string(),
      next_charge_scheduled_at: z.string().nullish(),
      order_interval_frequency: number,
      order_interval_unit: z.string(),
      price: number,
      presentment_currency: z.string().nullish(),
      quantity: z.number(),
});
const subscriptions = z.object({ subscriptions: z.array(subscriptionRecord) });
const oneSubscription = z.object({ subscription: subscriptionRecord });
const charges = z.object({ charges: z.array(z.object({ id: z.number() })) });

function toSubscription(s: z.output<typeof subscriptionRecord>): Subscription {
  const st = status(s.status);
  return {
    id: String(s.id),
    productTitle: s.variant_title ? `${s.product_title ?? "Subscription"} — ${s.variant_title}` : (s.product_title ?? "Subscription"),
    status: st,
    nextChargeAt: st === "active" ? (s.next_charge_scheduled_at ?? null) : null,
    interval: { every: s.order_interval_frequency, unit: intervalUnit(s.order_interval_unit) },
    price: { amount: s.price, currency: s.presentment_currency ?? "USD" },
    quantity: s.quantity,
  };
}

function status(s: string): SubscriptionStatus {
  const lower = s.toLowerCase();
  if (lower === "cancelled" || lower === "expired") return "cancelled";
  if (lower === "paused") return "paused";
  return "active";
}

function intervalUnit(unit: string): Subscription["interval"]["unit"] {
  const u = unit.toLowerCase().replace(/s$/, "");
  return u === "day" || u === "week" ? u : "month";
}

export function createRechargeSubscriptions(opts: RechargeOptions): SubscriptionProvider {
  const doFetch = resolveFetch(opts.fetch);
  const base = trimTrailingSlash(opts.baseUrl ?? "https://api.rechargeapps.com");
  const headers = {
    "X-Recharge-Access-Token": opts.apiToken,
    "X-Recharge-Version": opts.apiVersion ?? "2021-11",
  };

  const subscriptionUrl = (id: string) => `${base}/subscriptions/${encodeURIComponent(id)}`;
  async function read(id: string): Promise<Subscription> {
    const raw = await requestJson("recharge", doFetch, { method: "GET", url: subscriptionUrl(id), headers });
    return toSubscription(parseResponse("recharge", oneSubscription, raw).subscription);
  }

  return {
    // Skip: the next queued charge holding this subscription is skipped for this subscription only.
    async changeSubscription(_who, id, change) {
      if (change.type === "skip") {
        const raw = await requestJson("recharge", doFetch, {
          method: "GET",
          url: `${base}/charges?${new URLSearchParams({ purchase_item_id: id, status: "queued", sort_by: "scheduled_at-asc", limit: "1" }).toString()}`,
          headers,
        });
        const next = parseResponse("recharge", charges, raw).charges[0];
        if (!next) throw new IntegrationError({ provider: "recharge", status: 409, code: "rejected", message: "This subscription has no upcoming charge to skip." });
        await requestJson("recharge", doFetch, { method: "POST", url: `${base}/charges/${next.id}/skip`, headers, body: { purchase_item_ids: [Number(id)] } });
        return read(id);
      }
      if (change.type === "cancel") {
        const raw = await requestJson("recharge", doFetch, { method: "POST", url: `${subscriptionUrl(id)}/cancel`, headers, body: { cancellation_reason: "Cancelled by the support team" } });
        return toSubscription(parseResponse("recharge", oneSubscription, raw).subscription);
      }
      if (change.type === "frequency") {
        const raw = await requestJson("recharge", doFetch, {
          method: "PUT",
          url: subscriptionUrl(id),
          headers,
          body: { order_interval_frequency: change.interval.every, charge_interval_frequency: change.interval.every, order_interval_unit: change.interval.unit },
        });
        return toSubscription(parseResponse("recharge", oneSubscription, raw).subscription);
      }
      throw new IntegrationError({ provider: "recharge", status: 409, code: "rejected", message: "Recharge pauses subscriptions from its customer portal." });
    },

    async listSubscriptions({ email }) {
      const rawCustomers = await requestJson("recharge", doFetch, {
        method: "GET",
        url: `${base}/customers?${new URLSearchParams({ email: email.trim() }).toString()}`,
        headers,
      });
      const found = parseResponse("recharge", customers, rawCustomers).customers;
      const result: Subscription[] = [];
      for (const customer of found) {
        const raw = await requestJson("recharge", doFetch, {
          method: "GET",
          url: `${base}/subscriptions?${new URLSearchParams({ customer_id: String(customer.id), limit: "50" }).toString()}`,
          headers,
        });
        for (const s of parseResponse("recharge", subscriptions, raw).subscriptions) result.push(toSubscription(s));
      }
      return result;
    },

    // Recharge documents access through the storefront account ("Manage Subscriptions") or emailed magic links.
    async portalUrl() {
      return opts.portalUrl ?? `${trimTrailingSlash(opts.storeUrl)}/account/login`;
    },
  };
}
