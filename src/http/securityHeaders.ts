// Headers on every response the Worker itself makes (the API, webhooks, /openapi.json, the demo store); static
// assets get theirs from web/public/_headers. WebSocket upgrades pass untouched (their 101 must not be edited).
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app.ts";

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.res.status === 101 || c.res.webSocket) return;
  const set = (name: string, value: string) => {
    if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
  try {
    set("X-Content-Type-Options", "nosniff");
    set("Referrer-Policy", "strict-origin-when-cross-origin");
    // JSON is never a page to frame.
    if (c.req.path.startsWith("/api/") || c.req.path.startsWith("/webhooks/") || c.req.path === "/openapi.json") set("X-Frame-Options", "DENY");
  } catch {
    // An immutable response (a fetch passed through, e.g. the demo page from ASSETS): copy it to add headers.
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    c.res.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  }
};
