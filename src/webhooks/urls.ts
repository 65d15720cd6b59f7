// Where webhooks may be sent: https only in production and never to a private, loopback or link-local address;
// in development also http to 127.0.0.1 / localhost, so tests and local receivers work (pure rule).

/** Why `raw` is refused as a webhook URL, or null when it is acceptable. */
export function refuseWebhookUrl(raw: string, environment: string | undefined): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be an absolute URL";
  }
  if (url.username || url.password) return "must not carry credentials";
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const loopback = host === "localhost" || host.endsWith(".localhost") || host === "127.0.0.1" || host === "::1";
  if (environment === "development" && loopback && (url.protocol === "http:" || url.protocol === "https:")) return null;
  if (url.protocol !== "https:") return "must use https";
  if (loopback || isPrivateHost(host)) return "must not point at a private, loopback or link-local address";
  return null;
}

function isPrivateHost(host: string): boolean {
  if (host === "0.0.0.0" || host.endsWith(".local") || host.endsWith(".internal") || host.endsWith(".localhost") || !host.includes(".") && !host.includes(":")) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  if (host.includes(":")) {
    // IPv6 literals: loopback, unique-local (fc00::/7), link-local (fe80::/10), and IPv4-mapped forms.
    return host === "::" || host === "::1" || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith("::ffff:");
  }
  return false;
}
