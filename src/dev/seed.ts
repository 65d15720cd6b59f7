// The development seed: the demo account (docs/api.md), its team and a few tickets on every channel. Idempotent.
import { eq } from "drizzle-orm";
import { createAccount, createAgent } from "../accounts/service.ts";
import { putSettingsSection } from "../accounts/settings.ts";
import { seedDemoAgentData } from "../agent/seed.ts";
import { settingsChanged } from "../assignment/settings.ts";
import { createTeam } from "../assignment/teams.ts";
import { receiveInbound } from "../channels/inbound.ts";
import { db } from "../db/client.ts";
import { accounts, agents } from "../db/schema/index.ts";

export const DEMO_ACCOUNT_ID = "demo";
export const DEMO_OWNER = { email: "demo@edgedesk.dev", password: "demo-password", name: "Dana Demo" };
/**
 * The demo account's widget identity secret, fixed so the demo store can sign its shoppers the way a shop's server
 * would: `identityHash(DEMO_IDENTITY_SECRET, externalId, email)` from src/chat/identity.ts. Development only.
 */
export const DEMO_IDENTITY_SECRET = "demo-identity-secret-for-local-development-only";
/** The demo store's signed-in shoppers (their orders are in src/integrations/demo-store/data.ts). */
export const DEMO_SHOPPERS = [
  { externalId: "demo_cust_01", email: "shopper@example.com", name: "Sam Shopper" },
  { externalId: "demo_cust_02", email: "alex@example.com", name: "Alex Rivera" },
] as const;

const demoAgents = [
  { name: "Alex Admin", email: "alex@edgedesk.dev", role: "admin" as const },
  { name: "Morgan Manager", email: "morgan@edgedesk.dev", role: "manager" as const },
  { name: "Sam Support", email: "sam@edgedesk.dev", role: "support" as const },
];

const demoMessages = [
  { channel: "email" as const, from: "Jamie Rivera <jamie@example.com>", text: "Hi, my order #1042 hasn't arrived yet. Can you check where it is?", threadId: "<order-1042@mail.example.com>", subject: "Where is my order #1042?" },
  { channel: "sms" as const, from: "+15555550123", text: "Can I swap my hiking boots for a size 10?" },
  { channel: "whatsapp" as const, from: "whatsapp:+447700900123", text: "Hello! Do you ship to the UK?" },
  { channel: "instagram" as const, from: "17841400000000001", text: "Love the new rain jacket! Is it back in stock in green?" },
];

export interface SeedResult {
  accountId: string;
  created: boolean;
  owner: string;
}

export async function seedDemo(env: Env): Promise<SeedResult> {
  const d = db(env.DB);
  const existing = await d.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, DEMO_ACCOUNT_ID)).limit(1);
  if (existing.length > 0) return { accountId: DEMO_ACCOUNT_ID, created: false, owner: DEMO_OWNER.email };
  await createAccount(env, { accountId: DEMO_ACCOUNT_ID, accountName: "Northwind Outfitters (demo)", name: DEMO_OWNER.name, email: DEMO_OWNER.email, password: DEMO_OWNER.password, identitySecret: DEMO_IDENTITY_SECRET });
  await seedDemoAgentData(env, DEMO_ACCOUNT_ID);
  const agentIds: string[] = [];
  for (const a of demoAgents) {
    const taken = await d.select({ id: agents.id }).from(agents).where(eq(agents.email, a.email)).limit(1);
    if (taken.length === 0) agentIds.push((await createAgent(env, DEMO_ACCOUNT_ID, { ...a, password: DEMO_OWNER.password })).id);
  }
  const owner = await d.select({ id: agents.id }).from(agents).where(eq(agents.email, DEMO_OWNER.email)).limit(1);
  // One team takes everything in turn: an agent who goes online in the dashboard starts receiving tickets.
  await createTeam(env, DEMO_ACCOUNT_ID, { name: "Customer care", description: "Everyone, in rotation", agentIds: [...owner.map((o) => o.id), ...agentIds], tags: [], segments: [] });
  await putSettingsSection(env, DEMO_ACCOUNT_ID, "assignment", { roundRobin: true });
  await settingsChanged(env, DEMO_ACCOUNT_ID, "assignment");
  // The demo shows satisfaction surveys and SLA timers: both are opt-in for a new account (set before the seeded tickets arrive, so they start with timers).
  await putSettingsSection(env, DEMO_ACCOUNT_ID, "csat", { enabled: true, aiResolved: false });
  await putSettingsSection(env, DEMO_ACCOUNT_ID, "sla", {
    policies: [
      { id: "sla_demo_urgent", name: "Urgent", match: { priorities: ["urgent", "high"] }, firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: null, businessHours: false },
      { id: "sla_demo_standard", name: "Standard", match: {}, firstResponseMinutes: 240, nextResponseMinutes: 480, resolutionMinutes: null, businessHours: true },
    ],
  });
  // Tickets already with the team, on every channel, before the AI agent answers new conversations.
  for (const [i, m] of demoMessages.entries()) {
    await receiveInbound(env, { accountId: DEMO_ACCOUNT_ID, providerMessageId: `demo-seed-${i}`, ...m });
  }
  await putSettingsSection(env, DEMO_ACCOUNT_ID, "agent", { enabled: true });
  return { accountId: DEMO_ACCOUNT_ID, created: true, owner: DEMO_OWNER.email };
}
