// Scores the committed router model three ways: own held-out (data/router/heldout.csv, demo store lexicon), the
// held-back 20% of the shared public data (no shop lexicon), and the cross-shop set (data/router/cross-shop, each
// shop's own lexicon). Usage: npm run eval:router [-- --json] [--model path] [--file other.csv] [--mistakes]
// (--mistakes lists own held-out and shared mistakes only: the cross-shop set is read in aggregate).
// Exits 1 when own held-out macro-F1 is below 0.90 or cross-shop macro-F1 below 0.85.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { evaluateRouter, readLabelledCsv, readSharedCsv, splitShared } from "../src/agent/router/dataset.ts";
import type { EvaluationReport, LabelledUtterance } from "../src/agent/router/dataset.ts";
import type { ShopLexicon } from "../src/agent/router/lexicon.ts";
import { loadRouterModel, routerModelFileSchema } from "../src/agent/router/model-file.ts";
import { createOfflineClassifier } from "../src/agent/router/offline.ts";
import type { RouteDecision } from "../src/agent/router/offline.ts";
import { skillIds } from "../src/agent/router/skills.ts";
import { crossShops, demoStoreLexicon } from "./router-lexicons.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const macroF1Floor = 0.9;
const crossShopFloor = 0.85;
/** The agent acts on a skill at or above this confidence (src/agent/rules.ts LOW_CONFIDENCE). */
const actingConfidence = 0.5;

const { values: flags } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    mistakes: { type: "boolean", default: false },
    model: { type: "string", default: join(root, "src", "agent", "router", "model.json") },
    file: { type: "string", default: join(root, "data", "router", "heldout.csv") },
    seed: { type: "string" },
    "shared-data": { type: "string", default: process.env.EDGEDESK_SHARED_DATA ?? join(root, "data", "router", "external") },
    "cross-shop": { type: "string", default: join(root, "data", "router", "cross-shop") },
  },
});

const modelFile = routerModelFileSchema.parse(JSON.parse(readFileSync(flags.model, "utf8")));
const model = loadRouterModel(modelFile);
const classify = createOfflineClassifier(model);
const classifyWith =
  (lexicon: ShopLexicon | undefined) =>
  (utterance: string): RouteDecision =>
    classify({ text: utterance, lexicon });
const classifyAlone = classifyWith(undefined);

// Own held-out: the demo store's data, read with the demo store's lexicon (unless another --file is scored).
const ownFile = flags.file === join(root, "data", "router", "heldout.csv");
const heldout = readLabelledCsv(readFileSync(flags.file, "utf8")).rows;
const classifyOwn = ownFile ? classifyWith(demoStoreLexicon()) : classifyAlone;
const heldoutReport = evaluateRouter(heldout, classifyOwn);

// The evaluation share of shared CSVs, split with the seed the model was trained with.
const seed = Number(flags.seed ?? modelFile.trainedOn.seed ?? 20261123);
const sharedEvaluation: LabelledUtterance[] = [];
const sharedDir = flags["shared-data"];
if (existsSync(sharedDir) && statSync(sharedDir).isDirectory()) {
  for (const name of readdirSync(sharedDir).filter((n) => n.endsWith(".csv")).sort()) {
    const { rows } = readSharedCsv(readFileSync(join(sharedDir, name), "utf8"));
    sharedEvaluation.push(...splitShared(rows, seed).evaluation);
  }
}
const sharedReport = sharedEvaluation.length > 0 ? evaluateRouter(sharedEvaluation, classifyAlone) : null;

// Cross-shop: each shop's messages with that shop's lexicon, pooled into one report.
const shops = existsSync(flags["cross-shop"]) ? crossShops(flags["cross-shop"]) : [];
const crossRows: LabelledUtterance[] = shops.flatMap((shop) => shop.rows);
const crossDecisions = new Map<string, RouteDecision>();
for (const shop of shops) for (const row of shop.rows) crossDecisions.set(`${shop.name}\u0000${row.utterance}`, classifyWith(shop.lexicon)(row.utterance));
const crossRowsKeyed = shops.flatMap((shop) => shop.rows.map((row) => ({ ...row, utterance: `${shop.name}\u0000${row.utterance}` })));
const lookup = (key: string): RouteDecision => crossDecisions.get(key) ?? { skill: "other", confidence: 0 };
const crossReport = crossRows.length > 0 ? evaluateRouter(crossRowsKeyed, lookup) : null;

// Latency: the whole classify path (normalise, mark products, hash, score, softmax) on every held-out row.
const rounds = 5;
const started = performance.now();
for (let r = 0; r < rounds; r++) for (const row of heldout) classifyOwn(row.utterance);
const microsecondsPerMessage = ((performance.now() - started) * 1000) / (rounds * Math.max(1, heldout.length));

interface Calibration {
  meanConfidence: number;
  /** Expected calibration error over 10 equal-width bins, on in-scope rows (not "other"). */
  eceInScope: number;
  /** The same on out-of-scope rows ("other"): a confident wrong skill there counts fully. */
  eceOutOfScope: number;
  /** Out-of-scope rows the agent would answer with a skill: an answering skill at confidence >= 0.5. */
  outOfScopeAnsweredConfidently: number;
}

function ece(pairs: readonly { confidence: number; correct: boolean }[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, correct: 0 }));
  for (const { confidence, correct } of pairs) {
    const bin = bins[Math.min(9, Math.floor(confidence * 10))];
    if (!bin) continue;
    bin.n++;
    bin.confidence += confidence;
    if (correct) bin.correct++;
  }
  return bins.reduce((sum, b) => sum + (b.n === 0 ? 0 : (b.n / pairs.length) * Math.abs(b.confidence / b.n - b.correct / b.n)), 0);
}

function calibration(rows: readonly LabelledUtterance[], decide: (utterance: string) => RouteDecision): Calibration {
  const inScope: { confidence: number; correct: boolean }[] = [];
  const outOfScope: { confidence: number; correct: boolean }[] = [];
  let answered = 0;
  let total = 0;
  for (const row of rows) {
    const { skill, confidence } = decide(row.utterance);
    total += confidence;
    const pair = { confidence, correct: skill === row.skill };
    if (row.skill === "other") {
      outOfScope.push(pair);
      if (skill !== "other" && skill !== "handoff" && confidence >= actingConfidence) answered++;
    } else inScope.push(pair);
  }
  return {
    meanConfidence: rows.length === 0 ? 0 : total / rows.length,
    eceInScope: ece(inScope),
    eceOutOfScope: ece(outOfScope),
    outOfScopeAnsweredConfidently: outOfScope.length === 0 ? 0 : answered / outOfScope.length,
  };
}
const heldoutCalibration = calibration(heldout, classifyOwn);
const sharedCalibration = sharedReport ? calibration(sharedEvaluation, classifyAlone) : null;
const crossCalibration = crossReport ? calibration(crossRowsKeyed, lookup) : null;

const passed = heldoutReport.macroF1 >= macroF1Floor && (!ownFile || crossReport === null || crossReport.macroF1 >= crossShopFloor);

function printReport(title: string, report: EvaluationReport, cal: Calibration | null, showMistakes = flags.mistakes): void {
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
  if (cal) {
    console.log(
      `\ncalibration: mean confidence ${pct(cal.meanConfidence).trim()} vs accuracy ${pct(report.accuracy).trim()}; ` +
        `ECE in scope ${cal.eceInScope.toFixed(3)}, out of scope ${cal.eceOutOfScope.toFixed(3)}; ` +
        `out-of-scope answered confidently ${pct(cal.outOfScopeAnsweredConfidently).trim()}`,
    );
  }
  if (showMistakes) {
    console.log(`\nmistakes`);
    for (const m of report.mistakes) console.log(`  ${m.expected} -> ${m.predicted} (${m.confidence.toFixed(2)}): ${m.utterance}`);
  }
}

const summary = (report: EvaluationReport | null, cal: Calibration | null) =>
  report && cal
    ? {
        examples: report.examples,
        accuracy: report.accuracy,
        macroF1: report.macroF1,
        outOfScopeAnsweredConfidently: cal.outOfScopeAnsweredConfidently,
        eceInScope: cal.eceInScope,
        eceOutOfScope: cal.eceOutOfScope,
      }
    : null;

if (flags.json) {
  console.log(
    JSON.stringify(
      {
        heldout: { ...heldoutReport, ...heldoutCalibration, mistakes: flags.mistakes ? heldoutReport.mistakes : undefined },
        shared: sharedReport ? { ...sharedReport, ...sharedCalibration, mistakes: undefined } : null,
        crossShop: crossReport ? { ...crossReport, ...crossCalibration, mistakes: undefined, shops: shops.map((s) => s.name) } : null,
        summary: {
          ownHeldout: summary(heldoutReport, heldoutCalibration),
          shared: summary(sharedReport, sharedCalibration),
          crossShop: summary(crossReport, crossCalibration),
        },
        microsecondsPerMessage,
        modelFeatures: modelFile.featureCount,
        macroF1Floor,
        crossShopFloor,
        passed,
      },
      null,
      2,
    ),
  );
} else {
  printReport(`own held-out (${flags.file}${ownFile ? ", demo store lexicon" : ""})`, heldoutReport, heldoutCalibration);
  if (sharedReport) printReport("shared public data, evaluation split (no shop lexicon)", sharedReport, sharedCalibration);
  if (crossReport) printReport(`cross-shop (${shops.map((s) => s.name).join(", ")}; each with its own lexicon)`, crossReport, crossCalibration, false);
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  console.log(`\n${"".padEnd(14)}${"macro-F1".padStart(9)}${"accuracy".padStart(10)}${"OOS answered".padStart(14)}${"ECE in".padStart(8)}${"ECE out".padStart(9)}`);
  for (const [name, report, cal] of [
    ["own held-out", heldoutReport, heldoutCalibration],
    ["shared split", sharedReport, sharedCalibration],
    ["cross-shop", crossReport, crossCalibration],
  ] as const) {
    if (!report || !cal) continue;
    console.log(
      `${name.padEnd(14)}${report.macroF1.toFixed(3).padStart(9)}${pct(report.accuracy).padStart(10)}${pct(cal.outOfScopeAnsweredConfidently).padStart(14)}` +
        `${cal.eceInScope.toFixed(3).padStart(8)}${cal.eceOutOfScope.toFixed(3).padStart(9)}`,
    );
  }
  console.log(`\nlatency: ${microsecondsPerMessage.toFixed(1)} µs per message (${modelFile.featureCount} features)`);
  console.log(
    passed
      ? `PASS: own held-out macro-F1 >= ${macroF1Floor}, cross-shop macro-F1 >= ${crossShopFloor}`
      : `FAIL: own held-out macro-F1 < ${macroF1Floor} or cross-shop macro-F1 < ${crossShopFloor}`,
  );
}
process.exitCode = passed ? 0 : 1;
