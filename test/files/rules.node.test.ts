// Pure rules of files: sniffing by magic bytes, the account's limits, safe names, signed links, HTML mail as text.
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../src/channels/emailText.ts";
import { DEFAULT_FILE_SETTINGS, refuseFile, safeFileName } from "../../src/files/limits.ts";
import { signedFilePath, verifyFileSignature, viewLinkExpiry } from "../../src/files/signing.ts";
import { sniffContentType } from "../../src/files/sniff.ts";
import { hmacSha256 } from "../../src/lib/hmacSync.ts";

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("sniffing a file's type from its bytes", () => {
  it.each([
    ["JPEG", bytes([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg", true],
    ["PNG", bytes([0x89], "PNG\r\n", [0x1a, 0x0a, 0, 0]), "image/png", true],
    ["GIF", bytes("GIF89a..."), "image/gif", true],
    ["WebP", bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "), "image/webp", true],
    ["PDF", bytes("%PDF-1.7\n"), "application/pdf", false],
    ["HEIC", bytes([0, 0, 0, 24], "ftypheic"), "image/heic", false],
    ["plain text", bytes("Order 1042, size M\n"), "text/plain; charset=utf-8", false],
  ])("recognises %s", (_, data, type, inline) => {
    expect(sniffContentType(data)).toMatchObject({ contentType: type, inline });
  });

  it("does not take markup (HTML, SVG) or unknown bytes for anything it keeps", () => {
    expect(sniffContentType(bytes("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"))).toBeNull();
    expect(sniffContentType(bytes("  <html><body>hi</body></html>"))).toBeNull();
    expect(sniffContentType(bytes([0, 1, 2, 3, 4, 5]))).toBeNull();
  });
});

describe("the account's file limits", () => {
  const png = sniffContentType(bytes([0x89], "PNG\r\n", [0x1a, 0x0a]));
  const zip = sniffContentType(bytes("PK", [3, 4, 0, 0]));
  it("takes images and PDFs up to 10 MB by default", () => {
    expect(refuseFile(1024, png, DEFAULT_FILE_SETTINGS)).toBeNull();
    expect(refuseFile(10 * 1024 * 1024 + 1, png, DEFAULT_FILE_SETTINGS)?.code).toBe("payload_too_large");
    expect(refuseFile(1024, zip, DEFAULT_FILE_SETTINGS)?.code).toBe("validation_failed");
    expect(refuseFile(0, png, DEFAULT_FILE_SETTINGS)?.code).toBe("validation_failed");
  });
  it("follows an account that allows archives and smaller files", () => {
    const settings = { maxBytes: 2048, kinds: ["archive" as const] };
    expect(refuseFile(1024, zip, settings)).toBeNull();
    expect(refuseFile(1024, png, settings)?.code).toBe("validation_failed");
    expect(refuseFile(4096, zip, settings)?.message).toBe("The file is larger than 2 KB");
  });
  it("keeps file names free of paths and control characters", () => {
    expect(safeFileName("../../etc/passwd", "bin")).toBe("passwd");
    expect(safeFileName('C:\\Users\\me\\"label"\n.pdf', "pdf")).toBe("label.pdf");
    expect(safeFileName("", "png")).toBe("file.png");
  });
});

describe("signed file links", () => {
  const secret = "s".repeat(40);
  it("computes HMAC-SHA256 as RFC 4231 test case 2 says", () => {
    const mac = hmacSha256(new TextEncoder().encode("Jefe"), new TextEncoder().encode("what do ya want for nothing?"));
    expect(Buffer.from(mac).toString("hex")).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  });
  it("verify only for the same ticket and file, before the expiry", () => {
    const now = Date.UTC(2026, 11, 1, 10, 30);
    const exp = viewLinkExpiry(now);
    expect(exp - now).toBeGreaterThanOrEqual(24 * 3600_000);
    const sig = new URL(signedFilePath(secret, "tkt_a", "fil_1", exp), "http://x").searchParams.get("sig")!;
    expect(verifyFileSignature(secret, "tkt_a", "fil_1", exp, sig, now)).toBe(true);
    expect(verifyFileSignature(secret, "tkt_b", "fil_1", exp, sig, now)).toBe(false);
    expect(verifyFileSignature(secret, "tkt_a", "fil_2", exp, sig, now)).toBe(false);
    expect(verifyFileSignature(secret, "tkt_a", "fil_1", exp + 1, sig, now)).toBe(false);
    expect(verifyFileSignature(secret, "tkt_a", "fil_1", exp, sig, exp)).toBe(false);
    expect(verifyFileSignature(`${secret}x`, "tkt_a", "fil_1", exp, sig, now)).toBe(false);
  });
  it("stay the same within the hour, so browsers can cache images", () => {
    const now = Date.UTC(2026, 11, 1, 10, 5);
    expect(viewLinkExpiry(now)).toBe(viewLinkExpiry(now + 20 * 60_000));
  });
});

describe("HTML mail as text", () => {
  it("decodes named, decimal and hex entities and keeps quotes marked", () => {
    expect(htmlToText("<p>Caf&eacute; &amp; cr&egrave;me &#8211; 10&#x20AC;</p><blockquote>old<br>reply</blockquote>")).toBe("Café & crème – 10€\n\n> old\n> reply");
  });
});
