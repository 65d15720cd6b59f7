// Every skill end to end against the demo store (Northwind Outfitters), connected and seeded through the API: correct facts, the right card, cited articles.
import { beforeAll, describe, expect, it } from "vitest";
import { formatDay } from "../../src/agent/orders.ts";
import type { TestAccount } from "../helpers.ts";
import { alex, allText, anonymous, cardsOf, demoShop, history, sam, turn } from "./helpers.ts";

const DAY = 86_400_000;
const inDays = (n: number) => formatDay(new Date(Date.now() + n * DAY).toISOString());

let shop: TestAccount;
beforeAll(async () => {
  shop = await demoShop();
});

describe("order tracking", () => {
  it("tells a logged-in shopper where their current order is, with an order card", async () => {
    const r = await turn(shop, "Where is my order?", { profile: sam });
    expect(r).toMatchObject({ skill: "order_tracking", handoff: "none", resolved: true });
    expect(allText(r)).toContain("Order #1042");
    expect(allText(r)).toContain("hasn't shipped yet");
    expect(allText(r)).toContain("1 × Ridgeline Rain Jacket (M / Moss)");
    const [card] = cardsOf(r);
    expect(card).toMatchObject({ type: "order", title: "Order #1042", data: { statusLabel: "Not shipped yet", total: "$261.00" } });
    expect(card?.actions?.[0]).toEqual({ label: "Track order", url: "https://northwind-outfitters.example/orders/1042/status" });
  });

  it("gives carrier, tracking number and expected date of a shipped order", async () => {
    const r = await turn(shop, "Where is my order #1038?", { profile: sam });
    expect(allText(r)).toContain(`Order #1038 is on its way with UPS, expected ${inDays(2)}. The tracking number is 1Z8W31V60312345678.`);
    expect(cardsOf(r)[0]?.actions?.[0]).toEqual({ label: "Track order", url: "https://northwind-outfitters.example/track/1Z8W31V60312345678" });
  });

  it("verifies a shopper who isn't logged in by order number and email", async () => {
    const first = await turn(shop, "Where is my order #1038?");
    expect(first).toMatchObject({ skill: "order_tracking", handoff: "none", resolved: false });
    expect(allText(first)).toBe("Thanks! What's the email address you used for order #1038?");
    expect(cardsOf(first)).toEqual([]);

    const second = await turn(shop, "shopper@example.com", { history: history(["customer", "Where is my order #1038?"], ["ai", allText(first)]) });
    expect(second).toMatchObject({ skill: "order_tracking", resolved: true });
    expect(allText(second)).toContain("UPS");
    expect(cardsOf(second)[0]?.title).toBe("Order #1038");
  });

  it("never shows an order to an email it doesn't belong to, and offers a human after one retry", async () => {
    const first = await turn(shop, "Where is order #1038? My email is alex@example.com");
    expect(allText(first)).toBe("I couldn't find order #1038 for alex@example.com. Could you double-check the order number and the email address you used?");
    expect(first.handoff).toBe("none");
    expect(allText(first)).not.toContain("UPS");

    const retry = await turn(shop, "It's #1038 and alex@example.com", {
      history: history(["customer", "Where is order #1038? My email is alex@example.com"], ["ai", allText(first)]),
    });
    // The shopper already wrote an email: the handoff is offered without asking for it again.
    expect(retry.handoff).toBe("offer");
    expect(retry.resolved).toBe(false);
    expect(allText(retry)).toContain("I still can't find order #1038");
    expect(cardsOf(retry).map((c) => c.type)).toEqual(["handoff_offer"]);
  });

  it("doesn't look up another shopper's order for a logged-in shopper", async () => {
    const r = await turn(shop, "Where is order #1041?", { profile: sam });
    expect(allText(r)).toContain("I couldn't find order #1041 for shopper@example.com");
    expect(allText(r)).not.toContain("FedEx");
  });

  it("asks for the order number and email (or a login on web chat) when it has neither", async () => {
    const r = await turn(shop, "Where is my order?");
    expect(allText(r)).toBe("I can look that up for you: please log in, or tell me your order number and the email address you used for the order.");
    expect(r.handoff).toBe("none");
  });
});

describe("order editing", () => {
  it("says an unfulfilled order can still be changed, quotes the rules and links to the order page", async () => {
    const r = await turn(shop, "Can I cancel my order #1042?", { profile: sam });
    expect(r).toMatchObject({ skill: "order_editing", resolved: true, handoff: "none" });
    expect(allText(r)).toContain("order #1042 hasn't been packed yet, so it can still be changed or cancelled");
    expect(allText(r)).toContain("Our “Changing or cancelling an order” article says:");
    expect(cardsOf(r)[0]?.actions?.[0]).toEqual({ label: "Change or cancel order", url: "https://northwind-outfitters.example/orders/1042/status" });
  });

  it("says a shipped order can't be changed any more and points to returns", async () => {
    const r = await turn(shop, "I need to change the size on order #1038", { profile: sam });
    expect(allText(r)).toContain("Order #1038 has already shipped, so it can no longer be changed or cancelled");
    expect(cardsOf(r)[0]?.data?.["canEdit"]).toBe(false);
  });

  it("explains the rules and asks which order when the shopper isn't logged in", async () => {
    const r = await turn(shop, "How do I cancel an order?");
    expect(r.resolved).toBe(false);
    expect(allText(r)).toMatch(/^Our “Changing or cancelling an order” article says: /);
    expect(allText(r)).toContain("tell me your order number and the email address");
  });
});

describe("returns & exchanges", () => {
  it("links a logged-in shopper to the returns portal for the order with the item they name", async () => {
    const r = await turn(shop, "I want to return my hiking boots", { profile: sam });
    expect(r).toMatchObject({ skill: "returns_exchanges", resolved: true });
    expect(allText(r)).toContain("You can start a return or exchange for order #1029");
    expect(allText(r)).toContain("Our “Returns policy” article says:");
    expect(allText(r)).toContain("30 days of delivery");
    const [card] = cardsOf(r);
    expect(card?.actions?.[0]).toEqual({ label: "Start a return", url: "https://northwind-outfitters.example/returns?order=1029&email=shopper%40example.com" });
  });

  it("mentions a return already in progress", async () => {
    const r = await turn(shop, "Can I exchange the softshell jacket?", { profile: alex });
    expect(allText(r)).toContain("You already have an exchange in progress for #1033 (Alpine Softshell Jacket)");
  });

  it("gives a shopper who isn't logged in the returns link once they identify the order", async () => {
    const first = await turn(shop, "I want to return something");
    const r = await turn(shop, "1029 shopper@example.com", { history: history(["customer", "I want to return something"], ["ai", allText(first)]) });
    expect(r).toMatchObject({ skill: "returns_exchanges", resolved: true });
    expect(cardsOf(r)[0]?.actions?.[0]?.label).toBe("Start a return");
  });

  it("answers the policy for anyone and invites them to identify the order", async () => {
    const r = await turn(shop, "What's your return policy?");
    expect(r).toMatchObject({ resolved: true, handoff: "none" });
    expect(allText(r)).toMatch(/^Our “Returns policy” article says: You can return unworn, unwashed items/);
    expect(allText(r)).toContain("log in, or tell me your order number and the email address you used for it");
    expect(cardsOf(r)).toEqual([]);
  });
});

describe("subscriptions", () => {
  it("shows a logged-in shopper's subscription with the link to manage it", async () => {
    const r = await turn(shop, "When is my next coffee club delivery?", { profile: sam });
    expect(r).toMatchObject({ skill: "subscriptions", resolved: true });
    expect(allText(r)).toContain(`Your Trailhead Coffee Club — Whole bean subscription is active: 2 × $14.00 every month, next charge on ${inDays(9)}.`);
    expect(allText(r)).toContain("Our “Managing your Coffee Club or Sock Club subscription” article says:");
    expect(cardsOf(r)).toEqual([
      {
        type: "subscription",
        title: "Trailhead Coffee Club — Whole bean",
        data: { status: "active", quantity: 2, price: "$14.00", frequency: "every month", nextChargeOn: inDays(9) },
        actions: [{ label: "Manage subscription", url: "https://northwind-outfitters.example/account/subscriptions" }],
      },
    ]);
  });

  it("reports a paused subscription without a next charge", async () => {
    const r = await turn(shop, "Is my sock club subscription still on?", { profile: alex });
    expect(allText(r)).toContain("Your Merino Sock Club subscription is paused: 1 × $30.00 every 3 months.");
  });
});

describe("loyalty", () => {
  it("gives a logged-in member their points, tier and redeemable rewards on a loyalty card", async () => {
    const r = await turn(shop, "How many points do I have?", { profile: sam });
    expect(r).toMatchObject({ skill: "loyalty", resolved: true });
    expect(allText(r)).toBe("You have 820 points and you're in the Summit tier. You can redeem: Free standard shipping (200 points), $5 off your order (500 points).");
    expect(cardsOf(r)).toEqual([
      { type: "loyalty", title: "Northwind Trail Rewards", data: { points: 820, tier: "Summit", redeemable: ["Free standard shipping (200 points)", "$5 off your order (500 points)"] }, actions: [{ label: "Redeem points", url: "https://northwind-outfitters.example/account/rewards" }] },
    ]);
  });

  it("explains the programme to anyone, citing the article", async () => {
    const r = await turn(shop, "How do I earn points?", { profile: anonymous });
    expect(r.resolved).toBe(true);
    expect(allText(r)).toMatch(/^Our “Northwind Trail Rewards” article says: .*1 point for every \$1 you spend/);
  });

  it("tells a shopper who hasn't joined that they aren't a member yet", async () => {
    const r = await turn(shop, "What's my points balance?", { profile: { email: "marco.rossi@example.com", loggedIn: true, verifiedEmail: "marco.rossi@example.com" } });
    expect(allText(r)).toContain("You haven't joined Northwind Trail Rewards yet");
    expect(cardsOf(r)).toEqual([]);
  });
});

describe("coupons & discounts", () => {
  it("gives anyone the public codes valid now, never expired or personal ones", async () => {
    const r = await turn(shop, "Do you have any discount codes?");
    expect(r).toMatchObject({ skill: "coupons_discounts", resolved: true });
    const codes = cardsOf(r).map((c) => c.title);
    expect(codes).toEqual(["WELCOME10", "FREESHIP"]);
    expect(allText(r)).not.toMatch(/SUMMER25|SAM-SUMMIT15|ALEX-/);
    expect(allText(r)).toContain("log in and I can show codes issued to you personally");
    expect(cardsOf(r)[0]).toEqual({ type: "coupon", title: "WELCOME10", data: { code: "WELCOME10", description: "10% off your first order", expiresOn: null, personal: false }, actions: [{ label: "Copy code", action: "copy_code" }] });
  });

  it("adds a logged-in shopper's own codes, and only theirs", async () => {
    const r = await turn(shop, "Any coupon for me?", { profile: sam });
    expect(cardsOf(r).map((c) => c.title)).toEqual(["SAM-SUMMIT15", "WELCOME10", "FREESHIP"]);
    expect(allText(r)).toContain("And your personal code: SAM-SUMMIT15");
    expect(allText(r)).not.toContain("ALEX-");
  });
});

describe("general Q&A", () => {
  it("answers from the knowledge base and names the article", async () => {
    const r = await turn(shop, "Do you ship to Canada?");
    expect(r).toMatchObject({ skill: "general_qa", resolved: true, handoff: "none" });
    expect(allText(r)).toMatch(/^Our “Shipping times and costs” article says: /);
    expect(allText(r)).toContain("We ship to Canada in 5–8 business days");
  });

  it("quotes the right article for other questions", async () => {
    expect(allText(await turn(shop, "What payment methods do you accept?"))).toContain("“Payment methods”");
    expect(allText(await turn(shop, "How should I wash my merino top?"))).toContain("“Care instructions”");
    expect(allText(await turn(shop, "How can I contact you by phone?"))).toContain("“Contact us”");
  });

  it("says so and offers a human when the knowledge base has nothing relevant", async () => {
    const r = await turn(shop, "Is there a physical store in Berlin where I can try things?");
    expect(r).toMatchObject({ skill: "general_qa", resolved: false, handoff: "ask_email" });
    expect(allText(r)).toContain("I couldn't find that in our help center");
    expect(cardsOf(r).map((c) => c.type)).toEqual(["handoff_offer"]);
  });
});

describe("product recommendations", () => {
  it("suggests products from the catalog on product cards", async () => {
    const r = await turn(shop, "Can you recommend a rain jacket?");
    expect(r).toMatchObject({ skill: "product_recommendations", resolved: true });
    expect(allText(r)).toContain("Ridgeline Rain Jacket ($189.00)");
    const [first] = cardsOf(r);
    expect(first).toMatchObject({ type: "product", title: "Ridgeline Rain Jacket", data: { price: "$189.00", available: true } });
    expect(first?.actions).toEqual([{ label: "View product", url: "https://northwind-outfitters.example/products/ridgeline-rain-jacket" }]);
    expect(cardsOf(r).every((c) => c.data?.["available"] === true)).toBe(true);
  });

  it("says when what matches is out of stock", async () => {
    const r = await turn(shop, "I'm looking for a down puffer");
    expect(allText(r)).toContain("Summit Down Puffer ($249.00), but it's out of stock at the moment");
  });

  it("offers a human when the catalog has nothing like it", async () => {
    const r = await turn(shop, "Do you sell surfboards?");
    expect(r).toMatchObject({ resolved: false, handoff: "ask_email" });
    expect(allText(r)).toContain("I couldn't find anything matching that in our catalog.");
  });
});
