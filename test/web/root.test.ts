// "/" is the demo store in development and the dashboard's front door in production.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../src/index.ts";
import { call } from "../helpers.ts";

describe("the site root", () => {
  it("serves the demo store with the widget embedded in development", async () => {
    const res = await call<string>("GET", "/");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    expect(res.body).toContain("Northwind Outfitters");
    expect(res.body).toMatch(/<script src="\/widget\.js" data-account="demo"/);
  });

  it("redirects to the dashboard in production", async () => {
    const res = await app.fetch(new Request("http://edgedesk.test/"), { ...env, ENVIRONMENT: "production" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/app/");
  });
});
