// Just enough RFC 822/MIME parsing to thread inbound email: headers, the thread root and the text body.

export interface ParsedEmail {
  from: string;
  fromName: string | null;
  subject: string | null;
  messageId: string | null;
  /** The thread's root Message-ID: first of References, else In-Reply-To, else this message. */
  threadId: string | null;
  text: string;
}

function unfoldHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  const lines = head.replace(/\r\n/g, "\n").split("\n");
  let current: [string, string] | null = null;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && current) {
      current[1] += ` ${line.trim()}`;
      continue;
    }
    if (current) headers.set(current[0], current[1]);
    const idx = line.indexOf(":");
    current = idx > 0 ? [line.slice(0, idx).trim().toLowerCase(), line.slice(idx + 1).trim()] : null;
  }
  if (current) headers.set(current[0], current[1]);
  return headers;
}

function splitHeadBody(raw: string): [string, string] {
  const norm = raw.replace(/\r\n/g, "\n");
  const idx = norm.indexOf("\n\n");
  return idx < 0 ? [norm, ""] : [norm.slice(0, idx), norm.slice(idx + 2)];
}

function messageIds(value: string | undefined): string[] {
  return value ? [...value.matchAll(/<[^>\s]+>/g)].map((m) => m[0]) : [];
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const soft = s.replace(/=\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    const ch = soft[i];
    const hex = soft.slice(i + 1, i + 3);
    if (ch === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...new TextEncoder().encode(ch));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

function decodePart(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get("content-transfer-encoding") ?? "").toLowerCase();
  if (encoding === "base64") {
    try {
      const bin = atob(body.replace(/\s+/g, ""));
      return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    } catch {
      return body;
    }
  }
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

function textOf(headers: Map<string, string>, body: string): string {
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    let html: string | null = null;
    for (const part of parts) {
      if (part.startsWith("--")) break;
      const [h, b] = splitHeadBody(part.replace(/^\n/, ""));
      const ph = unfoldHeaders(h);
      const ptype = ph.get("content-type") ?? "text/plain";
      if (/^multipart\//i.test(ptype)) {
        const nested = textOf(ph, b);
        if (nested) return nested;
      } else if (/^text\/plain/i.test(ptype)) return decodePart(ph, b).trim();
      else if (/^text\/html/i.test(ptype)) html = decodePart(ph, b);
    }
    return html ? stripHtml(html) : "";
  }
  const decoded = decodePart(headers, body);
  return /^text\/html/i.test(type) ? stripHtml(decoded) : decoded.trim();
}

function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/p>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Drops the quoted history of a reply ("On … wrote:" and ">" lines) so the thread shows what is new. */
export function stripQuotedReply(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  for (const line of lines) {
    if (/^On .+wrote:\s*$/.test(line.trim()) || /^-{2,}\s*Original Message\s*-{2,}/i.test(line.trim())) break;
    if (line.startsWith(">")) continue;
    out.push(line);
  }
  return out.join("\n").trim() || text.trim();
}

export function parseEmail(raw: string): ParsedEmail {
  const [head, body] = splitHeadBody(raw);
  const headers = unfoldHeaders(head);
  const fromHeader = headers.get("from") ?? "";
  const addr = /<([^>]+)>/.exec(fromHeader)?.[1] ?? fromHeader.trim();
  const name = displayNameOf(fromHeader);
  const messageId = messageIds(headers.get("message-id"))[0] ?? null;
  const refs = messageIds(headers.get("references"));
  const inReplyTo = messageIds(headers.get("in-reply-to"))[0];
  return {
    from: addr.toLowerCase(),
    fromName: name,
    subject: headers.get("subject") ?? null,
    messageId,
    threadId: refs[0] ?? inReplyTo ?? messageId,
    text: stripQuotedReply(textOf(headers, body)),
  };
}

/** The display name in an address like `"Jo Buyer" <jo@example.com>`, if any. */
export function displayNameOf(address: string): string | null {
  return /^\s*"?([^"<]+?)"?\s*</.exec(address)?.[1]?.trim() || null;
}
