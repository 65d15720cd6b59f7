// Scores the committed router model on data/router/heldout.csv (and the held-back split of any shared CSVs).
// Usage: npm run eval:router [-- --json] [--model path] [--file other.csv] [--mistakes]
// Exits 1 when held-out macro-F1 is below 0.90.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { evaluateRouter, readLabelledCsv, splitForEvaluation } from "../src/agent/router/dataset.ts";
import type { EvaluationReport, LabelledUtterance } from "../src/agent/router/dataset.ts";
import { loadRouterModel, routerModelFileSchema } from "../src/agent/router/model-file.ts";
import { createOfflineClassifier } from "../src/agent/router/offline.ts";
import { skillIds } from "../src/agent/router/skills.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const macroF1Floor = 0.9;

const { values: flags } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    mistakes: { type: "boolean", default: false },
    model: { type: "string", default: join(root, "src", "agent", "router", "model.json") },
    file: { type: "string", default: join(root, "data", "router", "heldout.csv") },
    seed: { type: "string" },
    "shared-data": { type: "string", default: process.env.EDGEDESK_SHARED_DATA ?? join(root, "..", "shared", "data") },
  },
});

const modelFile = routerModelFileSchema.parse(JSON.parse(readFileSync(flags.model, "utf8")));
const model = loadRouterModel(modelFile);
const classify = createOfflineClassifier(model);
const classifyAlone = (utterance: string): ReturnType<typeof classify> => classify({ text: utterance });

const heldout = readLabelledCsv(readFileSync(flags.file, "utf8")).rows;
const heldoutReport = evaluateRouter(heldout, classifyAlone);

// The evaluation share of shared CSVs, split with the seed the model was trained with.
const seed = Number(flags.seed ?? modelFile.trainedOn.seed ?? 20261123);
const sharedEvaluation: LabelledUtterance[] = [];
const sharedDir = flags["shared-data"];
if (existsSync(sharedDir) && statSync(sharedDir).isDirectory()) {
  for (const name of readdirSync(sharedDir).filter((n) => n.endsWith(".csv")).sort()) {
    const { rows } = readLabelledCsv(readFileSync(join(sharedDir, name), "utf8"));
    sharedEvaluation.push(...splitForEvaluation(rows, seed).evaluation);
  }
}
const sharedReport = sharedEvaluation.length > 0 ? evaluateRouter(sharedEvaluation, classifyAlone) : null;

// Latency: the whole classify path (normalise, hash, score, softmax) on every held-out row.
const rounds = 5;
const started = performance.now();
for (let r = 0; r < rounds; r++) for (const row of heldout) classifyAlone(row.utterance);
const microsecondsPerMessage = ((performance.now() - started) * 1000) / (rounds * Math.max(1, heldout.length));

// Calibration: do confidences mean what they say? Expected calibration error over 10 equal-width bins.
function calibration(rows: readonly LabelledUtterance[]): { meanConfidence: number; expectedCalibrationError: number } {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, correct: 0 }));
  let total = 0;
  for (const row of rows) {
    const { skill, confidence } = classifyAlone(row.utterance);
    const bin = bins[Math.min(9, Math.floor(confidence * 10))];
    if (!bin) continue;
    bin.n++;
    bin.confidence += confidence;
    if (skill === row.skill) bin.correct++;
    total += confidence;
  }
  const ece = bins.reduce((sum, b) => sum + (b.n === 0 ? 0 : (b.n / rows.length) * Math.abs(b.confidence / b.n - b.correct / b.n)), 0);
  return { meanConfidence: rows.length === 0 ? 0 : total / rows.length, expectedCalibrationError: ece };
}
const heldoutCalibration = calibration(heldout);

const passed = heldoutReport.macroF1 >= macroF1Floor;

function printReport(title: string, report: EvaluationReport): void {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);
  console.log(`\n${title}: ${report.examples} utterances`);
  console.log(`accuracy ${pct(report.accuracy)}   macro-F1 ${report.macroF1.toFixed(3)}`);
  console.log(`\n${"skill".padEnd(24)}precision  recall      F1  support`);
  for (const skill of skillIds) {
    const s = report.perLabel[skill];
    if (s.support === 0 && s.precision === 0) continue;
    console.log(`${skill.padEnd(24)}${pct(s.precision)}  ${pct(s.recall)} ${pct(s.f1)}  ${String(s.support).padStart(7)}`);
  }
  const short = ["track", "edit", "return", "subs", "loyal", "coupon", "recs", "faq", "handoff", "other"];
  console.log(`\nconfusion (rows = expected, columns = predicted)`);
  console.log(`${"".padEnd(24)}${short.map((s) => s.padStart(8)).join("")}`);
  for (const actual of skillIds) {
    console.log(`${actual.padEnd(24)}${skillIds.map((p) => String(report.confusion[actual][p]).padStart(8)).join("")}`);
  }
  if (flags.mistakes) {
    console.log(`\nmistakes`);
    for (const m of report.mistakes) console.log(`  ${m.expected} -> ${m.predicted} (${m.confidence.toFixed(2)}): ${m.utterance}`);
  }
}

if (flags.json) {
  console.log(
    JSON.stringify(
      {
        heldout: { ...heldoutReport, ...heldoutCalibration, mistakes: flags.mistakes ? heldoutReport.mistakes : undefined },
        shared: sharedReport ? { ...sharedReport, mistakes: undefined } : null,
        microsecondsPerMessage,
        modelFeatures: modelFile.featureCount,
        macroF1Floor,
        passed,
      },
      null,
      2,
    ),
  );
} else {
  printReport(`held-out (${flags.file})`, heldoutReport);
  console.log(
    `\ncalibration: mean confidence ${(heldoutCalibration.meanConfidence * 100).toFixed(1)}% ` +
      `vs accuracy ${(heldoutReport.accuracy * 100).toFixed(1)}%, expected calibration error ${heldoutCalibration.expectedCalibrationError.toFixed(3)}`,
  );
  if (sharedReport) printReport("shared data, evaluation split", sharedReport);
  console.log(`\nlatency: ${microsecondsPerMessage.toFixed(1)} µs per message (${modelFile.featureCount} features)`);
  console.log(passed ? `PASS: macro-F1 >= ${macroF1Floor}` : `FAIL: macro-F1 < ${macroF1Floor}`);
}
process.exitCode = passed ? 0 : 1;
