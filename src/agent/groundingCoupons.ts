// The grounding of what an answer says about a discount code's state: "SUMMER25 is still valid" only when the store said
// so this turn (lookupCoupon's status, or listCoupons, which lists only codes that work), "it has expired" only when the
// lookup said expired, "that code doesn't exist" only when it said unknown. Read in the seven languages the agent speaks.
// Pure; src/agent/grounding.ts runs it with the rest of the check.
import { negationBefore } from "./groundingWords.ts";

export type CouponStatus = "valid" | "expired" | "unknown" | "not_yours";

/** Each code's status by upper-cased code, and every status reported (a lookup that found nothing names no code). */
export interface CouponEvidence {
  byCode: Map<string, CouponStatus>;
  /** Every status the store reported this turn, named code or not. */
  all: Set<CouponStatus>;
}

const statuses = new Set<string>(["valid", "expired", "unknown", "not_yours"]);

interface CallLike {
  tool: string;
  output: unknown;
}

/** The coupon facts of a turn's successful calls: lookups (code + status) and lists (every listed code works). */
export function couponEvidence(calls: readonly CallLike[]): CouponEvidence {
  const byCode = new Map<string, CouponStatus>();
  const all = new Set<CouponStatus>();
  for (const call of calls) {
    if (!/coupon|discount|code/i.test(call.tool)) continue;
    const out = call.output as Record<string, unknown> | null;
    if (!out || typeof out !== "object") continue;
    if (typeof out.status === "string" && statuses.has(out.status)) {
      const status = out.status as CouponStatus;
      all.add(status);
      if (typeof out.code === "string") byCode.set(out.code.toUpperCase(), status);
    }
    if (Array.isArray(out.coupons)) {
      for (const c of out.coupons as { code?: unknown }[]) {
        if (typeof c?.code !== "string") continue;
        byCode.set(c.code.toUpperCase(), "valid");
        all.add("valid");
      }
    }
  }
  return { byCode, all };
}

const W = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const words = (list: string) => new RegExp(`${W}(?:${list})${E}`, "giu");

type Claim = "valid" | "expired" | "unknown";

/** State words, first match wins on a span. */
const claimWords: [RegExp, Claim][] = [
  [
    words(
      "expired|has ended|caducad[oa]s?|caducó|vencid[oa]s?|venció|expirad[oa]s?|expiró|expirou|expirée?s?|a expiré|périmée?s?|" +
        "abgelaufen|verfallen|scadut[oa]|verlopen",
    ),
    "expired",
  ],
  [
    words(
      "unknown|unrecogni[sz]ed|not recogni[sz]ed|recogni[sz]e|exists?|desconocid[oa]|no existe|inconnue?|existe|unbekannt|existiert|gibt es|" +
        "sconosciut[oa]|esiste|desconhecid[oa]|onbekend|bestaat",
    ),
    "unknown",
  ],
  [
    words(
      "valid|active|still good|works|working|válid[oa]|activ[oa]|vigente|funciona|valable|valide|acti(?:f|ve)|fonctionne|marche|" +
        "gültig|aktiv|funktioniert|valid[oa]|attiv[oa]|funziona|ativ[oa]|geldig|actief|werkt",
    ),
    "valid",
  ],
];

/** Negations the shared list misses: French "n'est plus", "ya no", "nicht mehr", "non è più", "não está mais", "niet meer". */
const moreNegation = /(?:(?<![\p{L}])n'|(?<![\p{L}])ne\s|no longer|ya no|nicht mehr|(?<![\p{L}])kein\p{L}*|non è più|não|niet meer|(?<![\p{L}])geen)(?:\s*\p{L}+){0,3}\s*$/iu;

/** Conditions and offers: "if the code is valid", "once it expires", "si el código es válido". */
const conditional = /(?<![\p{L}])(?:if|whether|once|unless|as long as|si|siempre que|s'il|wenn|falls|ob|se|purché|als|mits|zolang)(?![\p{L}])/iu;

/** Words that put a sentence about a discount code. */
const codeWord = /(?<![\p{L}])(?:codes?|coupons?|vouchers?|promo|discount|código|cupón|cupom|descuento|desconto|réduction|gutschein|rabatt\p{L}*|codice|sconto|kortingscode\p{L}*)(?![\p{L}])/iu;

function sentenceOf(text: string, index: number): { before: string; whole: string } {
  const head = text.slice(0, index);
  const cut = Math.max(head.lastIndexOf("\n"), ...[". ", "! ", "? ", "; ", ": "].map((p) => head.lastIndexOf(p)));
  const before = head.slice(cut + 1);
  const tail = text.slice(index);
  const end = tail.search(/[.!?;]\s|\n|$/);
  return { before, whole: before + tail.slice(0, end === -1 ? tail.length : end) };
}

/** Whether a status backs the claim ("valid"), or its negation ("not valid") when `negated`. */
function backs(status: CouponStatus, claim: Claim, negated: boolean): boolean {
  const isIt = claim === "valid" ? status === "valid" : claim === "expired" ? status === "expired" : status === "unknown" || status === "not_yours";
  // "doesn't exist" is a negated existence: the claim is "unknown" read through its negation.
  if (claim === "unknown") return negated ? isIt : !isIt;
  return negated ? !isIt : isIt;
}

/** What the answer says of a code's state that the store didn't (each as the words that say it). */
export function couponStateClaims(answer: string, evidence: CouponEvidence): string[] {
  const out: string[] = [];
  const taken: [number, number][] = [];
  for (const [re, claim] of claimWords) {
    for (const m of answer.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      taken.push([start, end]);
      const { before, whole } = sentenceOf(answer, start);
      const named = [...whole.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}][\p{L}\p{N}-]*[\p{L}\p{N}](?![\p{L}\p{N}])/gu)].map((t) => t[0].toUpperCase()).filter((t) => evidence.byCode.has(t));
      if (named.length === 0 && !codeWord.test(whole)) continue;
      if (conditional.test(before)) continue;
      // "unknown", "unrecognised" carry their own negation; "exist", "recognise" need one to claim the code is unknown.
      const selfNegated = claim === "unknown" && /unknown|unrecogni|not recogni|desconoc|inconnu|unbekannt|sconosciut|desconhec|onbekend|no existe/iu.test(m[0]);
      // German and Dutch put the negation after the verb: "existiert nicht", "werkt niet", "gibt es nicht".
      const negatedAfter = /^\s+(?:\p{L}+\s+){0,3}(?:nicht|niet)(?![\p{L}])/iu.test(answer.slice(end));
      const negated = selfNegated || negationBefore.test(before) || moreNegation.test(before) || negatedAfter;
      const candidates = named.length > 0 ? named.map((c) => evidence.byCode.get(c)!) : [...evidence.all];
      if (!candidates.some((status) => backs(status, claim, negated))) out.push(negated && !selfNegated ? `not ${m[0]}` : m[0]);
    }
  }
  return out;
}
