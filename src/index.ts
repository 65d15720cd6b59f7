// Worker entry: the Hono API, the Durable Object classes, and the scheduled handler.
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { onPresenceChange, sweepStalePresence } from "./accounts/presence.ts";
import { accountsApi } from "./api/accounts.ts";
import { adminApi } from "./api/admin.ts";
import { apiKeysApi } from "./api/apiKeys.ts";
import { auditApi } from "./api/audit.ts";
import { chatApi } from "./api/chat.ts";
import { classifyApi } from "./api/classify.ts";
import { csatApi, csatPages } from "./api/csat.ts";
import { devApi } from "./api/dev.ts";
import { exportsApi } from "./api/exports.ts";
import { filesApi } from "./api/files.ts";
import { HARD_MAX_FILE_BYTES } from "./files/limits.ts";
import { integrationsApi } from "./api/integrations.ts";
import { invitationsApi } from "./api/invitations.ts";
import { knowledgeApi } from "./api/knowledge.ts";
import { describeSockets, liveApi } from "./api/live.ts";
import { macrosApi } from "./api/macros.ts";
import { passwordApi } from "./api/password.ts";
import { profileCommerceApi } from "./api/profileCommerce.ts";
import { privacyApi } from "./api/privacy.ts";
import { profilesApi } from "./api/profiles.ts";
import { shortLinksApi } from "./api/shortLinks.ts";
import { reportsApi } from "./api/reports.ts";
import { settingsApi } from "./api/settings.ts";
import { skillsApi } from "./api/skills.ts";
import { slaApi } from "./api/sla.ts";
import { teamsApi } from "./api/teams.ts";
import { ticketsApi } from "./api/tickets.ts";
import { viewsApi } from "./api/views.ts";
import { webhooksApi } from "./api/webhooks.ts";
import { widgetSettingsApi } from "./api/widgetSettings.ts";
import { webhookSubscriptionsApi } from "./api/webhookSubscriptions.ts";
import { onError, type AppEnv } from "./app.ts";
import { presenceToRotations } from "./assignment/service.ts";
import { handleInboundEmail } from "./channels/emailHandler.ts";
import { securityHeaders } from "./http/securityHeaders.ts";
import { deploymentProblem, misconfigured } from "./lib/deployment.ts";
import { errorBody } from "./lib/errors.ts";
import { sweepAutoClose } from "./tickets/autoCloseSweep.ts";
import { tokenSecret } from "./auth/context.ts";
import { deliverBatch, sweepDeliveries, type DeliveryJob } from "./webhooks/deliver.ts";

export { TicketActor } from "../durable-objects/ticket.ts";
export { RotationActor } from "../durable-objects/rotation.ts";
export { InboxActor } from "../durable-objects/inbox.ts";

export const app = new OpenAPIHono<AppEnv>();

// Rotations hear every status change (the agent's own, logout, the presence sweep).
onPresenceChange(presenceToRotations);

app.use("*", securityHeaders);
app.onError(onError);
app.notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404));

// The widget calls the chat routes from shops' own origins; agent routes use bearer tokens, not cookies.
const corsHeaders = cors({ origin: (origin) => origin, allowHeaders: ["Content-Type", "Authorization", "X-Visitor-Token", "Idempotency-Key"], allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"], maxAge: 600 });
// WebSocket upgrades skip header-editing middleware: the actor's 101 response must pass through untouched.
app.use("/api/*", (c, next) => (c.req.header("Upgrade")?.toLowerCase() === "websocket" ? next() : corsHeaders(c, next)));
const jsonLimit = bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json(errorBody("payload_too_large", "Request body is larger than 1 MB"), 413) });
// File uploads are checked against the account's own limit once read; this only stops bodies no account allows.
const uploadLimit = bodyLimit({ maxSize: HARD_MAX_FILE_BYTES + 64 * 1024, onError: (c) => c.json(errorBody("payload_too_large", "The file is larger than any account allows"), 413) });
app.use("/api/*", (c, next) => (c.req.method === "POST" && c.req.path.endsWith("/attachments") ? uploadLimit(c, next) : jsonLimit(c, next)));

app.get("/api/health", (c) => c.json({ ok: true }));
// "/" is the demo store (web/public/index.html) in development only; a production deployment opens the dashboard.
app.get("/", async (c) => (c.env.ENVIRONMENT === "development" ? await c.env.ASSETS.fetch(c.req.raw) : c.redirect("/app/", 302)));
for (const api of [invitationsApi, accountsApi, passwordApi, ticketsApi, viewsApi, macrosApi, teamsApi, profilesApi, profileCommerceApi, settingsApi, widgetSettingsApi, reportsApi, chatApi, liveApi, classifyApi, integrationsApi, knowledgeApi, skillsApi, adminApi, auditApi, apiKeysApi, webhookSubscriptionsApi, exportsApi, privacyApi, devApi, filesApi]) app.route("/api", api);
app.route("/", webhooksApi);
app.route("/", shortLinksApi);
// The CSAT email link's page (/csat/:token) and the widget's answer (/api/chat/conversations/:id/csat).
app.route("/api", csatApi);
app.route("/api", slaApi);
app.route("/", csatPages);
describeSockets(app.openAPIRegistry);

app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
  type: "http",
  scheme: "bearer",
  description: "A session token from POST /api/login, or an API key (edk_…) limited to its scopes (docs/platform.md).",
});
app.doc31("/openapi.json", {
  openapi: "3.1.0",
  info: { title: "Edgedesk API", version: "0.1.0", description: "The public HTTP contract of Edgedesk: helpdesk, web chat and the AI customer agent." },
});

export default {
  fetch(request, env, ctx) {
    const problem = deploymentProblem(env);
    return problem ? misconfigured(problem) : app.fetch(request, env, ctx);
  },
  async email(message, env) {
    const problem = deploymentProblem(env);
    if (problem) return message.setReject(`temporarily unavailable: ${problem}`);
    const raw = await new Response(message.raw).arrayBuffer();
    const refused = await handleInboundEmail(env, { from: message.from, to: message.to, raw });
    if (refused) message.setReject(refused);
  },
  // Every 5 minutes (wrangler.toml): agents gone quiet for longer than the presence grace go offline.
  async scheduled(controller, env, ctx) {
    if (deploymentProblem(env)) return;
    ctx.waitUntil(sweepStalePresence(env, controller.scheduledTime).then(() => undefined));
    // ...and tickets whose customer went quiet after the team's reply close (PUT /api/settings/auto-close).
    ctx.waitUntil(sweepAutoClose(env, controller.scheduledTime).then(() => undefined));
    // ...and webhook delivery log rows past their keeping time go.
    ctx.waitUntil(sweepDeliveries(env, controller.scheduledTime).catch((err) => console.warn("delivery log sweep failed", err)));
  },
  // Outbound webhooks: each message is one event for one subscription (src/webhooks/deliver.ts).
  async queue(batch, env) {
    await deliverBatch(batch as MessageBatch<DeliveryJob>, env, tokenSecret(env));
  },
} satisfies ExportedHandler<Env>;
