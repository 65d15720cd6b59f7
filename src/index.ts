// Worker entry: the Hono API, the Durable Object classes, and the scheduled handler.
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { onPresenceChange, sweepStalePresence } from "./accounts/presence.ts";
import { accountsApi } from "./api/accounts.ts";
import { chatApi } from "./api/chat.ts";
import { devApi } from "./api/dev.ts";
import { profilesApi } from "./api/profiles.ts";
import { settingsApi } from "./api/settings.ts";
import { teamsApi } from "./api/teams.ts";
import { ticketsApi } from "./api/tickets.ts";
import { viewsApi } from "./api/views.ts";
import { onError, type AppEnv } from "./app.ts";
import { presenceToRotations } from "./assignment/service.ts";
import { errorBody } from "./lib/errors.ts";

export { TicketActor } from "../durable-objects/ticket.ts";
export { RotationActor } from "../durable-objects/rotation.ts";
export { InboxActor } from "../durable-objects/inbox.ts";

export const app = new OpenAPIHono<AppEnv>();

// Rotations hear every status change (the agent's own, logout, the presence sweep).
onPresenceChange(presenceToRotations);

app.onError(onError);
app.notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404));

// The widget calls the chat routes from shops' own origins; agent routes use bearer tokens, not cookies.
app.use("/api/*", cors({ origin: (origin) => origin, allowHeaders: ["Content-Type", "Authorization", "X-Visitor-Token", "Idempotency-Key"], allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"], maxAge: 600 }));
app.use("/api/*", bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json(errorBody("payload_too_large", "Request body is larger than 1 MB"), 413) }));

app.get("/api/health", (c) => c.json({ ok: true }));
for (const api of [accountsApi, ticketsApi, viewsApi, teamsApi, profilesApi, settingsApi, chatApi, devApi]) app.route("/api", api);

app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
app.doc31("/openapi.json", {
  openapi: "3.1.0",
  info: { title: "Edgedesk API", version: "0.1.0", description: "The public HTTP contract of Edgedesk: helpdesk, web chat and the AI customer agent." },
});

export default {
  fetch: app.fetch,
  // Every 5 minutes (wrangler.toml): agents gone quiet for longer than the presence grace go offline.
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(sweepStalePresence(env, controller.scheduledTime).then(() => undefined));
  },
} satisfies ExportedHandler<Env>;
