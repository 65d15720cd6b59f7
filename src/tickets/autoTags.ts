// AI auto-tagging as a pure rule (docs/product.md): the router's skill, words in the first message and the customer's segments give a ticket its AI tags.
import type { SkillId } from "../agent/router/skills.ts";

/** Below this the router is guessing; its skill is not worth a tag. */
export const SKILL_TAG_CONFIDENCE = 0.4;

/** Not topics: "other" is no skill, and asking for a person is what a handoff tag already says. */
const UNTAGGED_SKILLS: ReadonlySet<SkillId> = new Set(["other", "handoff"]);

/** Words that earn a tag wherever they appear in the message (whole words, any case). */
export const KEYWORD_TAGS: readonly { tag: string; pattern: RegExp }[] = [
  { tag: "damaged", pattern: /\b(damaged|broken|broke|cracked|torn|ripped|defective|faulty|dented|shattered)\b/i },
  { tag: "refund", pattern: /\b(refunds?|refunded|money back|reimburse(?:d|ment)?|chargeback)\b/i },
  { tag: "wrong-item", pattern: /\bwrong (item|size|colou?r|product|order)\b/i },
  { tag: "missing", pattern: /\b(never (arrived|came|received)|missing|lost (parcel|package))\b/i },
  { tag: "cancel", pattern: /\bcancel(l?ed|l?ing|lation)?\b/i },
  { tag: "urgent", pattern: /\b(urgent(ly)?|asap|immediately|right now)\b/i },
];

export interface AutoTagInput {
  skill: SkillId | null;
  confidence: number;
  text: string;
  segments: readonly string[];
  /** The account's allowed AI tags (lower case); empty = any tag this rule knows. */
  allowed: readonly string[];
}

export function autoTags(input: AutoTagInput): string[] {
  const tags: string[] = [];
  if (input.skill && !UNTAGGED_SKILLS.has(input.skill) && input.confidence >= SKILL_TAG_CONFIDENCE) tags.push(input.skill);
  for (const { tag, pattern } of KEYWORD_TAGS) if (pattern.test(input.text)) tags.push(tag);
  // A segment named like "vip" or "seg_vip" makes the customer a VIP; every segment's own name is not a tag.
  if (input.segments.some((s) => /(^|[^a-z])vip([^a-z]|$)/i.test(s))) tags.push("vip");
  const allowed = new Set(input.allowed.map((t) => t.trim().toLowerCase()));
  return [...new Set(tags)].filter((t) => allowed.size === 0 || allowed.has(t));
}

/** The tags an agent still sees as set by the AI: those still on the ticket. */
export function visibleAiTags(aiTags: readonly string[] | undefined, tags: readonly string[]): string[] {
  const on = new Set(tags.map((t) => t.toLowerCase()));
  return (aiTags ?? []).filter((t) => on.has(t.toLowerCase()));
}
