// Sealed secrets: AES-GCM under TOKEN_SECRET, bound to their row so a sealed value can't be reused elsewhere.
import { describe, expect, it } from "vitest";

import { seal, unseal } from "../../src/lib/secrets.ts";

const key = "test-secret-0123456789-0123456789-0123456789";

describe("seal / unseal", () => {
  it("round-trips and never shows the plaintext", async () => {
    const sealed = await seal(key, '{"apiKey":"sk_live_123"}', "acc_1:loop");
    expect(sealed).not.toContain("sk_live");
    expect(await unseal(key, sealed, "acc_1:loop")).toBe('{"apiKey":"sk_live_123"}');
  });

  it("uses a fresh IV each time", async () => {
    expect(await seal(key, "same", "ctx")).not.toBe(await seal(key, "same", "ctx"));
  });

  it("refuses another account's row, another key or a damaged value", async () => {
    const sealed = await seal(key, "secret", "acc_1:loop");
    expect(await unseal(key, sealed, "acc_2:loop")).toBeNull();
    expect(await unseal(`${key}-rotated`, sealed, "acc_1:loop")).toBeNull();
    expect(await unseal(key, `${sealed.slice(0, -2)}AA`, "acc_1:loop")).toBeNull();
    expect(await unseal(key, "plain text", "acc_1:loop")).toBeNull();
  });
});
