// The AI customer agent's API shapes: integrations, knowledge-base articles, skills and skill requests (docs/api.md "Customer agent").
import { z } from "@hono/zod-openapi";
import { isoTime } from "./common.ts";

export const integrationSchema = z
  .object({
    kind: z.string().openapi({ example: "shopify" }),
    label: z.string(),
    provides: z.array(z.string()),
    connected: z.boolean(),
    connectedAt: isoTime.nullable(),
    credentials: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .nullable()
      .openapi({ description: "Secrets (tokens, keys) are masked; null when not connected", example: { shop: "northwind", accessToken: "••••f3a9" } }),
    fields: z
      .array(z.object({ name: z.string(), required: z.boolean(), secret: z.boolean() }))
      .openapi({ description: "The credentials PUT /api/integrations/:kind takes, in order; secret ones are never shown back", example: [{ name: "shop", required: true, secret: false }] }),
  })
  .openapi("Integration");

export const integrationKindParam = z.object({ kind: z.string().min(1).max(32).openapi({ param: { name: "kind", in: "path" }, example: "shopify" }) });

export const integrationCredentialsInput = z
  .record(z.string(), z.unknown())
  .openapi("IntegrationCredentials", {
    description:
      "The credentials of the kind, e.g. shopify {shop, accessToken, apiVersion?}, catalog {shop, storefrontAccessToken}, zendesk {subdomain, email, apiToken}, gorgias {domain, email, apiKey}, loop {apiKey, portalUrl, policySummary?}, recharge {apiToken, storeUrl, portalUrl?}, smile {apiKey, programName?, pointsName?}, demo {}",
    example: { shop: "northwind", accessToken: "shpat_0123456789abcdef" },
  });

export const knowledgeKinds = ["faq", "policy", "shipping", "returns", "order_editing", "subscription", "loyalty", "coupon", "product"] as const;
export const knowledgeKindSchema = z.enum(knowledgeKinds);
export type KnowledgeKind = z.infer<typeof knowledgeKindSchema>;

export const articleInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(20_000),
    kind: knowledgeKindSchema.default("faq"),
  })
  .strict()
  .openapi("ArticleInput");

export const articlePatch = z
  .object({ title: z.string().trim().min(1).max(200).optional(), body: z.string().trim().min(1).max(20_000).optional(), kind: knowledgeKindSchema.optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: "give at least one field to change" })
  .openapi("ArticlePatch");

export const articleSchema = z
  .object({ id: z.string(), title: z.string(), body: z.string(), kind: knowledgeKindSchema, createdAt: isoTime, updatedAt: isoTime })
  .openapi("Article");

export const articleHitSchema = articleSchema
  .extend({
    snippet: z.string().openapi({ description: "The best-matching excerpt; matched words wrapped in ** **" }),
    score: z.number().openapi({ description: "Relevance (higher is better), from FTS5 bm25()" }),
  })
  .openapi("ArticleHit");

export const knowledgeQuery = z.object({
  q: z.string().trim().max(500).optional().openapi({ description: "Full-text search, ranked by relevance" }),
  kind: knowledgeKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const skillStatusSchema = z.enum(["live", "unavailable", "coming_soon"]);

export const skillSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: skillStatusSchema,
    reason: z.string().optional().openapi({ description: "What is missing (unavailable) or that it is being built (coming soon)" }),
    volume: z.number().int().openapi({ description: "Customer messages it handled in the last 30 days" }),
  })
  .openapi("SkillSummary");

export const skillDetailSchema = skillSummarySchema
  .extend({
    overview: z.string(),
    whenToUse: z.string(),
    howToRespond: z.string(),
    tools: z.array(z.object({ name: z.string(), description: z.string() })),
    needsLogin: z.union([z.boolean(), z.literal("partly")]),
    prerequisites: z.array(z.object({ type: z.enum(["integration", "content"]), description: z.string(), met: z.boolean() })),
    performance: z.object({
      volumeByDay: z.array(z.object({ day: z.string().openapi({ example: "2026-11-23" }), count: z.number().int() })),
      resolved: z.number().int(),
      routedToTeam: z.number().int(),
      recentQuestions: z.array(z.object({ question: z.string(), at: isoTime, outcome: z.enum(["resolved", "pending", "handoff"]), ticketId: z.string() })),
    }),
  })
  .openapi("SkillDetail");

export const skillRequestInput = z.object({ description: z.string().trim().min(3).max(2000) }).strict().openapi("SkillRequestInput");
export const skillRequestSchema = z.object({ id: z.string(), description: z.string(), createdAt: isoTime }).openapi("SkillRequest");
