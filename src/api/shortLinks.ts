// GET /l/:code — a shortened link from an SMS reply: records the click on the customer's timeline and redirects.
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { followShortLink } from "../channels/shortLinks.ts";
import { AppError } from "../lib/errors.ts";
import { errorResponses } from "../schemas/common.ts";

export const shortLinksApi = router();

shortLinksApi.openapi(
  createRoute({
    method: "get",
    path: "/l/{code}",
    tags: ["Channels"],
    summary: "Follow a link shortened in an SMS or WhatsApp reply (the click lands on the customer's timeline)",
    request: { params: z.object({ code: z.string().regex(/^[0-9a-f]{10}$/).openapi({ param: { name: "code", in: "path" } }) }) },
    responses: { 302: { description: "Redirect to the original link" }, ...errorResponses(400, 404) },
  }),
  async (c) => {
    const url = await followShortLink(c.env, c.req.valid("param").code);
    if (!url) throw new AppError("not_found", "This link does not exist");
    return c.redirect(url, 302);
  },
);
