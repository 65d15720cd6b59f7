import { describe, expect, it } from "vitest";
import { keyMay, scopeFor } from "../../src/apiKeys/scopes.ts";

describe("API key scopes", () => {
  it.each([
    ["GET", "/api/tickets", "tickets:read"],
    ["GET", "/api/tickets/tkt_1/messages", "tickets:read"],
    ["PATCH", "/api/tickets/tkt_1", "tickets:write"],
    ["POST", "/api/macros/mac_1/render", "tickets:write"],
    ["DELETE", "/api/views/view_1", "tickets:write"],
    ["GET", "/api/profiles/prof_1/export", "profiles:read"],
    ["DELETE", "/api/profiles/prof_1", "profiles:write"],
    ["GET", "/api/reports", "reports:read"],
    ["GET", "/api/exports/tickets.csv", "tickets:read"],
    ["GET", "/api/exports/report.csv", "reports:read"],
    ["PUT", "/api/settings/office-hours", "settings:manage"],
    ["GET", "/api/settings", "settings:manage"],
    ["POST", "/api/agents", "settings:manage"],
    ["GET", "/api/agents", "tickets:read"],
    ["GET", "/api/sla-policies", "tickets:read"],
    ["PATCH", "/api/sla-policies/sla_1", "settings:manage"],
    ["POST", "/api/tickets/tkt_1/merge", "tickets:write"],
    ["POST", "/api/webhooks/whk_1/test", "webhooks:manage"],
    ["GET", "/api/audit", "audit:read"],
    ["GET", "/api/me", "any"],
    ["POST", "/api/api-keys", null],
    ["PUT", "/api/agents/me/status", null],
    ["POST", "/api/tickets/tkt_1/typing", null],
    ["GET", "/api/inbox/ws", null],
    ["GET", "/api/something-new", null],
  ])("%s %s needs %s", (method, path, need) => {
    expect(scopeFor(method, path)).toBe(need);
  });

  it("lets a key through only with the scope a route needs", () => {
    expect(keyMay(["tickets:read"], "tickets:read")).toBe(true);
    expect(keyMay(["tickets:read"], "tickets:write")).toBe(false);
    expect(keyMay([], "any")).toBe(true);
    expect(keyMay(["tickets:read", "tickets:write"], null)).toBe(false);
  });
});
