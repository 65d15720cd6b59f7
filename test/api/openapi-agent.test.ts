// The AI agent's routes are part of the published OpenAPI document.
import { describe, expect, it } from "vitest";
import { call } from "../helpers.ts";

describe("OpenAPI for the customer agent", () => {
  it("documents integrations, knowledge base and skills", async () => {
    const res = await call("GET", "/openapi.json");
    const paths = Object.keys(res.body.paths);
    for (const p of ["/api/integrations", "/api/integrations/{kind}", "/api/knowledge", "/api/knowledge/{id}", "/api/skills", "/api/skills/{id}", "/api/skills/requests"]) {
      expect(paths, p).toContain(p);
    }
    expect(Object.keys(res.body.paths["/api/integrations/{kind}"])).toEqual(["put", "delete"]);
    expect(res.body.components.schemas.SkillSummary.properties.status.enum).toEqual(["live", "unavailable", "coming_soon"]);
    expect(res.body.components.schemas.Article).toBeDefined();
  });
});
