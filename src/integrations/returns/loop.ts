// Returns & exchanges through Loop Returns: the shopper's returns from the Detailed Returns List API (X-Authorization API key), the portal link from settings.
import { z } from "zod";

import { parseResponse, requestJson, resolveFetch, trimTrailingSlash } from "../http.ts";
import type { AdapterOptions } from "../http.ts";
import type { ReturnRequest, ReturnState, ReturnsProvider } from "../types.ts";

export interface LoopOptions extends AdapterOptions {
  /** Loop API key with the Returns scope. */
  apiKey: string;
  /** The shop's Loop returns portal, e.g. https://northwind.loopreturns.com */
  portalUrl: string;
  /** The shop's policy in a sentence or two, shown before the portal link. */
  policySummary?: string;
  now?: () => number;
}

// Loop caps the from/to window at 120 days.
const LOOKBACK_DAYS = 120;
const PAGE_SIZE = 250;
const MAX_PAGES = 10;

const amount = z.union([z.string(), z.number()]);

const loopReturn = z.object({
  id: z.union([z.string(), z.number()]),
  state: z.string(),
  created_at: z.string(),
  outcome: z.string().nullish(),
  order_name: z.string().nullish(),
  customer: z.string().nullish(),
  currency: z.string().nullish(),
  total: amount.nullish(),
  line_items: z
    .array(z.object({ title: z.string().nullish(), sku: z.string().nullish(), return_reason: z.string().nullish() }))
    .nullish(),
});

const returnsPage = z.object({
  returns: z.array(loopReturn),
  nextPageUrl: z.string().nullish(),
});

const states: Record<string, ReturnState> = {
  open: "open",
  review: "review",
  closed: "closed",
  cancelled: "cancelled",
  expired: "expired",
};

/** Loop's documented datetime format, e.g. "2023-01-01 00:00:00" (UTC). */
export function loopDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

function mapReturn(r: z.output<typeof loopReturn>): ReturnRequest {
  return {
    id: String(r.id),
    orderName: r.order_name ?? "",
    state: states[r.state] ?? "open",
    outcome: r.outcome ?? null,
    createdAt: r.created_at,
    items: (r.line_items ?? []).map((li) => ({
      title: li.title ?? "Item",
      ...(li.sku ? { sku: li.sku } : {}),
      reason: li.return_reason ?? null,
    })),
    total: r.total !== null && r.total !== undefined && r.currency ? { amount: Number(r.total), currency: r.currency } : null,
  };
}

export function createLoopReturns(opts: LoopOptions): ReturnsProvider {
  const doFetch = resolveFetch(opts.fetch);
  const base = trimTrailingSlash(opts.baseUrl ?? "https://api.loopreturns.com/api/v1");
  const now = opts.now ?? Date.now;
  const headers = { "X-Authorization": opts.apiKey };

  const provider: ReturnsProvider = {
    returnsPortalUrl() {
      return opts.portalUrl;
    },

    // Loop has no lookup by shopper, so page through the window and keep this shopper's returns.
    async listReturns({ email }) {
      const to = now();
      const params = new URLSearchParams({
        paginate: "true",
        pageSize: String(PAGE_SIZE),
        from: loopDateTime(to - LOOKBACK_DAYS * 86_400_000),
        to: loopDateTime(to),
        filter: "created_at",
      });
      const origin = new URL(base).origin;
      const wanted = email.trim().toLowerCase();
      const found: ReturnRequest[] = [];
      let url: string | null = `${base}/warehouse/return/list?${params.toString()}`;
      for (let page = 0; url !== null && page < MAX_PAGES; page++) {
        const raw = await requestJson("loop", doFetch, { method: "GET", url, headers });
        const data = parseResponse("loop", returnsPage, raw);
        for (const r of data.returns) {
          if (r.customer?.trim().toLowerCase() === wanted) found.push(mapReturn(r));
        }
        const next: string | null = data.nextPageUrl ?? null;
        // Never send the API key to a host other than Loop's.
        url = next !== null && new URL(next).origin === origin ? next : null;
      }
      return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
  if (opts.policySummary) {
    const summary = opts.policySummary;
    provider.policySummary = () => summary;
  }
  return provider;
}
