// Trains the router's offline model (multinomial logistic regression, L-BFGS) and writes src/agent/router/model.json.
// Usage: npm run train:router [-- --seed 20261123 --l2 0.00001 --min-df 1 --shared-data data/router/external --out path]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { evaluateRouter, readLabelledCsv, readSharedCsv, splitShared, trainingSet, utteranceKey } from "../src/agent/router/dataset.ts";
import type { LabelledUtterance } from "../src/agent/router/dataset.ts";
import { defaultFeatureConfig, extractFeatures, fnv1a, hashedBlocks, inverseDocumentFrequency, normalizeUtterance } from "../src/agent/router/features.ts";
import type { FeatureConfig, TokenTransform } from "../src/agent/router/features.ts";
import { articleEvidence, markProducts } from "../src/agent/router/lexicon.ts";
import type { ShopLexicon } from "../src/agent/router/lexicon.ts";
import { encodeBase64, encodeSortedBuckets, loadRouterModel, modelFormat, skillLogits, skillProbabilities, softmax } from "../src/agent/router/model-file.ts";
import type { RouterModelFile } from "../src/agent/router/model-file.ts";

import { skillIds } from "../src/agent/router/skills.ts";
import type { SkillId } from "../src/agent/router/skills.ts";
import { demoStoreLexicon } from "./router-lexicons.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const { values: flags } = parseArgs({
  options: {
    seed: { type: "string", default: "20261123" },
    l2: { type: "string", default: "0.00001" },
    "min-df": { type: "string", default: "2" },
    iterations: { type: "string", default: "400" },
    "shared-data": { type: "string", default: process.env.EDGEDESK_SHARED_DATA ?? join(root, "data", "router", "external") },
    out: { type: "string", default: join(root, "src", "agent", "router", "model.json") },
    "word-weight": { type: "string" },
    "bigram-weight": { type: "string" },
    "char-weight": { type: "string" },
    "length-weight": { type: "string" },
    "stem-weight": { type: "string" },
    quiet: { type: "boolean", default: false },
    "own-share": { type: "string", default: "0.67" },
  },
});

const seed = Number(flags.seed);
const l2 = Number(flags.l2);
const minDf = Number(flags["min-df"]);
const maxIterations = Number(flags.iterations);
const log = (line: string): void => {
  if (!flags.quiet) console.log(line);
};

const featureConfig: FeatureConfig = {
  ...defaultFeatureConfig,
  markProducts: true,
  ...(flags["word-weight"] ? { wordWeight: Number(flags["word-weight"]) } : {}),
  ...(flags["bigram-weight"] ? { bigramWeight: Number(flags["bigram-weight"]) } : {}),
  ...(flags["char-weight"] ? { charWeight: Number(flags["char-weight"]) } : {}),
  ...(flags["length-weight"] ? { lengthWeight: Number(flags["length-weight"]) } : {}),
  ...(flags["stem-weight"] ? { stemWeight: Number(flags["stem-weight"]) } : {}),
};

function readRows(path: string): LabelledUtterance[] {
  const { rows, skipped } = readLabelledCsv(readFileSync(path, "utf8"));
  if (skipped > 0) log(`  ${path}: skipped ${skipped} rows with an empty utterance or unknown skill`);
  return rows;
}

// ---- Data -------------------------------------------------------------------------------

const ownTrain = readRows(join(root, "data", "router", "train.csv"));
const extraTrain = readRows(join(root, "data", "router", "extra.csv"));
const heldout = readRows(join(root, "data", "router", "heldout.csv"));
const devPath = join(root, "data", "router", "dev.csv");
const dev = existsSync(devPath) ? readRows(devPath) : [];

// Shared CSVs (real-language public data, data/router/external): train on 70%, the dev share (10%) fits the
// temperature and thresholds, the eval script scores the other 20%.
const sharedDir = flags["shared-data"];
const sharedTrain: LabelledUtterance[] = [];
const sharedDev: LabelledUtterance[] = [];
const sharedEvaluation: LabelledUtterance[] = [];
if (existsSync(sharedDir) && statSync(sharedDir).isDirectory()) {
  for (const name of readdirSync(sharedDir).filter((n) => n.endsWith(".csv")).sort()) {
    const { rows, skipped } = readSharedCsv(readFileSync(join(sharedDir, name), "utf8"));
    const { train, dev: devPart, evaluation } = splitShared(rows, seed);
    log(`shared ${name}: ${rows.length} rows (${skipped} skipped), ${train.length} for training, ${devPart.length} for dev`);
    sharedTrain.push(...train);
    sharedDev.push(...devPart);
    sharedEvaluation.push(...evaluation);
  }
}

// De-duplicate on the normalised text; anything that reads like a row of an evaluation or dev set stays out of training.
const crossShopDir = join(root, "data", "router", "cross-shop");
const crossShopRows = existsSync(crossShopDir)
  ? readdirSync(crossShopDir).filter((n) => n.endsWith(".messages.csv")).flatMap((n) => readRows(join(crossShopDir, n)))
  : [];
const { training, conflicts, reservedDropped } = trainingSet([...ownTrain, ...extraTrain, ...sharedTrain], [
  ...heldout,
  ...dev,
  ...sharedDev,
  ...sharedEvaluation,
  ...crossShopRows,
]);
log(
  `training rows: ${training.length} (own ${ownTrain.length}, extra ${extraTrain.length}, shared ${sharedTrain.length}; ` +
    `${conflicts} label conflicts and ${reservedDropped} rows matching held-out, dev, shared dev/evaluation or cross-shop dropped)`,
);

// ---- Features ---------------------------------------------------------------------------

const k = skillIds.length;
const labelIndex = new Map<SkillId, number>(skillIds.map((s, i) => [s, i]));
// Product mentions become "#product" with the demo store's lexicon (what the own data is about) — except in a
// quarter of the rows, picked by hash, so the model also learns from the words of products no lexicon knows.
const trainingLexicon = demoStoreLexicon();
const markWith = (lexicon: ShopLexicon): TokenTransform => (tokens) => markProducts(tokens, lexicon);
const transformOf = (utterance: string): TokenTransform | undefined =>
  fnv1a(`${seed}:mark:${utteranceKey(utterance)}`) / 2 ** 32 < 0.25 ? undefined : markWith(trainingLexicon);
const documentFrequency = new Map<number, number>();
for (const row of training) {
  const unique = new Set(hashedBlocks(row.utterance, featureConfig, transformOf(row.utterance)).flatMap((b) => b.buckets));
  for (const b of unique) documentFrequency.set(b, (documentFrequency.get(b) ?? 0) + 1);
}
const keptBuckets = [...documentFrequency.entries()]
  .filter(([, df]) => df >= minDf)
  .map(([b]) => b)
  .sort((a, b) => a - b);
const columnOf = new Map<number, number>(keptBuckets.map((b, i) => [b, i]));
const featureCount = keptBuckets.length;
log(`features: ${documentFrequency.size} distinct, ${featureCount} kept (document frequency >= ${minDf})`);

// IDF is quantised to a byte before training, so training and inference see exactly the same values.
const unseenIdf = inverseDocumentFrequency(0, training.length);
const idfScale = unseenIdf / 255;
const idfBytes = Uint8Array.from(keptBuckets, (b) =>
  Math.max(1, Math.round(inverseDocumentFrequency(documentFrequency.get(b) ?? 0, training.length) / idfScale)),
);
const idfOf = (bucket: number): number => {
  const column = columnOf.get(bucket);
  return column === undefined ? unseenIdf : (idfBytes[column] ?? 0) * idfScale;
};
const hashed = training.map((row) => extractFeatures(row.utterance, featureConfig, idfOf, transformOf(row.utterance)));

interface Example {
  readonly columns: Int32Array;
  readonly values: Float64Array;
  readonly label: number;
  readonly weight: number;
}

// Balanced class weights so a label with more rows does not win ties by volume; within a label the project's own
// rows (shop messages) weigh --own-share (0.67, chosen on dev over 0.5) and the shared public rows (many templated
// or non-shop) the rest, so thousands of CLINC150 or Bitext rows do not decide alone what "other" or "general_qa"
// sound like.
const sharedKeys = new Set(sharedTrain.map((r) => utteranceKey(r.utterance)));
const isShared = (row: LabelledUtterance): boolean => sharedKeys.has(utteranceKey(row.utterance));
const perGroup = new Map<string, number>();
const groupOf = (row: LabelledUtterance): string => `${row.skill}:${isShared(row) ? "shared" : "own"}`;
for (const row of training) perGroup.set(groupOf(row), (perGroup.get(groupOf(row)) ?? 0) + 1);
const ownShare = Number(flags["own-share"]);
const weightOf = (row: LabelledUtterance): number => {
  const both = Boolean(perGroup.get(`${row.skill}:own`)) && Boolean(perGroup.get(`${row.skill}:shared`));
  const share = both ? (isShared(row) ? 1 - ownShare : ownShare) : 1;
  return (training.length * share) / (k * (perGroup.get(groupOf(row)) ?? 1));
};
const examples: Example[] = training.map((row, i) => {
  const doc = hashed[i] ?? { buckets: [], values: [] };
  const columns: number[] = [];
  const values: number[] = [];
  doc.buckets.forEach((b, j) => {
    const c = columnOf.get(b);
    if (c !== undefined) {
      columns.push(c);
      values.push(doc.values[j] ?? 0);
    }
  });
  const label = labelIndex.get(row.skill) ?? 0;
  return {
    columns: Int32Array.from(columns),
    values: Float64Array.from(values),
    label,
    weight: weightOf(row),
  };
});
const totalWeight = examples.reduce((s, e) => s + e.weight, 0);

// ---- Multinomial logistic regression, L-BFGS ---------------------------------------------

const dimension = featureCount * k + k; // weights row-major [feature][label], then biases
const biasOffset = featureCount * k;

function objective(params: Float64Array, gradient: Float64Array): number {
  gradient.fill(0);
  let loss = 0;
  const logits = new Float64Array(k);
  for (const e of examples) {
    for (let j = 0; j < k; j++) logits[j] = params[biasOffset + j] ?? 0;
    for (let t = 0; t < e.columns.length; t++) {
      const offset = (e.columns[t] ?? 0) * k;
      const v = e.values[t] ?? 0;
      for (let j = 0; j < k; j++) logits[j] = (logits[j] ?? 0) + v * (params[offset + j] ?? 0);
    }
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, logits[j] ?? 0);
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const p = Math.exp((logits[j] ?? 0) - max);
      logits[j] = p;
      sum += p;
    }
    loss -= e.weight * Math.log(Math.max((logits[e.label] ?? 0) / sum, 1e-300));
    for (let j = 0; j < k; j++) logits[j] = (e.weight * ((logits[j] ?? 0) / sum - (j === e.label ? 1 : 0))) / totalWeight;
    for (let j = 0; j < k; j++) gradient[biasOffset + j] = (gradient[biasOffset + j] ?? 0) + (logits[j] ?? 0);
    for (let t = 0; t < e.columns.length; t++) {
      const offset = (e.columns[t] ?? 0) * k;
      const v = e.values[t] ?? 0;
      for (let j = 0; j < k; j++) gradient[offset + j] = (gradient[offset + j] ?? 0) + v * (logits[j] ?? 0);
    }
  }
  loss /= totalWeight;
  let penalty = 0;
  for (let i = 0; i < biasOffset; i++) {
    const w = params[i] ?? 0;
    penalty += w * w;
    gradient[i] = (gradient[i] ?? 0) + l2 * w;
  }
  return loss + (l2 / 2) * penalty;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

function lbfgs(initial: Float64Array): Float64Array {
  const memory = 10;
  let x = initial;
  let g = new Float64Array(dimension);
  let f = objective(x, g);
  const history: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    // Two-loop recursion: direction = -H·g.
    const q = Float64Array.from(g);
    const alphas: number[] = [];
    for (let h = history.length - 1; h >= 0; h--) {
      const { s, y, rho } = history[h] ?? { s: q, y: q, rho: 0 };
      const a = rho * dot(s, q);
      alphas[h] = a;
      for (let i = 0; i < dimension; i++) q[i] = (q[i] ?? 0) - a * (y[i] ?? 0);
    }
    const last = history[history.length - 1];
    const gamma = last ? dot(last.s, last.y) / dot(last.y, last.y) : 1 / Math.sqrt(dot(g, g));
    for (let i = 0; i < dimension; i++) q[i] = (q[i] ?? 0) * gamma;
    for (let h = 0; h < history.length; h++) {
      const { s, y, rho } = history[h] ?? { s: q, y: q, rho: 0 };
      const b = rho * dot(y, q);
      for (let i = 0; i < dimension; i++) q[i] = (q[i] ?? 0) + (s[i] ?? 0) * ((alphas[h] ?? 0) - b);
    }
    const direction = q.map((v) => -v);
    const slope = dot(direction, g);
    if (slope >= 0) {
      history.length = 0; // not a descent direction: restart from steepest descent
      continue;
    }
    // Backtracking line search (Armijo).
    let step = 1;
    let nextX = new Float64Array(dimension);
    let nextG = new Float64Array(dimension);
    let nextF = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < dimension; i++) nextX[i] = (x[i] ?? 0) + step * (direction[i] ?? 0);
      nextF = objective(nextX, nextG);
      if (nextF <= f + 1e-4 * step * slope) break;
      step /= 2;
    }
    const s = nextX.map((v, i) => v - (x[i] ?? 0));
    const y = nextG.map((v, i) => v - (g[i] ?? 0));
    const sy = dot(s, y);
    if (sy > 1e-12) {
      history.push({ s, y, rho: 1 / sy });
      if (history.length > memory) history.shift();
    }
    const improvement = f - nextF;
    x = nextX;
    g = nextG;
    f = nextF;
    if (iteration % 25 === 0) log(`  iteration ${iteration}: objective ${f.toFixed(6)}`);
    if (improvement >= 0 && improvement < 1e-9 * Math.max(1, Math.abs(f))) {
      log(`  converged after ${iteration} iterations: objective ${f.toFixed(6)}`);
      break;
    }
    nextX = new Float64Array(0);
    nextG = new Float64Array(0);
  }
  return x;
}

const started = performance.now();
log(`training: ${examples.length} examples, ${k} skills, l2 ${l2}, seed ${seed}`);
const params = lbfgs(new Float64Array(dimension));
log(`trained in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// ---- Pack, calibrate, write ---------------------------------------------------------------

let maxAbs = 0;
for (let i = 0; i < biasOffset; i++) maxAbs = Math.max(maxAbs, Math.abs(params[i] ?? 0));
const weightScale = maxAbs / 127;
const quantized = new Int8Array(biasOffset);
for (let i = 0; i < biasOffset; i++) quantized[i] = Math.round((params[i] ?? 0) / weightScale);

interface Decision {
  readonly temperature: number;
  readonly otherOffset: number;
  readonly articleWeight: number;
}

function modelFileWith(decision: Decision): RouterModelFile {
  return {
    format: modelFormat,
    labels: [...skillIds],
    features: featureConfig,
    temperature: decision.temperature,
    decision: { otherOffset: decision.otherOffset, articleWeight: decision.articleWeight },
    bias: Array.from(params.subarray(biasOffset), (b) => Number(b.toFixed(5))),
    weightScale,
    // Every kept feature stays, even if its weights round to zero: its IDF still shapes the normalisation.
    featureCount,
    buckets: encodeSortedBuckets(keptBuckets),
    weights: encodeBase64(new Uint8Array(quantized.buffer)),
    idf: encodeBase64(idfBytes),
    idfScale,
    unseenIdf,
    trainedOn: {
      trainingRows: training.length,
      ownRows: ownTrain.length,
      extraRows: extraTrain.length,
      sharedRows: sharedTrain.length,
      sources:
        "data/router/train.csv and extra.csv (Edgedesk contributors, MIT); Bitext Customer Support LLM Chatbot Training Dataset " +
        "(CDLA-Sharing-1.0); CLINC150, Larson et al. EMNLP 2019 (CC BY 3.0) — see data/router/external/README.md",
      seed,
      l2,
      minDocumentFrequency: minDf,
      decisionFittedOn: `data/router/dev.csv (${dev.length} rows, demo store lexicon) + shared dev share (${sharedDev.length} rows)`,
    },
  };
}

// ---- Decision: out-of-scope offset, article weight and temperature, chosen on the dev sets ------------------
// Never on held-out, the shared evaluation share or the cross-shop set. The own dev set is read with the demo
// store's lexicon (its catalog and help centre), the shared dev share with the base lexicon only, as a message
// from a shop whose catalog is unknown.
const draft = loadRouterModel(modelFileWith({ temperature: 1, otherOffset: 0, articleWeight: 0 }));
const otherIndex = skillIds.indexOf("other");
const answeringSkills = new Set(skillIds.filter((s) => s !== "other" && s !== "handoff").map((s) => skillIds.indexOf(s)));
interface DevRow {
  readonly logits: Float64Array;
  readonly evidence: Float64Array;
  readonly label: number;
  readonly set: 0 | 1;
}
const devRows: DevRow[] = [];
const addDev = (rows: readonly LabelledUtterance[], lexicon: ShopLexicon | undefined, set: 0 | 1): void => {
  for (const row of rows) {
    const evidence = new Float64Array(k);
    if (lexicon) for (const [skill, score] of articleEvidence(normalizeUtterance(row.utterance), lexicon)) evidence[skillIds.indexOf(skill)] = score;
    devRows.push({ logits: skillLogits(draft, row.utterance, lexicon), evidence, label: labelIndex.get(row.skill) ?? 0, set });
  }
};
addDev(dev, trainingLexicon, 0);
addDev(sharedDev, undefined, 1);

function scoreDecision(d: Decision): { nll: number; objective: number; macro: [number, number]; oosConfident: number } {
  const confusion = [0, 1].map(() => Array.from({ length: k }, () => new Array<number>(k).fill(0)));
  const nll = [0, 0];
  const count = [0, 0];
  let oos = 0;
  let oosConfident = 0;
  for (const row of devRows) {
    const z = row.logits.map((l, j) => l + d.articleWeight * (row.evidence[j] ?? 0) + (j === otherIndex ? d.otherOffset : 0));
    const p = softmax(z, d.temperature);
    let top = 0;
    for (let j = 1; j < k; j++) if ((p[j] ?? 0) > (p[top] ?? 0)) top = j;
    nll[row.set] = (nll[row.set] ?? 0) - Math.log(Math.max(p[row.label] ?? 0, 1e-12));
    count[row.set] = (count[row.set] ?? 0) + 1;
    const m = confusion[row.set]?.[row.label];
    if (m) m[top] = (m[top] ?? 0) + 1;
    if (row.label === otherIndex) {
      oos++;
      if (answeringSkills.has(top) && (p[top] ?? 0) >= 0.5) oosConfident++;
    }
  }
  const macro = confusion.map((m) => {
    const f1s: number[] = [];
    for (let j = 0; j < k; j++) {
      const support = m[j]?.reduce((a, b) => a + b, 0) ?? 0;
      if (support === 0) continue;
      const tp = m[j]?.[j] ?? 0;
      const predicted = m.reduce((a, r) => a + (r[j] ?? 0), 0);
      const precision = predicted === 0 ? 0 : tp / predicted;
      const recall = tp / support;
      f1s.push(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));
    }
    return f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length);
  }) as [number, number];
  const oosRate = oos === 0 ? 0 : oosConfident / oos;
  // Both dev sets count alike; answering off-topic messages beyond 10% costs as much as the F1 it buys.
  // Each dev set's mean NLL counts alike: the templated shared rows are easy and would otherwise sharpen the temperature.
  const sets = [0, 1].filter((i) => (count[i] ?? 0) > 0);
  const meanNll = sets.reduce((a, i) => a + (nll[i] ?? 0) / (count[i] ?? 1), 0) / Math.max(1, sets.length);
  return { nll: meanNll, objective: (macro[0] + macro[1]) / 2 - Math.max(0, oosRate - 0.1), macro, oosConfident: oosRate };
}

/** The temperature with the lowest dev NLL, by golden-section search on [0.3, 4] (NLL is unimodal in T), to 0.01. */
function fitTemperature(d: Omit<Decision, "temperature">): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = 0.3;
  let hi = 4;
  while (hi - lo > 0.005) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (scoreDecision({ ...d, temperature: a }).nll <= scoreDecision({ ...d, temperature: b }).nll) hi = b;
    else lo = a;
  }
  return Number(((lo + hi) / 2).toFixed(2));
}

let decision: Decision = { temperature: 1, otherOffset: 0, articleWeight: 0 };
if (devRows.length > 0) {
  let bestObjective = -Infinity;
  for (let otherOffset = -1; otherOffset <= 3.0001; otherOffset += 0.25) {
    for (const articleWeight of [0, 0.5, 1, 1.5, 2, 3]) {
      const offsets = { otherOffset: Number(otherOffset.toFixed(2)), articleWeight };
      const candidate = { ...offsets, temperature: fitTemperature(offsets) };
      const { objective } = scoreDecision(candidate);
      if (objective > bestObjective + 1e-9) {
        bestObjective = objective;
        decision = candidate;
      }
    }
  }
  const chosen = scoreDecision(decision);
  log(
    `decision (dev): other offset ${decision.otherOffset}, article weight ${decision.articleWeight}, temperature ${decision.temperature}; ` +
      `macro-F1 own dev ${chosen.macro[0].toFixed(3)}, shared dev ${chosen.macro[1].toFixed(3)}, ` +
      `off-topic answered confidently ${(chosen.oosConfident * 100).toFixed(1)}%, NLL ${chosen.nll.toFixed(4)}`,
  );
}

const file = modelFileWith(decision);
const json = JSON.stringify(file, null, 1) + "\n";
writeFileSync(flags.out, json);
log(`wrote ${flags.out}: ${featureCount} features, ${(json.length / 1024).toFixed(0)} KiB`);

const finalModel = loadRouterModel(file);
const classifyAlone = (utterance: string): { skill: SkillId; confidence: number } => {
  const p = skillProbabilities(finalModel, utterance, trainingLexicon);
  let top = 0;
  for (let j = 1; j < k; j++) if ((p[j] ?? 0) > (p[top] ?? 0)) top = j;
  return { skill: finalModel.labels[top] ?? "other", confidence: p[top] ?? 0 };
};
const trainReport = evaluateRouter(training, classifyAlone);
log(`training accuracy ${(trainReport.accuracy * 100).toFixed(1)}%`);
if (dev.length > 0) {
  const devReport = evaluateRouter(dev, classifyAlone);
  log(`dev accuracy ${(devReport.accuracy * 100).toFixed(1)}%, macro-F1 ${devReport.macroF1.toFixed(3)}`);
  if (process.env.ROUTER_SHOW_DEV_MISTAKES) {
    for (const m of devReport.mistakes) log(`  ${m.expected} -> ${m.predicted} (${m.confidence.toFixed(2)}): ${m.utterance}`);
  }
}
