// Spam scoring for inbound messages (docs/product.md §1: spam goes to the Spam view): a transparent sum of signals.
//
// Every signal adds points and names itself in `reasons`; a message is spam at SPAM_THRESHOLD points.
// Signals a shopper can trip on their own (shouting, "!!!!!!", one link, an empty MMS, quoting a
// newsletter's "click here") stay well under the threshold; the sales pitches that make up helpdesk
// spam (crypto, SEO, loans, prizes, phishing, pharma, advance-fee, get-rich schemes) score high and
// are pushed over by links to throwaway domains, shorteners and link-only bodies.
import { isAlphanumericSender } from "./consent.ts";

export type SpamVerdict = { spam: boolean; score: number; reasons: string[] };

export const SPAM_THRESHOLD = 5;

/** A pitch category: the first matching pattern scores STRONG_POINTS, each further one +1, up to STRONG_CAP. */
const STRONG_POINTS = 4;
const STRONG_CAP = 6;

const PITCHES: readonly { code: string; patterns: readonly RegExp[] }[] = [
  {
    code: "crypto_pitch",
    patterns: [
      /\b(?:bitcoin|btc|crypto\w*|forex|usdt|ethereum)\b.{0,40}\b(?:invest\w*|trading|signals?|profits?|mining|opportunit\w*|recovery)\b/,
      /\b(?:invest\w*|trading|signals?|profits?|mining)\b.{0,40}\b(?:bitcoin|btc|crypto\w*|forex|usdt|ethereum)\b/,
      /\bdouble your (?:money|bitcoin|btc|crypto|investment)\b/,
      /\bguaranteed (?:returns?|profits?|income)\b/,
    ],
  },
  {
    code: "seo_pitch",
    patterns: [
      /\bseo\b.{0,30}\b(?:services?|agency|experts?|audit|packages?|ranking)\b/,
      /\b(?:first|1st|top) (?:page|position|spot|rank) (?:of|on|in) google\b/,
      /\bback ?links?\b/,
      /\bguest posts?\b/,
      /\bdomain authority\b/,
      /\b(?:increase|boost|drive|double|grow) (?:your )?(?:website |site |store |organic )?(?:traffic|rankings?)\b/,
      /\b(?:web|website|app|shopify|ecommerce|e-commerce) ?(?:design|development|developers?|redesign)\b.{0,40}\b(?:services?|agency|team|quote|rates?)\b/,
      /\bfree (?:quote|audit|consultation)\b/,
      /\baffordable (?:rates|prices|packages)\b/,
    ],
  },
  {
    code: "loan_offer",
    patterns: [
      /\b(?:loans?|cash advance)\b.{0,30}\b(?:approv\w*|instant\w*|fast|apply|guaranteed|low interest)\b/,
      /\b(?:approv\w*|instant|fast|low interest|guaranteed)\b.{0,30}\b(?:loans?|cash advance)\b/,
      /\bpayday loans?\b/,
      /\bno credit check\b/,
      /\bdebt (?:relief|consolidation)\b/,
    ],
  },
  {
    code: "prize_scam",
    patterns: [
      /\bcongratulations?\b.{0,60}\b(?:won|winner|selected|prize|reward)\b/,
      /\byou(?:'ve| have)? (?:been selected|won)\b/,
      /\bclaim (?:your|the) (?:prize|reward|gift|winnings)\b/,
      /\bwin (?:a|an) (?:free )?(?:iphone|ipad|gift card|car|vacation|prize)\b/,
      /\blottery\b/,
    ],
  },
  {
    code: "phishing",
    patterns: [
      /\b(?:verify|confirm|update|validate) your (?:account|password|login|billing|payment (?:details|information))\b/,
      /\byour (?:account|store|page|domain) (?:has been |was |will be )?(?:suspended|locked|disabled|deactivated|limited|terminated)\b/,
      /\bunusual (?:sign-?in|login) activity\b/,
    ],
  },
  {
    code: "pharma_or_adult",
    patterns: [
      /\b(?:viagra|cialis|levitra|tramadol|xanax|oxycodone)\b/,
      /\bwithout (?:a )?prescription\b/,
      /\b(?:hot|lonely|sexy) (?:singles|girls|women|milfs?)\b/,
      /\b(?:casino|betting|slots?)\b.{0,30}\b(?:bonus|free spins|jackpot)\b/,
      /\b(?:porn|escorts?)\b/,
    ],
  },
  {
    code: "advance_fee",
    patterns: [
      /\b(?:inheritance|beneficiary|next of kin|barrister|late husband)\b.{0,80}\b(?:funds?|million|usd|transfer)\b/,
      /\bwire transfer\b.{0,60}\b(?:million|funds?|beneficiary)\b/,
      /[$€£]\s?\d{1,3}(?:[,.]\d{3}){2,}\b/, // millions
      /\b\d+(?:\.\d+)? million (?:dollars|usd|euros?)\b/,
    ],
  },
  {
    code: "get_rich_scheme",
    patterns: [
      /\b(?:earn|make)\s+(?:up to\s+)?[$€£]?\s?\d[\d,.]*\s*(?:[$€£]|usd|dollars|euros?)?\s*(?:\/|per|a|an|every)\s*(?:hour|day|week|month)\b/,
      /\bwork(?:ing)? from home\b.{0,40}\b(?:earn|income|money|\$)/,
      /\bmake money (?:fast|online|from home)\b/,
      /\bpassive income\b/,
    ],
  },
];

/** Phrases a shopper may use too, so they only nudge the score. */
const HINTS: readonly { code: string; pattern: RegExp; points: number }[] = [
  { code: "click_here", pattern: /\bclick (?:here|the link below|below)\b/, points: 1.5 },
  { code: "act_now", pattern: /\b(?:act now|limited[- ]time (?:offer|deal)|don't miss out)\b/, points: 1.5 },
  { code: "too_good_to_be_true", pattern: /\b(?:100% (?:free|guaranteed|legit)|risk[- ]free|no obligation)\b/, points: 1.5 },
  { code: "messenger_redirect", pattern: /\b(?:telegram|t\.me\/|wa\.me\/|whatsapp me|contact me on whatsapp)/, points: 1.5 },
  { code: "bulk_mail_footer", pattern: /\bunsubscribe\b.{0,40}\b(?:click|reply|here|link)\b|\bto (?:opt[- ]out|unsubscribe)\b/, points: 1.5 },
  { code: "generic_salutation", pattern: /\bdear (?:friend|beloved|sir\/madam|sir or madam)\b/, points: 1 },
  { code: "mentions_crypto", pattern: /\b(?:bitcoin|btc|crypto\w*|ethereum|usdt)\b/, points: 1 },
];

// Cheap and throwaway TLDs that dominate abuse statistics; a shop's own domain rarely sits on one.
const SUSPICIOUS_TLDS = new Set([
  "xyz", "top", "click", "loan", "win", "bid", "icu", "buzz", "work", "gq", "tk", "ml", "cf", "ga", "rest", "cam",
  "monster", "cyou", "sbs", "cfd", "quest", "lol", "zip", "country", "stream", "download", "racing", "review",
  "party", "science", "trade", "webcam", "accountant", "cricket", "faith", "date", "men", "kim", "pw",
]);

const URL_SHORTENERS = new Set([
  "bit.ly", "tinyurl.com", "t.co", "goo.gl", "is.gd", "ow.ly", "cutt.ly", "rb.gy", "shorturl.at", "t.ly", "tiny.cc", "rebrand.ly", "bl.ink", "s.id",
]);

// Bare domains ("cheap-meds.top", "t.me/x") count as links only with a known TLD, so "Mr.Smith" or "e.g." do not.
const BARE_TLDS = ["com", "net", "org", "io", "co", "shop", "store", "info", "biz", "me", "ly", "gl", "us", "uk", "de", "it", "fr", "es", "ru", "cn", "at", "id", "cc", "gy", ...SUSPICIOUS_TLDS];
const LINK = new RegExp(
  String.raw`\bhttps?:\/\/[^\s<>"'()]+|\bwww\.[^\s<>"'()]+|\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${BARE_TLDS.join("|")})\b(?:\/[^\s<>"'()]*)?`,
  "giu",
);

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;

function hostOf(link: string): string {
  return link
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .split(/[/?#:]/)[0]
    ?.replace(/\.+$/, "") ?? "";
}

function tldOf(host: string): string {
  return host.split(".").pop() ?? "";
}

/** A transparent spam verdict for one inbound message (`from` is the sender address or number). */
export function spamScore(message: { text: string; from: string; channel: string }): SpamVerdict {
  const reasons: string[] = [];
  let score = 0;
  const add = (code: string, points: number): void => {
    reasons.push(code);
    score += points;
  };

  // Invisible characters are removed before matching so "Bit\u200Bcoin" still reads "Bitcoin".
  const text = message.text.normalize("NFKC").replace(INVISIBLE, "").replace(/[\u2018\u2019]/g, "'");
  const lower = text.toLowerCase().replace(/\s+/g, " ");

  if (text.trim() === "") add("empty_body", 2);

  // Links: many of them, bodies that are mostly links, throwaway domains, shorteners.
  const links = [...text.matchAll(LINK)].map((match) => match[0]);
  const hosts = links.map(hostOf).filter((host) => host !== "");
  const prose = text.replace(LINK, " ");
  const words = prose.match(/\p{L}{2,}/gu)?.length ?? 0;
  if (links.length >= 3) add(`links:${links.length}`, Math.min(4, links.length - 2));
  if (links.length >= 2 && words <= 2 * links.length) add("mostly_links", 2);
  const senderHost = message.channel === "email" ? (message.from.toLowerCase().split("@")[1]?.replace(/>.*$/, "") ?? "") : "";
  const suspicious = [...hosts, senderHost].map(tldOf).find((tld) => SUSPICIOUS_TLDS.has(tld));
  if (suspicious !== undefined) add(`suspicious_tld:.${suspicious}`, 3);
  const shortener = hosts.find((host) => URL_SHORTENERS.has(host));
  if (shortener !== undefined) add(`url_shortener:${shortener}`, 2);

  // Sales pitches.
  for (const { code, patterns } of PITCHES) {
    const hits = patterns.filter((pattern) => pattern.test(lower)).length;
    if (hits > 0) add(code, Math.min(STRONG_CAP, STRONG_POINTS + hits - 1));
  }
  for (const { code, pattern, points } of HINTS) {
    if (pattern.test(lower)) add(code, points);
  }

  // Typography: shouting, "$$$$$$" / "!!!!!!!", money emoji, invisible characters used to dodge filters.
  const letters = prose.match(/\p{L}/gu) ?? [];
  const upper = letters.filter((letter) => letter !== letter.toLowerCase()).length;
  if (letters.length >= 20 && upper / letters.length >= 0.8) add("shouting", 1.5);
  if (/([^\s\d])\1{5,}/u.test(text)) add("repeated_characters", 1);
  if ((text.match(/[$€£💰💵💸🤑🚀]/gu)?.length ?? 0) >= 4) add("money_symbols", 1.5);
  if (new RegExp(INVISIBLE.source, "u").test(message.text)) add("hidden_characters", 1.5);

  // Bulk senders: an SMS/WhatsApp from a name, not a number, is marketing, not a shopper.
  if ((message.channel === "sms" || message.channel === "whatsapp") && isAlphanumericSender(message.from)) {
    add("alphanumeric_sender", 2);
  }

  score = Math.round(score * 10) / 10;
  return { spam: score >= SPAM_THRESHOLD, score, reasons };
}
