// The agent turn: handoff when asked, unsure or stuck; login gating per channel; greetings; topic changes; SMS and email rendering.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { runAgentTurn } from "../../src/agent/runTurn.ts";
import { SMS_MAX_TEXT } from "../../src/agent/render.ts";
import { call, signup, type TestAccount } from "../helpers.ts";
import { allText, anonymous, cardsOf, demoShop, fixedRouter, history, keywordRouter, sam, turn } from "./helpers.ts";

let shop: TestAccount;
beforeAll(async () => {
  shop = await demoShop();
});

describe("handoff when the shopper asks for a human", () => {
  it("asks first on web chat, with the button, and asks a shopper we don't know for an email", async () => {
    const r = await turn(shop, "Can I talk to a real person please?");
    expect(r).toEqual({
      skill: "handoff",
      confidence: 1,
      handoff: "ask_email",
      resolved: false,
      language: "en",
      replies: [
        {
          body: "Of course — I can connect you with someone from our team. Tap the button below and leave your email address so they can get back to you.",
          cards: [{ type: "handoff_offer", title: "Talk to our team", data: { emailRequired: true, email: null }, actions: [{ label: "Yes, connect me with an agent", action: "handoff" }] }],
        },
      ],
    });
  });

  it("offers without asking for an email when the shopper gave one", async () => {
    const r = await turn(shop, "I want to talk to a human", { profile: { email: "jordan.lee@example.com", loggedIn: false } });
    expect(r.handoff).toBe("offer");
    expect(cardsOf(r)[0]?.data).toEqual({ emailRequired: false, email: "jordan.lee@example.com" });
  });

  it("hands SMS and email conversations to the team at once, without buttons", async () => {
    const sms = await turn(shop, "Let me talk to a human", { channel: "sms" });
    expect(sms).toMatchObject({ handoff: "now", replies: [{ body: "Sure — I've passed your message to our team, and someone will reply to you here as soon as possible.", cards: [] }] });
    const email = await turn(shop, "I'd like to talk to a real person", { channel: "email", profile: { email: "sam@example.com", loggedIn: false } });
    expect(email).toMatchObject({ handoff: "now", replies: [{ body: "Sure — I've passed your message to our team, and someone will reply to your email as soon as possible.", cards: [] }] });
  });

  it("shows the shop's own message instead when the handoff method is 'Send a message'", async () => {
    const message = "Our team answers at help@northwind-outfitters.example within a day. Order help: https://northwind-outfitters.example/help";
    const r = await turn(shop, "Talk to a human", { handoffMessage: message });
    expect(r).toMatchObject({ handoff: "none", replies: [{ body: message, cards: [] }] });
  });
});

describe("handoff when the agent can't help", () => {
  it("asks the shopper to rephrase when the router isn't sure, without offering a human yet", async () => {
    const r = await turn(shop, "blorp", { profile: sam });
    expect(r).toMatchObject({ skill: "other", confidence: 0.3, handoff: "none", resolved: false });
    expect(allText(r)).toBe("I'm not sure I understood. Could you rephrase that, or tell me a little more about what you need?");
    expect(cardsOf(r)).toEqual([]);
  });

  it("offers a human when the router still isn't sure the second time", async () => {
    const first = await turn(shop, "Where is my order?", { profile: sam, router: fixedRouter("order_tracking", 0.45) });
    expect(first.handoff).toBe("none");
    const second = await turn(shop, "the thing I bought", {
      profile: sam,
      router: fixedRouter("order_tracking", 0.45),
      history: history(["customer", "Where is my order?"], ["ai", allText(first)]),
    });
    expect(second.handoff).toBe("offer");
    expect(cardsOf(second).map((c) => c.type)).toEqual(["handoff_offer"]);
  });

  it("offers a human when the skill is unavailable for the shop", async () => {
    const bare = await signup();
    const r = await turn(bare, "Where is my order #1038?", { profile: sam });
    expect(r).toMatchObject({ skill: "order_tracking", handoff: "offer", resolved: false });
    expect(allText(r)).toBe("I'm not able to help with that here yet. Would you like me to connect you with someone from our team?");
  });

  it("offers a human when the store can't be reached", async () => {
    const broken = await signup();
    await call("PUT", "/api/integrations/shopify", { token: broken.token, body: { shop: "northwind", accessToken: "shpat_0123456789abcdef" } });
    const r = await runAgentTurn(env, {
      accountId: broken.accountId,
      ticketId: "tkt_broken",
      channel: "webchat",
      text: "Where is my order #1038?",
      history: [],
      profile: sam,
      router: keywordRouter,
      integrations: { fetch: async () => new Response("upstream down", { status: 503 }) },
    });
    expect(r).toMatchObject({ skill: "order_tracking", handoff: "offer", resolved: false });
    expect(r.replies[0]?.body).toBe("I couldn't reach our store's systems just now, so I can't check that for you.");
    expect(r.replies[1]?.cards[0]?.type).toBe("handoff_offer");
  });
});

describe("login gating", () => {
  it("asks a web-chat shopper who isn't logged in to log in for account skills", async () => {
    const r = await turn(shop, "When is my next coffee club delivery?", { profile: { email: "shopper@example.com", loggedIn: false } });
    expect(r).toMatchObject({ skill: "subscriptions", handoff: "none", resolved: false });
    expect(allText(r)).toContain("To see your subscriptions and manage them, please log in to your account and ask me again.");
    expect(allText(r)).not.toContain("Trailhead Coffee Club — Whole bean");
    expect(cardsOf(r)).toEqual([]);
  });

  it("never uses an unverified email for account data, even a real customer's", async () => {
    const r = await turn(shop, "How many points do I have? I'm shopper@example.com", { profile: anonymous });
    expect(allText(r)).not.toContain("820");
    expect(allText(r)).toContain("To see your points balance, please log in");
  });

  it("hands account questions on SMS to the team, where nobody can log in", async () => {
    const r = await turn(shop, "How many points do I have?", { channel: "sms" });
    expect(r).toMatchObject({ skill: "loyalty", handoff: "now", resolved: false });
    expect(allText(r)).toContain("I've passed your message to our team");
    expect(allText(r)).not.toContain("log in");
  });

  it("asks for order number and email on SMS (no login there)", async () => {
    const r = await turn(shop, "Where is my order?", { channel: "sms" });
    expect(allText(r)).toBe("I can look that up for you: tell me your order number and the email address you used for the order.");
    expect(r.handoff).toBe("none");
  });

  it("verifies by the sender's address on email", async () => {
    const r = await turn(shop, "Hi, where is my order #1038?", { channel: "email", profile: { email: "shopper@example.com", loggedIn: false } });
    expect(r).toMatchObject({ skill: "order_tracking", resolved: true, handoff: "none" });
    expect(allText(r)).toContain("UPS");
  });
});

describe("conversation", () => {
  it("answers greetings and thanks without a handoff", async () => {
    const hi = await turn(shop, "Hello!");
    expect(hi).toMatchObject({ skill: "other", handoff: "none", resolved: false });
    expect(allText(hi)).toMatch(/^Hi there! I'm the shop's virtual assistant\. I can check an order/);
    expect(allText(await turn(shop, "Thanks!"))).toBe("You're welcome! Is there anything else I can help with?");
  });

  it("follows the shopper to a new topic mid-conversation", async () => {
    const before = history(["customer", "Where is my order #1038?"], ["ai", "Order #1038 is on its way with UPS."]);
    const r = await turn(shop, "Also, do you have any discount codes?", { profile: sam, history: before });
    expect(r.skill).toBe("coupons_discounts");
    expect(cardsOf(r).map((c) => c.type)).toContain("coupon");
  });

  it("answers only from the shop's own integrations and knowledge base", async () => {
    const other = await signup();
    await call("POST", "/api/knowledge", { token: other.token, body: { title: "Opening hours", body: "Our warehouse shop opens at 9." } });
    const tracking = await turn(other, "Where is my order #1038?", { profile: sam });
    expect(tracking.handoff).toBe("offer");
    expect(allText(tracking)).not.toContain("UPS");
    const qa = await turn(other, "Do you ship to Canada?");
    expect(allText(qa)).not.toContain("Shipping times and costs");
    expect(qa.handoff).toBe("ask_email");
  });

  it("returns one plain JSON shape that survives RPC", async () => {
    const r = await turn(shop, "Where is my order #1038?", { profile: sam });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(structuredClone(r)).toEqual(r);
    expect(Object.keys(r).sort()).toEqual(["confidence", "handoff", "language", "replies", "resolved", "skill"]);
  });
});

describe("rendering per channel", () => {
  it("sends SMS a short text with one deep link and no cards", async () => {
    const r = await turn(shop, "Where is my order #1038? It's shopper@example.com", { channel: "sms" });
    expect(r.replies).toHaveLength(1);
    const [body, link] = r.replies[0]!.body.split("\n");
    expect(r.replies[0]!.cards).toEqual([]);
    expect(body!.length).toBeLessThanOrEqual(SMS_MAX_TEXT);
    expect(body).toContain("Order #1038 is on its way with UPS");
    expect(link).toBe("Track order: https://northwind-outfitters.example/track/1Z8W31V60312345678");
  });

  it("sends email the text with the card's details and links", async () => {
    const r = await turn(shop, "Can I return my hiking boots? Order #1029", { channel: "email", profile: { email: "shopper@example.com", loggedIn: false } });
    const body = r.replies[0]!.body;
    expect(r.replies[0]!.cards).toEqual([]);
    expect(body).toContain("You can start a return or exchange for order #1029");
    expect(body).toContain("Order #1029\nDelivered · total $179.00\n- 1 × Switchback Hiking Boots (US 10 / Brown)");
    expect(body).toContain("Start a return: https://northwind-outfitters.example/returns?order=1029&email=shopper%40example.com");
  });

  it("keeps the agent's question when an SMS answer is long", async () => {
    const r = await turn(shop, "Can I cancel order 1040?", { channel: "sms" });
    expect(r.replies[0]!.body.length).toBeLessThanOrEqual(SMS_MAX_TEXT);
    expect(r.replies[0]!.body).toMatch(/What's the email address you used for order #1040\?$/);
    const next = await turn(shop, "1040 jordan.lee@example.com", { channel: "sms", history: history(["customer", "Can I cancel order 1040?"], ["ai", r.replies[0]!.body]) });
    expect(next).toMatchObject({ skill: "order_editing", resolved: true });
    expect(next.replies[0]!.body).toContain("order #1040 hasn't been packed yet");
    expect(next.replies[0]!.body).toContain("Change or cancel order: https://northwind-outfitters.example/orders/1040/status");
  });

  it("keeps coupon codes in the text where cards can't be shown", async () => {
    const r = await turn(shop, "Any discount code?", { channel: "sms" });
    expect(r.replies[0]!.body).toContain("WELCOME10");
    expect(r.replies[0]!.cards).toEqual([]);
  });
});
