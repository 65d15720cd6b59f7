// Replies per channel: web chat keeps cards; SMS gets whole sentences and one deep link; email gets the cards as text with links.
import { describe, expect, it } from "vitest";
import { comparisonCard, couponCard, handoffOfferCard, productCard } from "../../src/agent/cards.ts";
import { renderReply, shorten, SMS_MAX_TEXT } from "../../src/agent/render.ts";

const product = productCard("en", { id: "p1", title: "Ridgeline Rain Jacket", description: "Waterproof shell.", price: "$189.00", amount: 189, url: "https://shop.example/products/ridgeline", imageUrl: null, available: true, restockOn: null });
const coupon = couponCard("en", { code: "WELCOME10", description: "10% off your first order", expiresOn: null, personal: false });

describe("renderReply", () => {
  it("keeps text and cards as they are on web chat", () => {
    const reply = { body: "Here is a pick: **Ridgeline**.", cards: [product] };
    expect(renderReply("webchat", reply)).toEqual(reply);
  });

  it("gives SMS whole sentences within two segments plus the first deep link", () => {
    const body = `${"This sentence is about forty characters. ".repeat(9)}Last.`;
    const r = renderReply("sms", { body, cards: [coupon, product] });
    const [text, link] = r.body.split("\n");
    expect(text!.length).toBeLessThanOrEqual(SMS_MAX_TEXT);
    expect(text).toMatch(/characters\.$/);
    expect(link).toBe("View product: https://shop.example/products/ridgeline");
    expect(r.cards).toEqual([]);
  });

  it("keeps the closing question of a long SMS answer", () => {
    const policy = `Our “Returns policy” article says: ${"Items can be returned within thirty days of delivery. ".repeat(8)}`;
    const body = renderReply("sms", { body: `${policy}\n\nWhat's the email address you used for order #1040?`, cards: [] }).body;
    expect(body.length).toBeLessThanOrEqual(SMS_MAX_TEXT);
    expect(body).toMatch(/^Our “Returns policy” article says: Items can be returned/);
    expect(body.endsWith("What's the email address you used for order #1040?")).toBe(true);
  });

  it("gives email the card details and every link as text", () => {
    const r = renderReply("email", { body: "Here are some picks.", cards: [product, coupon, handoffOfferCard("en", { emailRequired: false })] });
    expect(r).toEqual({
      body: "Here are some picks.\n\nRidgeline Rain Jacket\n$189.00\nView product: https://shop.example/products/ridgeline\n\nWELCOME10\n10% off your first order",
      cards: [],
    });
  });

  it("strips markdown bold outside web chat", () => {
    expect(renderReply("whatsapp", { body: "Use **WELCOME10**", cards: [] }).body).toBe("Use WELCOME10");
  });
});

describe("shorten", () => {
  it("cuts a single over-long sentence with an ellipsis", () => {
    const out = shorten("a".repeat(400), 300);
    expect(out).toHaveLength(300);
    expect(out.endsWith("…")).toBe(true);
  });
});

describe("the comparison card", () => {
  const a = { id: "a", title: "Ridgeline Rain Jacket", description: "Waterproof shell.", price: "$189.00", amount: 189, url: "https://shop.example/a", imageUrl: null, available: true, restockOn: null };
  const b = { ...a, id: "b", title: "Summit Down Puffer", price: "$249.00", amount: 249, url: "https://shop.example/b", available: false };

  it("lists both products with their prices and stock, in the shopper's language", () => {
    const card = comparisonCard("fr", a, b);
    expect(card.title).toBe("Ridgeline Rain Jacket ou Summit Down Puffer");
    expect(card.data?.["items"]).toMatchObject([{ title: "Ridgeline Rain Jacket", variant: "$189.00" }, { title: "Summit Down Puffer", variant: "$249.00 · en rupture de stock" }]);
  });

  it("reads as lines in an email", () => {
    const r = renderReply("email", { body: "Here's how they compare:", cards: [comparisonCard("en", a, b)] }, "en");
    expect(r.body).toContain("- Ridgeline Rain Jacket: $189.00\n- Summit Down Puffer: $249.00 · out of stock");
  });
});
