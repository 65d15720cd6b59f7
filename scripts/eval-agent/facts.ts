// The invented-facts check of the agent evaluation: every number, price, date and code in a reply must come from the shop's data, its help center, the agent's fixed wording or the shopper's own words.
import { en } from "../../src/agent/i18n/en.ts";
import { formatDay, languages, t, type MessageKey } from "../../src/agent/i18n/index.ts";

const DAY = 86_400_000;

function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replaceAll(",", ""))).filter(Number.isFinite);
}

function isoDatesIn(text: string): string[] {
  return [...text.matchAll(/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z)?/g)].map((m) => m[0]);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export interface FactChecker {
  /** Facts in `reply` that appear nowhere in the evidence (plus what the shopper wrote). */
  invented(reply: string, shopperTexts: readonly string[]): string[];
}

/** Every calendar day of the evaluation's year or so, as the agent writes them in each language. */
function dayUniverse(now: number): Map<string, string> {
  const out = new Map<string, string>();
  for (let d = now - 200 * DAY; d <= now + 200 * DAY; d += DAY) {
    const iso = new Date(d).toISOString().slice(0, 10);
    for (const lang of languages) out.set(formatDay(iso, lang), iso);
  }
  return out;
}

export function factChecker(evidence: unknown, now: number): FactChecker {
  const wording = languages.flatMap((lang) => (Object.keys(en) as MessageKey[]).map((k) => t(lang, k))).join("\n");
  const data = JSON.stringify(evidence);
  const knownDays = new Set<string>();
  for (const iso of isoDatesIn(data)) for (const lang of languages) knownDays.add(formatDay(iso, lang));
  const base = `${data}\n${wording}`;
  const knownNumbers = new Set(numbersIn(base));
  const knownText = base.toUpperCase();
  const universe = [...dayUniverse(now).keys()].sort((a, b) => b.length - a.length);
  return {
    invented(reply, shopperTexts) {
      const theirs = shopperTexts.join("\n");
      const out: string[] = [];
      let rest = reply;
      // Dates first (then taken out, so "Nov 23" isn't also checked as the number 23).
      for (const day of universe) {
        const re = new RegExp(`(?<![\\p{L}\\d])${escape(day)}(?![\\p{L}\\d])`, "gu");
        if (!re.test(rest)) continue;
        if (!knownDays.has(day) && !theirs.includes(day)) out.push(day);
        rest = rest.replace(re, " ");
      }
      const numbers = new Set([...knownNumbers, ...numbersIn(theirs)]);
      for (const m of rest.matchAll(/(?<![A-Za-z0-9])\d[\d,]*(?:\.\d+)?(?![A-Za-z0-9])/g)) {
        const raw = m[0].replace(/[,.]$/, "");
        const value = Number(raw.replaceAll(",", ""));
        if (raw.replace(/\D/g, "").length < 2 && Number.isInteger(value)) continue;
        if (!numbers.has(value)) out.push(raw);
      }
      const upperTheirs = theirs.toUpperCase();
      for (const m of rest.matchAll(/\b(?=[A-Z0-9-]*[0-9])(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{3,}\b/g)) {
        if (!knownText.includes(m[0]) && !upperTheirs.includes(m[0])) out.push(m[0]);
      }
      return [...new Set(out)];
    },
  };
}
