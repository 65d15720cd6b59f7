import { describe, expect, it } from "vitest";
import { decideAttach, normaliseSender, threadKeyFor } from "../../src/channels/attach.ts";

describe("channel attach rules (docs/product.md §1)", () => {
  it.each([
    ["webchat", null, "new"],
    ["webchat", "open", "append"],
    ["webchat", "snoozed", "append"],
    ["webchat", "closed", "new"],
    ["email", null, "new"],
    ["email", "open", "append"],
    ["email", "snoozed", "append"],
    ["email", "closed", "reopen"],
    ["sms", null, "new"],
    ["sms", "open", "append"],
    ["sms", "closed", "reopen"],
    ["whatsapp", null, "new"],
    ["whatsapp", "snoozed", "append"],
    ["whatsapp", "closed", "reopen"],
    ["instagram", null, "new"],
    ["instagram", "open", "append"],
    ["instagram", "closed", "new"],
  ] as const)("%s with latest ticket %s → %s", (channel, latest, decision) => {
    expect(decideAttach(channel, latest)).toBe(decision);
  });

  it("threads email by thread id and the other channels by normalised sender", () => {
    expect(threadKeyFor("email", "Jo <JO@x.com>", "<root@x>")).toBe("<root@x>");
    expect(threadKeyFor("email", "Jo <JO@x.com>", null)).toBe("jo@x.com");
    expect(threadKeyFor("sms", "+1 (555) 000-1111")).toBe("+15550001111");
    expect(threadKeyFor("whatsapp", "whatsapp:+447700900123")).toBe("+447700900123");
    expect(normaliseSender("sms", "NORTHWIND")).toBe("northwind");
    expect(threadKeyFor("instagram", "17841400000000001")).toBe("17841400000000001");
  });
});
