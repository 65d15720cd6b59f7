// Pure rules of issue 10: the login back-off, who removes shared things, who changes roles.
import { describe, expect, it } from "vitest";
import { mayRemoveShared, roleChangeRefusal } from "../../src/auth/permissions.ts";
import { blockAfter, EMAIL_POLICY, IP_POLICY, retryAfterSeconds } from "../../src/auth/throttle.ts";

describe("login back-off", () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 15_000],
    [6, 30_000],
    [7, 60_000],
    [10, 480_000],
    [11, 900_000],
    [500, 900_000],
  ])("blocks an email for the right time after %i failures in a row", (failures, ms) => {
    expect(blockAfter(failures, EMAIL_POLICY)).toBe(ms);
  });

  it("gives an address more room and a longer cap, never forever", () => {
    expect(blockAfter(19, IP_POLICY)).toBe(0);
    expect(blockAfter(20, IP_POLICY)).toBe(15_000);
    expect(blockAfter(10_000, IP_POLICY)).toBe(60 * 60_000);
  });

  it("rounds Retry-After up to whole seconds, at least one", () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(15_000)).toBe(15);
    expect(retryAfterSeconds(15_001)).toBe(16);
  });
});

describe("who removes shared macros and views", () => {
  it.each([
    ["support", "agt_me", true],
    ["support", "agt_other", false],
    ["support", null, false],
    ["manager", "agt_other", true],
    ["admin", null, true],
    ["owner", "agt_other", true],
  ] as const)("a %s removing one made by %s: %s", (role, createdBy, allowed) => {
    expect(mayRemoveShared({ id: "agt_me", role }, createdBy)).toBe(allowed);
  });
});

describe("role changes", () => {
  const owner = { id: "o", role: "owner" as const };
  const admin = { id: "a", role: "admin" as const };
  it("lets owners and admins change roles below owner", () => {
    expect(roleChangeRefusal(admin, { id: "s", role: "support" }, "manager", 1)).toBeNull();
    expect(roleChangeRefusal({ id: "m", role: "manager" }, { id: "s", role: "support" }, "admin", 1)).toMatch(/owners and admins/);
  });
  it("keeps the owner role for owners to give and take, and one owner always", () => {
    expect(roleChangeRefusal(admin, { id: "s", role: "support" }, "owner", 1)).toMatch(/Only an owner/);
    expect(roleChangeRefusal(admin, { id: "o", role: "owner" }, "admin", 2)).toMatch(/Only an owner/);
    expect(roleChangeRefusal(owner, { id: "s", role: "support" }, "owner", 1)).toBeNull();
    expect(roleChangeRefusal(owner, { id: "o", role: "owner" }, "admin", 1)).toMatch(/at least one owner/);
    expect(roleChangeRefusal(owner, { id: "o2", role: "owner" }, "admin", 2)).toBeNull();
  });
});
