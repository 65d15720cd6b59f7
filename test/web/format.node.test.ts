// The dashboard's avatar letters: people's initials, never odd digits for a phone number.
import { describe, expect, it } from "vitest";
import { initials } from "../../web/dashboard/format.ts";

describe("initials", () => {
  it.each([
    ["Jamie Rivera", "JR"],
    ["Dana", "D"],
    ["jamie@example.com", "J"],
    ["+1 555 555 0123", "#"],
    ["17841400000000001", "#"],
  ])("%s → %s", (name, want) => {
    expect(initials(name)).toBe(want);
  });
});
