// Writes src/agent/language-trigrams.json: the trigram profiles of the seven languages the agent speaks, taken from
// franc-min's model (MIT, © Titus Wormer; trigrams counted on the Universal Declaration of Human Rights translations).
// The Worker ships these 7 of franc-min's 82 profiles (~10 KB instead of ~176 KB); the scorer is src/agent/language.ts.
// Run after upgrading franc-min: `node scripts/build-language-trigrams.mjs`.
import { writeFileSync } from "node:fs";
import { data } from "franc-min/data.js";

const wanted = { en: "eng", es: "spa", fr: "fra", de: "deu", it: "ita", pt: "por", nl: "nld" };
const profiles = {};
for (const [lang, code] of Object.entries(wanted)) {
  const trigrams = data.Latin[code];
  if (!trigrams) throw new Error(`franc-min has no Latin-script profile for ${code}`);
  profiles[lang] = trigrams;
}
const out = {
  source: "franc-min 6.2.0 (MIT, © Titus Wormer), trigram profiles of the Universal Declaration of Human Rights; most frequent first",
  profiles,
};
writeFileSync(new URL("../src/agent/language-trigrams.json", import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${Object.keys(profiles).length} profiles`);
