// Skills answer the question asked, escalation and the shopper's language, turn by turn over the demo store held in memory (scripts/eval-agent/shops.ts).
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/agent/i18n/index.ts";
import type { IntentRouter, SkillId } from "../../src/agent/router/index.ts";
import { runTurnWith, type AgentTurnResult } from "../../src/agent/turn.ts";
import type { AgentChannel, HistoryEntry, ShopperProfile } from "../../src/agent/types.ts";
import { shops, type ShopId } from "../../scripts/eval-agent/shops.ts";

const NOW = Date.UTC(2026, 10, 20, 15);
const guest: ShopperProfile = { loggedIn: false };
const as = (email: string): ShopperProfile => ({ email, loggedIn: true });
const sam = as("shopper@example.com");

function router(skill: SkillId, confidence = 0.9): IntentRouter {
  return { classify: async () => ({ skill, confidence }) };
}

interface Opts {
  profile?: ShopperProfile;
  history?: HistoryEntry[];
  language?: Lang;
  channel?: AgentChannel;
  shop?: ShopId;
}

function turn(skill: SkillId, text: string, opts: Opts & { confidence?: number } = {}): Promise<AgentTurnResult> {
  return runTurnWith(shops[opts.shop ?? "demo"].sources(NOW), {
    accountId: "acc_test",
    ticketId: "tkt_test",
    channel: opts.channel ?? "webchat",
    text,
    history: opts.history ?? [],
    profile: opts.profile ?? guest,
    router: router(skill, opts.confidence),
    // English unless a test is about another language (detection has its own tests, test/agent/language.node.test.ts).
    language: opts.language ?? "en",
    now: NOW,
  });
}

const text = (r: AgentTurnResult) => r.replies.map((x) => x.body).join("\n");
const cards = (r: AgentTurnResult) => r.replies.flatMap((x) => x.cards);
const after = (...pairs: [string, AgentTurnResult][]): HistoryEntry[] =>
  pairs.flatMap(([said, r], i) => [{ author: "customer" as const, text: said, at: i * 10 }, ...r.replies.map((x, j) => ({ author: "ai" as const, text: x.body, at: i * 10 + j + 1 }))]);

describe("coupons answer about the code named", () => {
  it("says an expired code has expired and offers the valid ones", async () => {
    const r = await turn("coupons_discounts", "my code SUMMER25 isn't working");
    expect(text(r)).toContain("SUMMER25 has expired (it ended on Nov 10)");
    expect(text(r)).toContain("WELCOME10");
    expect(r.resolved).toBe(true);
  });

  it("gives a valid code's minimum spend and once-per-customer rule", async () => {
    const r = await turn("coupons_discounts", "does WELCOME10 have a minimum?");
    expect(text(r)).toContain("WELCOME10 is valid: 10% off your first order. It needs an order of at least $50.00. It can be used once per customer.");
  });

  it("answers the stacking rule from the help center", async () => {
    const r = await turn("coupons_discounts", "can I stack WELCOME10 and FREESHIP?");
    expect(text(r)).toMatch(/^Our “Discount codes and coupons” article says: Only one code can be used per order/);
  });

  it("doesn't know codes it can't find, and tells nothing of someone else's", async () => {
    expect(text(await turn("coupons_discounts", "is BLACKFRIDAY50 valid?"))).toContain("I can't find a code called BLACKFRIDAY50");
    const r = await turn("coupons_discounts", "is ALEX-BDAY20 valid?");
    expect(text(r)).toContain("personal code");
    expect(text(r)).not.toContain("20% off");
  });
});

describe("returns answer damaged items, refund status and orders still on their way", () => {
  it("quotes the damaged-items article, charges no label fee and offers a person", async () => {
    const r = await turn("returns_exchanges", "The shirt I got has a huge tear along the seam", { profile: sam });
    expect(text(r)).toContain("“Damaged, faulty or wrong items”");
    expect(text(r)).not.toContain("$6");
    expect(r).toMatchObject({ resolved: false, handoff: "offer" });
  });

  it("reads the refund's status from the returns provider", async () => {
    const r = await turn("returns_exchanges", "When will I get my refund?", { profile: as("emma.schmidt@example.com") });
    expect(text(r)).toContain("Your refund for order #1032 (Coastal Linen Shirt) has been completed.");
    expect(text(r)).toContain("5–7 business days");
  });

  it("says an order still in transit can't be returned yet, with the card that shows it", async () => {
    const r = await turn("returns_exchanges", "I want to return order 1038", { profile: sam });
    expect(text(r)).toContain("Order #1038 hasn't been delivered yet");
    expect(cards(r)[0]?.data?.["statusLabel"]).toBe("In transit");
  });
});

describe("tracking answers missing and late parcels with a person", () => {
  it("a parcel marked delivered that never came: the claim article, a person, not resolved", async () => {
    const r = await turn("order_tracking", "Tracking for order 1033 says delivered but it's not on my porch", { profile: as("alex@example.com") });
    expect(text(r)).toContain("“Tracking your order”");
    expect(text(r)).toContain("open a claim");
    expect(r).toMatchObject({ resolved: false, handoff: "offer" });
  });

  it("a late order: an apology, the status and a person", async () => {
    const r = await turn("order_tracking", "where is order 1044?", { profile: as("olivia.brown@example.com") });
    expect(text(r)).toContain("I'm sorry — order #1044 was expected Nov 17 and still hasn't arrived.");
    expect(r.handoff).toBe("offer");
  });
});

describe("a reply and its card agree", () => {
  it("an order being packed is neither 'shipped' in the reply nor anything but 'Preparing to ship' on the card", async () => {
    const r = await turn("order_editing", "can I change the address on order 1041?", { profile: as("alex@example.com") });
    expect(text(r)).toContain("“Preparing to ship”");
    expect(text(r)).not.toMatch(/has already shipped|is on its way/);
    expect(cards(r)[0]?.data?.["statusLabel"]).toBe("Preparing to ship");
  });
});

describe("products answer budgets, stock, comparisons and sizing", () => {
  it("never suggests anything over the budget", async () => {
    const r = await turn("product_recommendations", "a gift under $50");
    const prices = cards(r).map((c) => Number(String(c.data?.["price"]).replace(/[$,]/g, "")));
    expect(prices.length).toBeGreaterThan(0);
    for (const price of prices) expect(price).toBeLessThan(50);
  });

  it("says the restock date is unknown unless the catalog has one", async () => {
    expect(text(await turn("product_recommendations", "when will the puffer be back in stock?"))).toContain("Summit Down Puffer is out of stock at the moment, and the restock date is unknown");
    expect(text(await turn("product_recommendations", "is the kids puddle rain shell in stock?"))).toContain("we expect it back in stock on Dec 2");
  });

  it("compares two named products on one comparison card", async () => {
    const r = await turn("product_recommendations", "compare the Ridgeline Rain Jacket and the Alpine Softshell Jacket");
    expect(cards(r).map((c) => c.type)).toEqual(["comparison"]);
    expect(text(r)).toContain("Ridgeline Rain Jacket — $189.00");
    expect(text(r)).toContain("Alpine Softshell Jacket — $159.00");
  });

  it("compares the two products it just suggested", async () => {
    const first = await turn("product_recommendations", "I'm looking for a jacket");
    const r = await turn("product_recommendations", "compare these two", { history: after(["I'm looking for a jacket", first]) });
    expect(cards(r).map((c) => c.type)).toEqual(["comparison"]);
  });

  it("answers sizing from the size guide", async () => {
    const r = await turn("product_recommendations", "what size fleece should I get? my chest is 39 inches");
    expect(text(r)).toContain("M 38–40 in");
  });
});

describe("loyalty tells how to redeem", () => {
  it("quotes the rewards and links the rewards page", async () => {
    const r = await turn("loyalty", "how do I redeem my points?");
    expect(text(r)).toContain("Redeem points for free standard shipping");
    expect(cards(r)[0]?.actions?.[0]).toEqual({ label: "Redeem points", url: "https://northwind-outfitters.example/account/rewards" });
  });
});

describe("subscriptions change only after the shopper confirms", () => {
  it("asks first, then skips through the provider on 'yes'", async () => {
    const ask = await turn("subscriptions", "please skip my next coffee delivery", { profile: sam });
    expect(text(ask)).toContain("Do you want me to skip the next delivery of your Trailhead Coffee Club — Whole bean subscription?");
    expect(ask.resolved).toBe(false);
    // The router would call "yes" small talk: the pending question decides.
    const done = await turn("other", "yes", { profile: sam, history: after(["please skip my next coffee delivery", ask]) });
    expect(done.skill).toBe("subscriptions");
    expect(text(done)).toBe("Done: I've skipped the next delivery of your Trailhead Coffee Club — Whole bean subscription. The next charge is now on Dec 29.");
  });

  it("leaves it alone on 'no'", async () => {
    const ask = await turn("subscriptions", "cancel my coffee club", { profile: sam });
    const r = await turn("other", "no", { profile: sam, history: after(["cancel my coffee club", ask]) });
    expect(text(r)).toBe("OK, I've left your subscription as it is.");
  });

  it("links the portal when the provider can't make changes", async () => {
    const sources = shops.demo.sources(NOW);
    const { providers, slots } = await sources.providers();
    const subs = providers.subscriptions;
    if (!subs) throw new Error("demo store has subscriptions");
    const readOnly = { listSubscriptions: subs.listSubscriptions.bind(subs), portalUrl: subs.portalUrl.bind(subs) };
    const r = await runTurnWith(
      { ...sources, providers: async () => ({ providers: { ...providers, subscriptions: readOnly }, slots }) },
      { accountId: "a", ticketId: "t", channel: "webchat", text: "pause my coffee subscription", history: [], profile: sam, router: router("subscriptions"), now: NOW },
    );
    expect(text(r)).toContain("I can't change subscriptions from here");
    expect(cards(r)[0]?.actions?.[0]?.label).toBe("Manage subscription");
  });
});

describe("escalation", () => {
  it("acknowledges an upset shopper and offers a person even when the answer resolves the question", async () => {
    const r = await turn("order_tracking", "This is ridiculous!!! Where is my order 1038, NOBODY is helping me", { profile: sam });
    expect(r.replies[0]?.body).toMatch(/^I'm really sorry about the trouble/);
    expect(text(r)).toContain("UPS");
    expect(r).toMatchObject({ resolved: true, handoff: "offer" });
  });

  it("asks to rephrase once, then offers a person", async () => {
    const first = await turn("other", "the thing with the blue bit", { confidence: 0.3 });
    expect(text(first)).toContain("I'm not sure I understood");
    expect(first.handoff).toBe("none");
    const second = await turn("other", "you know, the blue bit thing", { confidence: 0.3, history: after(["the thing with the blue bit", first]) });
    expect(text(second)).toContain("I'm sorry I haven't been able to sort this out");
    expect(second.handoff).not.toBe("none");
  });

  it("never says the same answer twice", async () => {
    const first = await turn("returns_exchanges", "What is your return policy?");
    const again = await turn("returns_exchanges", "What is your return policy?", { history: after(["What is your return policy?", first]) });
    expect(text(again)).toContain("I've already shared everything I could find on that");
    expect(again.handoff).not.toBe("none");
  });

  it("declines off-topic requests every time, without a person", async () => {
    const first = await turn("other", "write me a poem about cats");
    const again = await turn("other", "a poem about dogs then", { history: after(["write me a poem about cats", first]) });
    expect(text(again)).toContain("I can only help with questions about our shop");
    expect(again.handoff).toBe("none");
  });

  it("answers a second greeting as a greeting, not as a loop", async () => {
    const first = await turn("other", "hi");
    const again = await turn("other", "hi", { history: after(["hi", first]) });
    expect(text(again)).toBe(text(first));
    expect(again.handoff).toBe("none");
  });

  it("separates 'not in our help center' (a person) from 'not understood' (rephrase) and off-topic (declined)", async () => {
    const notFound = await turn("general_qa", "do you have a physical store in Chicago?");
    expect(text(notFound)).toContain("I couldn't find that in our help center");
    expect(notFound.handoff).not.toBe("none");
    const unclear = await runTurnWith(shops.demo.sources(NOW), { accountId: "a", ticketId: "t", channel: "webchat", text: "hmm", history: [], profile: guest, router: router("order_tracking", 0.3), now: NOW });
    expect(text(unclear)).toContain("I'm not sure I understood. Could you rephrase that");
    expect(unclear.handoff).toBe("none");
    const offTopic = await turn("general_qa", "write me a poem about cats");
    expect(text(offTopic)).toContain("I can only help with questions about our shop");
    expect(offTopic.handoff).toBe("none");
  });

  it("answers from the help center when the router is unsure but an article clearly covers the question", async () => {
    const r = await turn("other", "how much is express shipping?", { confidence: 0.3 });
    expect(text(r)).toContain("“Shipping times and costs”");
    expect(text(r)).toContain("$14.95");
    expect(r).toMatchObject({ skill: "general_qa", resolved: true, handoff: "none" });
  });

  it("doesn't take an email address or an order number for the topic when the router is unsure", async () => {
    const r = await turn("other", "Je voudrais retourner ma commande 1029, mon email est shopper@example.com", { confidence: 0.3, language: "fr" });
    expect(text(r)).toContain("Je ne suis pas sûr d'avoir compris");
    expect(r.resolved).toBe(false);
  });

  it("answers a topic the shop has no integration for from its help center", async () => {
    const r = await turn("returns_exchanges", "can I return a sofa?", { shop: "furniture" });
    expect(text(r)).toContain("within 100 days of delivery");
    expect(r.resolved).toBe(true);
  });
});

describe("the shopper's language", () => {
  it("answers, dates and labels cards in Spanish", async () => {
    const r = await turn("order_tracking", "¿dónde está mi pedido #1038?", { profile: sam, language: "es" });
    expect(text(r)).toContain("El pedido #1038 está en camino con UPS, llegada prevista el 22 nov.");
    expect(cards(r)[0]).toMatchObject({ title: "Pedido #1038", data: { statusLabel: "En tránsito" } });
    expect(cards(r)[0]?.actions?.[0]?.label).toBe("Seguir el pedido");
  });

  it("detects the language from the shopper's messages when the caller doesn't set one", async () => {
    const r = await runTurnWith(shops.demo.sources(NOW), {
      accountId: "a",
      ticketId: "t",
      channel: "webchat",
      text: "¿dónde está mi pedido 1038?",
      history: [],
      profile: sam,
      router: router("order_tracking"),
      now: NOW,
    });
    expect(r.language).toBe("es");
    expect(text(r)).toContain("El pedido #1038 está en camino con UPS");
  });

  it("offers a person in German", async () => {
    const r = await turn("handoff", "Ich möchte mit einem Menschen sprechen", { language: "de", profile: sam });
    expect(text(r)).toBe("Natürlich — ich kann Sie mit jemandem aus unserem Team verbinden.");
    expect(cards(r)[0]).toMatchObject({ type: "handoff_offer", title: "Mit unserem Team sprechen" });
  });

  it("hands off by SMS in Dutch", async () => {
    const r = await turn("handoff", "mag ik een medewerker", { language: "nl", channel: "sms" });
    expect(text(r)).toBe("Natuurlijk — ik heb je bericht aan ons team doorgegeven, en iemand zal je hier antwoorden zo snel mogelijk.");
  });
});
