// The shop's own words for the router: catalog phrases become one "#product" token, and help-centre titles are evidence for the skill that answers them.
import { normalizeUtterance } from "./features.ts";
import { genericProductNouns, neverProductWords } from "./productNouns.ts";
import type { SkillId } from "./skills.ts";

/** One catalog product as the lexicon reads it (what a catalog integration returns, or a fixture). */
export interface LexiconProduct {
  readonly title: string;
  readonly productType?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly variants?: readonly string[] | undefined;
}

/** One knowledge-base article: its title, and its kind (which skill answers from it). */
export interface LexiconArticle {
  readonly title: string;
  readonly kind?: string | undefined;
}

/** What the router knows about one shop; build it with buildShopLexicon and keep it (it is immutable). */
export interface ShopLexicon {
  /** Product phrases keyed by their first word's key, longest first. */
  readonly phrases: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Words that only join a product phrase next to it ("oslo sofa in *forest velvet*"). */
  readonly joiners: ReadonlySet<string>;
  readonly articles: readonly { readonly keys: readonly string[]; readonly skill: SkillId }[];
}

/** Which skill answers from an article of each knowledge-base kind (src/schemas/agent.ts). */
const skillOfKind: Readonly<Record<string, SkillId>> = {
  faq: "general_qa",
  policy: "general_qa",
  shipping: "general_qa",
  product: "general_qa",
  returns: "returns_exchanges",
  order_editing: "order_editing",
  subscription: "subscriptions",
  loyalty: "loyalty",
  coupon: "coupons_discounts",
};

/** Folds plurals so "sofas", "berries" and "glasses" match "sofa", "berry" and "glass". */
export function wordKey(word: string): string {
  if (word.length <= 3 || word.startsWith("#")) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) return word.slice(0, -1);
  return word;
}

const keysOf = (text: string): string[] => normalizeUtterance(text).map(wordKey);

const neverProductKeys = new Set([...neverProductWords].map(wordKey));

/** A word that names a product on its own: long enough, a real word, and not part of how people ask for help. */
function canStandAlone(key: string): boolean {
  return key.length >= 3 && !key.startsWith("#") && !/\d/.test(key) && !neverProductKeys.has(key);
}

class LexiconBuilder {
  readonly phrases = new Map<string, string[][]>();
  readonly seen = new Set<string>();
  readonly joiners = new Set<string>();

  /** A phrase of two or more words matches as a whole if one of them could name a product ("free range eggs", not "free delivery"). */
  addPhrase(words: readonly string[]): void {
    if (words.length === 1 && words[0] !== undefined && canStandAlone(words[0])) this.put([words[0]]);
    else if (words.length > 1 && words.some(canStandAlone)) this.put([...words]);
  }

  private put(words: string[]): void {
    const id = words.join(" ");
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const first = words[0] ?? "";
    const list = this.phrases.get(first) ?? [];
    list.push(words);
    this.phrases.set(first, list);
  }
}

function sortedPhrases(phrases: Map<string, string[][]>): Map<string, string[][]> {
  for (const list of phrases.values()) list.sort((a, b) => b.length - a.length);
  return phrases;
}

const wordsOf = (text: string): string[] => keysOf(text).filter((k) => !k.startsWith("#"));

/**
 * The account's lexicon: its products and its help-centre titles, over the base product nouns. From a title
 * ("Oslo 3-Seater Sofa") the whole title, each pair of neighbouring words, and its first and last word (the
 * name and the head noun) match; a product type matches whole or by its last word; a tag matches whole when it
 * is a phrase, and alone only when it is a noun the catalog uses as one; variants only extend a mention.
 */
export function buildShopLexicon(input: { products?: readonly LexiconProduct[]; articles?: readonly LexiconArticle[] } = {}): ShopLexicon {
  const builder = new LexiconBuilder();
  const nouns = new Set(genericProductNouns.map(wordKey));
  for (const noun of nouns) builder.addPhrase([noun]);
  const products = input.products ?? [];
  const heads = new Set<string>();
  for (const product of products) {
    const title = wordsOf(product.title);
    const type = product.productType ? wordsOf(product.productType) : [];
    if (title.length > 0) heads.add(title[title.length - 1] ?? "");
    if (type.length > 0) heads.add(type[type.length - 1] ?? "");
  }
  for (const product of products) {
    const title = wordsOf(product.title);
    builder.addPhrase(title);
    for (let i = 0; i + 1 < title.length; i++) builder.addPhrase(title.slice(i, i + 2));
    if (title[0] !== undefined) builder.addPhrase([title[0]]);
    if (title.length > 1) builder.addPhrase([title[title.length - 1] ?? ""]);
    const type = product.productType ? wordsOf(product.productType) : [];
    builder.addPhrase(type);
    if (type.length > 1) builder.addPhrase([type[type.length - 1] ?? ""]);
    for (const tag of product.tags ?? []) {
      const words = wordsOf(tag);
      if (words.length > 1 || (words[0] !== undefined && (nouns.has(words[0]) || heads.has(words[0])))) builder.addPhrase(words);
    }
    for (const key of [...(product.variants ?? []).flatMap(keysOf), ...keysOf(product.title)]) {
      if (!functionWords.has(key)) builder.joiners.add(key);
    }
  }
  const articles: { keys: string[]; skill: SkillId }[] = [];
  for (const article of input.articles ?? []) {
    // Only the words that set the article apart ("swatches", "allergens", "warranty"): the support words of a
    // title ("Tracking your order") are the model's to weigh, not evidence for the article's skill.
    const keys = [...new Set(keysOf(article.title).filter((k) => k.length >= 3 && !k.startsWith("#") && !functionWords.has(k) && !neverProductKeys.has(k)))];
    if (keys.length > 0) articles.push({ keys, skill: skillOfKind[article.kind ?? "faq"] ?? "general_qa" });
  }
  return { phrases: sortedPhrases(builder.phrases), joiners: builder.joiners, articles };
}

/** Words that say nothing about an article's topic ("How do I …", "Your …"). */
const functionWords = new Set(
  (
    "the and for you your our how what when where why who which can does are with from about into this that " +
    "there their its all any not get use using of in on to a an or by"
  ).split(" "),
);

let baseLexicon: ShopLexicon | undefined;

/** The lexicon every message gets when the shop's own is not known: common product nouns only. */
export function defaultLexicon(): ShopLexicon {
  baseLexicon ??= buildShopLexicon();
  return baseLexicon;
}

/** The message's tokens with each product mention replaced by one "#product" token. */
export function markProducts(tokens: readonly string[], lexicon: ShopLexicon): string[] {
  const keys = tokens.map(wordKey);
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidates = lexicon.phrases.get(keys[i] ?? "") ?? [];
    const match = candidates.find((phrase) => phrase.every((word, j) => keys[i + j] === word));
    if (!match) {
      out.push(tokens[i] ?? "");
      i++;
      continue;
    }
    i += match.length;
    // Words of the same product's title or variants right after it belong to the mention ("oslo sofa in forest velvet" keeps "in").
    while (i < tokens.length && lexicon.joiners.has(keys[i] ?? "")) i++;
    if (out[out.length - 1] !== "#product") out.push("#product");
  }
  return out;
}

/** For each skill, how fully the message covers the title of one of its articles (0–1, best article). */
export function articleEvidence(tokens: readonly string[], lexicon: ShopLexicon): Map<SkillId, number> {
  const evidence = new Map<SkillId, number>();
  if (lexicon.articles.length === 0) return evidence;
  const present = new Set(tokens.map(wordKey));
  for (const article of lexicon.articles) {
    let matched = 0;
    for (const key of article.keys) if (present.has(key)) matched++;
    if (matched === 0) continue;
    const score = matched / article.keys.length;
    if (score > (evidence.get(article.skill) ?? 0)) evidence.set(article.skill, score);
  }
  return evidence;
}
