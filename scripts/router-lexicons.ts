// The shop lexicons the router's scripts use: the demo store's (own data) and each cross-shop shop's (data/router/cross-shop).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { readLabelledCsv } from "../src/agent/router/dataset.ts";
import type { LabelledUtterance } from "../src/agent/router/dataset.ts";
import { buildShopLexicon } from "../src/agent/router/lexicon.ts";
import type { LexiconArticle, LexiconProduct, ShopLexicon } from "../src/agent/router/lexicon.ts";
import { demoProducts } from "../src/integrations/demo-store/data.ts";
import { demoKnowledgeBase } from "../src/integrations/demo-store/knowledge.ts";

/** The demo store's catalog and help centre: what the own data (train, dev, held-out) is written about. */
export function demoStoreLexicon(): ShopLexicon {
  return buildShopLexicon({
    products: demoProducts.map((p) => ({ title: p.title, tags: p.tags })),
    articles: demoKnowledgeBase.map((a) => ({ title: a.title, kind: a.kind })),
  });
}

export interface CrossShop {
  readonly name: string;
  readonly lexicon: ShopLexicon;
  readonly rows: LabelledUtterance[];
}

/** Every shop of the cross-shop evaluation set, with the lexicon built from its own catalog and FAQ. */
export function crossShops(dir: string): CrossShop[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".messages.csv"))
    .sort()
    .map((file) => {
      const name = file.replace(/\.messages\.csv$/, "");
      const catalog = JSON.parse(readFileSync(join(dir, `${name}.catalog.json`), "utf8")) as { products: LexiconProduct[] };
      const faq = JSON.parse(readFileSync(join(dir, `${name}.faq.json`), "utf8")) as { articles: LexiconArticle[] };
      return {
        name,
        lexicon: buildShopLexicon({ products: catalog.products, articles: faq.articles }),
        rows: readLabelledCsv(readFileSync(join(dir, file), "utf8")).rows,
      };
    });
}
