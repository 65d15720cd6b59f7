// Knowledge-base retrieval rules: the words of a question, a safe FTS5 query from them, whether a passage really answers it, and the sentences to quote.

const stopWords = new Set(
  (
    "a about after again all also am an and any anything are as at be been before being but by can can't cannot could did do does doing don't " +
    "for from get gets getting got had has have having he hello help her here hey hi him his how i i'd i'll i'm i've if in into is isn't it it's its " +
    "just know let like long look looking make many me much my need needs no not now of off on once one only or other our out please " +
    "possible question quick really right she should so some something take takes tell than thank thanks that that's the their them then there these they " +
    "this those to too up us very want wanted was way we were whether wondering what what's when where which while who why will with won't would yes you you're your yours"
  ).split(" "),
);

/** Lower-cased words of a text, without stop words, in order (duplicates removed). */
export function questionWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]s\b/g, "")
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter((w) => w.length > 1 && !stopWords.has(w));
  return [...new Set(words)];
}

/** A light English stemmer, enough to match "shipping" with "ship" and "returns" with "return". */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith("es") && /(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  if (w.length > 3 && /([bdgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

function stems(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map(stem),
  );
}

/**
 * An FTS5 MATCH expression that can't be a syntax error: each word quoted, OR-ed so bm25() ranks
 * by how many match. `prefixLast` makes the last word a prefix (search as you type). null when no word is left.
 */
export function ftsQuery(text: string, opts: { prefixLast?: boolean } = {}): string | null {
  const words = questionWords(text)
    .map((w) => w.replace(/[^a-z0-9]/g, ""))
    .filter((w) => w.length > 1)
    .slice(0, 16);
  if (words.length === 0) return null;
  return words.map((w, i) => (opts.prefixLast && i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(" OR ");
}

export interface Passage {
  title: string;
  body: string;
}

/** Share of the question's words (stemmed) that the passage contains, and whether any is in its title. */
export function coverage(question: string, passage: Passage): { matched: string[]; share: number; inTitle: boolean } {
  const words = questionWords(question).map(stem);
  const unique = [...new Set(words)];
  if (unique.length === 0) return { matched: [], share: 0, inTitle: false };
  const bodyStems = stems(`${passage.title} ${passage.body}`);
  const titleStems = stems(passage.title);
  const matched = unique.filter((w) => bodyStems.has(w));
  return { matched, share: matched.length / unique.length, inTitle: matched.some((w) => titleStems.has(w)) };
}

/**
 * Whether a retrieved passage answers the question well enough to quote it: at least half of the question's words,
 * or two of them, appear in it. bm25 alone always returns *something*, even for one shared word.
 */
export function isRelevant(question: string, passage: Passage): boolean {
  const c = coverage(question, passage);
  return c.matched.length >= 2 || (c.matched.length > 0 && c.share >= 0.5);
}

export function sentencesOf(body: string): string[] {
  return body
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?])\s+(?=[A-Z0-9“"(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The `max` sentences of a passage that share the most words with the question, in their original order. */
export function bestSentences(question: string, body: string, max = 2): string[] {
  const words = new Set(questionWords(question).map(stem));
  const sentences = sentencesOf(body);
  const scored = sentences.map((s, index) => {
    const own = stems(s);
    let score = 0;
    for (const w of words) if (own.has(w)) score += 1;
    return { s, index, score };
  });
  const hits = scored.filter((x) => x.score > 0).sort((a, b) => b.score - a.score || a.index - b.index).slice(0, max);
  const chosen = hits.length > 0 ? hits : scored.slice(0, max);
  return chosen.sort((a, b) => a.index - b.index).map((x) => x.s);
}
