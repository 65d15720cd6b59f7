// What a file really is, from its first bytes (magic numbers): the client's or sender's declared type is not trusted.

export type FileKind = "image" | "pdf" | "text" | "video" | "audio" | "archive";

export interface Sniffed {
  contentType: string;
  kind: FileKind;
  /** Safe to show inline in a browser (<img>): never SVG or anything that can run script. */
  inline: boolean;
  extension: string;
}

function startsWith(bytes: Uint8Array, sig: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + sig.length) return false;
  return sig.every((b, i) => bytes[offset + i] === b);
}

/** Types a browser may show inline (images that can run no script: never SVG). */
export const INLINE_TYPES: ReadonlySet<string> = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Null when the bytes are none of the kinds we keep. */
export function sniffContentType(bytes: Uint8Array): Sniffed | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: "image/jpeg", kind: "image", inline: true, extension: "jpg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: "image/png", kind: "image", inline: true, extension: "png" };
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return { contentType: "image/gif", kind: "image", inline: true, extension: "gif" };
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return { contentType: "image/webp", kind: "image", inline: true, extension: "webp" };
  if (startsWith(bytes, ascii("%PDF-"))) return { contentType: "application/pdf", kind: "pdf", inline: false, extension: "pdf" };
  if (startsWith(bytes, ascii("ftyp"), 4)) {
    const brand = String.fromCharCode(...bytes.slice(8, 12));
    if (/^(heic|heix|mif1|msf1)$/.test(brand)) return { contentType: "image/heic", kind: "image", inline: false, extension: "heic" };
    if (brand === "qt  ") return { contentType: "video/quicktime", kind: "video", inline: false, extension: "mov" };
    return { contentType: "video/mp4", kind: "video", inline: false, extension: "mp4" };
  }
  if (startsWith(bytes, ascii("OggS"))) return { contentType: "audio/ogg", kind: "audio", inline: false, extension: "ogg" };
  if (startsWith(bytes, ascii("ID3")) || startsWith(bytes, [0xff, 0xfb])) return { contentType: "audio/mpeg", kind: "audio", inline: false, extension: "mp3" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { contentType: "application/zip", kind: "archive", inline: false, extension: "zip" };
  if (looksLikeText(bytes)) return { contentType: "text/plain; charset=utf-8", kind: "text", inline: false, extension: "txt" };
  return null;
}

/** UTF-8 with no control bytes other than whitespace, and nothing a browser would take for markup. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const head = bytes.slice(0, 4096);
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(head.length < bytes.length ? head.slice(0, head.length - 4) : head);
  } catch {
    return false;
  }
  return !/^\s*</.test(text);
}
