// Renders the agent's replies per channel (docs/product.md §4): web chat gets text and rich cards, SMS a short text with one deep link, email text with links.
import { sentencesOf } from "../knowledge/retrieval.ts";
import type { Card } from "../schemas/ticket.ts";
import { t, type Lang } from "./i18n/index.ts";
import type { AgentChannel } from "./types.ts";

export interface Reply {
  body: string;
  cards: Card[];
}

/** Two SMS segments' worth; longer texts split into many paid segments and read badly on a phone. */
export const SMS_MAX_TEXT = 300;

function plain(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, "$1").trim();
}

/** Whole sentences up to `max` characters (at least the first, cut with … if it alone is too long). */
export function shorten(text: string, max: number): string {
  const sentences = sentencesOf(text);
  let out = "";
  for (const s of sentences) {
    const next = out ? `${out} ${s}` : s;
    if (next.length > max) break;
    out = next;
  }
  if (!out) out = text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
  return out;
}

/** A short closing paragraph is usually the question to the shopper ("What's the email…?"): it survives shortening. */
function shortenForSms(text: string): string {
  const paragraphs = text.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  const last = paragraphs.at(-1);
  if (paragraphs.length > 1 && last && last.length <= 160) {
    const rest = shorten(paragraphs.slice(0, -1).join(" "), SMS_MAX_TEXT - last.length - 1);
    return `${rest} ${last}`;
  }
  return shorten(paragraphs.join(" "), SMS_MAX_TEXT);
}

function links(cards: readonly Card[]): { label: string; url: string }[] {
  const out: { label: string; url: string }[] = [];
  for (const card of cards) for (const a of card.actions ?? []) if (a.url && !out.some((l) => l.url === a.url)) out.push({ label: a.label, url: a.url });
  return out;
}

function detailLines(lang: Lang, card: Card): string[] {
  const d = card.data ?? {};
  const line = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : null);
  const lines: string[] = [];
  switch (card.type) {
    case "order": {
      const status = line(d["statusLabel"]);
      const total = line(d["total"]);
      lines.push([status, total ? t(lang, "card.line.total", { total }) : null].filter(Boolean).join(" · "));
      if (Array.isArray(d["items"])) for (const item of d["items"]) if (typeof item === "string") lines.push(`- ${item}`);
      const tracking = line(d["trackingNumber"]);
      if (tracking) lines.push(`${t(lang, "card.line.tracking")} ${line(d["carrier"]) ?? ""} ${tracking}`.replace("  ", " "));
      break;
    }
    case "coupon":
      lines.push(`${line(d["description"]) ?? ""}${line(d["expiresOn"]) ? ` (${t(lang, "card.line.until", { date: line(d["expiresOn"]) ?? "" })})` : ""}`);
      break;
    case "product":
      lines.push(`${line(d["price"]) ?? ""}${d["available"] === false ? ` · ${t(lang, "card.line.outOfStock")}` : ""}${line(d["restockOn"]) ? ` · ${t(lang, "card.line.restock", { date: line(d["restockOn"]) ?? "" })}` : ""}`);
      break;
    case "loyalty":
      lines.push(`${t(lang, "card.line.points", { points: line(d["points"]) ?? 0 })}${line(d["tier"]) ? ` · ${t(lang, "card.line.tier", { tier: line(d["tier"]) ?? "" })}` : ""}`);
      break;
    case "subscription":
      lines.push(
        [
          line(d["status"]),
          line(d["price"]) && line(d["frequency"]) ? t(lang, "card.line.every", { price: line(d["price"]) ?? "", every: line(d["frequency"]) ?? "" }) : null,
          line(d["nextChargeOn"]) ? t(lang, "card.line.nextCharge", { date: line(d["nextChargeOn"]) ?? "" }) : null,
        ]
          .filter(Boolean)
          .join(" · "),
      );
      break;
    case "comparison":
      if (Array.isArray(d["items"]))
        for (const p of d["items"])
          if (p && typeof p === "object" && !Array.isArray(p)) lines.push(`- ${String(p["title"] ?? "")}: ${String(p["price"] ?? "")}${p["available"] === false ? ` · ${t(lang, "card.line.outOfStock")}` : ""}`);
      break;
    default:
      break;
  }
  return lines.filter((l) => l.trim() !== "");
}

function emailCard(lang: Lang, card: Card): string {
  const lines = [card.title ?? "", ...detailLines(lang, card)];
  for (const a of card.actions ?? []) if (a.url) lines.push(`${a.label}: ${a.url}`);
  return lines.filter(Boolean).join("\n");
}

/** One reply as the channel can show it; only web chat keeps cards. */
export function renderReply(channel: AgentChannel, reply: Reply, lang: Lang = "en"): Reply {
  switch (channel) {
    case "webchat":
      return { body: reply.body, cards: reply.cards };
    case "email": {
      const blocks = reply.cards.filter((c) => c.type !== "handoff_offer").map((c) => emailCard(lang, c)).filter(Boolean);
      return { body: [plain(reply.body), ...blocks].join("\n\n"), cards: [] };
    }
    case "sms":
    case "whatsapp":
    case "instagram": {
      // One deep link to the self-service page; the rest of the card lives behind it.
      const link = links(reply.cards)[0];
      const text = channel === "sms" ? shortenForSms(plain(reply.body)) : plain(reply.body);
      return { body: link ? `${text}\n${link.label}: ${link.url}` : text, cards: [] };
    }
  }
}
