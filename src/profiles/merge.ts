// Rules for merging two profiles of one person: who survives and how their segments and consent combine.

type Consent = "unknown" | "opted_in" | "opted_out";

/** The oldest profile survives (ties: the smaller id), so the choice never depends on which identifier came first. */
export function survivorOf<P extends { id: string; createdAt: number }>(candidates: readonly P[]): P {
  const [first, ...rest] = candidates;
  if (!first) throw new Error("survivorOf needs at least one profile");
  return rest.reduce((best, p) => (p.createdAt < best.createdAt || (p.createdAt === best.createdAt && p.id < best.id) ? p : best), first);
}

/** An opt-out on either side wins (sending to someone who said STOP is the costly mistake), then an opt-in. */
export function mergedConsent(a: Consent, b: Consent): Consent {
  if (a === "opted_out" || b === "opted_out") return "opted_out";
  if (a === "opted_in" || b === "opted_in") return "opted_in";
  return "unknown";
}

export function mergedSegments(a: string, b: string): string[] {
  const parse = (raw: string): string[] => {
    try {
      const v: unknown = JSON.parse(raw);
      return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
    } catch {
      return [];
    }
  };
  return [...new Set([...parse(a), ...parse(b)])];
}
