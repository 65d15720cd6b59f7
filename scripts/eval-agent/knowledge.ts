// An in-memory knowledge base for the agent evaluation: the same ranking as the Worker's FTS5 search (bm25, title 5× body, words OR-ed), without D1.
import { questionWords, stem } from "../../src/knowledge/retrieval.ts";
import type { KnowledgeHit } from "../../src/agent/types.ts";

export interface EvalArticle {
  title: string;
  body: string;
  kind: string;
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(stem);
}

export function memoryKnowledge(articles: readonly EvalArticle[]) {
  const docs = articles.map((a, i) => ({ a, i, title: tokens(a.title), body: tokens(a.body) }));
  const avgTitle = docs.reduce((n, d) => n + d.title.length, 0) / Math.max(1, docs.length);
  const avgBody = docs.reduce((n, d) => n + d.body.length, 0) / Math.max(1, docs.length);
  const k1 = 1.2;
  const b = 0.75;
  function fieldScore(field: string[], avg: number, term: string, idf: number): number {
    const tf = field.filter((w) => w === term).length;
    if (tf === 0) return 0;
    return (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * field.length) / avg));
  }
  return {
    kinds(): Map<string, number> {
      const m = new Map<string, number>();
      for (const a of articles) m.set(a.kind, (m.get(a.kind) ?? 0) + 1);
      return m;
    },
    async search(query: string, opts: { kinds?: readonly string[] | undefined; limit?: number | undefined }): Promise<KnowledgeHit[]> {
      const terms = [...new Set(questionWords(query).map((w) => stem(w.replace(/[^a-z0-9]/g, ""))).filter((w) => w.length > 1))].slice(0, 16);
      if (terms.length === 0) return [];
      const pool = docs.filter((d) => !opts.kinds || opts.kinds.length === 0 || opts.kinds.includes(d.a.kind));
      const scored = pool
        .map((d) => {
          let score = 0;
          for (const term of terms) {
            const n = docs.filter((x) => x.title.includes(term) || x.body.includes(term)).length;
            const idf = Math.log((docs.length - n + 0.5) / (n + 0.5) + 1);
            score += 5 * fieldScore(d.title, avgTitle, term, idf) + fieldScore(d.body, avgBody, term, idf);
          }
          return { d, score };
        })
        .filter((x) => x.score > 0)
        .sort((x, y) => y.score - x.score || x.d.i - y.d.i)
        .slice(0, opts.limit ?? 5);
      return scored.map(({ d }) => ({ title: d.a.title, body: d.a.body, kind: d.a.kind }));
    },
  };
}
