// The widget's language: picked from the script tag, the page or the browser; every language complete; the shop's words win.
import { describe, expect, it } from "vitest";
import { fill, isRtl, LANGUAGES, pickLanguage, STRING_KEYS, stringsFor } from "../../web/widget/i18n.ts";

describe("widget strings", () => {
  it("speaks en, es, fr, de, it, pt and nl, each with every string", () => {
    expect(Object.keys(LANGUAGES).sort()).toEqual(["de", "en", "es", "fr", "it", "nl", "pt"]);
    for (const [lang, strings] of Object.entries(LANGUAGES)) {
      for (const key of STRING_KEYS) expect(strings[key]?.trim(), `${lang}.${key}`).toBeTruthy();
      // Slots survive translation.
      expect(strings.typing, lang).toContain("{name}");
      expect(strings.joined, lang).toContain("{name}");
    }
  });

  it("takes the first language it speaks: the shop's, then the page's, then the browser's", () => {
    expect(pickLanguage([undefined, "fr-CA", "de-DE"])).toBe("fr");
    expect(pickLanguage(["", "ja", "pt-BR"])).toBe("pt");
    expect(pickLanguage(["NL"])).toBe("nl");
    expect(pickLanguage(["ja", "zh"])).toBe("en");
  });

  it("lets the shop reword any string, ignoring what is not a string", () => {
    const s = stringsFor("de", { greeting: "Servus!", title: 42, nonsense: "x" });
    expect(s.greeting).toBe("Servus!");
    expect(s.title).toBe(LANGUAGES.de.title);
    expect("nonsense" in s).toBe(false);
  });

  it("mirrors for right-to-left languages and fills slots", () => {
    expect(isRtl([undefined, "ar-EG"])).toBe(true);
    expect(isRtl(["he"])).toBe(true);
    expect(isRtl(["en-US", "ar"])).toBe(false);
    expect(fill(LANGUAGES.es.typing, { name: "Ana" })).toBe("Ana está escribiendo…");
  });
});
