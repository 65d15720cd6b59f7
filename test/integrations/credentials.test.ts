// Credentials as the dashboard sees them: names and addresses shown, tokens and keys masked.
import { describe, expect, it } from "vitest";

import { maskSecret, redactCredentials } from "../../src/integrations/credentials.ts";

describe("redactCredentials", () => {
  it("masks every token, key and secret and keeps the rest", () => {
    expect(
      redactCredentials({ shop: "northwind", accessToken: "shpat_0123456789abcdef", apiVersion: "2025-01", apiKey: "short", storefrontAccessToken: "sf_0123456789abcdef99" }),
    ).toEqual({ shop: "northwind", accessToken: "••••cdef", apiVersion: "2025-01", apiKey: "••••", storefrontAccessToken: "••••ef99" });
  });

  it("shows only the last 4 characters of long secrets and none of short ones", () => {
    expect(maskSecret("0123456789abcdef")).toBe("••••cdef");
    expect(maskSecret("0123456789abcde")).toBe("••••");
  });
});
