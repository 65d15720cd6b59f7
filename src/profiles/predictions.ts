// Predictive figures for a customer from their order history (docs/profiles.md "Predictions"): pure, deterministic.
//
// Method "rfm-poisson-v1": orders are a Poisson process whose mean gap is the customer's own average gap,
// shrunk towards a store-wide prior gap (one pseudo-gap) so a one-order customer gets a sensible rate.
//   gap          = (sum of observed gaps + PRIOR_GAP_DAYS) / (number of gaps + 1)
//   churnRisk    = 1 − exp(−daysSinceLastOrder / gap)   (how unlikely this long a silence is for an active buyer)
//   nextOrderAt  = lastOrderAt + gap
//   predicted    = averageOrderValue × (HORIZON_DAYS / gap) × (1 − churnRisk)   (spend in the next year)
//   lifetimeValue = historic spend + predicted
// Cancelled and voided or fully refunded orders don't count.

import type { Order } from "../integrations/types.ts";

export const PREDICTION_METHOD = "rfm-poisson-v1";
export const PRIOR_GAP_DAYS = 90;
export const HORIZON_DAYS = 365;
const DAY = 86_400_000;

export interface OrderFact {
  createdAt: string;
  total: number;
  cancelled: boolean;
  financialStatus: string;
}

export interface Predictions {
  lifetimeValue: number;
  historicValue: number;
  predictedValue: number;
  orderCount: number;
  averageOrderValue: number;
  churnRisk: number;
  expectedNextOrderAt: string | null;
  averageDaysBetweenOrders: number | null;
  lastOrderAt: string | null;
  currency: string | null;
  method: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function countsAsPurchase(o: OrderFact): boolean {
  return !o.cancelled && o.financialStatus !== "voided" && o.financialStatus !== "refunded" && o.financialStatus !== "expired";
}

export function predict(orders: readonly OrderFact[], now: number, currency: string | null = null): Predictions {
  const bought = orders
    .filter(countsAsPurchase)
    .map((o) => ({ at: Date.parse(o.createdAt), total: o.total }))
    .filter((o) => Number.isFinite(o.at))
    .sort((a, b) => a.at - b.at);
  const empty: Predictions = {
    lifetimeValue: 0,
    historicValue: 0,
    predictedValue: 0,
    orderCount: 0,
    averageOrderValue: 0,
    churnRisk: 0,
    expectedNextOrderAt: null,
    averageDaysBetweenOrders: null,
    lastOrderAt: null,
    currency,
    method: PREDICTION_METHOD,
  };
  const first = bought[0];
  const last = bought[bought.length - 1];
  if (!first || !last) return empty;
  const historic = bought.reduce((sum, o) => sum + o.total, 0);
  const aov = historic / bought.length;
  const observedGapDays = (last.at - first.at) / DAY;
  const gap = (observedGapDays + PRIOR_GAP_DAYS) / (bought.length - 1 + 1);
  const recencyDays = Math.max(0, (now - last.at) / DAY);
  const churnRisk = 1 - Math.exp(-recencyDays / gap);
  const predicted = aov * (HORIZON_DAYS / gap) * (1 - churnRisk);
  return {
    lifetimeValue: round2(historic + predicted),
    historicValue: round2(historic),
    predictedValue: round2(predicted),
    orderCount: bought.length,
    averageOrderValue: round2(aov),
    churnRisk: Math.round(churnRisk * 1000) / 1000,
    expectedNextOrderAt: new Date(last.at + gap * DAY).toISOString(),
    averageDaysBetweenOrders: Math.round(gap * 10) / 10,
    lastOrderAt: new Date(last.at).toISOString(),
    currency,
    method: PREDICTION_METHOD,
  };
}

/** The predictions for a customer's orders as a store gives them. */
export function predictionsFrom(orders: readonly Order[], now: number): Predictions {
  return predict(
    orders.map((o) => ({ createdAt: o.createdAt, total: o.total.amount, cancelled: o.cancelledAt !== null, financialStatus: o.financialStatus })),
    now,
    orders[0]?.total.currency ?? null,
  );
}
