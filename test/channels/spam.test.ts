// Spam scoring: sales pitches, phishing and link farms are spam; shoppers writing about their orders are not.
import { describe, expect, it } from "vitest";

import { SPAM_THRESHOLD, spamScore } from "../../src/channels/spam.ts";

type Example = [label: string, text: string, from?: string, channel?: string];

const legit: Example[] = [
  ["asks where an order is", "Hi, where is my order #1042? It was supposed to arrive Monday."],
  ["asks to return an item", "Can I return the blue sweater? Order 10234"],
  ["links to a product on the store", "The link https://myshop.com/products/linen-shirt says out of stock, when will it be back?"],
  ["links to their order page", "I ordered from https://shop.example.com/account/orders/5521 and got the wrong size"],
  ["links to a store page with tracking parameters", "This one https://myshop.com/products/x?utm_source=sms&utm_campaign=spring please, size M"],
  ["shares two photo links of a damaged parcel", "Here are photos of the damage: https://imgur.com/a/abc123 https://imgur.com/a/def456"],
  ["shouts about a late order", "WHERE IS MY ORDER?? I PAID 2 WEEKS AGO AND STILL NOTHING!!!!!!"],
  ["shouts, repeats and quotes a broken button", "WHY HAS NOBODY ANSWERED ME??????? CLICK HERE DOES NOTHING ON YOUR SITE"],
  ["quotes a promo that did not work", "I got your email about the limited time offer but the code SAVE20 doesn't work"],
  ["asks to pay with crypto", "Can I pay with crypto or Bitcoin?"],
  ["gives a tracking number full of zeros", "My tracking number is 1Z999AA10000000084, UPS says delivered but I don't have it"],
  ["writes in Spanish", "Hola, ¿tienen esta camiseta en talla M?"],
  ["is very grateful", "Thanks so much!!!!!!! 😍😍😍"],
  ["sends a photo with no text by MMS", "", "+15551234567", "sms"],
  ["writes formally", "Dear Sir/Madam, I would like to request a refund for order 7781."],
  ["changes a shipping address", "I want to change the shipping address for order #2231 to Via Roma 12, Milano"],
  ["reports a broken discount code at checkout", "My discount code WELCOME10 isn't working at checkout https://shop.com/checkout"],
  ["asks about a refund amount", "Can I get the refund to my card ending 4242? Order no. 88812, paid $149.99"],
  ["asks on WhatsApp about a size", "Hi 👋 is the Nike Air Max 90 available in 42?", "whatsapp:+393471234567", "whatsapp"],
  ["replies by email quoting the newsletter footer", "When will it arrive?\n\n> Your order #1001 has shipped.\n> To unsubscribe click here.", "jane@gmail.com", "email"],
  ["says their account is locked", "My account was locked after too many login attempts, can you help?"],
  ["wants to use store credit", "I applied for store credit and want to apply it to order #3321"],
  ["won a giveaway", "I won the Instagram giveaway! How do I claim my prize?"],
  ["asks for a callback on WhatsApp", "Please call me at +1 (555) 123-4567 or WhatsApp me"],
  ["asks about a free trial", "Is there a free trial for the coffee subscription?"],
  ["is angry and short", "URGENT!!! wrong item received, order 4456"],
];

const spam: Example[] = [
  ["promises earnings from home behind a throwaway domain", "Earn $5000 per week from home! Click here: http://easy-money.xyz"],
  ["pitches SEO", "Boost your website to the first page of Google with our SEO services. Reply for a free audit."],
  ["sells backlinks and guest posts", "We offer high quality backlinks and guest posts for your store. Increase your traffic 300%!"],
  ["announces a prize behind a shortener", "Congratulations! You have been selected to win an iPhone 16. Claim your prize now: http://bit.ly/3xYz"],
  ["pitches a crypto investment", "Invest in Bitcoin today and double your money in 7 days. Guaranteed returns! Message me on WhatsApp +1 555 0100"],
  ["offers a loan", "Need a loan? Low interest loans approved in 24 hours, no credit check. Apply now http://fastcash.top"],
  ["phishes for the shop's login", "Your account has been suspended. Verify your account immediately at http://paypa1-secure.click/login"],
  ["sells pills in capitals", "BUY CHEAP VIAGRA CIALIS ONLINE!!!!!! http://pills.icu"],
  ["is a link farm with adult bait", "Hot singles in your area 💋💋💋 http://date.xyz http://meet.top http://x.buzz"],
  ["is an advance-fee letter", "Hello dear, I am Mrs. Grace, widow of an oil contractor. I have an inheritance fund of $10,500,000 and I need your help with a wire transfer to your account."],
  ["sells crypto trading signals on Telegram", "Crypto trading signals with 95% accuracy. Join our Telegram t.me/cryptopump"],
  ["pitches a Shopify agency", "We are a Shopify development agency. Our team can redesign your store at affordable rates, reply for a free quote!"],
  ["is nothing but links", "http://a-deals.xyz http://b-deals.top http://c-deals.click"],
  ["is a prize text from an alphanumeric sender", "WIN a FREE iPhone!!! Click here http://bit.ly/abc", "PROMO", "sms"],
  ["hides characters inside a crypto pitch", "Bit\u200Bcoin invest\u200Bment: make money fast with crypto trading http://coin.xyz"],
  ["comes from a throwaway domain with a pitch", "Our SEO experts will get your store to the top position on Google.", "deals@promo-mail.xyz", "email"],
];

describe("spamScore", () => {
  it.each(legit)("lets through a shopper who %s", (_label, text, from = "jane@example.com", channel = "webchat") => {
    const verdict = spamScore({ text, from, channel });
    expect(verdict, JSON.stringify(verdict)).toMatchObject({ spam: false });
    expect(verdict.score).toBeLessThan(SPAM_THRESHOLD);
  });

  it.each(spam)("flags a message that %s", (_label, text, from = "sender@example.com", channel = "email") => {
    const verdict = spamScore({ text, from, channel });
    expect(verdict, JSON.stringify(verdict)).toMatchObject({ spam: true });
    expect(verdict.score).toBeGreaterThanOrEqual(SPAM_THRESHOLD);
  });

  it("names every signal it counted", () => {
    expect(spamScore({ text: "Need a loan? Low interest loans approved in 24 hours, no credit check. Apply now http://fastcash.top", from: "x@example.com", channel: "email" })).toEqual({
      spam: true,
      score: 9,
      reasons: ["suspicious_tld:.top", "loan_offer"],
    });
  });

  it("gives a plain question a score of zero and no reasons", () => {
    expect(spamScore({ text: "Do you ship to Canada?", from: "+15551234567", channel: "sms" })).toEqual({ spam: false, score: 0, reasons: [] });
  });

  it("counts an empty body, but not as spam on its own", () => {
    expect(spamScore({ text: "   ", from: "jane@example.com", channel: "email" })).toEqual({ spam: false, score: 2, reasons: ["empty_body"] });
  });

  it("counts an alphanumeric sender only on SMS and WhatsApp", () => {
    expect(spamScore({ text: "Your parcel is on its way", from: "DHL", channel: "sms" }).reasons).toEqual(["alphanumeric_sender"]);
    expect(spamScore({ text: "Your parcel is on its way", from: "DHL", channel: "instagram" }).reasons).toEqual([]);
  });

  it("reads through invisible characters inserted to dodge filters, and counts them", () => {
    const verdict = spamScore({ text: "Bit\u200Bcoin invest\u200Bment opportunity", from: "x@example.com", channel: "email" });
    expect(verdict.reasons).toEqual(expect.arrayContaining(["crypto_pitch", "hidden_characters"]));
    expect(verdict.spam).toBe(true);
  });
});
