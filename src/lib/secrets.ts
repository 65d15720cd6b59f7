// Seals small secrets (integration credentials) at rest in D1 with AES-GCM under a key derived from TOKEN_SECRET.
import { base64url, fromBase64url } from "./crypto.ts";

const enc = new TextEncoder();
const dec = new TextDecoder();
const VERSION = "v1";

const keys = new Map<string, Promise<CryptoKey>>();

function keyFor(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = (async () => {
      const base = await crypto.subtle.importKey("raw", enc.encode(secret), "HKDF", false, ["deriveKey"]);
      return crypto.subtle.deriveKey(
        { name: "HKDF", hash: "SHA-256", salt: enc.encode("edgedesk"), info: enc.encode("integration-credentials") },
        base,
        { name: "AES-GCM", length: 256 },
        false,
        ["encrypt", "decrypt"],
      );
    })();
    keys.set(secret, key);
  }
  return key;
}

/** `v1.<iv>.<ciphertext>`; `context` (e.g. "acc_1:shopify") is bound as associated data so a sealed value can't be moved to another row. */
export async function seal(secret: string, plaintext: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: enc.encode(context) }, await keyFor(secret), enc.encode(plaintext));
  return `${VERSION}.${base64url(iv)}.${base64url(new Uint8Array(ct))}`;
}

/** null when the value was sealed under another key or context, or is damaged. */
export async function unseal(secret: string, sealed: string, context: string): Promise<string | null> {
  const [version, iv, ct] = sealed.split(".");
  if (version !== VERSION || !iv || !ct) return null;
  try {
    const pt = await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64url(iv), additionalData: enc.encode(context) }, await keyFor(secret), fromBase64url(ct));
    return dec.decode(pt);
  } catch {
    return null;
  }
}
