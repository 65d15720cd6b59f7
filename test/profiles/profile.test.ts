// The customer profile API: one profile per person, merging, consent per channel, predictions, timeline and saved filters.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { findOrCreateProfile } from "../../src/profiles/service.ts";
import { addAgent, call, chatSay, inbound, signup, startChat, unique } from "../helpers.ts";

async function demoShop() {
  const shop = await signup();
  const res = await call("PUT", "/api/integrations/demo", { token: shop.token, body: {} });
  if (res.status !== 200) throw new Error(`demo connect failed: ${res.status}`);
  return shop;
}

async function profileIdOf(token: string, ticketId: string): Promise<string> {
  const t = await call("GET", `/api/tickets/${ticketId}`, { token });
  return t.body.ticket.customer.profileId;
}

describe("customer profile", () => {
  it("answers with consent per channel, segments, ticket count and predictions from the store's orders, keeping the first shape", async () => {
    const shop = await demoShop();
    const first = await inbound(shop.accountId, { channel: "email", from: "Sam Shopper <shopper@example.com>", text: "Where is my order?" });
    await inbound(shop.accountId, { channel: "email", from: "shopper@example.com", text: "Another question", threadId: "<other@x>" });
    const profileId = await profileIdOf(shop.token, first.body.ticketId);
    const res = await call("GET", `/api/profiles/${profileId}`, { token: shop.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: profileId, email: "shopper@example.com", smsConsent: "unknown", segments: [] });
    const p = res.body.profile;
    expect(p).toMatchObject({ id: profileId, email: "shopper@example.com", consent: { sms: "unknown", whatsapp: "unknown", email: "unknown" }, segments: [], ticketCount: 2 });
    expect(p.predictions).toMatchObject({ orderCount: 4, method: "rfm-poisson-v1" });
    expect(p.predictions.lifetimeValue).toBeGreaterThan(p.predictions.historicValue);
    expect(p.predictions.churnRisk).toBeGreaterThanOrEqual(0);
    expect(p.predictions.churnRisk).toBeLessThanOrEqual(1);
    expect(Date.parse(p.predictions.expectedNextOrderAt)).toBeGreaterThan(Date.now());
    expect(p.loyalty).toMatchObject({ points: 820, tier: "Summit", redeemUrl: "https://northwind-outfitters.example/account/rewards" });
    expect(p.loyalty.howToRedeem).toContain("Rewards");
    const tickets = await call("GET", `/api/profiles/${profileId}/tickets`, { token: shop.token });
    expect(tickets.body.items).toHaveLength(2);
  });

  it("gives every web-chat ticket a profile, even an anonymous visitor's", async () => {
    const shop = await signup();
    const chat = await startChat(shop.accountId);
    const profileId = await profileIdOf(shop.token, chat.ticketId);
    expect(profileId).toMatch(/^prof_/);
    const res = await call("GET", `/api/profiles/${profileId}`, { token: shop.token });
    expect(res.body.profile).toMatchObject({ email: null, phone: null, predictions: { orderCount: 0, expectedNextOrderAt: null } });
  });

  it("keeps one profile per person: the same email in any case is one profile, and an email and phone that met merge", async () => {
    const shop = await signup();
    const email = `${unique("pat")}@Example.com`;
    const a = await inbound(shop.accountId, { channel: "email", from: email, text: "Hi" });
    const chat = await startChat(shop.accountId, { email: email.toLowerCase() });
    await chatSay(chat, "same person, on the chat");
    const byEmail = await profileIdOf(shop.token, a.body.ticketId);
    expect(await profileIdOf(shop.token, chat.ticketId)).toBe(byEmail);

    const sms = await inbound(shop.accountId, { channel: "sms", from: "+15550107777", text: "hello by text" });
    const byPhone = await profileIdOf(shop.token, sms.body.ticketId);
    expect(byPhone).not.toBe(byEmail);
    const merged = await call("POST", `/api/profiles/${byEmail}/merge`, { token: shop.token, body: { profileId: byPhone } });
    expect(merged.status).toBe(200);
    expect(merged.body.profile).toMatchObject({ id: byEmail, emails: [email.toLowerCase()], phones: ["+15550107777"], ticketCount: 3, mergedProfileIds: [byPhone] });
    // The merged id still answers, with the survivor; merging again is a conflict.
    expect((await call("GET", `/api/profiles/${byPhone}`, { token: shop.token })).body.profile.id).toBe(byEmail);
    expect((await call("POST", `/api/profiles/${byEmail}/merge`, { token: shop.token, body: { profileId: byPhone } })).status).toBe(409);
    // A new SMS from that phone lands on the survivor.
    const again = await inbound(shop.accountId, { channel: "sms", from: "+15550107777", text: "STOP" });
    expect(again.body.consent).toBe("opt_out");
    expect((await call("GET", `/api/profiles/${byEmail}`, { token: shop.token })).body.profile.consent.sms).toBe("opted_out");
  });

  it("merges by itself when one sender's identifiers belong to two profiles, and links a new identifier to the person", async () => {
    const shop = await signup();
    const email = `${unique("kim")}@example.com`;
    const byEmail = await findOrCreateProfile(env, shop.accountId, { email });
    const byPhone = await findOrCreateProfile(env, shop.accountId, { phone: "+15550108888", name: "Kim" });
    const both = await findOrCreateProfile(env, shop.accountId, { email, phone: "+15550108888" });
    expect(both!.id).toBe(byEmail!.id);
    expect(both!.name).toBe("Kim");
    expect((await findOrCreateProfile(env, shop.accountId, { phone: "+15550108888" }))!.id).toBe(byEmail!.id);
    expect((await call("GET", `/api/profiles/${byPhone!.id}`, { token: shop.token })).body.profile).toMatchObject({ id: byEmail!.id, emails: [email], phones: ["+15550108888"] });
    // A second email for the same person (met with the phone) becomes an alias: either email finds them.
    const second = `${unique("kim2")}@example.com`;
    expect((await findOrCreateProfile(env, shop.accountId, { email: second, phone: "+15550108888" }))!.id).toBe(byEmail!.id);
    expect((await findOrCreateProfile(env, shop.accountId, { email: second }))!.id).toBe(byEmail!.id);
  });

  it("validates merge input, is 404 for foreign or unknown profiles and refuses no one with a helpdesk role", async () => {
    const shop = await signup();
    const other = await signup();
    const t = await inbound(shop.accountId, { channel: "email", from: `${unique("x")}@example.com`, text: "Hi" });
    const profileId = await profileIdOf(shop.token, t.body.ticketId);
    expect((await call("POST", `/api/profiles/${profileId}/merge`, { token: shop.token, body: {} })).status).toBe(400);
    expect((await call("POST", `/api/profiles/${profileId}/merge`, { token: shop.token, body: { profileId: "prof_nope" } })).status).toBe(404);
    for (const path of ["", "/events", "/orders", "/subscriptions", "/tickets"]) {
      expect((await call("GET", `/api/profiles/${profileId}${path}`, { token: other.token })).status, path).toBe(404);
      expect((await call("GET", `/api/profiles/${profileId}${path}`)).status, path).toBe(401);
    }
    const support = await addAgent(shop, "support");
    expect((await call("GET", `/api/profiles/${profileId}/events`, { token: support.token })).status).toBe(200);
  });
});

describe("profile timeline", () => {
  it("lists orders, fulfilments, returns, loyalty, consent and conversations newest first, filtered by metric and paged", async () => {
    const shop = await demoShop();
    const t = await inbound(shop.accountId, { channel: "email", from: "alex@example.com", text: "Return please" });
    const profileId = await profileIdOf(shop.token, t.body.ticketId);
    const all = await call("GET", `/api/profiles/${profileId}/events?limit=200`, { token: shop.token });
    expect(all.status).toBe(200);
    const metrics = new Set(all.body.items.map((e: { metric: string }) => e.metric));
    for (const m of ["placed_order", "fulfilled_order", "cancelled_order", "conversation", "loyalty_changed"]) expect(metrics, m).toContain(m);
    const times = all.body.items.map((e: { occurredAt: string }) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const orders = await call("GET", `/api/profiles/${profileId}/events?metric=placed_order`, { token: shop.token });
    expect(orders.body.items.map((e: { properties: { name: string } }) => e.properties.name)).toEqual(["#1041", "#1033", "#1031", "#1026"]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await call("GET", `/api/profiles/${profileId}/events?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { token: shop.token });
      seen.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((e: { id: string }) => e.id));
    expect((await call("GET", `/api/profiles/${profileId}/events?cursor=garbage!`, { token: shop.token })).status).toBe(400);
    // The loyalty balance is noted once, not on every look.
    const again = await call("GET", `/api/profiles/${profileId}/events?metric=loyalty_changed`, { token: shop.token });
    expect(again.body.items).toHaveLength(1);
  });

  it("saves filters per agent and applies one by id", async () => {
    const shop = await demoShop();
    const t = await inbound(shop.accountId, { channel: "email", from: "alex@example.com", text: "Hi" });
    const profileId = await profileIdOf(shop.token, t.body.ticketId);
    const saved = await call("POST", "/api/profile-event-filters", { token: shop.token, body: { name: "Orders", metrics: ["placed_order", "cancelled_order"] } });
    expect(saved.status).toBe(201);
    expect((await call("POST", "/api/profile-event-filters", { token: shop.token, body: { name: "Orders", metrics: ["x"] } })).status).toBe(409);
    expect((await call("POST", "/api/profile-event-filters", { token: shop.token, body: { name: "", metrics: [] } })).status).toBe(400);
    const list = await call("GET", "/api/profile-event-filters", { token: shop.token });
    expect(list.body.items).toEqual([saved.body]);
    const support = await addAgent(shop, "support");
    expect((await call("GET", "/api/profile-event-filters", { token: support.token })).body.items).toEqual([]);
    const filtered = await call("GET", `/api/profiles/${profileId}/events?filterId=${saved.body.id}`, { token: shop.token });
    expect(new Set(filtered.body.items.map((e: { metric: string }) => e.metric))).toEqual(new Set(["placed_order", "cancelled_order"]));
    expect((await call("GET", `/api/profiles/${profileId}/events?filterId=${saved.body.id}`, { token: support.token })).status).toBe(404);
    expect((await call("DELETE", `/api/profile-event-filters/${saved.body.id}`, { token: shop.token })).status).toBe(204);
    expect((await call("DELETE", `/api/profile-event-filters/${saved.body.id}`, { token: shop.token })).status).toBe(404);
  });
});
