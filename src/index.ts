// Worker entry: the Hono API, the Durable Object classes and the scheduled/email handlers.
import { Hono } from "hono";

export { TicketActor } from "../durable-objects/ticket.ts";
export { RotationActor } from "../durable-objects/rotation.ts";
export { InboxActor } from "../durable-objects/inbox.ts";

const app = new Hono<{ Bindings: Env }>();
app.get("/api/health", (c) => c.json({ ok: true }));

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
