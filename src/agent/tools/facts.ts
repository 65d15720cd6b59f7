// Provider records turned into the plain facts tools return: only what the shopper may see, money and dates already in words.
import { canEditOrder, formatDay, formatMoney, itemsSummary, orderStage, orderStatusSentence, stageLabels } from "../orders.ts";
import type { Order, Product } from "../../integrations/types.ts";

export interface OrderFacts {
  id: string;
  name: string;
  number: string;
  placedOn: string;
  stage: string;
  statusLabel: string;
  /** One or two sentences on where the order is. */
  summary: string;
  items: string[];
  total: string;
  canEdit: boolean;
  shipments: { carrier: string | null; trackingNumber: string | null; trackingUrl: string | null; status: string; expectedOn: string | null; deliveredOn: string | null }[];
  statusPageUrl: string | null;
  customerEmail: string | null;
}

export function orderFacts(order: Order): OrderFacts {
  return {
    id: order.id,
    name: order.name,
    number: order.number,
    placedOn: formatDay(order.createdAt),
    stage: orderStage(order),
    statusLabel: stageLabels[orderStage(order)],
    summary: orderStatusSentence(order),
    items: order.lineItems.map((li) => itemsSummary({ lineItems: [li] })),
    total: formatMoney(order.total),
    canEdit: canEditOrder(order),
    shipments: order.shipments.map((s) => ({
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      trackingUrl: s.trackingUrl,
      status: s.status,
      expectedOn: s.estimatedDeliveryAt ? formatDay(s.estimatedDeliveryAt) : null,
      deliveredOn: s.deliveredAt ? formatDay(s.deliveredAt) : null,
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
  url: string;
  imageUrl: string | null;
  available: boolean;
}

export function productFacts(p: Product): ProductFacts {
  return { id: p.id, title: p.title, description: p.description, price: formatMoney({ amount: p.price, currency: p.currency }), url: p.url, imageUrl: p.imageUrl, available: p.available };
}
