// Consent keywords: whole-message STOP/START/HELP words are consent actions; alphanumeric senders can't be replied to.
import { describe, expect, it } from "vitest";

import { consentAction, isAlphanumericSender } from "../../src/channels/consent.ts";

describe("consentAction", () => {
  it.each(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"])("treats %s as an opt-out", (word) => {
    expect(consentAction(word)).toBe("opt_out");
  });

  it.each(["START", "YES", "UNSTOP"])("treats %s as an opt-in", (word) => {
    expect(consentAction(word)).toBe("opt_in");
  });

  it.each(["HELP", "INFO"])("treats %s as a help request", (word) => {
    expect(consentAction(word)).toBe("help");
  });

  it.each([
    ["stop", "opt_out"],
    ["Stop", "opt_out"],
    ["  stop  ", "opt_out"],
    ["STOP.", "opt_out"],
    ["stop!!!", "opt_out"],
    ["Unsubscribe!", "opt_out"],
    ["Yes!", "opt_in"],
    ["start\n", "opt_in"],
    ["help?", "help"],
    ["Info...", "help"],
    ["ＳＴＯＰ", "opt_out"],
  ] as const)("accepts %j regardless of case, width, spaces and trailing punctuation", (text, action) => {
    expect(consentAction(text)).toBe(action);
  });

  it.each([
    "STOP please",
    "please stop",
    "Can you stop sending me texts",
    "yes I still want the order",
    "I need help with my order",
    "stopp",
    "!stop",
    "s t o p",
    "OPT OUT",
    "",
    "   ",
    "?",
  ])("treats %j as an ordinary message", (text) => {
    expect(consentAction(text)).toBeNull();
  });
});

describe("isAlphanumericSender", () => {
  it.each(["ACMESHOP", "Acme Shop", "DHL", "Info2Go", "whatsapp:ACME", "VERY LONG SENDER NAME"])("treats %j as a sender that cannot receive replies", (from) => {
    expect(isAlphanumericSender(from)).toBe(true);
  });

  it.each(["+15551234567", "+39 347 123 4567", "whatsapp:+14155238886", "(555) 123-4567", "12345"])("treats %j as a number that can receive replies", (from) => {
    expect(isAlphanumericSender(from)).toBe(false);
  });

  it("does not call a missing sender alphanumeric (the caller handles a missing sender)", () => {
    expect(isAlphanumericSender("")).toBe(false);
  });
});
