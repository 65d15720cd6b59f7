// The agent's turn rules: the path a classified message takes, handoff per channel and smalltalk (the grounding check: grounding.node.test.ts).
import { describe, expect, it } from "vitest";

import { handoffAfter, handoffModeFor, LOW_CONFIDENCE, smalltalkKind, turnPath } from "../../src/agent/rules.ts";

const known = { loggedIn: false, email: "sam@example.com" };
const stranger = { loggedIn: false };

describe("turnPath", () => {
  it("offers a human when the shopper asks for one", () => {
    expect(turnPath({ skill: "handoff", confidence: 0.95, skillLive: false })).toEqual({ path: "handoff", why: "asked_for_human" });
  });

  it("asks the shopper to rephrase an intent the router isn't sure of", () => {
    expect(turnPath({ skill: "order_tracking", confidence: LOW_CONFIDENCE - 0.01, skillLive: true })).toEqual({ path: "not_understood" });
    expect(turnPath({ skill: "order_tracking", confidence: LOW_CONFIDENCE, skillLive: true })).toEqual({ path: "skill" });
    expect(turnPath({ skill: "order_tracking", confidence: Number.NaN, skillLive: true }).path).toBe("not_understood");
  });

  it("answers greetings and thanks itself", () => {
    expect(turnPath({ skill: "other", confidence: 0.9, skillLive: false })).toEqual({ path: "smalltalk" });
  });

  it("hands off when the skill isn't live", () => {
    expect(turnPath({ skill: "returns_exchanges", confidence: 0.9, skillLive: false })).toEqual({ path: "handoff", why: "skill_unavailable" });
  });
});

describe("handoff per channel", () => {
  it("asks first on web chat, and asks for an email when there is none", () => {
    expect(handoffModeFor("webchat", known)).toBe("offer");
    expect(handoffModeFor("webchat", { loggedIn: true })).toBe("offer");
    expect(handoffModeFor("webchat", stranger)).toBe("ask_email");
  });

  it("hands SMS, email and social conversations to the team at once", () => {
    for (const channel of ["sms", "email", "whatsapp", "instagram"]) expect(handoffModeFor(channel, known)).toBe("now");
  });

  it("maps a skill's outcome to the handoff", () => {
    expect(handoffAfter("resolved", "webchat", known)).toBe("none");
    expect(handoffAfter("asked", "sms", known)).toBe("none");
    expect(handoffAfter("needs_login", "webchat", stranger)).toBe("none");
    expect(handoffAfter("needs_login", "sms", stranger)).toBe("now");
    expect(handoffAfter("unresolved", "webchat", known)).toBe("offer");
    expect(handoffAfter("unresolved", "email", known)).toBe("now");
  });
});

describe("smalltalk", () => {
  it.each([
    ["Hello!", "greeting"],
    ["thanks a lot", "thanks"],
    ["ok bye", "goodbye"],
    ["ok", "ack"],
    ["¡Hola!", "greeting"],
    ["lol", "other"],
  ] as const)("%j is %s", (text, kind) => {
    expect(smalltalkKind(text)).toBe(kind);
  });
});
