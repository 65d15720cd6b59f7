// The dev seed's agent data: the demo store connected and the demo knowledge base loaded, so every skill is Live; safe to run twice.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { seedDemoAgentData } from "../../src/agent/seed.ts";
import { listSkills } from "../../src/agent/skillsPage.ts";
import { demoKnowledgeBase } from "../../src/integrations/demo-store/index.ts";
import { call, signup } from "../helpers.ts";

describe("seedDemoAgentData", () => {
  it("makes every built skill live, once", async () => {
    const shop = await signup();
    expect(await seedDemoAgentData(env, shop.accountId)).toEqual({ articlesAdded: demoKnowledgeBase.length });
    expect(await seedDemoAgentData(env, shop.accountId)).toEqual({ articlesAdded: 0 });
    const skills = await listSkills(env, shop.accountId);
    expect(skills.filter((s) => s.status === "live")).toHaveLength(8);
    const list = await call("GET", `/api/knowledge?limit=200`, { token: shop.token });
    expect(list.body.items).toHaveLength(demoKnowledgeBase.length);
    expect(list.body.items.at(-1).title).toBe(demoKnowledgeBase[0]!.title);
  });
});
