// The offline agent's words: one keyed catalogue per language (en is the reference), filled with a turn's facts.
import { languages, type Lang } from "../language.ts";
import { de } from "./de.ts";
import { en, type Catalogue, type MessageKey } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { it } from "./it.ts";
import { nl } from "./nl.ts";
import { pt } from "./pt.ts";

export type { Catalogue, MessageKey } from "./en.ts";

/** The languages the offline agent answers in (the ones src/agent/language.ts detects); a turn without one answers in English. */
export { languages, type Lang };

export const DEFAULT_LANG: Lang = "en";

const catalogues: Record<Lang, Catalogue> = { en, es, fr, de, it, pt, nl };

const locales: Record<Lang, string> = { en: "en-US", es: "es-ES", fr: "fr-FR", de: "de-DE", it: "it-IT", pt: "pt-PT", nl: "nl-NL" };

export function localeOf(lang: Lang): string {
  return locales[lang];
}

export type Vars = Readonly<Record<string, string | number>>;

/** The text for `key` in `lang` with `{name}` filled from `vars` (a missing var stays visible rather than vanishing). */
export function t(lang: Lang, key: MessageKey, vars: Vars = {}): string {
  const template = catalogues[lang][key];
  const filled = template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
  // A value ending in a full stop ("29 déc.") before the template's own full stop.
  return filled.replace(/\.\.(?=\s|$)/g, ".");
}

/** "A, B and C" in the language. */
export function listOf(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(localeOf(lang), { style: "long", type: "conjunction" }).format(items);
}

/** "Nov 23" / "23 nov" (UTC); the store's own dates are calendar days. */
export function formatDay(isoTime: string, lang: Lang = DEFAULT_LANG): string {
  const d = new Date(isoTime.length === 10 ? `${isoTime}T00:00:00Z` : isoTime);
  if (Number.isNaN(d.getTime())) return isoTime;
  return new Intl.DateTimeFormat(localeOf(lang), { month: "short", day: "numeric", timeZone: "UTC" }).format(d);
}

/**
 * The fixed opening of a text in every language (up to its first `{var}`), to recognise what the agent said in an
 * earlier turn from the transcript alone. Openings under 12 characters are too generic to recognise anything by.
 */
export function openingsOf(key: MessageKey): string[] {
  const out: string[] = [];
  for (const lang of languages) {
    const opening = catalogues[lang][key].split("{")[0]?.trim() ?? "";
    if (opening.length >= 12) out.push(opening);
  }
  return out;
}
