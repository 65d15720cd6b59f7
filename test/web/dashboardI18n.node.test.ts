// The dashboard's words by key: English built in, slots filled, plural rules per language, a catalog for the browser's
// language wins key by key, the en-XA pseudo-locale wraps every message, formats follow the active language.
import { afterEach, describe, expect, it } from "vitest";
import { duration, percent, weekdayName } from "../../web/dashboard/format.ts";
import { addCatalog, pseudoCatalog, t, tn } from "../../web/dashboard/i18n.ts";

const lang = (navigator.language ?? "en").toLowerCase().split("-")[0] ?? "en";

describe("dashboard strings", () => {
  afterEach(() => addCatalog(lang, {}));

  it("fills slots in English, and a registered catalog for the browser's language replaces what it has", () => {
    expect(t("list.waiting", { ago: "5m" })).toBe("waiting 5m");
    addCatalog(lang, { "views.mine": "Mine (translated)" });
    expect(t("views.mine")).toBe("Mine (translated)");
    expect(t("views.spam")).toBe("Spam");
  });

  it("picks the plural form by the language's rules and formats the count", () => {
    expect(tn("skills.messages", 1)).toBe("1 message");
    expect(tn("skills.messages", 0)).toBe("0 messages");
    expect(tn("skills.messages", 1234)).toBe("1,234 messages");
    expect(tn("list.bulkDone", 2, { done: "Closed" })).toBe("Closed 2 tickets");
    // A catalog with the categories its language needs; one it lacks falls back to its own "other", then English.
    addCatalog(lang, { "skills.messages.one": "{n} msg", "skills.messages.other": "{n} msgs" });
    expect(tn("skills.messages", 1)).toBe("1 msg");
    expect(tn("skills.messages", 5)).toBe("5 msgs");
  });

  it("wraps every English message in the pseudo-locale, slots and plural forms included", () => {
    const pseudo = pseudoCatalog();
    expect(pseudo["views.mine"]).toBe("⟦My inbox⟧");
    expect(pseudo["skills.messages.other"]).toBe("⟦{n} messages⟧");
  });

  it("keeps English formats as they were: durations, percentages, weekday names", () => {
    expect(duration(45)).toBe("45 s");
    expect(duration(4 * 60)).toBe("4 min");
    expect(duration(130 * 60)).toBe("2 h 10 min");
    expect(duration(3 * 86400 + 4 * 3600)).toBe("3 d 4 h");
    expect(percent(0.8333)).toBe("83%");
    expect(percent(null)).toBe("—");
    expect(weekdayName(0)).toBe("Monday");
    expect(weekdayName(6)).toBe("Sunday");
  });
});
