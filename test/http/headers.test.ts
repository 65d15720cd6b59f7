// Security headers on the Worker's own responses (issue 10 item 4) and the refusal to serve without production
// secrets (item 5). The dashboard's CSP and framing rules are static-asset headers: web/public/_headers.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index.ts";
import { deploymentProblem, DEV_TOKEN_SECRET } from "../../src/lib/deployment.ts";
import { BASE, call } from "../helpers.ts";

describe("security headers", () => {
  it("sends nosniff and a Referrer-Policy on API answers, errors included", async () => {
    for (const [method, path] of [["GET", "/api/health"], ["GET", "/api/me"], ["GET", "/api/nothing-here"], ["GET", "/openapi.json"], ["POST", "/api/login"]] as const) {
      const res = await call(method, path, method === "POST" ? { body: { email: "x@example.com" } } : {});
      expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
      expect(res.headers.get("Referrer-Policy"), path).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("X-Frame-Options"), path).toBe("DENY");
    }
  });

  it("keeps the dashboard out of frames and inline scripts in web/public/_headers", async () => {
    const headers = (await import("../../web/public/_headers?raw")).default as string;
    const app = headers.slice(headers.indexOf("/app/*"));
    expect(app).toMatch(/frame-ancestors 'none'/);
    expect(app).toMatch(/script-src 'self';/);
    expect(app).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(app).toMatch(/X-Frame-Options: DENY/);
    expect(headers).toMatch(/\/\*\n\s+X-Content-Type-Options: nosniff/);
  });
});

describe("deploy safety", () => {
  it("knows a safe production configuration from an unsafe one", () => {
    expect(deploymentProblem({ ENVIRONMENT: "development" })).toBeNull();
    expect(deploymentProblem({ ENVIRONMENT: "production", TOKEN_SECRET: "x".repeat(40) })).toBeNull();
    expect(deploymentProblem({ ENVIRONMENT: "production" })).toMatch(/wrangler secret put TOKEN_SECRET/);
    expect(deploymentProblem({ ENVIRONMENT: "production", TOKEN_SECRET: DEV_TOKEN_SECRET })).toMatch(/development secret/);
    expect(deploymentProblem({ ENVIRONMENT: "production", TOKEN_SECRET: "short" })).toMatch(/32/);
    expect(deploymentProblem({})).toMatch(/ENVIRONMENT/);
  });

  it("refuses to serve anything in production without its secrets", async () => {
    const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} } as unknown as ExecutionContext;
    const bare = { ...env, ENVIRONMENT: "production", TOKEN_SECRET: undefined } as unknown as Env;
    for (const path of ["/api/health", "/api/dev/seed", "/api/login"]) {
      const res = await worker.fetch(new Request(`${BASE}${path}`, { method: path === "/api/health" ? "GET" : "POST" }), bare, ctx);
      expect(res.status, path).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: "misconfigured" } });
    }
    const withDevSecret = { ...env, ENVIRONMENT: "production", TOKEN_SECRET: DEV_TOKEN_SECRET } as unknown as Env;
    expect((await worker.fetch(new Request(`${BASE}/api/health`), withDevSecret, ctx)).status).toBe(503);
    const configured = { ...env, ENVIRONMENT: "production", TOKEN_SECRET: "a-real-secret-of-more-than-32-characters!" } as unknown as Env;
    expect((await worker.fetch(new Request(`${BASE}/api/health`), configured, ctx)).status).toBe(200);
    // Production has no development door.
    expect((await worker.fetch(new Request(`${BASE}/api/dev/seed`, { method: "POST" }), configured, ctx)).status).toBe(404);
  });
});
