// The router's model.json format: a multinomial logistic regression over hashed features, weights packed as int8.
import { z } from "zod";

import { extractFeatures, normalizeUtterance } from "./features.ts";
import { articleEvidence, defaultLexicon, markProducts } from "./lexicon.ts";
import type { ShopLexicon } from "./lexicon.ts";
import type { FeatureConfig } from "./features.ts";
import { skillIds } from "./skills.ts";
import type { SkillId } from "./skills.ts";

export const modelFormat = "edgedesk-router-logreg/1";

const featureConfigSchema = z.object({
  hashBits: z.number().int().min(8).max(30),
  charNgramMin: z.number().int().min(1),
  charNgramMax: z.number().int().min(1),
  wordWeight: z.number(),
  bigramWeight: z.number(),
  charWeight: z.number(),
  lengthWeight: z.number(),
  stemWeight: z.number(),
  markProducts: z.boolean().optional(),
}) satisfies z.ZodType<FeatureConfig>;

/** What `scripts/train-router.ts` writes and the offline router reads. */
export const routerModelFileSchema = z.object({
  format: z.literal(modelFormat),
  labels: z.array(z.string()),
  features: featureConfigSchema,
  /** Logits are divided by this before the softmax. */
  temperature: z.number().positive(),
  /** Chosen on the dev set: added to the logit of "other" (out-of-scope) and, times each skill's article evidence, to that skill. */
  decision: z.object({ otherOffset: z.number(), articleWeight: z.number() }).optional(),
  bias: z.array(z.number()),
  /** weight = int8 * weightScale. */
  weightScale: z.number().positive(),
  featureCount: z.number().int().nonnegative(),
  /** Sorted bucket ids, delta-encoded as LEB128 varints, base64. */
  buckets: z.string(),
  /** featureCount × labels.length int8 weights, row per feature, base64. */
  weights: z.string(),
  /** featureCount uint8 IDF values (idf = byte * idfScale), base64. */
  idf: z.string(),
  idfScale: z.number().positive(),
  /** The IDF of a feature never seen in training (the rarest possible). */
  unseenIdf: z.number().positive(),
  trainedOn: z.record(z.string(), z.union([z.number(), z.string()])),
});

export type RouterModelFile = z.infer<typeof routerModelFileSchema>;

/** A model ready to score: a bucket → row lookup and dequantised weights. */
export interface RouterModel {
  readonly labels: readonly SkillId[];
  readonly features: FeatureConfig;
  readonly temperature: number;
  readonly otherOffset: number;
  readonly articleWeight: number;
  readonly bias: Float64Array;
  readonly rowOf: ReadonlyMap<number, number>;
  readonly weights: Float32Array;
  readonly idf: Float32Array;
  readonly unseenIdf: number;
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
    acc = ((acc << 6) | v) & 0xffffff; // only the last few bits are still unread
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
    if (i > bytes.length) throw new Error("model.json: bucket list is shorter than featureCount");
    previous += delta;
    out.push(previous);
  }
  return out;
}

/** Checks and unpacks model.json; throws if the file does not match this build's format or skills. */
export function loadRouterModel(json: unknown): RouterModel {
  const file = routerModelFileSchema.parse(json);
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
  const idfBytes = decodeBase64(file.idf);
  if (idfBytes.length !== file.featureCount) throw new Error("model.json: IDF table has the wrong size");
  const idf = Float32Array.from(idfBytes, (b) => b * file.idfScale);
  const rowOf = new Map<number, number>();
  buckets.forEach((bucket, row) => rowOf.set(bucket, row));
  return {
    labels,
    features: file.features,
    temperature: file.temperature,
    otherOffset: file.decision?.otherOffset ?? 0,
    articleWeight: file.decision?.articleWeight ?? 0,
    bias: Float64Array.from(file.bias),
    rowOf,
    weights,
    idf,
    unseenIdf: file.unseenIdf,
  };
}

/** The model's raw scores for one message (before the decision offsets and the temperature). */
export function skillLogits(model: RouterModel, text: string, lexicon?: ShopLexicon): Float64Array {
  const k = model.labels.length;
  const logits = Float64Array.from(model.bias);
  const idfOf = (bucket: number): number => {
    const row = model.rowOf.get(bucket);
    return row === undefined ? model.unseenIdf : (model.idf[row] ?? model.unseenIdf);
  };
  const transform = model.features.markProducts ? (tokens: string[]) => markProducts(tokens, lexicon ?? defaultLexicon()) : undefined;
  const { buckets, values } = extractFeatures(text, model.features, idfOf, transform);
  for (let i = 0; i < buckets.length; i++) {
    const row = model.rowOf.get(buckets[i] ?? -1);
    if (row === undefined) continue;
    const value = values[i] ?? 0;
    const offset = row * k;
    for (let j = 0; j < k; j++) logits[j] = (logits[j] ?? 0) + value * (model.weights[offset + j] ?? 0);
  }
  return logits;
}

/** What the shop's help-centre titles add to each skill's logit for this message (zero without articles). */
export function articleBoosts(model: RouterModel, text: string, lexicon: ShopLexicon | undefined): Float64Array {
  const boosts = new Float64Array(model.labels.length);
  if (!lexicon || model.articleWeight === 0 || lexicon.articles.length === 0) return boosts;
  for (const [skill, score] of articleEvidence(normalizeUtterance(text), lexicon)) {
    const j = model.labels.indexOf(skill);
    if (j >= 0) boosts[j] = model.articleWeight * score;
  }
  return boosts;
}

/** Softmax of logits / temperature. */
export function softmax(logits: ArrayLike<number>, temperature: number): Float64Array {
  const k = logits.length;
  let max = -Infinity;
  for (let j = 0; j < k; j++) max = Math.max(max, (logits[j] ?? 0) / temperature);
  let sum = 0;
  const probabilities = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const p = Math.exp((logits[j] ?? 0) / temperature - max);
    probabilities[j] = p;
    sum += p;
  }
  for (let j = 0; j < k; j++) probabilities[j] = (probabilities[j] ?? 0) / sum;
  return probabilities;
}

/** Calibrated probabilities for each of the model's labels for one message read on its own, given the shop's lexicon. */
export function skillProbabilities(model: RouterModel, text: string, lexicon?: ShopLexicon): Float64Array {
  const logits = skillLogits(model, text, lexicon);
  const boosts = articleBoosts(model, text, lexicon);
  const other = model.labels.indexOf("other");
  for (let j = 0; j < logits.length; j++) logits[j] = (logits[j] ?? 0) + (boosts[j] ?? 0) + (j === other ? model.otherOffset : 0);
  return softmax(logits, model.temperature);
}
