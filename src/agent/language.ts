// The shopper's language, offline: marker words and letters that short shop messages carry, with a trigram model as extra
// evidence on longer text (franc-min's profiles of our seven languages, extracted by scripts/build-language-trigrams.mjs,
// scored by rank distance). A message with too little evidence keeps the language the conversation already had, so a
// later "ok" or "#1042" never flips it.
import trigramFile from "./language-trigrams.json" with { type: "json" };

export const languages = ["en", "es", "fr", "de", "it", "pt", "nl"] as const;
export type Lang = (typeof languages)[number];

export const languageNames: Record<Lang, string> = {
  en: "English",
  es: "Spanish",
  fr: "French",
  de: "German",
  it: "Italian",
  pt: "Portuguese",
  nl: "Dutch",
};

export function isLang(value: string): value is Lang {
  return (languages as readonly string[]).includes(value);
}

// Words that mark one language in shoppers' messages (function words, greetings, shop vocabulary). A word listed for
// two languages counts half for each; words common to most of them ("no", "ok", "hotel") are not listed at all.
const markers: Record<Lang, string> = {
  en:
    "the my is are was where what when why how who which can could would will should i i'm i've it's don't didn't doesn't " +
    "isn't haven't hasn't you your yours we our they their this that these those with without from for of to and or but not " +
    "have has had do does did get got been be want need please thanks thank hi hello hey yes yeah yet still already " +
    "order orders ordered shipping shipped delivered delivery arrive arrived received refund return returns exchange " +
    "cancel cancelled canceled package parcel tracking track code discount coupon points subscription size price " +
    "buy bought item items help there here just about any some much many only never always",
  es:
    "el la los las mi mis tu tus su sus es está esta están estoy dónde donde qué cuándo cuando cómo como por para porque " +
    "pero con sin del al un una unos unas y o muy también todavía aún ya hola gracias buenos buenas días tardes noches " +
    "quiero quisiera necesito puedo puede pueden tengo tiene hay llegó llega llegado recibido pedido pedidos compra " +
    "envío envio devolver devolución devolucion reembolso cambiar cancelar código codigo descuento cupón cupon puntos " +
    "talla precio producto ayuda favor sí sigue nada ningún ninguna cuánto cuanto cuesta zapatillas mío en a o " +
    "hacen envíos envían enviar tarda tardan llegar dirección cambio pueden me te nos ayudas elegir regalo",
  fr:
    "le la les mon ma mes ton ta tes son sa ses est sont suis où ou quand comment pourquoi qui que quoi quel quelle " +
    "pour par avec sans dans sur du des au aux un une et mais pas ne plus très encore déjà bonjour bonsoir salut merci " +
    "oui je veux voudrais peux puis pouvez avez ai reçu arrivée arrivé livré livraison commande commandes colis " +
    "retour retourner rembourser remboursement échanger annuler code réduction promo points taille prix produit aide " +
    "s'il vous plaît svp toujours rien n'est c'est j'ai qu'est en a vous nous votre vos livrez livrer combien " +
    "adresse changer me",
  de:
    "der die das ich mein meine meinen meiner mich mir ist sind bin wo wann warum wie wer was welche welcher für mit " +
    "ohne von zu und oder aber nicht kein keine noch schon sehr auch hallo guten tag morgen danke bitte ja möchte " +
    "will kann können habe hast hat haben bekommen erhalten angekommen geliefert lieferung bestellung bestellungen " +
    "bestellt paket sendung rücksendung zurückschicken erstattung rückerstattung umtauschen stornieren gutschein " +
    "rabatt punkte größe preis produkt hilfe immer nichts gibt es ein eine einen dem den des vielen habt ihr sie wurde " +
    "wird noch jacke schuhe funktioniert aus auf fallen klein groß",
  it:
    "il lo la gli le mio mia miei mie è sono dove quando come perché chi che cosa quale per con senza del della dei " +
    "delle al alla un uno una e ma non più molto ancora già ciao buongiorno buonasera grazie sì voglio vorrei posso " +
    "può potete ho ha hanno ricevuto arrivato arrivata consegnato consegna ordine ordini pacco spedizione reso " +
    "restituire rimborso cambiare annullare codice sconto coupon punti taglia prezzo prodotto aiuto sempre niente " +
    "dov'è qual è c'è questo questa quello quella questi avete abbiamo siete sei hai fatto nel nella sul sulla anche " +
    "però quanto costa giacca scarpe a o spedite spedire spedizioni indirizzo i mi ti ci vi aiutate aiutare " +
    "scegliere regalo piccolo grande saldi",
  pt:
    "o a os as meu minha meus minhas é está estão estou onde quando como por porque quem que qual para com sem do da " +
    "dos das ao um uma e mas não mais muito ainda já olá oi obrigado obrigada bom dia boa tarde sim quero queria " +
    "preciso posso pode podem tenho tem chegou chegaram recebi recebido entregue entrega encomenda encomendas pedido " +
    "compra envio devolver devolução reembolso trocar cancelar código desconto cupom pontos tamanho preço produto " +
    "ajuda sempre nada você vocês este esta isso isto têm temos fiz vou nem também sapatos casaco fazem envios entregam " +
    "morada demora",
  nl:
    "de het een ik mijn is zijn ben waar wanneer waarom hoe wie wat welke voor met zonder van naar en of maar niet " +
    "geen nog al erg ook hallo hoi goedemorgen goedemiddag dank bedankt alstublieft alsjeblieft graag ja wil wilt kan " +
    "kunnen heb hebt heeft hebben ontvangen aangekomen geleverd levering bestelling bestellingen besteld pakket " +
    "pakketje retour retourneren terugbetaling ruilen annuleren kortingscode korting punten maat prijs product hulp " +
    "altijd niets er u jullie je uw deze dit dat die heeft hebben kunt zou jas schoenen wanneer klein groot vallen",
};

const lexicon = new Map<string, Partial<Record<Lang, number>>>();
for (const lang of languages) {
  for (const word of markers[lang].split(/\s+/).filter(Boolean)) {
    const entry = lexicon.get(word) ?? {};
    entry[lang] = 1;
    lexicon.set(word, entry);
  }
}
for (const entry of lexicon.values()) {
  const shared = Object.keys(entry).length;
  for (const lang of Object.keys(entry) as Lang[]) entry[lang] = 1 / shared;
}

// Letters and marks each language has and the others mostly don't.
const letterCues: [RegExp, Partial<Record<Lang, number>>][] = [
  [/[¿¡]/, { es: 2 }],
  [/ñ/, { es: 1.5 }],
  [/ß/, { de: 2 }],
  [/[äöü]/, { de: 1 }],
  [/[ãõ]/, { pt: 1.5 }],
  [/ç/, { fr: 0.5, pt: 0.5 }],
  [/[œæ]|[êîû]/, { fr: 1 }],
  [/[èàù]/, { fr: 0.5, it: 0.5 }],
  [/[ìò]/, { it: 1 }],
  [/\bij|ij[a-z]/, { nl: 1 }],
  [/\b[ldnjcsq]u?'\p{L}/u, { fr: 0.5, it: 0.25 }],
];

/** Letters a trigram model needs before its guess is worth anything. */
const TRIGRAM_MIN_LETTERS = 20;
/** Rank distance charged for a trigram a language's profile doesn't have (profiles are 300 long). */
const MISSING_TRIGRAM = 300;

/** Each language's trigrams by rank (0 = most frequent). */
const profiles = new Map<Lang, Map<string, number>>(
  languages.map((lang) => [lang, new Map(trigramFile.profiles[lang].split("|").map((t, rank) => [t, rank] as const))]),
);

/** The text's trigrams, most frequent first (letters only, lower case, words padded with spaces). */
function trigramsOf(text: string): string[] {
  const clean = ` ${text.toLowerCase().replace(/[^\p{L}]+/gu, " ").trim()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= clean.length; i++) {
    const t = clean.slice(i, i + 3);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
}

/**
 * How close the text is to each language's profile, 1 for the closest and less for the others: the out-of-place distance
 * between the text's trigram ranks and each profile's, normalised by the largest distance possible.
 */
export function trigramScores(text: string): Map<Lang, number> {
  const trigrams = trigramsOf(text);
  const distances = new Map<Lang, number>();
  for (const [lang, profile] of profiles) {
    let d = 0;
    trigrams.forEach((t, rank) => {
      const r = profile.get(t);
      d += r === undefined ? MISSING_TRIGRAM : Math.abs(r - rank);
    });
    distances.set(lang, d);
  }
  const min = Math.min(...distances.values());
  const range = trigrams.length * MISSING_TRIGRAM - min || 1;
  return new Map([...distances].map(([lang, d]) => [lang, 1 - (d - min) / range]));
}

export interface LanguageGuess {
  lang: Lang;
  /** Score of the best language minus the runner-up's: how clearly the text is in that language (0 = no evidence). */
  margin: number;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFC")
    .replace(/[’`´]/g, "'")
    .split(/[^\p{L}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter(Boolean);
}

/** Scores of each language for one text, or null when the text carries no evidence at all. */
export function guessLanguage(text: string): LanguageGuess | null {
  const scores: Record<Lang, number> = { en: 0, es: 0, fr: 0, de: 0, it: 0, pt: 0, nl: 0 };
  // Emails, links and codes are in no language ("com" is Portuguese for "with").
  const plain = text.replace(/\S+@\S+|https?:\/\/\S+|www\.\S+|\S*\d\S*/gi, " ");
  const lower = plain.toLowerCase().normalize("NFC");
  const tokens = words(plain);
  for (const token of tokens) {
    const direct = lexicon.get(token);
    // "n'est", "l'ordine", "dov'è": the elided article and the word both speak.
    const parts = direct ? [direct] : token.split("'").map((p) => lexicon.get(p)).filter((e) => e !== undefined);
    if (!direct && token.includes("'")) scores.fr += 0.25;
    for (const entry of parts) for (const [lang, w] of Object.entries(entry) as [Lang, number][]) scores[lang] += w;
  }
  for (const [re, cue] of letterCues) if (re.test(lower)) for (const [lang, w] of Object.entries(cue) as [Lang, number][]) scores[lang] += w;

  const letters = lower.replace(/[^\p{L}]/gu, "").length;
  if (letters >= TRIGRAM_MIN_LETTERS) {
    // The closest profile scores 1 and the others relative to it; only clear leads count.
    const weight = letters >= 60 ? 2 : 1;
    for (const [lang, score] of trigramScores(plain)) scores[lang] += weight * Math.max(0, (score - 0.85) / 0.15);
  }

  const ranked = (Object.entries(scores) as [Lang, number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] <= 0) return null;
  return { lang: best[0], margin: best[1] - (second?.[1] ?? 0) };
}

/** Below this margin a single message says too little to be sure of its language ("ok", "1042", "super"). */
const MIN_MARGIN = 0.75;
/** A conversation switches language only on a message that is clearly in another one. */
const SWITCH_MARGIN = 1.5;

/** The language of one message; `fallback` (English unless given) when it carries too little evidence. */
export function detectLanguage(text: string, fallback: Lang = "en"): Lang {
  const guess = guessLanguage(text);
  return guess && guess.margin >= MIN_MARGIN ? guess.lang : fallback;
}

/**
 * The language of a conversation from the shopper's messages, oldest first: the first message with enough evidence sets
 * it, and a later message changes it only when it is clearly in another language ("ok", "gracias" or "#1042" don't).
 */
export function conversationLanguage(customerTexts: readonly string[], fallback: Lang = "en"): Lang {
  let current: Lang | null = null;
  for (const text of customerTexts) {
    const guess = guessLanguage(text);
    if (!guess) continue;
    if (current === null) {
      if (guess.margin >= MIN_MARGIN) current = guess.lang;
    } else if (guess.lang !== current && guess.margin >= SWITCH_MARGIN) {
      current = guess.lang;
    }
  }
  return current ?? fallback;
}
