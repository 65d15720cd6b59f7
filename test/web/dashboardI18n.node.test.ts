// The dashboard's words by key: English built in, slots filled, a catalog for the browser's language wins key by key.
import { describe, expect, it } from "vitest";
import { addCatalog, t } from "../../web/dashboard/i18n.ts";

describe("dashboard strings", () => {
  it("fills slots in English, and a registered catalog for the browser's language replaces what it has", () => {
    expect(t("list.waiting", { ago: "5m" })).toBe("waiting 5m");
    const lang = (navigator.language ?? "en").toLowerCase().split("-")[0] ?? "en";
    addCatalog(lang, { "views.mine": "Mine (translated)" });
    expect(t("views.mine")).toBe("Mine (translated)");
    expect(t("views.spam")).toBe("Spam");
    addCatalog(lang, {});
  });
});
