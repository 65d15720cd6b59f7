// Trains the router's offline model (multinomial logistic regression, L-BFGS) and writes src/agent/router/model.json.
// Usage: npm run train:router [-- --seed 20261123 --l2 0.00001 --min-df 1 --shared-data ../shared/data --out path]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { evaluateRouter, readLabelledCsv, splitForEvaluation, utteranceKey } from "../src/agent/router/dataset.ts";
import type { LabelledUtterance } from "../src/agent/router/dataset.ts";
import { defaultFeatureConfig, extractFeatures, hashedBlocks, inverseDocumentFrequency } from "../src/agent/router/features.ts";
import type { FeatureConfig } from "../src/agent/router/features.ts";
import { encodeBase64, encodeSortedBuckets, loadRouterModel, modelFormat, skillProbabilities } from "../src/agent/router/model-file.ts";
import type { RouterModel, RouterModelFile } from "../src/agent/router/model-file.ts";

import { skillIds } from "../src/agent/router/skills.ts";
import type { SkillId } from "../src/agent/router/skills.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const { values: flags } = parseArgs({
  options: {
    seed: { type: "string", default: "20261123" },
    l2: { type: "string", default: "0.00001" },
    "min-df": { type: "string", default: "1" },
    iterations: { type: "string", default: "400" },
    "shared-data": { type: "string", default: process.env.EDGEDESK_SHARED_DATA ?? join(root, "..", "shared", "data") },
    out: { type: "string", default: join(root, "src", "agent", "router", "model.json") },
    "word-weight": { type: "string" },
    "bigram-weight": { type: "string" },
    "char-weight": { type: "string" },
    "length-weight": { type: "string" },
    "stem-weight": { type: "string" },
    quiet: { type: "boolean", default: false },
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
const heldout = readRows(join(root, "data", "router", "heldout.csv"));
const devPath = join(root, "data", "router", "dev.csv");
const dev = existsSync(devPath) ? readRows(devPath) : [];

// Shared CSVs (if any): train on a deterministic 80%, the eval script scores the other 20%.
const sharedDir = flags["shared-data"];
const sharedTrain: LabelledUtterance[] = [];
if (existsSync(sharedDir) && statSync(sharedDir).isDirectory()) {
  for (const name of readdirSync(sharedDir).filter((n) => n.endsWith(".csv")).sort()) {
    const rows = readRows(join(sharedDir, name));
    const { train } = splitForEvaluation(rows, seed);
    log(`shared ${name}: ${rows.length} rows, ${train.length} used for training`);
    sharedTrain.push(...train);
  }
}

// De-duplicate on the normalised text; anything that reads like a held-out or dev row stays out of training.
const reserved = new Set([...heldout, ...dev].map((r) => utteranceKey(r.utterance)));
const seen = new Map<string, SkillId>();
const training: LabelledUtterance[] = [];
let conflicts = 0;
let reservedDropped = 0;
for (const row of [...ownTrain, ...sharedTrain]) {
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
log(
  `training rows: ${training.length} (own ${ownTrain.length}, shared ${sharedTrain.length}; ` +
    `${conflicts} label conflicts and ${reservedDropped} rows matching held-out/dev dropped)`,
);

// ---- Features ---------------------------------------------------------------------------

const k = skillIds.length;
const labelIndex = new Map<SkillId, number>(skillIds.map((s, i) => [s, i]));
const documentFrequency = new Map<number, number>();
for (const row of training) {
  const unique = new Set(hashedBlocks(row.utterance, featureConfig).flatMap((b) => b.buckets));
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
const hashed = training.map((row) => extractFeatures(row.utterance, featureConfig, idfOf));

interface Example {
  readonly columns: Int32Array;
  readonly values: Float64Array;
  readonly label: number;
  readonly weight: number;
}

// Balanced class weights so a label with more rows does not win ties by volume.
const perLabel = new Map<number, number>();
for (const row of training) {
  const y = labelIndex.get(row.skill) ?? 0;
  perLabel.set(y, (perLabel.get(y) ?? 0) + 1);
}
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
    weight: training.length / (k * (perLabel.get(label) ?? 1)),
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

function modelFileWith(temperature: number): RouterModelFile {
  return {
    format: modelFormat,
    labels: [...skillIds],
    features: featureConfig,
    temperature,
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
      sharedRows: sharedTrain.length,
      seed,
      l2,
      minDocumentFrequency: minDf,
      temperatureFittedOn: dev.length > 0 ? `data/router/dev.csv (${dev.length} rows)` : "none",
    },
  };
}

// Temperature scaling on the dev set: one number, so it calibrates without changing any decision.
// The dev set also guides which utterances get written, so it flatters the model; the fitted value
// is only used to soften (T >= 1), never to sharpen what the regularised model already says.
let temperature = 1;
if (dev.length > 0) {
  const model = loadRouterModel(modelFileWith(1));
  const logitsOf = dev.map((row) => {
    const p = skillProbabilities(model, row.utterance);
    return { logits: Array.from(p, (v) => Math.log(Math.max(v, 1e-300))), label: labelIndex.get(row.skill) ?? 0 };
  });
  const calibrationAt = (t: number): { nll: number; meanConfidence: number; accuracy: number } => {
    let nll = 0;
    let confidence = 0;
    let correct = 0;
    for (const { logits, label } of logitsOf) {
      const scaled = logits.map((l) => l / t);
      const max = Math.max(...scaled);
      const logSum = max + Math.log(scaled.reduce((s, l) => s + Math.exp(l - max), 0));
      nll += logSum - (scaled[label] ?? 0);
      const top = scaled.indexOf(max);
      confidence += Math.exp(max - logSum);
      if (top === label) correct++;
    }
    return { nll: nll / logitsOf.length, meanConfidence: confidence / logitsOf.length, accuracy: correct / logitsOf.length };
  };
  let fitted = 1;
  let bestNll = Infinity;
  for (let t = 0.25; t <= 5.0001; t += 0.05) {
    const { nll } = calibrationAt(t);
    if (nll < bestNll) {
      bestNll = nll;
      fitted = Number(t.toFixed(2));
    }
  }
  temperature = Math.max(1, fitted);
  for (const t of [...new Set([1, fitted, temperature])]) {
    const c = calibrationAt(t);
    log(
      `dev at temperature ${t}: mean NLL ${c.nll.toFixed(4)}, mean confidence ${(c.meanConfidence * 100).toFixed(1)}%, ` +
        `accuracy ${(c.accuracy * 100).toFixed(1)}%`,
    );
  }
  log(`temperature: ${temperature} (best on dev ${fitted})`);
}

const file = modelFileWith(temperature);
const json = JSON.stringify(file, null, 1) + "\n";
writeFileSync(flags.out, json);
log(`wrote ${flags.out}: ${featureCount} features, ${(json.length / 1024).toFixed(0)} KiB`);

const finalModel = loadRouterModel(file);
const classifyAlone = (utterance: string): { skill: SkillId; confidence: number } => {
  const p = skillProbabilities(finalModel, utterance);
  let top = 0;
  for (let j = 1; j < k; j++) if ((p[j] ?? 0) > (p[top] ?? 0)) top = j;
  return { skill: finalModel.labels[top] ?? "other", confidence: p[top] ?? 0 };
};
const trainReport = evaluateRouter(training, classifyAlone);
if (dev.length > 0) {
  // What int8 packing costs: the same model with unrounded weights, scored on dev.
  const exact: RouterModel = { ...finalModel, weights: Float32Array.from(params.subarray(0, biasOffset)) };
  const exactReport = evaluateRouter(dev, (utterance) => {
    const p = skillProbabilities(exact, utterance);
    let top = 0;
    for (let j = 1; j < k; j++) if ((p[j] ?? 0) > (p[top] ?? 0)) top = j;
    return { skill: exact.labels[top] ?? "other", confidence: p[top] ?? 0 };
  });
  log(`dev accuracy with unrounded weights ${(exactReport.accuracy * 100).toFixed(1)}%`);
}
log(`training accuracy ${(trainReport.accuracy * 100).toFixed(1)}%`);
if (dev.length > 0) {
  const devReport = evaluateRouter(dev, classifyAlone);
  log(`dev accuracy ${(devReport.accuracy * 100).toFixed(1)}%, macro-F1 ${devReport.macroF1.toFixed(3)}`);
  if (process.env.ROUTER_SHOW_DEV_MISTAKES) {
    for (const m of devReport.mistakes) log(`  ${m.expected} -> ${m.predicted} (${m.confidence.toFixed(2)}): ${m.utterance}`);
  }
}
