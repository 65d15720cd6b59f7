// The knowledge base the agent answers from (docs/api.md "POST /api/knowledge"): add, list by page, search ranked by relevance, delete.
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { HELPDESK_ROLES, requireAgent, requireRole } from "../auth/context.ts";
import { createArticle, deleteArticle, getArticle, listArticles, searchArticles, updateArticle } from "../knowledge/service.ts";
import { articleHitSchema, articleInput, articlePatch, articleSchema, knowledgeQuery } from "../schemas/agent.ts";
import { body, errorResponses, idParam, json } from "../schemas/common.ts";

export const knowledgeApi = router();
knowledgeApi.use("/knowledge", requireAgent, requireRole(...HELPDESK_ROLES));
knowledgeApi.use("/knowledge/*", requireAgent, requireRole(...HELPDESK_ROLES));

const secured = { security: [{ bearer: [] }], tags: ["Knowledge base"] };
// Writing the knowledge base changes what the AI agent tells shoppers: managers and up.
const EDITOR_ROLES = ["owner", "admin", "manager"] as const;

knowledgeApi.openapi(
  createRoute({
    ...secured,
    method: "post",
    path: "/knowledge",
    summary: "Add a help-centre article (owner, admin, manager)",
    middleware: [requireRole(...EDITOR_ROLES)] as const,
    request: { body: body(articleInput) },
    responses: { 201: json(articleSchema, "Article added"), ...errorResponses(400, 401, 403) },
  }),
  async (c) => c.json(await createArticle(c.env, c.get("agent").accountId, c.req.valid("json")), 201),
);

knowledgeApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/knowledge",
    summary: "With q: articles ranked by relevance (FTS5 bm25) with a snippet; without q: newest first, paged",
    request: { query: knowledgeQuery },
    responses: {
      200: json(z.object({ items: z.array(z.union([articleHitSchema, articleSchema])), nextCursor: z.string().nullable() })),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const { q, kind, limit, cursor } = c.req.valid("query");
    const accountId = c.get("agent").accountId;
    if (q) {
      const items = await searchArticles(c.env, accountId, q, { limit, kinds: kind ? [kind] : undefined, prefixLast: true });
      return c.json({ items, nextCursor: null }, 200);
    }
    return c.json(await listArticles(c.env, accountId, { limit, cursor, kind }), 200);
  },
);

knowledgeApi.openapi(
  createRoute({
    ...secured,
    method: "get",
    path: "/knowledge/{id}",
    summary: "One article",
    request: { params: idParam },
    responses: { 200: json(articleSchema), ...errorResponses(401, 404) },
  }),
  async (c) => c.json(await getArticle(c.env, c.get("agent").accountId, c.req.valid("param").id), 200),
);

knowledgeApi.openapi(
  createRoute({
    ...secured,
    method: "delete",
    path: "/knowledge/{id}",
    summary: "Delete an article (owner, admin, manager)",
    middleware: [requireRole(...EDITOR_ROLES)] as const,
    request: { params: idParam },
    responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    await deleteArticle(c.env, c.get("agent").accountId, c.req.valid("param").id);
    return c.body(null, 204);
  },
);

knowledgeApi.openapi(
  createRoute({
    ...secured,
    method: "patch",
    path: "/knowledge/{id}",
    summary: "Edit an article (owner, admin, manager); the AI agent answers from the new text at once",
    middleware: [requireRole(...EDITOR_ROLES)] as const,
    request: { params: idParam, body: body(articlePatch) },
    responses: { 200: json(articleSchema), ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => c.json(await updateArticle(c.env, c.get("agent").accountId, c.req.valid("param").id, c.req.valid("json")), 200),
);
