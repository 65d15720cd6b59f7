// The intent router over HTTP, for evaluation and debugging (docs/api.md "Customer agent").
import { createRoute, z } from "@hono/zod-openapi";
import { agentRouterFor } from "../agent/model.ts";
import { skillIdSchema } from "../agent/router/index.ts";
import { shopLexiconFor } from "../agent/shopLexicon.ts";
import { router } from "../app.ts";
import { requireAgent } from "../auth/context.ts";
import { body, errorResponses, json } from "../schemas/common.ts";

export const classifyApi = router();
// Open for evaluation while it runs the bundled model; behind a token once it would spend Workers AI calls. A token
// sent anyway is checked, and then the message is read with that account's catalog and help-centre words.
classifyApi.use("/agent/classify", (c, next) => (c.env.AI || c.req.header("Authorization") ? requireAgent(c, next) : next()));

const classifyInput = z
  .object({
    text: z.string().trim().min(1).max(10_000),
    history: z
      .array(z.object({ author: z.enum(["customer", "ai", "agent"]), text: z.string().max(10_000) }))
      .max(50)
      .optional(),
  })
  .strict()
  .openapi("ClassifyInput");

classifyApi.openapi(
  createRoute({
    method: "post",
    path: "/agent/classify",
    tags: ["Customer agent"],
    summary: "Which skill the router picks for a customer message, given the conversation so far",
    description:
      "Needs no token while the offline model answers (development, tests, accounts without Workers AI); with the Workers AI binding it needs an agent token. " +
      "With a token the router also reads the message with the account's lexicon: its catalog's product titles and tags and its knowledge-base titles (cached for a few minutes).",
    request: { body: body(classifyInput) },
    responses: { 200: json(z.object({ skill: skillIdSchema, confidence: z.number() })), ...errorResponses(400, 401) },
  }),
  async (c) => {
    const { text, history } = c.req.valid("json");
    const account = c.get("account") as { id: string } | undefined;
    const lexicon = account ? await shopLexiconFor(c.env, account.id) : undefined;
    const decision = await agentRouterFor(c.env).classify({ text, ...(history ? { history } : {}), lexicon });
    return c.json({ skill: decision.skill, confidence: Math.round(decision.confidence * 1000) / 1000 }, 200);
  },
);
