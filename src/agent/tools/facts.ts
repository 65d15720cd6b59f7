// Provider records turned into the plain facts tools return: only what the shopper may see, money and dates already in words (in the shopper's language).
import { canEditOrder, formatMoney, itemsSummary, leadShipment, orderStage, type OrderStage } from "../orders.ts";
import { formatDay, t, type Lang } from "../i18n/index.ts";
import type { Order, Product } from "../../integrations/types.ts";

export interface OrderFacts {
  id: string;
  name: string;
  number: string;
  placedOn: string;
  stage: OrderStage;
  /** The stage in the shopper's words; the order card shows the same label. */
  statusLabel: string;
  /** One or two sentences on where the order is. */
  summary: string;
  items: string[];
  total: string;
  canEdit: boolean;
  /** The lead shipment's expected date has passed and it isn't delivered. */
  overdue: boolean;
  shipments: { carrier: string | null; trackingNumber: string | null; trackingUrl: string | null; status: string; expectedOn: string | null; deliveredOn: string | null }[];
  statusPageUrl: string | null;
  customerEmail: string | null;
}

/** Where the order is, in one or two sentences, only from the order's own fields. */
export function orderStatusText(order: Order, lang: Lang): string {
  const stage = orderStage(order);
  const lead = leadShipment(order);
  const day = (iso: string) => formatDay(iso, lang);
  const carrier = lead?.carrier ? t(lang, "status.piece.with", { carrier: lead.carrier }) : "";
  const eta = lead?.estimatedDeliveryAt ? t(lang, "status.piece.expected", { date: day(lead.estimatedDeliveryAt) }) : "";
  const tracking = lead?.trackingNumber ? t(lang, "status.piece.tracking", { tracking: lead.trackingNumber }) : "";
  const partly = order.fulfillmentStatus === "partially_fulfilled" ? t(lang, "status.piece.partly") : "";
  const vars = { order: order.name, carrier, eta, tracking, partly };
  switch (stage) {
    case "cancelled":
      return t(lang, "status.cancelled", { ...vars, date: day(order.cancelledAt ?? order.createdAt) });
    case "delivered":
      return t(lang, "status.delivered", { ...vars, on: lead?.deliveredAt ? t(lang, "status.piece.on", { date: day(lead.deliveredAt) }) : "" });
    case "delivery_problem":
      return t(lang, "status.delivery_problem", {
        ...vars,
        carrierName: lead?.carrier ?? t(lang, "status.piece.theCarrier"),
        next: lead?.estimatedDeliveryAt ? t(lang, "status.piece.nextAttempt", { date: day(lead.estimatedDeliveryAt) }) : "",
      });
    case "not_shipped":
      return t(lang, "status.not_shipped", { ...vars, date: day(order.createdAt) });
    default:
      return t(lang, `status.${stage}`, vars);
  }
}

export function orderFacts(order: Order, lang: Lang, now = Date.now()): OrderFacts {
  const stage = orderStage(order);
  const lead = leadShipment(order);
  const eta = lead?.estimatedDeliveryAt ? Date.parse(lead.estimatedDeliveryAt) : NaN;
  return {
    id: order.id,
    name: order.name,
    number: order.number,
    placedOn: formatDay(order.createdAt, lang),
    stage,
    statusLabel: t(lang, `stage.${stage}`),
    summary: orderStatusText(order, lang),
    items: order.lineItems.map((li) => itemsSummary({ lineItems: [li] })),
    total: formatMoney(order.total),
    canEdit: canEditOrder(order),
    overdue: ["in_transit", "preparing", "delivery_problem"].includes(stage) && Number.isFinite(eta) && eta < now - 12 * 3_600_000,
    shipments: order.shipments.map((s) => ({
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      trackingUrl: s.trackingUrl,
      status: s.status,
      expectedOn: s.estimatedDeliveryAt ? formatDay(s.estimatedDeliveryAt, lang) : null,
      deliveredOn: s.deliveredAt ? formatDay(s.deliveredAt, lang) : null,
    })),
    statusPageUrl: order.statusPageUrl,
    customerEmail: order.customerEmail,
  };
}

export interface ProductFacts {
  id: string;
  title: string;
  description: string;
  price: string;
  /** The price as a number, to hold a budget ("under $50") exactly. */
  amount: number;
  url: string;
  imageUrl: string | null;
  available: boolean;
  /** When the store expects it back in stock; null when it doesn't know. */
  restockOn: string | null;
}

export function productFacts(p: Product, lang: Lang): ProductFacts {
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    price: formatMoney({ amount: p.price, currency: p.currency }),
    amount: p.price,
    url: p.url,
    imageUrl: p.imageUrl,
    available: p.available,
    restockOn: !p.available && p.restockAt ? formatDay(p.restockAt, lang) : null,
  };
}
