// The dashboard's words are all in its catalog (web/dashboard/i18n/): no literal English left in its JSX, every key
// t()/tn() asks for exists, and every catalog key is used somewhere.
import { describe, expect, it } from "vitest";
import { en } from "../../web/dashboard/i18n/catalog.ts";
import { dashboardFiles, literalsInCode, sentenceLiterals, untranslatedJsx } from "../browser/dashboardSource.ts";

/** Sentences in the code that are not the dashboard's words: content for shoppers and shops, sample data. */
const NOT_DASHBOARD_WORDS = new Set([
  // The macro preview's sample customer.
  "web/dashboard/admin.ts Jamie Rivera",
  // The default auto-reply a shop sends its customers (saved as the shop's own text).
  "web/dashboard/components/OfficeHoursForm.tsx Thanks for your message! Our team is away right now and will reply as soon as we're back.",
  // What the agent pastes into a reply to the shopper about their points.
  "web/dashboard/components/ProfilePanel.tsx You have {…} {…}{…}.",
  "web/dashboard/components/ProfilePanel.tsx Redeem here: {…}",
  // The widget's own defaults in the widget preview (web/widget/i18n.ts translates them for shoppers).
  "web/dashboard/components/WidgetSettingsPanel.tsx Chat with us",
  "web/dashboard/components/WidgetSettingsPanel.tsx We typically reply in a few minutes",
  "web/dashboard/components/WidgetSettingsPanel.tsx Hi there! Ask us anything about your order, our products or returns.",
]);

const keys = Object.keys(en);
/** Plural pairs are asked for by their base: tn("skills.messages", n) reads skills.messages.one / .other. */
const PLURAL = /\.(zero|one|two|few|many|other)$/;
const baseOf = (k: string) => k.replace(PLURAL, "");

describe("dashboard strings ready for translation", () => {
  it("has no literal English in JSX text, text attributes or rendered strings", () => {
    const found = dashboardFiles(/\.tsx$/).flatMap(untranslatedJsx);
    expect(found.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it("has no sentence left in its code outside the catalog (toasts, confirm() texts, errors shown to people)", () => {
    const found = dashboardFiles()
      .filter((f) => !/[\\/]i18n[\\/]/.test(f))
      .flatMap(sentenceLiterals)
      .filter((f) => !NOT_DASHBOARD_WORDS.has(`${f.file.replace(/\\/g, "/")} ${f.text}`));
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
