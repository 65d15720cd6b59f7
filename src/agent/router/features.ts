// Text normalisation and hashed n-gram features shared by the router's trainer and its offline model.

/** How a message becomes features; stored in model.json so training and inference always agree. */
export interface FeatureConfig {
  /** Features are hashed into 2^hashBits buckets. */
  readonly hashBits: number;
  readonly charNgramMin: number;
  readonly charNgramMax: number;
  /** Weight of each block after it is L2-normalised on its own. */
  readonly wordWeight: number;
  readonly bigramWeight: number;
  readonly charWeight: number;
  readonly lengthWeight: number;
  /** Weight of the block of crude word stems ("shipped" and "shipping" both give "ship"). */
  readonly stemWeight: number;
  /** Product mentions (the shop's lexicon, lexicon.ts) are read as one "#product" token. */
  readonly markProducts?: boolean | undefined;
}

/** Rewrites a message's tokens before hashing (the shop lexicon's product marking). */
export type TokenTransform = (tokens: string[]) => string[];

export const defaultFeatureConfig = {
  hashBits: 20,
  charNgramMin: 3,
  charNgramMax: 5,
  wordWeight: 1,
  bigramWeight: 0.6,
  charWeight: 1,
  lengthWeight: 0.3,
  stemWeight: 0.6,
} as const satisfies FeatureConfig;

/** A sparse feature vector: parallel arrays of bucket ids and values, bucket ids unique. */
export interface SparseFeatures {
  readonly buckets: number[];
  readonly values: number[];
}

// Placeholders start with "#" so char n-grams skip them and they never collide with words.
const urlPattern = /\b(?:https?:\/\/|www\.)\S+/g;
const emailPattern = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/g;
const pricePattern =
  /[$€£¥]\s?\d+(?:[.,]\d+)?|\b\d+(?:[.,]\d+)?\s?(?:\$|€|£|usd|eur|gbp|aud|cad|dollars?|euros?|pounds?|bucks|quid)\b/g;
const percentPattern = /\b\d+(?:[.,]\d+)?\s?%/g;
const orderNumberPattern = /#\s?[a-z]{0,3}-?\d{2,}\b/g;
const emojiPattern = /\p{Extended_Pictographic}/gu;

/** Lowercases, strips accents and punctuation, and replaces order numbers, emails, prices and digits by placeholder tokens. */
export function normalizeUtterance(text: string): string[] {
  let s = text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  s = s.replace(urlPattern, " #url ");
  s = s.replace(emailPattern, " #email ");
  s = s.replace(percentPattern, " #pct ");
  s = s.replace(pricePattern, " #price ");
  s = s.replace(orderNumberPattern, " #order ");
  s = s.replace(emojiPattern, " #emoji ");
  s = s.replace(/['’`´]/g, "");
  s = s.replace(/[^a-z0-9#]+/g, " ");
  const tokens: string[] = [];
  for (const raw of s.split(" ")) {
    if (raw === "") continue;
    if (raw.startsWith("#")) {
      if (/^#(?:url|email|pct|price|order|emoji)$/.test(raw)) tokens.push(raw);
      else if (/\d/.test(raw)) tokens.push("#order");
      else if (raw.length > 1) tokens.push(...normalizeWord(raw.replace(/#/g, "")));
      continue;
    }
    tokens.push(...normalizeWord(raw.replace(/#/g, "")));
  }
  return tokens;
}

function normalizeWord(word: string): string[] {
  if (word === "") return [];
  // "pleeeease" and "heeelp": cap runs of one letter at two.
  const squeezed = word.replace(/([a-z])\1{2,}/g, "$1$1");
  const hasDigit = /\d/.test(squeezed);
  if (!hasDigit) return [squeezed];
  const hasLetter = /[a-z]/.test(squeezed);
  if (!hasLetter) return [squeezed.length >= 4 ? "#longnum" : "#num"];
  if (/^\d+(?:st|nd|rd|th)$/.test(squeezed)) return ["#ordinal"]; // "on the 5th"
  if (/^\d{1,2}(?:am|pm)$/.test(squeezed)) return ["#time"];
  if (/^\d+(?:k|kg|g|ml|l|cm|mm|m|in|ft|oz|lbs?|h|hrs?|mins?|gb|tb|w)$/.test(squeezed)) return ["#measure"];
  // Other mixes of letters and digits: coupon codes (save20), order ids (a1042), tracking numbers, sizes (10us).
  const letters = squeezed.replace(/\d+/g, "");
  return letters.length >= 3 ? [letters, "#code"] : ["#code"];
}

function lengthBucket(tokenCount: number): string {
  if (tokenCount <= 1) return "1";
  if (tokenCount === 2) return "2";
  if (tokenCount <= 4) return "3-4";
  if (tokenCount <= 8) return "5-8";
  if (tokenCount <= 16) return "9-16";
  return "17+";
}

/** A deliberately crude suffix stripper: enough to let "refunded", "refunds" and "refunding" share a feature. */
export function stem(word: string): string {
  if (word.length <= 4 || word.startsWith("#")) return word;
  for (const [suffix, keep] of stemSuffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, word.length - suffix.length) + keep;
      // "shipped" -> "shipp" -> "ship"
      return /([b-df-hj-np-tv-z])\1$/.test(base) ? base.slice(0, -1) : base;
    }
  }
  return word;
}

const stemSuffixes: readonly (readonly [string, string])[] = [
  ["ations", "ate"], ["ation", "ate"], ["ments", ""], ["ment", ""], ["ings", ""], ["ing", ""], ["ies", "y"], ["ied", "y"],
  ["ers", ""], ["er", ""], ["ed", ""], ["es", ""], ["s", ""], ["ly", ""],
];

/** 32-bit FNV-1a over UTF-16 code units: fast, dependency-free and stable across runtimes. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The feature strings of one message, by block (useful for debugging what the model sees). */
export function featureStrings(tokens: readonly string[], config: FeatureConfig): {
  words: string[];
  bigrams: string[];
  chars: string[];
  length: string[];
  stems: string[];
} {
  const words = tokens.map((t) => `w ${t}`);
  const bigrams: string[] = [];
  if (tokens.length > 0) {
    bigrams.push(`b ^ ${tokens[0]}`);
    for (let i = 1; i < tokens.length; i++) bigrams.push(`b ${tokens[i - 1]} ${tokens[i]}`);
    bigrams.push(`b ${tokens[tokens.length - 1]} $`);
  }
  const chars: string[] = [];
  for (const token of tokens) {
    if (token.startsWith("#")) continue;
    const padded = `<${token}>`;
    for (let n = config.charNgramMin; n <= config.charNgramMax; n++) {
      for (let i = 0; i + n <= padded.length; i++) chars.push(`c ${padded.slice(i, i + n)}`);
    }
  }
  const stems = tokens.filter((t) => !t.startsWith("#")).map((t) => `s ${stem(t)}`);
  return { words, bigrams, chars, length: [`n ${lengthBucket(tokens.length)}`], stems };
}

/** The unique hashed buckets of one message, block by block, with each block's weight. */
export function hashedBlocks(text: string, config: FeatureConfig, transform?: TokenTransform): { buckets: number[]; weight: number }[] {
  const tokens = normalizeUtterance(text);
  const blocks = featureStrings(transform ? transform(tokens) : tokens, config);
  const mask = 2 ** config.hashBits - 1;
  const hash = (strings: readonly string[]): number[] => [...new Set(strings.map((s) => fnv1a(s) & mask))];
  return [
    { buckets: hash(blocks.words), weight: config.wordWeight },
    { buckets: hash(blocks.bigrams), weight: config.bigramWeight },
    { buckets: hash(blocks.chars), weight: config.charWeight },
    { buckets: hash(blocks.length), weight: config.lengthWeight },
    { buckets: hash(blocks.stems), weight: config.stemWeight },
  ];
}

/**
 * Hashes one message into a sparse vector: binary presence times IDF (so "the" and "my" count for
 * little), each block L2-normalised on its own and scaled by its weight.
 */
export function extractFeatures(
  text: string,
  config: FeatureConfig,
  idfOf: (bucket: number) => number,
  transform?: TokenTransform,
): SparseFeatures {
  const merged = new Map<number, number>();
  for (const block of hashedBlocks(text, config, transform)) {
    if (block.buckets.length === 0 || block.weight === 0) continue;
    const idfs = block.buckets.map(idfOf);
    const norm = Math.sqrt(idfs.reduce((sum, v) => sum + v * v, 0));
    if (norm === 0) continue;
    block.buckets.forEach((bucket, i) => {
      merged.set(bucket, (merged.get(bucket) ?? 0) + (block.weight * (idfs[i] ?? 0)) / norm);
    });
  }
  return { buckets: [...merged.keys()], values: [...merged.values()] };
}

/** Smoothed inverse document frequency, as in scikit-learn: rare features weigh more, none weighs zero. */
export function inverseDocumentFrequency(documentFrequency: number, documents: number): number {
  return Math.log((1 + documents) / (1 + documentFrequency)) + 1;
}
