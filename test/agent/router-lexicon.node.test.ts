// The router with a shop's lexicon: product mentions of any catalog, help-centre evidence, languages and out-of-scope messages.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

import { normalizeUtterance } from "../../src/agent/router/features.ts";
import { articleEvidence, buildShopLexicon, defaultLexicon, markProducts, wordKey } from "../../src/agent/router/lexicon.ts";
import { loadRouterModel } from "../../src/agent/router/model-file.ts";
import { createOfflineClassifier } from "../../src/agent/router/offline.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const classify = createOfflineClassifier(loadRouterModel(JSON.parse(readFileSync(join(root, "src/agent/router/model.json"), "utf8"))));

// A shop that appears in no data set: a pet supplies store with made-up product names.
const petShop = buildShopLexicon({
  products: [
    { title: "Barkley Orthopedic Dog Bed", productType: "Dog bed", tags: ["dog bed", "memory foam", "large dogs"], variants: ["Medium", "XL", "Slate Grey"] },
    { title: "Whiskerwood Cat Tree", productType: "Cat furniture", tags: ["cat tree", "scratching post"], variants: ["120cm", "160cm"] },
    { title: "Pawprint Grain-Free Kibble 12kg", productType: "Dog food", tags: ["kibble", "grain free", "salmon"], variants: ["Puppy", "Adult"] },
    { title: "Zoomies Rope Tug Toy", productType: "Toy", tags: ["dog toy", "rope toy", "chew"], variants: ["Small", "Large"] },
    { title: "Nimbus Reflective Harness", productType: "Harness", tags: ["harness", "walking", "reflective"], variants: ["S", "M", "L"] },
  ],
  articles: [
    { title: "Feeding guide for puppies", kind: "faq" },
    { title: "Our vet advice line", kind: "faq" },
    { title: "Returns policy", kind: "returns" },
  ],
});

const marked = (text: string, lexicon = petShop): string => markProducts(normalizeUtterance(text), lexicon).join(" ");

describe("shop lexicon", () => {
  it("reads a catalog's product names, types and tags as one product mention", () => {
    expect(marked("barkley bed")).toBe("#product");
    expect(marked("price of the whiskerwood cat tree")).toBe("price of the #product");
    // Variants extend a mention right after it ("nimbus harness slate grey"), never alone.
    expect(marked("do you have the nimbus harness slate grey in m")).toBe("do you have the #product in m");
    expect(marked("do you have it in slate grey")).toBe("do you have it in slate grey");
    expect(marked("scratching posts?")).toBe("#product");
  });

  it("knows common product nouns even without the shop's catalog", () => {
    expect(marked("do you have sofas in green", defaultLexicon())).toBe("do you have #product in green");
    expect(marked("headphones or earbuds for running", defaultLexicon())).toBe("#product or #product for running");
  });

  it("never marks the words of a support request as a product", () => {
    // "Medium", "Small" and "Large" are variants here, and "free" is in a tag: none names a product alone.
    expect(marked("where is my order")).toBe("where is my order");
    expect(marked("can i get free delivery on a large order")).toBe("can i get free delivery on a large order");
    expect(marked("my discount code is not working")).toBe("my discount code is not working");
  });

  it("folds plurals the same way on both sides", () => {
    expect(wordKey("harnesses")).toBe(wordKey("harness"));
    expect(wordKey("puppies")).toBe("puppy");
    expect(wordKey("glasses")).toBe("glass");
  });

  it("scores how much of a help-centre title a message covers, for the skill of the article's kind", () => {
    const evidence = articleEvidence(normalizeUtterance("is there a feeding guide for puppies"), petShop);
    expect(evidence.get("general_qa")).toBe(1);
    expect(articleEvidence(normalizeUtterance("hello there"), petShop).size).toBe(0);
  });
});

describe("router with a shop lexicon", () => {
  const route = (text: string, lexicon = petShop) => classify({ text, lexicon });

  it("routes bare product names, prices, stock questions, comparisons and needs of an unseen catalog to products", () => {
    for (const text of [
      "barkley dog bed",
      "price of the whiskerwood cat tree",
      "do you have the nimbus harness in M",
      "rope tug toy or the kibble for my puppy?",
      "which harness for a dog that pulls",
      "i want the zoomies toy",
    ]) {
      expect(route(text).skill, text).toBe("product_recommendations");
    }
  });

  it("still routes orders, returns and people the usual way when a product is named", () => {
    expect(route("where is my barkley dog bed, ordered last week").skill).toBe("order_tracking");
    expect(route("the cat tree arrived broken, i want a refund").skill).toBe("returns_exchanges");
    expect(route("can i talk to a real person about the harness").skill).toBe("handoff");
  });

  it("routes order questions in other languages", () => {
    expect(route("¿dónde está mi pedido 1038?").skill).toBe("order_tracking");
    expect(route("wo ist meine Bestellung 1038?").skill).toBe("order_tracking");
    expect(route("je veux retourner un article").skill).toBe("returns_exchanges");
  });

  it("does not answer off-topic messages with a skill", () => {
    for (const text of ["what's the weather in paris tomorrow", "tell me a joke", "who won the world cup in 2018", "how do i change a flat tyre"]) {
      const decision = route(text);
      const answered = decision.skill !== "other" && decision.skill !== "handoff" && decision.confidence >= 0.5;
      expect(answered, text).toBe(false);
    }
  });
});
