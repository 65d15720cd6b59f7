// The integrations a shop can connect, the credentials each one needs (PUT /api/integrations/:kind validates with these), and the providers the agent gets from what is connected.
import { z } from "zod";

import { createDemoStore } from "./demo-store/index.ts";
import type { DemoStore } from "./demo-store/index.ts";
import { createGorgiasHelpdesk } from "./gorgias.ts";
import type { FetchFn } from "./http.ts";
import { createSmileLoyalty } from "./loyalty/smile.ts";
import { createLoopReturns } from "./returns/loop.ts";
import { createShopifyStore, createShopifyStorefrontCatalog } from "./shopify.ts";
import { createRechargeSubscriptions } from "./subscriptions/recharge.ts";
import type {
  CatalogProvider,
  CouponProvider,
  HelpdeskProvider,
  LoyaltyProvider,
  OrderProvider,
  ReturnsProvider,
  SubscriptionProvider,
} from "./types.ts";
import { createZendeskHelpdesk } from "./zendesk.ts";

export type ProviderSlot = "orders" | "catalog" | "returns" | "subscriptions" | "loyalty" | "coupons" | "helpdesk";

export interface IntegrationKind {
  label: string;
  /** What connecting it makes available; skill status reads this to name a missing prerequisite. */
  provides: readonly ProviderSlot[];
  credentials: z.ZodType;
}

const secret = z.string().trim().min(1).max(500);
const subdomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "use only the account name, e.g. northwind");
const shopName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}(\.myshopify\.com)?$/, "use the shop name or its myshopify.com domain");
// Order.statusPageUrl, which order cards link to, arrived in 2024-10.
const shopifyApiVersion = z
  .string()
  .regex(/^\d{4}-\d{2}$/, "a version such as 2025-01")
  .refine((v) => v >= "2024-10", "Edgedesk needs Shopify API version 2024-10 or later");
const webUrl = z.url({ protocol: /^https?$/ });

export const integrationKinds = {
  shopify: {
    label: "Shopify",
    provides: ["orders", "catalog"],
    credentials: z.object({ shop: shopName, accessToken: secret, apiVersion: shopifyApiVersion.optional() }),
  },
  catalog: {
    label: "Shopify Storefront catalog",
    provides: ["catalog"],
    credentials: z.object({ shop: shopName, storefrontAccessToken: secret, apiVersion: shopifyApiVersion.optional() }),
  },
  zendesk: {
    label: "Zendesk",
    provides: ["helpdesk"],
    credentials: z.object({ subdomain, email: z.email(), apiToken: secret }),
  },
  gorgias: {
    label: "Gorgias",
    provides: ["helpdesk"],
    credentials: z.object({ domain: subdomain, email: z.email(), apiKey: secret }),
  },
  loop: {
    label: "Loop Returns",
    provides: ["returns"],
    credentials: z.object({ apiKey: secret, portalUrl: webUrl, policySummary: z.string().trim().min(1).max(2000).optional() }),
  },
  recharge: {
    label: "Recharge",
    provides: ["subscriptions"],
    credentials: z.object({ apiToken: secret, storeUrl: webUrl, portalUrl: webUrl.optional() }),
  },
  smile: {
    label: "Smile.io",
    provides: ["loyalty"],
    credentials: z.object({
      apiKey: secret,
      programName: z.string().trim().min(1).max(100).optional(),
      pointsName: z.string().trim().min(1).max(50).optional(),
    }),
  },
  // Channels: what the webhooks need to check that a request really comes from Twilio or Meta.
  twilio: {
    label: "Twilio (SMS and WhatsApp)",
    provides: [],
    credentials: z.object({
      accountSid: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, "the Account SID, AC followed by 32 hex digits"),
      authToken: secret,
      phoneNumber: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, "an E.164 number such as +15551234567").optional(),
      whatsappNumber: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, "an E.164 number such as +15551234567").optional(),
    }),
  },
  instagram: {
    label: "Instagram messaging (Meta)",
    provides: [],
    credentials: z.object({
      appSecret: secret,
      verifyToken: z.string().trim().min(8).max(200),
      pageAccessToken: secret.optional(),
      instagramAccountId: z.string().trim().regex(/^\d{5,30}$/, "the numeric Instagram account id").optional(),
    }),
  },
  postmark: {
    label: "Postmark (email replies)",
    provides: [],
    credentials: z.object({
      serverToken: secret,
      fromAddress: z.email(),
      fromName: z.string().trim().min(1).max(100).optional(),
      messageStream: z.string().trim().min(1).max(100).optional(),
    }),
  },
  demo: {
    label: "Demo store (Northwind Outfitters)",
    provides: ["orders", "catalog", "returns", "subscriptions", "loyalty", "coupons"],
    credentials: z.object({}),
  },
} as const satisfies Record<string, IntegrationKind>;

export type IntegrationKindName = keyof typeof integrationKinds;

export type IntegrationCredentials<K extends IntegrationKindName> = z.output<(typeof integrationKinds)[K]["credentials"]>;

export function isIntegrationKind(kind: string): kind is IntegrationKindName {
  return Object.hasOwn(integrationKinds, kind);
}

export interface Providers {
  orders?: OrderProvider;
  catalog?: CatalogProvider;
  returns?: ReturnsProvider;
  subscriptions?: SubscriptionProvider;
  loyalty?: LoyaltyProvider;
  coupons?: CouponProvider;
  helpdesk?: { zendesk?: HelpdeskProvider; gorgias?: HelpdeskProvider };
}

export interface ProvidersForOptions {
  fetch?: FetchFn;
  /** Reuse one demo store so cancels and edits made through it persist between calls. */
  demoStore?: DemoStore;
  now?: () => number;
}

// The demo store fills every slot first; a real provider connected next to it takes its slot, and the Storefront catalog beats Shopify's admin search.
const buildOrder: Record<IntegrationKindName, number> = {
  demo: 0,
  shopify: 1,
  catalog: 2,
  zendesk: 2,
  gorgias: 2,
  loop: 2,
  recharge: 2,
  smile: 2,
  twilio: 3,
  instagram: 3,
  postmark: 3,
};

/**
 * Builds adapters from the account's connected integrations. Unknown kinds and credentials that no
 * longer validate are skipped: a broken integration should make its skill Unavailable, not stop the agent.
 */
export function providersFor(
  connected: readonly { kind: string; credentials: unknown }[],
  opts: ProvidersForOptions = {},
): Providers {
  const providers: Providers = {};
  const usable = connected
    .filter((c): c is { kind: IntegrationKindName; credentials: unknown } => isIntegrationKind(c.kind))
    .sort((a, b) => buildOrder[a.kind] - buildOrder[b.kind]);

  for (const { kind, credentials } of usable) {
    switch (kind) {
      case "demo": {
        if (!integrationKinds.demo.credentials.safeParse(credentials).success) break;
        const store = opts.demoStore ?? createDemoStore(opts.now ? { now: opts.now } : {});
        Object.assign(providers, { orders: store, catalog: store, returns: store, subscriptions: store, loyalty: store, coupons: store });
        break;
      }
      case "shopify": {
        const parsed = integrationKinds.shopify.credentials.safeParse(credentials);
        if (!parsed.success) break;
        const store = createShopifyStore({ ...parsed.data, fetch: opts.fetch });
        providers.orders = store;
        providers.catalog = store;
        break;
      }
      case "catalog": {
        const parsed = integrationKinds.catalog.credentials.safeParse(credentials);
        if (parsed.success) providers.catalog = createShopifyStorefrontCatalog({ ...parsed.data, fetch: opts.fetch });
        break;
      }
      case "zendesk": {
        const parsed = integrationKinds.zendesk.credentials.safeParse(credentials);
        if (parsed.success) providers.helpdesk = { ...providers.helpdesk, zendesk: createZendeskHelpdesk({ ...parsed.data, fetch: opts.fetch }) };
        break;
      }
      case "gorgias": {
        const parsed = integrationKinds.gorgias.credentials.safeParse(credentials);
        if (parsed.success) providers.helpdesk = { ...providers.helpdesk, gorgias: createGorgiasHelpdesk({ ...parsed.data, fetch: opts.fetch }) };
        break;
      }
      case "loop": {
        const parsed = integrationKinds.loop.credentials.safeParse(credentials);
        if (parsed.success) providers.returns = createLoopReturns({ ...parsed.data, fetch: opts.fetch, ...(opts.now ? { now: opts.now } : {}) });
        break;
      }
      case "recharge": {
        const parsed = integrationKinds.recharge.credentials.safeParse(credentials);
        if (parsed.success) providers.subscriptions = createRechargeSubscriptions({ ...parsed.data, fetch: opts.fetch });
        break;
      }
      case "smile": {
        const parsed = integrationKinds.smile.credentials.safeParse(credentials);
        if (parsed.success) providers.loyalty = createSmileLoyalty({ ...parsed.data, fetch: opts.fetch });
        break;
      }
    }
  }
  return providers;
}
