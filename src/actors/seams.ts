// What an actor takes from its surroundings besides env: the clock and how outside services are reached.
// Production uses the defaults; tests running in the same isolate replace them per actor id.
import type { ProvidersForOptions } from "../integrations/registry.ts";
import { systemClock, type Clock } from "../lib/clock.ts";

export interface Seams {
  clock: Clock;
  /** Outside calls (Zendesk, Gorgias, the shop's store, Twilio, Meta): a fake fetch in tests. */
  integrations: ProvidersForOptions;
  /** The D1 database the actor writes its index to (tests break it to prove retries). */
  d1: D1Database | null;
  /** The outbound webhook queue (tests break it to prove the outbox keeps events). */
  webhookQueue: Queue | null;
}

const overrides = new Map<string, Partial<Seams>>();

/** The seams of the actor with this id (read on every use, so a test's replacement applies at once). */
export function seamsOf(id: DurableObjectId): Seams {
  const o = overrides.get(id.toString());
  return { clock: o?.clock ?? systemClock, integrations: o?.integrations ?? {}, d1: o?.d1 ?? null, webhookQueue: o?.webhookQueue ?? null };
}

/** Tests: replace some seams of one actor (merged with earlier replacements). */
export function replaceSeams(id: DurableObjectId, seams: Partial<Seams>): void {
  const key = id.toString();
  overrides.set(key, { ...overrides.get(key), ...seams });
}
