// Labelled utterances for the router: CSV reading/writing, the deterministic split of shared data, and scoring.
import { fnv1a, normalizeUtterance } from "./features.ts";
import { isSkillId, skillIds } from "./skills.ts";
import type { SkillId } from "./skills.ts";

export interface LabelledUtterance {
  readonly utterance: string;
  readonly skill: SkillId;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < source.length) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
    i++;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}

/** Reads `utterance,skill[,…]` rows by header name; rows with an unknown skill are reported, not guessed. */
export function readLabelledCsv(text: string): { rows: LabelledUtterance[]; skipped: number } {
  const [header, ...body] = parseCsv(text);
  if (!header) return { rows: [], skipped: 0 };
  const utteranceColumn = header.indexOf("utterance");
  const skillColumn = header.indexOf("skill");
  if (utteranceColumn < 0 || skillColumn < 0) throw new Error("CSV needs the columns utterance and skill");
  const rows: LabelledUtterance[] = [];
  let skipped = 0;
  for (const r of body) {
    const utterance = (r[utteranceColumn] ?? "").trim();
    const skill = (r[skillColumn] ?? "").trim();
    if (utterance !== "" && isSkillId(skill)) rows.push({ utterance, skill });
    else skipped++;
  }
  return { rows, skipped };
}

/** The key two utterances share when they read the same to the model (used to de-duplicate and split). */
export function utteranceKey(utterance: string): string {
  return normalizeUtterance(utterance).join(" ");
}

/** Deterministic split of outside data: about `evalShare` of the distinct utterances go to evaluation. */
export function splitForEvaluation(
  rows: readonly LabelledUtterance[],
  seed: number,
  evalShare = 0.2,
): { train: LabelledUtterance[]; evaluation: LabelledUtterance[] } {
  const train: LabelledUtterance[] = [];
  const evaluation: LabelledUtterance[] = [];
  for (const row of rows) {
    // Hash of the normalised text, so duplicates and near-duplicates land on the same side.
    const bucket = fnv1a(`${seed}:${utteranceKey(row.utterance)}`) / 2 ** 32;
    (bucket < evalShare ? evaluation : train).push(row);
  }
  return { train, evaluation };
}

export interface LabelScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface EvaluationReport {
  readonly examples: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly perLabel: Readonly<Record<SkillId, LabelScores>>;
  /** confusion[actual][predicted] = count. */
  readonly confusion: Readonly<Record<SkillId, Readonly<Record<SkillId, number>>>>;
  readonly mistakes: readonly { utterance: string; expected: SkillId; predicted: SkillId; confidence: number }[];
}

/** Accuracy, macro-F1 over the labels present, per-label precision/recall/F1 and the confusion matrix. */
export function evaluateRouter(
  rows: readonly LabelledUtterance[],
  classify: (utterance: string) => { skill: SkillId; confidence: number },
): EvaluationReport {
  const confusion = Object.fromEntries(
    skillIds.map((actual) => [actual, Object.fromEntries(skillIds.map((p) => [p, 0])) as Record<SkillId, number>]),
  ) as Record<SkillId, Record<SkillId, number>>;
  const mistakes: { utterance: string; expected: SkillId; predicted: SkillId; confidence: number }[] = [];
  let correct = 0;
  for (const row of rows) {
    const { skill, confidence } = classify(row.utterance);
    confusion[row.skill][skill]++;
    if (skill === row.skill) correct++;
    else mistakes.push({ utterance: row.utterance, expected: row.skill, predicted: skill, confidence });
  }
  const perLabel = {} as Record<SkillId, LabelScores>;
  const f1s: number[] = [];
  for (const label of skillIds) {
    const tp = confusion[label][label];
    const support = skillIds.reduce((n, p) => n + confusion[label][p], 0);
    const predicted = skillIds.reduce((n, a) => n + confusion[a][label], 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perLabel[label] = { precision, recall, f1, support };
    if (support > 0) f1s.push(f1);
  }
  return {
    examples: rows.length,
    accuracy: rows.length === 0 ? 0 : correct / rows.length,
    macroF1: f1s.length === 0 ? 0 : f1s.reduce((a, b) => a + b, 0) / f1s.length,
    perLabel,
    confusion,
    mistakes,
  };
}

/**
 * How the public data's own labels map to our skills where the shared files' `skill` column is not what the
 * router should learn (data/router/external/README.md): shop questions that Bitext files under "other"
 * (invoices, payment problems, placing an order, newsletters, feedback) are store questions the FAQ answers,
 * and CLINC150's "order" intent ("buy a laptop for me") is a product request in a shop, too ambiguous to keep.
 */
export const sharedIntentSkills: Readonly<Record<string, SkillId | null>> = {
  check_invoice: "general_qa",
  get_invoice: "general_qa",
  payment_issue: "general_qa",
  place_order: "general_qa",
  newsletter_subscription: "general_qa",
  review: "general_qa",
  order: null,
};

/** Reads a shared CSV (`utterance,skill,source_intent`), relabelling by source intent where sharedIntentSkills says so. */
export function readSharedCsv(text: string): { rows: LabelledUtterance[]; skipped: number } {
  const [header, ...body] = parseCsv(text);
  if (!header) return { rows: [], skipped: 0 };
  const u = header.indexOf("utterance");
  const s = header.indexOf("skill");
  const i = header.indexOf("source_intent");
  if (u < 0 || s < 0) throw new Error("CSV needs the columns utterance and skill");
  const rows: LabelledUtterance[] = [];
  let skipped = 0;
  for (const r of body) {
    const utterance = (r[u] ?? "").trim();
    const intent = i >= 0 ? (r[i] ?? "").trim() : "";
    const mapped = intent in sharedIntentSkills ? sharedIntentSkills[intent] : (r[s] ?? "").trim();
    if (utterance !== "" && mapped && isSkillId(mapped)) rows.push({ utterance, skill: mapped });
    else skipped++;
  }
  return { rows, skipped };
}

/**
 * Deterministic three-way split of outside data: evaluation below evalShare, the dev share (temperature and
 * thresholds) up to evalShare + devShare, training above; by a seeded hash of the normalised text.
 */
export function splitShared(
  rows: readonly LabelledUtterance[],
  seed: number,
  evalShare = 0.2,
  devShare = 0.1,
): { train: LabelledUtterance[]; dev: LabelledUtterance[]; evaluation: LabelledUtterance[] } {
  const out = { train: [] as LabelledUtterance[], dev: [] as LabelledUtterance[], evaluation: [] as LabelledUtterance[] };
  for (const row of rows) {
    const bucket = fnv1a(`${seed}:${utteranceKey(row.utterance)}`) / 2 ** 32;
    (bucket < evalShare ? out.evaluation : bucket < evalShare + devShare ? out.dev : out.train).push(row);
  }
  return out;
}

/**
 * What the trainer trains on: the sources in order, de-duplicated on the normalised text (the first label wins),
 * without anything that reads like a reserved row (dev, held-out, the shared dev and evaluation shares, cross-shop).
 */
export function trainingSet(
  sources: readonly LabelledUtterance[],
  reservedRows: readonly LabelledUtterance[],
): { training: LabelledUtterance[]; conflicts: number; reservedDropped: number } {
  const reserved = new Set(reservedRows.map((r) => utteranceKey(r.utterance)));
  const seen = new Map<string, SkillId>();
  const training: LabelledUtterance[] = [];
  let conflicts = 0;
  let reservedDropped = 0;
  for (const row of sources) {
    const key = utteranceKey(row.utterance);
    if (reserved.has(key)) {
      reservedDropped++;
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      if (earlier !== row.skill) conflicts++;
      continue;
    }
    seen.set(key, row.skill);
    training.push(row);
  }
  return { training, conflicts, reservedDropped };
}
