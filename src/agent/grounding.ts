// The grounding check of the model's answers: every number, date, duration, price, code, link, order state and action
// the answer states must come from what the tools returned this turn (retrieved articles included) — never from the
// shopper's own words, never from the model — and an action ("I've cancelled…") only from a successful call of the
// tool that does it. Pure; the model path (src/agent/compose.ts) falls back to the offline answer on any finding.
import {
  actionTools,
  actionVerbs,
  carrierNames,
  currencyPattern,
  firstPerson,
  firstPersonI,
  firstPersonVerb,
  monthNames,
  negationBefore,
  numberWords,
  orderStateWords,
  rangeWords,
  relativeDays,
  stagesShowing,
  unitQualifiers,
  unitWords,
  type ActionKind,
  type OrderState,
  type TimeUnit,
} from "./groundingWords.ts";

/** What the check reads of a tool call (src/agent/types.ts ToolCall; kept structural so the check stays free of Worker types). */
export interface ToolCallRecord {
  tool: string;
  ok: boolean;
  output: unknown;
}

export type FactKind = "number" | "date" | "duration" | "price" | "code" | "link" | "relative_day" | "carrier" | "order_state" | "action";

export interface UngroundedFact {
  kind: FactKind;
  /** The words of the answer that state it. */
  text: string;
}

/** What this turn's tools returned, read once into the shapes the check compares with. */
export interface Evidence {
  /** Every string the tools returned, lower-cased. */
  text: string;
  numbers: Set<number>;
  /** "month-day". */
  dates: Set<string>;
  /** "value unit", e.g. "30 day". */
  durations: Set<string>;
  /** Upper-cased words and codes the tools returned (SUMMER25, 1Z8W…, UPS). */
  tokens: Set<string>;
  relativeDays: Set<string>;
  /** Order, shipment and return states (OrderFacts.stage, shipment status, return state). */
  states: Set<string>;
  /** Whether any order (with a stage) is among the results: then order-state claims must match it. */
  hasOrders: boolean;
  /** Retrieved articles' text, lower-cased. */
  articles: string;
  /** Actions a tool performed successfully this turn. */
  actions: Set<ActionKind>;
}

const B = String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`;
const NOT_WORD_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const NOT_WORD_AFTER = String.raw`(?![\p{L}\p{N}])`;
const NUMBER = String.raw`\d+(?:[.,\u00a0\u202f]\d{3})*(?:[.,]\d+)?`;
/** What may follow a number in the same word: ordinals and measures ("3rd", "24h", "5kg", "9am"). */
const SUFFIX = String.raw`(?:st|nd|rd|th|er|e|º|ª|h|hrs?|min|kg|g|ml|cl|l|cm|mm|m|km|x|pcs?|am|pm)?`;

function succeeded(call: ToolCallRecord): boolean {
  if (!call.ok) return false;
  const out = call.output as Record<string, unknown> | null;
  if (out && typeof out === "object" && (out.error != null || out.ok === false || out.success === false)) return false;
  return true;
}

/** Read-only tools (lookups, lists, links) never perform an action, whatever their name starts with. */
const lookupName = /status|info|lookup|policy|portal|eligib|^list|^get|^find|^search|^check|balance|program/i;

export function performs(toolName: string, kind: ActionKind): boolean {
  const pattern = actionTools[kind];
  return pattern !== null && pattern.test(toolName) && !lookupName.test(toolName);
}

function collect(value: unknown, into: { strings: string[]; states: string[]; articles: string[]; orders: number }, key = ""): void {
  if (value === null || value === undefined) return;
  if (typeof value === "string") {
    into.strings.push(value);
    if (/^(?:stage|status|state|outcome|fulfillmentStatus)$/.test(key)) into.states.push(value.toLowerCase());
    return;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    into.strings.push(String(value));
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) collect(v, into, key);
    return;
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.title === "string" && typeof record.body === "string") into.articles.push(`${record.title}\n${record.body}`);
    if (typeof record.stage === "string") into.orders += 1;
    for (const [k, v] of Object.entries(record)) collect(v, into, k);
  }
}

/** The evidence of a turn: the outputs of its successful tool calls (never their inputs, which are the shopper's words). */
export function evidenceFrom(ledger: readonly ToolCallRecord[]): Evidence {
  const into = { strings: [] as string[], states: [] as string[], articles: [] as string[], orders: 0 };
  const actions = new Set<ActionKind>();
  for (const call of ledger) {
    if (!succeeded(call)) continue;
    collect(call.output, into);
    for (const kind of Object.keys(actionTools) as ActionKind[]) if (performs(call.tool, kind)) actions.add(kind);
  }
  const text = into.strings.join("\n");
  const numbers = new Set<number>();
  for (const m of text.matchAll(new RegExp(`${NOT_WORD_BEFORE}(?<![.,])${NUMBER}${NOT_WORD_AFTER}`, "gu"))) for (const n of numberValues(m[0])) numbers.add(n);
  // ISO dates ("2026-12-02") and times inside words the number pattern skips.
  for (const m of text.matchAll(/(\d{4})-(\d{2})-(\d{2})/g)) for (const part of m.slice(1)) numbers.add(Number(part));
  const dates = new Set(datesIn(text).map((d) => `${d.month}-${d.day}`));
  for (const m of text.matchAll(/(\d{4})-(\d{2})-(\d{2})/g)) dates.add(`${Number(m[2])}-${Number(m[3])}`);
  const durations = new Set<string>();
  for (const d of durationsIn(text)) for (const v of d.values) {
    durations.add(`${v} ${d.unit}`);
    numbers.add(v);
  }
  for (const d of datesIn(text)) numbers.add(d.day);
  const tokens = new Set([...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)].map((m) => m[0].toUpperCase()));
  const relative = new Set(relativeDays.filter(([re]) => re.test(text)).map(([, word]) => word));
  return {
    text: text.toLowerCase(),
    numbers,
    dates,
    durations,
    tokens,
    relativeDays: relative,
    states: new Set(into.states),
    hasOrders: into.orders > 0,
    articles: into.articles.join("\n").toLowerCase(),
    actions,
  };
}

/** Every value a written number may mean: "1,234" (thousands), "49,99" (decimal comma), "1.000" (either). */
export function numberValues(raw: string): number[] {
  const s = raw.replace(/[\u00a0 ]/g, "");
  const out = new Set<number>();
  const lastSep = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
  if (lastSep === -1) out.add(Number(s));
  else {
    const digitsAfter = s.length - lastSep - 1;
    const asDecimal = Number(`${s.slice(0, lastSep).replace(/[.,]/g, "")}.${s.slice(lastSep + 1)}`);
    const asThousands = Number(s.replace(/[.,]/g, ""));
    out.add(asDecimal);
    if (digitsAfter === 3) out.add(asThousands);
  }
  return [...out].filter((n) => Number.isFinite(n));
}

interface Span {
  start: number;
  end: number;
}

interface DateFact extends Span {
  month: number;
  day: number;
  year: number | null;
}

const monthAlternation = Object.keys(monthNames)
  .sort((a, b) => b.length - a.length)
  .join("|");
const monthThenDay = new RegExp(`${NOT_WORD_BEFORE}(${monthAlternation})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${NOT_WORD_AFTER}(?:,?\\s+(\\d{4}))?`, "giu");
const dayThenMonth = new RegExp(`${NOT_WORD_BEFORE}(\\d{1,2})(?:st|nd|rd|th|er|º|ª|\\.)?\\s*(?:de\\s+|of\\s+)?(${monthAlternation})${NOT_WORD_AFTER}(?:\\.(?=\\s*\\d))?(?:,?\\s+(?:de\\s+)?(\\d{4}))?`, "giu");

/** Calendar dates in any of the seven languages: "Dec 2", "2 de diciembre", "2. Dezember", "le 2 décembre", "2 dicembre". */
export function datesIn(text: string): DateFact[] {
  const out: DateFact[] = [];
  for (const [re, dayGroup, monthGroup] of [
    [monthThenDay, 2, 1],
    [dayThenMonth, 1, 2],
  ] as const) {
    for (const m of text.matchAll(re)) {
      const month = monthNames[(m[monthGroup] ?? "").toLowerCase()];
      const day = Number(m[dayGroup]);
      if (!month || !(day >= 1 && day <= 31)) continue;
      const start = m.index ?? 0;
      if (out.some((d) => start < d.end && d.start < start + m[0].length)) continue;
      out.push({ start, end: start + m[0].length, month, day, year: m[3] ? Number(m[3]) : null });
    }
  }
  return out;
}

interface DurationFact extends Span {
  values: number[];
  unit: TimeUnit;
}

interface Token extends Span {
  word: string;
}

function tokensOf(text: string): Token[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)?|[\p{L}]+(?:'[\p{L}]+)?|[-–—]/gu)].map((m) => ({ word: m[0].toLowerCase(), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

function unitOf(word: string): TimeUnit | null {
  for (const [re, unit] of unitWords) if (re.test(word)) return unit;
  return null;
}

function valueOf(token: Token | undefined): number | null {
  if (!token) return null;
  if (/^\d/.test(token.word)) return numberValues(token.word)[0] ?? null;
  return numberWords[token.word] ?? null;
}

/** "3 days", "5–8 business days", "30-day", "dos semanas", "drei Werktage", "5 à 8 jours ouvrés". */
export function durationsIn(text: string): DurationFact[] {
  const tokens = tokensOf(text);
  const out: DurationFact[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = valueOf(tokens[i]);
    if (first === null) continue;
    const values = [first];
    let j = i + 1;
    while (tokens[j] && rangeWords.has(tokens[j]!.word) && valueOf(tokens[j + 1]) !== null && /^\d|^[\p{L}]{3,}/u.test(tokens[j + 1]!.word)) {
      values.push(valueOf(tokens[j + 1])!);
      j += 2;
    }
    if (tokens[j]?.word === "-" || tokens[j]?.word === "–") j += 1;
    if (tokens[j] && unitQualifiers.has(tokens[j]!.word)) j += 1;
    const unit = tokens[j] ? unitOf(tokens[j]!.word) : null;
    // A bare article before a unit ("a day") says nothing about a number; "un"/"ein" alone are skipped the same way.
    if (unit === null || (values.length === 1 && !/^\d/.test(tokens[i]!.word) && first === 1 && !["one", "uno", "una", "une", "één", "um", "uma"].includes(tokens[i]!.word))) continue;
    out.push({ start: tokens[i]!.start, end: tokens[j]!.end, values, unit });
    i = j;
  }
  return out;
}

function blank(text: string, span: Span): string {
  return text.slice(0, span.start) + " ".repeat(span.end - span.start) + text.slice(span.end);
}

function sentenceBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  const cut = Math.max(before.lastIndexOf("\n"), ...[". ", "! ", "? ", "; "].map((p) => before.lastIndexOf(p)));
  return before.slice(cut + 1);
}

function sentenceAround(text: string, index: number): string {
  const after = text.slice(index);
  const end = after.search(/[.!?;]\s|\n|$/);
  return sentenceBefore(text, index) + after.slice(0, end === -1 ? after.length : end);
}

/** Modal, conditional or offered: "I can cancel it if…", "once it has shipped", "would you like me to…". */
const hypotheticalWords = new Set(
  (
    "can could may might would should cannot can't unable able if once when whether before after until want like " +
    "puedo podemos puede pueden podría podrías si cuando antes hasta quieres " +
    "peux pouvons pouvez peut pourrais quand avant jusqu'à voulez veux " +
    "kann können könnte wenn falls sobald bevor bis soll möchtest " +
    "posso possiamo può potrei se quando prima finché vuoi " +
    "pode podem poderia até quer " +
    "kan kunnen zou als zodra voordat tot wil"
  ).split(" "),
);

/** Words that make what follows a done thing again ("I can confirm I've cancelled…", "if it was delivered"). */
const doneWords = new Set("have has had 've been was were he hemos ha fue ai avons a été habe haben hat wurde ho abbiamo è foi tem heb hebben heeft is werd".split(" "));

/** Whether the few words before a verb make it hypothetical: a modal or conditional with no "have/has been" after it. */
function isHypothetical(before: string): boolean {
  const words = before
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[^\p{L}']+/u)
    .filter(Boolean)
    .slice(-4);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] ?? "";
    if (doneWords.has(w) || /'ve$/.test(w)) return false;
    if (hypotheticalWords.has(w)) return true;
  }
  return false;
}

/** Past passive or perfect: "was cancelled", "has been refunded", "fue cancelado", "a été annulée", "wurde storniert". */
const pastPassiveBefore = new RegExp(
  String.raw`(?:${B}(?:was|were|has been|have been|had been|'s been|fue|fueron|ha sido|han sido|a été|ont été|wurde|wurden|ist|sind|è stat[oa]|sono stat[ie]|foi|foram|werd|werden|is|zijn)\s+(?:\p{L}+\s+){0,2})$`,
  "iu",
);

/** "will be delivered", "expected to arrive": an expectation, checked by its date, not a state. */
const expectedBefore = new RegExp(String.raw`${B}(?:will|to be|expected|should|va a|sera|wird|sarà|será|zal|wordt)${B}(?:\s+\S+){0,3}\s*$`, "iu");

function overlaps(spans: readonly Span[], span: Span): boolean {
  return spans.some((s) => span.start < s.end && s.start < span.end);
}

function stateShown(state: OrderState, evidence: Evidence): boolean {
  if (stagesShowing[state].some((s) => evidence.states.has(s))) return true;
  return state === "refunded" && /\brefunded\b/.test(evidence.text);
}

/** Articles name states in English: a policy sentence ("cancelled before it ships") may restate them when no order is in play. */
const stateInArticles: Record<OrderState, RegExp> = {
  delivered: /deliver/,
  shipped: /ship|dispatch|transit/,
  out_for_delivery: /out for delivery/,
  cancelled: /cancel/,
  not_shipped: /ship|prepar/,
  refunded: /refund/,
};

/**
 * What the answer states that the evidence doesn't back. Empty = grounded. The answer's own language doesn't matter:
 * months, units, number words, states and actions are read in English, Spanish, French, German, Italian, Portuguese and Dutch.
 */
export function ungroundedFacts(answer: string, evidence: Evidence): UngroundedFact[] {
  const out: UngroundedFact[] = [];
  let rest = answer;
  const take = (span: Span) => (rest = blank(rest, span));

  // Links and emails.
  for (const m of answer.matchAll(/https?:\/\/[^\s)>\]]+|www\.[^\s)>\]]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)) {
    const link = m[0].replace(/[.,;:!?]+$/, "");
    if (!evidence.text.includes(link.toLowerCase())) out.push({ kind: "link", text: link });
    take({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }

  // Prices: a number with a currency on either side.
  const priceRe = new RegExp(`${currencyPattern}\\s?(${NUMBER})${NOT_WORD_AFTER}|${NOT_WORD_BEFORE}(${NUMBER})\\s?${currencyPattern}`, "giu");
  for (const m of rest.matchAll(priceRe)) {
    const raw = m[1] ?? m[2] ?? "";
    if (!numberValues(raw).some((n) => evidence.numbers.has(n))) out.push({ kind: "price", text: m[0].trim() });
    take({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }

  // Dates.
  for (const d of datesIn(rest)) {
    const known = evidence.dates.has(`${d.month}-${d.day}`) && (d.year === null || evidence.numbers.has(d.year));
    if (!known) out.push({ kind: "date", text: answer.slice(d.start, d.end) });
    take(d);
  }

  // Durations.
  for (const d of durationsIn(rest)) {
    if (!d.values.every((v) => evidence.durations.has(`${v} ${d.unit}`))) out.push({ kind: "duration", text: answer.slice(d.start, d.end) });
    take(d);
  }

  // Today / tomorrow / yesterday.
  for (const [re, word] of relativeDays) {
    const m = re.exec(rest);
    if (!m) continue;
    if (!evidence.relativeDays.has(word)) out.push({ kind: "relative_day", text: m[0] });
    take({ start: m.index, end: m.index + m[0].length });
  }

  // Carriers: "with FedEx" when the order ships with UPS.
  for (const name of carrierNames) {
    // Acronyms match as written ("UPS", not "ups and downs"); names in any case.
    const re = new RegExp(`${NOT_WORD_BEFORE}${name.replace(/ /g, "\\s+")}${NOT_WORD_AFTER}`, name === name.toUpperCase() ? "gu" : "giu");
    for (const m of rest.matchAll(re)) {
      if (!new RegExp(`${NOT_WORD_BEFORE}${name.replace(/ /g, "\\s+")}${NOT_WORD_AFTER}`, "iu").test(evidence.text)) out.push({ kind: "carrier", text: m[0] });
      take({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    }
  }

  // Codes: discount codes, tracking numbers, anything of letters and digits, or a word in capitals.
  for (const m of rest.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}][\p{L}\p{N}-]*[\p{L}\p{N}](?![\p{L}\p{N}])/gu)) {
    const token = m[0];
    const mixed = /\p{N}/u.test(token) && /\p{L}/u.test(token);
    const ordinalOrMeasure = /^\d+(?:st|nd|rd|th|er|e|de|te|ste|º|ª|h|hrs?|min|kg|g|ml|cl|l|cm|mm|m|km|x|pcs?|am|pm)$/i.test(token);
    const capitals = token.length >= 4 && token === token.toUpperCase() && /\p{Lu}/u.test(token);
    if ((!mixed || ordinalOrMeasure) && !capitals) continue;
    if (!evidence.tokens.has(token.toUpperCase())) out.push({ kind: "code", text: token });
    take({ start: m.index ?? 0, end: (m.index ?? 0) + token.length });
  }

  // Actions: what the assistant says it did or will do, or says has been done.
  const claimed: Span[] = [];
  for (const [re, kind] of actionVerbs) {
    for (const m of answer.matchAll(re)) {
      const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
      const before = sentenceBefore(answer, span.start);
      if (negationBefore.test(before) || isHypothetical(before)) continue;
      const passive = pastPassiveBefore.test(before);
      const byAssistant = firstPerson.test(sentenceAround(answer, span.start)) || firstPersonI.test(sentenceAround(answer, span.start)) || firstPersonVerb.test(m[0]);
      if (!passive && !byAssistant) continue;
      claimed.push(span);
      if (evidence.actions.has(kind)) continue;
      // "Your order was cancelled on Nov 2" is a state the store reports, not something done now.
      if (passive && ((kind === "cancel" && stateShown("cancelled", evidence)) || (kind === "refund" && stateShown("refunded", evidence)))) continue;
      out.push({ kind: "action", text: m[0] });
    }
  }

  // Order states: "shipped" while the order is preparing, "delivered" while it is on its way.
  const stated: Span[] = [];
  for (const [re, state] of orderStateWords) {
    for (const m of answer.matchAll(re)) {
      const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
      if (overlaps(stated, span) || overlaps(claimed, span)) continue;
      stated.push(span);
      const before = sentenceBefore(answer, span.start);
      if (isHypothetical(before) || expectedBefore.test(before)) continue;
      const negated = negationBefore.test(before);
      let grounded: boolean;
      if (evidence.hasOrders || evidence.states.size > 0) grounded = negated ? !stateShown(state, evidence) : stateShown(state, evidence);
      else grounded = stateInArticles[state].test(evidence.articles);
      if (!grounded) out.push({ kind: "order_state", text: negated ? `not ${m[0]}` : m[0] });
    }
  }

  // Every other number: order numbers, quantities, points, percentages. List markers ("1. ") are not facts.
  rest = rest.replace(/^(\s*)\d{1,2}[.)](?=\s)/gmu, (s) => " ".repeat(s.length));
  for (const m of rest.matchAll(new RegExp(`${NOT_WORD_BEFORE}(?<![.,])(${NUMBER})${SUFFIX}${NOT_WORD_AFTER}`, "giu"))) {
    if (!numberValues(m[1] ?? "").some((n) => evidence.numbers.has(n))) out.push({ kind: "number", text: m[0] });
  }

  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.kind}:${f.text.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The check in one call: what the answer states that this turn's tool results don't back. */
export function checkAnswer(answer: string, ledger: readonly ToolCallRecord[]): UngroundedFact[] {
  return ungroundedFacts(answer, evidenceFrom(ledger));
}
