// Escalation rules (docs/agent.md "Escalation"): an offline frustration detector, whether a message is about the shop at all, and what the agent's earlier replies in the transcript say about the last turn. Pure.
import { openingsOf, type MessageKey } from "./i18n/index.ts";
import type { HistoryEntry } from "./types.ts";

/** Words and phrases of an upset shopper, in the agent's languages; each hit adds its weight. */
const angerCues: readonly [RegExp, number][] = [
  [/\b(is a joke|what a joke|a complete joke|ridiculous|unacceptable|outrageous|disgusting|pathetic|appalling|terrible|horrible|awful|worst|useless|incompetent|scam|rip-?off|shambles|disgrace(ful)?|insane|absurd|unbelievable|nightmare)\b/i, 2],
  [/\b(angry|furious|livid|pissed|fed up|sick (and tired )?of|tired of|frustrat(ed|ing)|annoyed|upset|disappointed|fuming|had enough|losing my patience|lost my patience)\b/i, 2],
  [/\b(nobody|no one|no-one)\b[^.?!]{0,30}\b(help|helping|answer|answering|respond|responding|replied|cares?)\b/i, 2],
  [/\b(wtf|ffs|omg|damn|hell|crap|bs|bullshit|f+u+c+k+\w*|shit\w*)\b/i, 2],
  [/\b(how many times|(asked|told|called|emailed|written|wrote|contacted|tried|messaged)\b[^.?!]{0,25}\b(two|three|four|five|several|\d+) times|(three|four|five|several|\d+) times (now|already)|(third|3rd|fourth|4th|fifth|5th) time|again and again|over and over|keep (asking|telling|getting)|still (no|not|nothing|waiting)|for weeks|for days|weeks? (now|later)|never again|waste of (my )?time|wasting my time|want my money back|going to (report|dispute|leave a review)|chargeback|bbb|lawyer|trading standards)\b/i, 2],
  [/\b(you (people|guys) (are|have)|are you (even|serious|kidding)|seriously\?|is anyone there|anybody there|hello\?{2,}|answer me)\b/i, 2],
  [/\b(ridículo|inaceptable|vergonzoso|harto|harta|estoy enfadad[oa]|furios[oa]|nadie me (ayuda|responde)|pésimo|estafa|inacceptable|scandaleux|n'importe quoi|ras le bol|en colère|furieux|personne ne (m'aide|répond)|lamentable|unverschämt|frechheit|inakzeptabel|wütend|sauer|niemand hilft|katastrophe|lächerlich|vergogna|inaccettabile|arrabbiat[oa]|nessuno mi (aiuta|risponde)|ridicolo|truffa|absurdo|inaceitável|irritad[oa]|ninguém me (ajuda|responde)|vergonha|belachelijk|onacceptabel|boos|schandalig|niemand helpt)\b/i, 2],
];

/** How upset a message sounds: lexical cues plus shouting (several words in capitals) and piled-up punctuation. */
export function frustrationScore(text: string): number {
  let score = 0;
  for (const [re, weight] of angerCues) if (re.test(text)) score += weight;
  const capsWords = (text.match(/\b[A-Z]{3,}\b/g) ?? []).filter((w) => !/\d/.test(w) && !/^(USA|UPS|USPS|DHL|FAQ|SMS|ASAP|OK|XL|XXL)$/.test(w));
  const letters = text.replace(/[^A-Za-z]/g, "");
  const shouted = letters.length >= 10 && letters.replace(/[^A-Z]/g, "").length / letters.length > 0.8;
  if (shouted || capsWords.length >= 3) score += 2;
  else if (capsWords.length === 2) score += 1.5;
  if (/[!?]{3,}|!{2,}/.test(text)) score += 1;
  return score;
}

/** Upset enough to acknowledge it and offer a person, whatever the answer. */
export const FRUSTRATED_AT = 2;

export function isFrustrated(text: string): boolean {
  return frustrationScore(text) >= FRUSTRATED_AT;
}

/** "Can I talk to a person", in the agent's languages: a shopper who asks for a human always gets one offered, whatever the router makes of it. */
const humanRequest = new RegExp(
  [
    String.raw`\b(talk|speak|chat|connect me)\b[^.?!]{0,12}\b(to|with)\b[^.?!]{0,10}\b(a |an |some )?(human|person|real person|agent|representative|someone|somebody|manager)\b`,
    String.raw`\b(real|live) (person|human|agent)\b`,
    String.raw`\b(hablar|chatear) con (una persona|un humano|un agente|alguien)\b`,
    String.raw`\b(parler|discuter) (à|avec) (une personne|un humain|un conseiller|quelqu'un)\b`,
    String.raw`\b(mit|mich mit) (einem menschen|einer person|einem mitarbeiter|jemandem)\b[^.?!]{0,20}\b(sprechen|verbinden|reden)\b`,
    String.raw`\b(parlare|chattare) con (una persona|un operatore|un umano|qualcuno)\b`,
    String.raw`\b(falar|conversar) com (uma pessoa|um humano|um agente|alguém|um atendente)\b`,
    String.raw`\b(spreken|praten) met (een mens|een medewerker|iemand)\b|\bmet (een mens|een medewerker|iemand) (spreken|praten)\b`,
  ].join("|"),
  "i",
);

export function asksForHuman(text: string): boolean {
  return humanRequest.test(text);
}

const shopWords =
  /\b(orders?|ship(ping|ped|s)?|deliver(y|ed|ies)?|arriv\w*|parcel|package|tracking|track|return(s|ed|ing)?|refund\w*|exchange\w*|products?|items?|price\w*|cost\w*|sizes?|sizing|fit|stock|discount\w*|codes?|coupons?|promo\w*|sale|points?|rewards?|loyalty|subscri\w*|account|log ?in|password|pay(ment|ing)?|card|paypal|gift|warranty|guarantee|repair\w*|store|shop\w*|buy\w*|purchas\w*|checkout|cart|basket|invoice|receipt|hours|open|contact|email|phone|address|jacket|shirt|boots?|shoes?|brand|materials?|wash|care|sofa|chair|table|cream|serum|charger|pedido|envío|devoluci\w+|reembolso|talla|tienda|commande|livraison|retour|rembourse\w*|taille|boutique|bestellung|lieferung|rücksendung|versand|größe|ordine|spedizione|reso|taglia|negozio|encomenda|entrega|devolução|tamanho|loja|bestelling|levering|verzending|retour|maat|winkel|puntos|punkte|punti|pontos|punten|cup[oó]n|c[oó]digo|descuento|remise|gutschein\w*|rabatt\w*|sconto|desconto|korting\w*|suscripci[oó]n|abonnement|abo|abbonamento|assinatura|produ[ci]t\w*|prodotto|produkt\w*|artikel|articolo|artículo|precio|prix|preis|prezzo|preço|prijs)\b/i;

/** Whether a message could be about the shop at all (orders, products, policies…); off-topic ones are declined. */
export function isAboutTheShop(text: string, lexicon: readonly string[] = []): boolean {
  if (shopWords.test(text)) return true;
  const lower = text.toLowerCase();
  return lexicon.some((w) => w.length > 3 && lower.includes(w.toLowerCase()));
}

/** The texts that mean the agent's turn didn't resolve anything. */
const unresolvedKeys: readonly MessageKey[] = [
  "fallback.notUnderstood",
  "fallback.notFound",
  "fallback.error",
  "offer.unresolved",
  "offer.repeated",
  "offer.unavailable",
  "escalate.loop",
  "products.none",
  "products.compareNeedTwo",
  "order.notFound",
  "order.notFoundAgain",
];

let unresolvedOpenings: string[] | null = null;

/** The agent's replies since the shopper's previous message, joined: what the agent said last turn. */
export function lastAgentTurn(history: readonly HistoryEntry[]): string {
  const out: string[] = [];
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i];
    if (!h) continue;
    if (h.author === "customer") {
      if (out.length > 0) break;
      continue;
    }
    if (h.author === "ai") out.unshift(h.text);
    else break;
  }
  return out.join("\n\n");
}

/** Whether the agent's last turn (from the transcript alone) left the shopper without an answer. */
export function lastTurnUnresolved(history: readonly HistoryEntry[]): boolean {
  const last = lastAgentTurn(history);
  if (!last) return false;
  unresolvedOpenings ??= unresolvedKeys.flatMap(openingsOf);
  return unresolvedOpenings.some((o) => last.includes(o));
}

/** Whether the agent's last turn asked the shopper to confirm a change (so "yes" confirms it). */
export function lastTurnAskedToConfirm(history: readonly HistoryEntry[], keys: readonly MessageKey[]): boolean {
  const last = lastAgentTurn(history);
  return last !== "" && keys.flatMap(openingsOf).some((o) => last.includes(o));
}

function normalised(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** The same answer as the agent gave last turn: saying it again would loop. */
export function repeatsLastAnswer(history: readonly HistoryEntry[], body: string): boolean {
  if (!body.trim()) return false;
  const last = lastAgentTurn(history);
  return last !== "" && normalised(last).includes(normalised(body));
}
