// The router's model.json format: a multinomial logistic regression over hashed features, weights packed as int8.
import { extractFeatures } from "./features.ts";
import type { FeatureConfig } from "./features.ts";
import { skillIds } from "./skills.ts";
import type { SkillId } from "./skills.ts";

export const modelFormat = "edgedesk-router-logreg/1";

/** What `scripts/train-router.ts` writes and the offline router reads. */
export interface RouterModelFile {
  readonly format: typeof modelFormat;
  readonly labels: readonly string[];
  readonly features: FeatureConfig;
  /** Logits are divided by this before the softmax (fitted on the dev set for calibration). */
  readonly temperature: number;
  readonly bias: readonly number[];
  /** weight = int8 * weightScale. */
  readonly weightScale: number;
  readonly featureCount: number;
  /** Sorted bucket ids, delta-encoded as LEB128 varints, base64. */
  readonly buckets: string;
  /** featureCount × labels.length int8 weights, row per feature, base64. */
  readonly weights: string;
  readonly trainedOn: Readonly<Record<string, number | string>>;
}

/** A model ready to score: a bucket → row lookup and dequantised weights. */
export interface RouterModel {
  readonly labels: readonly SkillId[];
  readonly features: FeatureConfig;
  readonly temperature: number;
  readonly bias: Float64Array;
  readonly rowOf: ReadonlyMap<number, number>;
  readonly weights: Float32Array;
}

const base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 without Buffer/atob so the same code runs in workerd, Node and the trainer. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    out += base64Alphabet.charAt((n >> 18) & 63) + base64Alphabet.charAt((n >> 12) & 63);
    out += i + 1 < bytes.length ? base64Alphabet.charAt((n >> 6) & 63) : "=";
    out += i + 2 < bytes.length ? base64Alphabet.charAt(n & 63) : "=";
  }
  return out;
}

export function decodeBase64(text: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < base64Alphabet.length; i++) lookup[base64Alphabet.charCodeAt(i)] = i;
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = lookup[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error("model.json: invalid base64");
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

export function encodeSortedBuckets(sorted: readonly number[]): string {
  const bytes: number[] = [];
  let previous = 0;
  for (const bucket of sorted) {
    let delta = bucket - previous;
    previous = bucket;
    do {
      let byte = delta & 0x7f;
      delta >>>= 7;
      if (delta !== 0) byte |= 0x80;
      bytes.push(byte);
    } while (delta !== 0);
  }
  return encodeBase64(Uint8Array.from(bytes));
}

export function decodeSortedBuckets(text: string, count: number): number[] {
  const bytes = decodeBase64(text);
  const out: number[] = [];
  let previous = 0;
  let i = 0;
  while (out.length < count) {
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[i++] ?? 0;
      delta |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    previous += delta;
    out.push(previous);
  }
  return out;
}

/** Unpacks model.json; throws if the file does not match the skills this build knows. */
export function loadRouterModel(file: RouterModelFile): RouterModel {
  if (file.format !== modelFormat) throw new Error(`model.json: unknown format ${String(file.format)}`);
  const labels = file.labels.map((label) => {
    const skill = skillIds.find((id) => id === label);
    if (!skill) throw new Error(`model.json: unknown skill ${label}`);
    return skill;
  });
  const k = labels.length;
  const buckets = decodeSortedBuckets(file.buckets, file.featureCount);
  const raw = decodeBase64(file.weights);
  if (raw.length !== file.featureCount * k) throw new Error("model.json: weight matrix has the wrong size");
  const weights = new Float32Array(raw.length);
  const signed = new Int8Array(raw.buffer, raw.byteOffset, raw.length);
  for (let i = 0; i < signed.length; i++) weights[i] = (signed[i] ?? 0) * file.weightScale;
  const rowOf = new Map<number, number>();
  buckets.forEach((bucket, row) => rowOf.set(bucket, row));
  return {
    labels,
    features: file.features,
    temperature: file.temperature,
    bias: Float64Array.from(file.bias),
    rowOf,
    weights,
  };
}

/** Probabilities for each of the model's labels for one message read on its own. */
export function skillProbabilities(model: RouterModel, text: string): Float64Array {
  const k = model.labels.length;
  const logits = Float64Array.from(model.bias);
  const { buckets, values } = extractFeatures(text, model.features);
  for (let i = 0; i < buckets.length; i++) {
    const row = model.rowOf.get(buckets[i] ?? -1);
    if (row === undefined) continue;
    const value = values[i] ?? 0;
    const offset = row * k;
    for (let j = 0; j < k; j++) logits[j] = (logits[j] ?? 0) + value * (model.weights[offset + j] ?? 0);
  }
  let max = -Infinity;
  for (let j = 0; j < k; j++) max = Math.max(max, (logits[j] ?? 0) / model.temperature);
  let sum = 0;
  const probabilities = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const p = Math.exp((logits[j] ?? 0) / model.temperature - max);
    probabilities[j] = p;
    sum += p;
  }
  for (let j = 0; j < k; j++) probabilities[j] = (probabilities[j] ?? 0) / sum;
  return probabilities;
}

