// Skill status (docs/product.md §4 skills page): Live once every prerequisite is met, Unavailable naming what is missing, Coming soon for skills not built yet.

export type SkillStatus = "live" | "unavailable" | "coming_soon";

export type Prerequisite =
  /** An integration that fills a provider slot (orders, catalog, returns, …). */
  | { type: "integration"; slot: string; missing: string }
  /** Knowledge-base content of one of these kinds; "*" accepts any article. */
  | { type: "content"; kinds: readonly string[] | "*"; missing: string };

export interface StatusInputs {
  /** Provider slots filled by the account's connected, valid integrations. */
  slots: ReadonlySet<string>;
  /** Article count per knowledge-base kind. */
  contentKinds: ReadonlyMap<string, number>;
}

export interface SkillStatusResult {
  status: SkillStatus;
  /** Present when unavailable or coming soon: what the shop would need to do (or that it isn't built yet). */
  reason?: string;
}

export function isMet(p: Prerequisite, have: StatusInputs): boolean {
  if (p.type === "integration") return have.slots.has(p.slot);
  if (p.kinds === "*") return [...have.contentKinds.values()].some((n) => n > 0);
  return p.kinds.some((k) => (have.contentKinds.get(k) ?? 0) > 0);
}

function sentence(parts: string[]): string {
  const [first, ...rest] = parts;
  if (first === undefined) return "";
  const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  if (rest.length === 0) return first;
  return `${first} and ${rest.map(lowerFirst).join(" and ")}`;
}

/** Skills cannot be switched off one by one: status follows from prerequisites alone. */
export function skillStatus(skill: { comingSoon?: boolean; prerequisites: readonly Prerequisite[] }, have: StatusInputs): SkillStatusResult {
  if (skill.comingSoon) return { status: "coming_soon", reason: "This skill is being built" };
  const missing = skill.prerequisites.filter((p) => !isMet(p, have)).map((p) => p.missing);
  if (missing.length === 0) return { status: "live" };
  return { status: "unavailable", reason: sentence(missing) };
}
