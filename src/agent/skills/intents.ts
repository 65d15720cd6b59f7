// Sub-intents inside the skills: what exactly a shopper asks about a topic ("my parcel says delivered but isn't here", "a gift under $50"). Pure, tested in test/agent/intents.node.test.ts.

const has = (re: RegExp) => (text: string) => re.test(text);

/** "says delivered but I don't have it", "not on my porch", "never arrived", "stolen". */
export const saysMissing = has(
  /\b(not|never|didn'?t|did not|haven'?t|have not|hasn'?t|no)\b[^.?!]{0,30}\b(received?|arrived?|got(ten)?|here|there|get it|find it|on my (porch|doorstep|step))\b|\b(missing|stolen|lost)\b[^.?!]{0,20}\b(parcel|package|order|box)\b|\b(parcel|package|order|box)\b[^.?!]{0,30}\b(missing|stolen|lost|nowhere)\b|\bsays? (it was |it'?s )?delivered\b|\bmarked (as )?delivered\b|\bno (he|ha) recibido\b|\bpas reçu\b|\bnicht (erhalten|angekommen)\b|\bnon (l'?ho )?ricevut[oa]\b|\bnão recebi\b|\bniet ontvangen\b/i,
);

/** "it's late", "taking forever", "should have arrived by now", "still waiting". */
export const saysLate = has(
  /\b(late|delayed|delay|overdue|taking (so |too )?(long|forever)|still (waiting|not here|hasn'?t)|should have (arrived|been here|come)|been (over |more than )?(a|two|\d+) (week|day)s?|weeks? (ago|now)|retrasad[oa]|en retard|verspätet|in ritardo|atrasad[oa]|vertraagd|te laat)\b/i,
);

/** Torn, broken, faulty, wrong item. */
export const saysDamaged = has(
  /\b(damaged?|broken|broke|torn|tore|tear|tears|ripped|rip|hole|holes|defect(ive)?|faulty|fault|stain(ed)?|cracked|split|fell apart|falling apart|stopped working|doesn'?t work|wrong (item|size|colou?r|product)|not what i ordered|dañad[oa]|rot[oa]|defectuos[oa]|abîmé|cassé|défectueux|beschädigt|kaputt|defekt|danneggiat[oa]|difettos[oa]|danificad[oa]|beschadigd|kapot)\b/i,
);

/** "when will I get my refund", "refund status", "where is my money". */
export const asksRefundStatus = has(
  /\b(refund|refunded|money back|my money|reembolso|remboursement|rückerstattung|erstattung|rimborso|terugbetaling)\b[^.?!]*\b(when|status|where|yet|still|received|get|arrive|processed|cuándo|quand|wann|quando|wanneer)\b|\b(when|where|status|still|yet|cuándo|quand|wann|quando|wanneer)\b[^.?!]*\b(refund|refunded|money back|my money|reembolso|remboursement|rückerstattung|erstattung|rimborso|terugbetaling)\b|\bstatus of my return\b|\breturn status\b/i,
);

/** "can I use WELCOME10 and FREESHIP together", "stack two codes", "more than one code". */
export const asksStacking = has(/\b(stack|stacking|combine|combined|combining|together|both|more than one|two codes|multiple codes|several codes|and another code|acumular|combinar|cumuler|kombinieren|cumulare|combineren)\b/i);

/** Code-like tokens a shopper names ("SUMMER25", "welcome10"): letters and digits, or letters with a dash. */
export function namedCodes(text: string, known: readonly string[] = []): string[] {
  const out: string[] = [];
  const knownUpper = new Set(known.map((k) => k.toUpperCase()));
  const words = [...text.matchAll(/\b[A-Za-z][A-Za-z0-9-]{3,24}\b/g)].map((m) => m[0]);
  // Several words in capitals are shouting, not codes.
  const shouting = words.filter((w) => /^[A-Z-]+$/.test(w)).length > 2;
  for (const word of words) {
    const upper = word.toUpperCase();
    const looksLikeCode = (/\d/.test(word) && /[A-Za-z]/.test(word)) || (!shouting && word === upper && word.length >= 5 && /^[A-Z-]+$/.test(word)) || knownUpper.has(upper);
    if (looksLikeCode && !out.includes(upper)) out.push(upper);
  }
  return out;
}

export type SubscriptionAction = { type: "skip" } | { type: "pause" } | { type: "cancel" } | { type: "frequency"; interval: { every: number; unit: "day" | "week" | "month" } };

const numberWords: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, eight: 8, other: 2 };

/** What the shopper wants done to a subscription, if they say: skip, pause, cancel, or a new frequency ("every 2 weeks", "monthly"). */
export function subscriptionAction(text: string): SubscriptionAction | null {
  const t = text.toLowerCase();
  const every = /\bevery\s+(\d{1,2}|one|two|three|four|five|six|eight|other)?\s*(day|week|month)s?\b/.exec(t);
  if (every) {
    const n = every[1] === undefined ? 1 : (numberWords[every[1]] ?? Number(every[1]));
    const unit = every[2] as "day" | "week" | "month";
    if (Number.isInteger(n) && n >= 1 && n <= 12) return { type: "frequency", interval: { every: n, unit } };
  }
  if (/\b(monthly|once a month)\b/.test(t)) return { type: "frequency", interval: { every: 1, unit: "month" } };
  if (/\b(weekly|once a week)\b/.test(t)) return { type: "frequency", interval: { every: 1, unit: "week" } };
  if (/\b(bi-?weekly|fortnightly)\b/.test(t)) return { type: "frequency", interval: { every: 2, unit: "week" } };
  if (/\b(skip|saltar|sauter|überspringen|aussetzen|saltare|pular|overslaan)\b/.test(t)) return { type: "skip" };
  if (/\b(pause|paus(ar|iere|eren|a)|suspend|put .* on hold|hold off|break from)\b/.test(t)) return { type: "pause" };
  if (/\b(cancel|stop|end|unsubscribe|cancelar|annuler|kündigen|beenden|annullare|disdire|opzeggen|stoppen)\b/.test(t)) return { type: "cancel" };
  return null;
}

/** A plain yes or no to the agent's question, in the agent's languages. */
export function yesOrNo(text: string): "yes" | "no" | null {
  const t = text.trim().toLowerCase().replace(/[!.?,]+$/g, "");
  if (/^(yes|yeah|yep|yup|sure|ok|okay|please do|go ahead|do it|confirm|confirmed|correct|y|sí|si|claro|oui|d'accord|ja|jawohl|klar|certo|sim|graag|prima)( please| thanks| thank you| por favor| s'il vous plaît| bitte| grazie| obrigad[oa]| alsjeblieft)?$/.test(t)) return "yes";
  if (/^(no|nope|nah|no thanks|don'?t|cancel that|never ?mind|non|nein|não|nee|niet)( thanks| thank you| gracias| merci| danke| grazie| obrigad[oa]| bedankt)?$/.test(t)) return "no";
  return null;
}

export interface PriceCap {
  amount: number;
  /** "under $50": strictly below; "up to $50", "max $50", "budget of $50": at most. */
  strict: boolean;
  /** The words of the cap, to take out of the catalog query. */
  phrase: string;
}

/** A budget in the shopper's words: "under $50", "less than 40 dollars", "budget is €60", "max 30". */
export function priceCap(text: string): PriceCap | null {
  const money = String.raw`(?:[$€£]\s?)?(\d{1,5}(?:[.,]\d{1,2})?)\s?(?:[$€£]|dollars?|euros?|bucks|pounds?|usd|eur)?`;
  const strict = new RegExp(String.raw`\b(?:under|below|less than|cheaper than|no more than a|menos de|moins de|unter|sotto i|meno di|abaixo de|menos de|onder|minder dan)\s+${money}`, "i");
  const atMost = new RegExp(String.raw`\b(?:up to|at most|max(?:imum)?|no more than|budget(?: is| of)?|around|hasta|jusqu'?à|bis zu|fino a|até|tot)\s+${money}`, "i");
  for (const [re, isStrict] of [[strict, true], [atMost, false]] as const) {
    const m = re.exec(text);
    if (m?.[1]) {
      const amount = Number(m[1].replace(",", "."));
      if (Number.isFinite(amount) && amount > 0) return { amount, strict: isStrict, phrase: m[0] };
    }
  }
  return null;
}

/** "when will X be back", "is X in stock", "restock". */
export const asksStock = has(/\b(back in stock|in stock|restock|restocking|be back|come back|available again|sold out|out of stock|get more|disponible|en stock|wieder (da|verfügbar)|auf lager|di nuovo disponibile|em estoque|op voorraad)\b/i);

/** "compare A and B", "A vs B", "difference between", "which is better". */
export const asksComparison = has(/\b(compare|comparison|vs\.?|versus|difference between|differences between|which is better|better for|compar(ar|er|e|a)|vergleich\w*|vergelijk\w*|unterschied)\b/i);

/** The two things a comparison names, split on "vs", "or", "and" after the comparing words. */
export function comparedNames(text: string): string[] {
  const core = text
    .replace(/^.*?\b(compare|comparison of|difference between|differences between|vergleich\w*|compar[ae]r?|vergelijk\w*)\b\s*(the\s+|die\s+|den\s+|das\s+|de\s+|le\s+|la\s+|les\s+|el\s+|il\s+|o\s+|a\s+)?/i, "")
    .replace(/[?!.]+\s*$/, "");
  const parts = core.split(/\s+(?:vs\.?|versus|or|and|with|to|y|et|und|e|en|ou|o|of|oder)\s+(?:(?:the|die|den|das|de|le|la|les|el|il|o|a)\s+)?/i).map((p) => p.trim()).filter((p) => p.length > 1);
  return parts.length >= 2 ? parts.slice(0, 2) : [];
}

/** "what size", "size chart", "does it run small", "fit". */
export const asksSizing = has(/\b(what size|which size|size chart|size guide|sizing|runs? (small|large|big|true)|true to size|between sizes|fit|fits|talla|taille|größe|taglia|tamanho|maat)\b/i);

/** "how do I redeem / use my points". */
export const asksRedeem = has(/\b(redeem|redeeming|redemption|use (my )?points|spend (my )?points|cash in|canjear|utiliser mes points|einlösen|riscattare|resgatar|inwisselen)\b/i);
