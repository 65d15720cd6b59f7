// The agent's keyed catalogue: every language has every text with the same placeholders, and texts are filled in the shopper's language.
import { describe, expect, it } from "vitest";
import { en, type MessageKey } from "../../src/agent/i18n/en.ts";
import { formatDay, languages, listOf, t } from "../../src/agent/i18n/index.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the agent's catalogue", () => {
  it.each(languages.filter((l) => l !== "en"))("%s has every English key with the same placeholders", (lang) => {
    for (const key of Object.keys(en) as MessageKey[]) {
      const text = t(lang, key);
      expect(text, `${lang} ${key}`).not.toBe("");
      expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(en[key]));
    }
  });

  it("translates rather than copies the replies", () => {
    // Words that are the same in some languages ("total", "points").
    const sameWord = new Set<MessageKey>(["card.line.total", "card.line.points", "card.loyalty.reward"]);
    for (const lang of languages.filter((l) => l !== "en")) {
      const same = (Object.keys(en) as MessageKey[]).filter((k) => !sameWord.has(k) && t(lang, k) === en[k] && /[a-z]{4,}/i.test(en[k].replace(/\{\w+\}/g, "")));
      expect(same, lang).toEqual([]);
    }
  });

  it("fills placeholders and keeps one full stop after a value that ends in one", () => {
    expect(t("en", "order.askEmail", { number: "1038" })).toBe("Thanks! What's the email address you used for order #1038?");
    expect(t("fr", "coupons.until", { date: "29 déc." })).toBe("Il est valable jusqu'au 29 déc.");
  });

  it("writes dates and lists in the shopper's language", () => {
    expect(formatDay("2026-11-22", "en")).toBe("Nov 22");
    expect(formatDay("2026-11-22", "de")).toBe("22. Nov.");
    expect(formatDay("2026-12-29", "es")).toMatch(/29 dic/);
    expect(listOf("es", ["A", "B", "C"])).toBe("A, B y C");
  });
});
