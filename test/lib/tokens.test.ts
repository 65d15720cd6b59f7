// Signed tokens: a signature checked once is remembered per secret, and the memo never lets a token through that the
// HMAC would refuse (another secret, a changed payload or signature).
import { describe, expect, it } from "vitest";

import { base64url, signToken, verifyToken } from "../../src/lib/crypto.ts";

const secret = "token-secret-0123456789-0123456789-abcdef";
const other = "another-secret-0123456789-0123456789-abcdef";

describe("verifyToken", () => {
  it("returns the payload, the same frozen object when asked again", async () => {
    const token = await signToken(secret, { sub: "agt_1", exp: 1 });
    const first = await verifyToken<{ sub: string }>(secret, token);
    expect(first).toEqual({ sub: "agt_1", exp: 1 });
    expect(await verifyToken(secret, token)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("refuses a remembered token under another secret", async () => {
    const token = await signToken(secret, { sub: "agt_2" });
    expect(await verifyToken(secret, token)).not.toBeNull();
    expect(await verifyToken(other, token)).toBeNull();
    // And the refusal is not remembered as a pass either.
    expect(await verifyToken(other, token)).toBeNull();
    expect(await verifyToken(secret, token)).toEqual({ sub: "agt_2" });
  });

  it("refuses a changed payload or signature, before and after the genuine token was seen", async () => {
    const token = await signToken(secret, { sub: "agt_3", role: "support" });
    const [body, sig] = token.split(".") as [string, string];
    const forgedBody = base64url(new TextEncoder().encode(JSON.stringify({ sub: "agt_3", role: "owner" })));
    expect(await verifyToken(secret, `${forgedBody}.${sig}`)).toBeNull();
    expect(await verifyToken(secret, token)).not.toBeNull();
    expect(await verifyToken(secret, `${forgedBody}.${sig}`)).toBeNull();
    expect(await verifyToken(secret, `${body}.${sig.slice(0, -2)}AA`)).toBeNull();
    expect(await verifyToken(secret, body)).toBeNull();
  });

  it("keeps working past the memo's size", async () => {
    const tokens = await Promise.all(Array.from({ length: 1100 }, (_, i) => signToken(secret, { n: i })));
    for (const t of tokens) expect(await verifyToken<{ n: number }>(secret, t)).not.toBeNull();
    expect(await verifyToken(secret, tokens[0] as string)).toEqual({ n: 0 });
  });
});
