// The dashboard's own words under keys, so translating it is adding a catalog: `t("views.mine")`, `t("list.waiting",
// {ago})`, `tn("skills.messages", n)` for counts. English is built in (web/dashboard/i18n/, one file per screen); a
// catalog registered with addCatalog replaces any key it has when its language is the active one: `?lang=xx` in the
// address, else localStorage "edgedesk.lang", else the browser's languages. `?lang=en-XA` is the built-in
// pseudo-locale (every message wrapped as ⟦…⟧) for spotting words that skip translation.
import { en, type MessageKey } from "./i18n/catalog.ts";

export type { MessageKey } from "./i18n/catalog.ts";

/** Keys that come as `.one` / `.other` pairs (and `.zero`/`.two`/`.few`/`.many` in catalogs that need them). */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];
export type Catalog = Partial<Record<MessageKey | `${PluralKey}.${Intl.LDMLPluralRule}`, string>>;
export type Vars = Record<string, string | number>;

const PSEUDO_LOCALE = "en-xa";
const LANG_KEY = "edgedesk.lang";
const catalogs: Record<string, Catalog> = {};
let active: Catalog = {};
let activeLang: string | undefined;

/** The languages to try, best first: the address's `?lang=`, the saved choice, then the browser's. */
function wantedLanguages(): string[] {
  const fromAddress = typeof location === "undefined" ? null : new URLSearchParams(location.search).get("lang");
  const browser = typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
  return [fromAddress, storedLang(), ...browser].filter((l): l is string => !!l).map((l) => l.toLowerCase());
}

function storedLang(): string | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
}

function choose(): void {
  const wanted = wantedLanguages();
  // "pt-br" takes a "pt-br" catalog, else a "pt" one; the first language that has one wins.
  const hit = wanted.map((l) => (l in catalogs ? l : (l.split("-")[0] ?? ""))).find((l) => l in catalogs);
  active = hit ? (catalogs[hit] ?? {}) : {};
  activeLang = hit;
}

/** Registers a translation (language code → messages) and uses it when it is the wanted language. */
export function addCatalog(lang: string, messages: Catalog): void {
  catalogs[lang.toLowerCase()] = messages;
  choose();
}

/** The active catalog's language for Intl (dates, numbers, plural rules); undefined = the browser's own. */
export function locale(): string | undefined {
  return activeLang === PSEUDO_LOCALE ? "en" : activeLang;
}

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The message for `key` with `{slots}` filled. */
export function t(key: MessageKey, vars: Vars = {}): string {
  return fill(active[key] ?? en[key], vars);
}

/** The message for a count: `key.one` / `key.other` (or the catalog's own categories) by Intl.PluralRules, `{n}` filled. */
export function tn(key: PluralKey, n: number, vars: Vars = {}): string {
  const category = new Intl.PluralRules(locale()).select(n);
  const own = active[`${key}.${category}`] ?? active[`${key}.other`];
  const english = (en as Record<string, string>)[`${key}.${new Intl.PluralRules("en").select(n)}`] ?? en[`${key}.other` as MessageKey];
  return fill(own ?? english, { n: number(n), ...vars });
}

/** A number in the active language: 1234.5 → "1,234.5". */
export function number(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), options).format(n);
}

/** The pseudo-locale: every English message wrapped, so an unwrapped word on screen is one that skipped t(). */
export function pseudoCatalog(): Catalog {
  return Object.fromEntries(Object.entries(en).map(([k, v]) => [k, `⟦${v}⟧`])) as Catalog;
}

// Built only when asked for: a thousand wrapped strings no one else needs.
if (wantedLanguages().includes(PSEUDO_LOCALE)) addCatalog(PSEUDO_LOCALE, pseudoCatalog());
