// CSAT answers (issue 13 §3): the widget's survey card posts here with the visitor token; the email survey's link
// opens a small page (no login, a signed token) whose form posts the score. Both land in the ticket actor once.
import { createRoute, z } from "@hono/zod-openapi";
import { router } from "../app.ts";
import { requireVisitor } from "../chat/visitor.ts";
import type { CsatOutcome } from "../csat/inTicket.ts";
import { readCsatToken } from "../csat/links.ts";
import { csatInput } from "../csat/rules.ts";
import { AppError } from "../lib/errors.ts";
import { body, errorResponses, json } from "../schemas/common.ts";
import type { TicketView } from "../schemas/ticket.ts";
import { ticketStub, viaActor } from "../tickets/actors.ts";

export const csatApi = router();
csatApi.on("POST", "/chat/conversations/:id/csat", requireVisitor("header"));

const conversationParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }) });

function refusal(outcome: CsatOutcome): AppError | null {
  if (outcome === "not_asked") return new AppError("conflict", "This conversation has not been sent a satisfaction survey");
  if (outcome === "answered") return new AppError("conflict", "This conversation has already been rated");
  if (outcome === "expired") return new AppError("conflict", "The survey for this conversation has expired");
  return null;
}

csatApi.openapi(
  createRoute({
    method: "post",
    path: "/chat/conversations/{id}/csat",
    tags: ["Web chat"],
    summary: "The shopper rates the conversation (1–5, optional comment) after the survey card",
    request: { params: conversationParam, body: body(csatInput) },
    responses: { 201: json(z.object({ score: z.number().int(), comment: z.string().optional() }), "Rated"), ...errorResponses(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const res: { outcome: CsatOutcome; ticket: TicketView } = await viaActor(ticketStub(c.env, c.get("visitor").acc, id).rateCsat({ ...input, via: "web chat" }));
    const refused = refusal(res.outcome);
    if (refused) throw refused;
    return c.json(input.comment ? { score: input.score, comment: input.comment } : { score: input.score }, 201);
  },
);

// ---- the email survey's page ------------------------------------------------------------------------------------

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(title: string, inner: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2937}h1{font-size:1.4rem}
.scores{display:flex;gap:.5rem;margin:1rem 0}.scores label{flex:1}.scores input{position:absolute;opacity:0}.scores span{display:block;text-align:center;padding:.7rem 0;border:1px solid #cbd5e1;border-radius:.5rem;cursor:pointer}
.scores input:checked+span{background:#2563eb;color:#fff;border-color:#2563eb}.scores input:focus-visible+span{outline:2px solid #2563eb}
textarea{width:100%;min-height:5rem;box-sizing:border-box}button{margin-top:1rem;padding:.6rem 1.2rem;background:#2563eb;color:#fff;border:0;border-radius:.5rem;font-size:1rem}</style></head>
<body>${inner}</body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Frame-Options": "DENY", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'" } });
}

function form(token: string, chosen: number | null): string {
  const radios = [1, 2, 3, 4, 5]
    .map((n) => `<label><input type="radio" name="score" value="${n}" required${n === chosen ? " checked" : ""}><span>${n}</span></label>`)
    .join("");
  return `<h1>How did we do?</h1><p>Rate the help you got from 1 (poor) to 5 (great).</p>
<form method="post" action="/csat/${escape(token)}"><div class="scores">${radios}</div>
<label for="comment">Anything you'd like to add? (optional)</label><textarea id="comment" name="comment" maxlength="1000"></textarea>
<button type="submit">Send</button></form>`;
}

export const csatPages = router();

csatPages.get("/csat/:token", async (c) => {
  const token = c.req.param("token");
  if (!(await readCsatToken(c.env, token))) return page("Survey expired", "<h1>This survey link has expired</h1><p>Thank you all the same.</p>", 404);
  const chosen = Number(c.req.query("score"));
  return page("How did we do?", form(token, Number.isInteger(chosen) && chosen >= 1 && chosen <= 5 ? chosen : null));
});

csatPages.post("/csat/:token", async (c) => {
  const token = c.req.param("token");
  const claims = await readCsatToken(c.env, token);
  if (!claims) return page("Survey expired", "<h1>This survey link has expired</h1><p>Thank you all the same.</p>", 404);
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const parsed = csatInput.safeParse({ score: Number(form["score"]), comment: typeof form["comment"] === "string" && form["comment"].trim() ? form["comment"] : undefined });
  if (!parsed.success) return page("How did we do?", `<p role="alert">Choose a score from 1 to 5.</p>${formHtml(token)}`, 400);
  const res: { outcome: CsatOutcome } = await viaActor(ticketStub(c.env, claims.accountId, claims.ticketId).rateCsat({ ...parsed.data, via: "email" }));
  if (res.outcome === "answered") return page("Already rated", "<h1>You have already rated this conversation</h1><p>Thank you!</p>", 409);
  if (res.outcome !== "ok") return page("Survey closed", "<h1>This survey is closed</h1><p>Thank you all the same.</p>", 409);
  return page("Thank you", `<h1>Thank you!</h1><p>You rated us ${parsed.data.score}/5. Your feedback helps the team.</p>`, 201);
});

function formHtml(token: string): string {
  return form(token, null);
}
