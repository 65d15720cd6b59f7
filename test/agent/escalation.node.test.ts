// Escalation rules: the frustration detector on held-out shopper messages, off-topic messages, and what the transcript says about the agent's last turn.
import { describe, expect, it } from "vitest";
import { asksForHuman, frustrationScore, isAboutTheShop, isFrustrated, lastAgentTurn, lastTurnAskedToConfirm, lastTurnUnresolved, repeatsLastAnswer } from "../../src/agent/escalation.ts";
import { t } from "../../src/agent/i18n/index.ts";
import type { HistoryEntry } from "../../src/agent/types.ts";
import { heldOutCalm, heldOutUpset } from "./frustration/held-out.ts";
import { tuningCalm, tuningUpset } from "./frustration/tuning.ts";

const h = (...entries: [HistoryEntry["author"], string][]): HistoryEntry[] => entries.map(([author, text], i) => ({ author, text, at: i }));

describe("the frustration detector", () => {
  it("catches at least 85 % of the upset messages it was never tuned on", () => {
    const caught = heldOutUpset.filter(isFrustrated);
    expect(caught.length / heldOutUpset.length).toBeGreaterThanOrEqual(0.85);
  });

  it("leaves calm held-out messages alone, including problems stated calmly", () => {
    expect(heldOutCalm.filter(isFrustrated)).toEqual([]);
  });

  it("fits the messages it was tuned on", () => {
    expect(tuningUpset.filter((m) => !isFrustrated(m))).toEqual([]);
    expect(tuningCalm.filter(isFrustrated)).toEqual([]);
  });

  it("counts shouting but not a carrier's name in capitals", () => {
    expect(frustrationScore("WHERE IS MY PACKAGE")).toBeGreaterThanOrEqual(2);
    expect(isFrustrated("It's with UPS and USPS, right?")).toBe(false);
    expect(isFrustrated("what is 17 times 23?")).toBe(false);
    expect(isFrustrated("tell me a joke")).toBe(false);
    expect(isFrustrated("This is a joke, I paid two weeks ago")).toBe(true);
  });
});

describe("asking for a person", () => {
  it.each([
    "I want to talk to a real person",
    "can I speak with someone from your team?",
    "Quiero hablar con una persona",
    "Je veux parler à un conseiller",
    "Ich möchte mit einem Mitarbeiter sprechen",
    "Posso parlare con un operatore?",
    "Quero falar com uma pessoa, por favor",
    "Ik wil met een medewerker spreken",
  ])("%j asks for a person", (text) => expect(asksForHuman(text)).toBe(true));

  it.each(["what's the person's name on the order?", "I'll talk to my wife about it", "is someone at the door"])("%j doesn't", (text) => expect(asksForHuman(text)).toBe(false));
});

describe("off-topic messages", () => {
  it.each(["what's the weather in Paris tomorrow?", "write me a poem about cats", "who won the world cup?"])("%j is not about the shop", (text) => {
    expect(isAboutTheShop(text)).toBe(false);
  });

  it.each(["do you ship to Canada?", "¿dónde está mi pedido?", "is the jacket warm?", "Wo ist meine Bestellung?", "Hoeveel punten heb ik?", "Ist der Gutscheincode noch gültig?"])("%j is about the shop", (text) => {
    expect(isAboutTheShop(text)).toBe(true);
  });

  it("knows the shop's own product words from its catalog", () => {
    expect(isAboutTheShop("got any velvet loveseats")).toBe(false);
    expect(isAboutTheShop("got any velvet loveseats", ["Milo Loveseat"])).toBe(false);
    expect(isAboutTheShop("got any velvet loveseats", ["loveseat"])).toBe(true);
  });
});

describe("the agent's last turn, from the transcript", () => {
  it("is the agent's replies since the shopper last wrote", () => {
    expect(lastAgentTurn(h(["customer", "hi"], ["ai", "one"], ["ai", "two"], ["customer", "next"]))).toBe("one\n\ntwo");
    expect(lastAgentTurn(h(["customer", "hi"]))).toBe("");
  });

  it("was unresolved when it said it didn't understand or couldn't find it, in any language", () => {
    expect(lastTurnUnresolved(h(["customer", "x"], ["ai", t("en", "fallback.notUnderstood")]))).toBe(true);
    expect(lastTurnUnresolved(h(["customer", "x"], ["ai", t("de", "fallback.notFound")]))).toBe(true);
    expect(lastTurnUnresolved(h(["customer", "x"], ["ai", "Order #1038 is on its way with UPS."]))).toBe(false);
    expect(lastTurnUnresolved(h(["customer", "x"], ["ai", t("en", "fallback.offTopic")]))).toBe(false);
  });

  it("asked to confirm a subscription change", () => {
    const asked = t("fr", "subs.confirm.pause", { product: "Coffee Club" });
    expect(lastTurnAskedToConfirm(h(["customer", "pause"], ["ai", asked]), ["subs.confirm.pause"])).toBe(true);
    expect(lastTurnAskedToConfirm(h(["customer", "pause"], ["ai", "Done."]), ["subs.confirm.pause"])).toBe(false);
  });

  it("would be repeated word for word", () => {
    const history = h(["customer", "policy?"], ["ai", "Our “Returns policy” article says: 30 days."]);
    expect(repeatsLastAnswer(history, "Our “Returns policy” article says:  30 days.")).toBe(true);
    expect(repeatsLastAnswer(history, "Something new.")).toBe(false);
  });
});
