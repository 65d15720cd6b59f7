// Knowledge-base retrieval rules: question words, a safe FTS5 query, relevance and the sentences quoted.
import { describe, expect, it } from "vitest";

import { bestSentences, coverage, ftsQuery, isRelevant, questionWords, stem } from "../../src/knowledge/retrieval.ts";

const shipping = {
  title: "Shipping times and costs",
  body: "Orders placed before 1 pm Eastern ship the same day. Standard shipping within the US takes 3–5 business days. We ship to Canada in 5–8 business days.",
};
const payment = { title: "Payment methods", body: "We accept Visa, Mastercard, PayPal and Apple Pay. All prices are in US dollars." };

describe("questionWords", () => {
  it("keeps the words that carry the question and drops stop words and possessives", () => {
    expect(questionWords("Hi! Do you ship to Canada?")).toEqual(["ship", "canada"]);
    expect(questionWords("What's the shop's returns policy?")).toEqual(["shop", "returns", "policy"]);
    expect(questionWords("How long does a refund take?")).toEqual(["refund"]);
  });
});

describe("stem", () => {
  it.each([
    ["shipping", "ship"],
    ["shipped", "ship"],
    ["ships", "ship"],
    ["returns", "return"],
    ["policies", "policy"],
    ["cancelling", "cancel"],
    ["boxes", "box"],
    ["dress", "dress"],
  ])("stems %s to %s", (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe("ftsQuery", () => {
  it("quotes each word and ORs them so bm25 ranks by how many match", () => {
    expect(ftsQuery("Do you ship to Canada?")).toBe('"ship" OR "canada"');
  });

  it("can never be an FTS5 syntax error, whatever the shopper types", () => {
    expect(ftsQuery('returns" OR body:* NEAR(')).toBe('"returns" OR "body" OR "near"');
    expect(ftsQuery("???")).toBeNull();
    expect(ftsQuery("the and of")).toBeNull();
  });

  it("makes the last word a prefix for search as you type", () => {
    expect(ftsQuery("return pol", { prefixLast: true })).toBe('"return" OR "pol"*');
  });
});

describe("relevance", () => {
  it("accepts a passage holding most of the question's words", () => {
    expect(coverage("Do you ship to Canada?", shipping)).toMatchObject({ matched: ["ship", "canada"], share: 1 });
    expect(isRelevant("Do you ship to Canada?", shipping)).toBe(true);
  });

  it("rejects a passage that only shares an unrelated word", () => {
    expect(isRelevant("Do you sell surfboards in Canada stores?", payment)).toBe(false);
    expect(isRelevant("Do you sell surfboards?", shipping)).toBe(false);
  });

  it("accepts a long question that shares two words with the passage", () => {
    expect(isRelevant("I was wondering whether shipping of my boots to Canada is possible", shipping)).toBe(true);
    expect(isRelevant("Do you offer gift wrapping for parcels?", { title: "Gift cards", body: "Gift cards never expire." })).toBe(false);
  });
});

describe("bestSentences", () => {
  it("quotes the sentences closest to the question in their original order", () => {
    expect(bestSentences("Do you ship to Canada?", shipping.body, 1)).toEqual(["We ship to Canada in 5–8 business days."]);
    expect(bestSentences("standard shipping to Canada", shipping.body, 2)).toEqual([
      "Standard shipping within the US takes 3–5 business days.",
      "We ship to Canada in 5–8 business days.",
    ]);
  });

  it("falls back to the opening sentences when none shares a word", () => {
    expect(bestSentences("gift wrap", payment.body, 1)).toEqual(["We accept Visa, Mastercard, PayPal and Apple Pay."]);
  });
});
