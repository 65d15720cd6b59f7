// The dashboard's words are all in its catalog (web/dashboard/i18n/): no literal English left in its JSX, every key
// t()/tn() asks for exists, and every catalog key is used somewhere.
import { describe, expect, it } from "vitest";
import { en } from "../../web/dashboard/i18n/catalog.ts";
import { dashboardFiles, literalsInCode, untranslatedJsx } from "./dashboardSource.ts";

const keys = Object.keys(en);
/** Plural pairs are asked for by their base: tn("skills.messages", n) reads skills.messages.one / .other. */
const PLURAL = /\.(zero|one|two|few|many|other)$/;
const baseOf = (k: string) => k.replace(PLURAL, "");

describe("dashboard strings ready for translation", () => {
  it("has no literal English in JSX text, text attributes or rendered strings", () => {
    const found = dashboardFiles(/\.tsx$/).flatMap(untranslatedJsx);
    expect(found.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it("asks t() and tn() only for keys the English catalog has", () => {
    const { calls } = literalsInCode();
    const known = new Set(keys);
    const plurals = new Set(keys.filter((k) => PLURAL.test(k)).map(baseOf));
    const missing = calls.filter((c) => {
      const [fn, key] = c.text.split(/:(.*)/s) as [string, string];
      return fn === "tn" ? !plurals.has(key) : !known.has(key);
    });
    expect(calls.length).toBeGreaterThan(500);
    expect(missing.map((c) => `${c.file}:${c.line} ${c.text}`)).toEqual([]);
  });

  it("uses every key of the English catalog (by name, or by a `prefix.${…}` template)", () => {
    const { strings, templateHeads } = literalsInCode();
    const unused = keys.filter((k) => !strings.has(k) && !strings.has(baseOf(k)) && ![...templateHeads].some((h) => k.startsWith(h)));
    expect(unused).toEqual([]);
  });

  it("gives every plural key its `other` form", () => {
    const bases = new Set(keys.filter((k) => PLURAL.test(k)).map(baseOf));
    expect([...bases].filter((b) => !(`${b}.other` in en))).toEqual([]);
  });
});
