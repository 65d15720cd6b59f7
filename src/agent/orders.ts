// Order facts in the shopper's words: where an order is, whether it can still be changed, which one they mean, and the order numbers and emails they quote.
import type { Money, Order, Shipment } from "../integrations/types.ts";
import { questionWords, stem } from "../knowledge/retrieval.ts";

export function formatMoney(m: Money): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: m.currency }).format(m.amount);
  } catch {
    return `${m.amount.toFixed(2)} ${m.currency}`;
  }
}

/** "Nov 23" (UTC); the store's own dates are calendar days. */
export function formatDay(isoTime: string): string {
  const d = new Date(isoTime.length === 10 ? `${isoTime}T00:00:00Z` : isoTime);
  if (Number.isNaN(d.getTime())) return isoTime;
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(d);
}

/** Before fulfilment only (docs/product.md §4 order editing): nothing packed, nothing shipped, not cancelled. */
export function canEditOrder(order: Pick<Order, "cancelledAt" | "fulfillmentStatus">): boolean {
  return order.cancelledAt === null && order.fulfillmentStatus === "unfulfilled";
}

export type OrderStage = "cancelled" | "delivered" | "out_for_delivery" | "delivery_problem" | "in_transit" | "ready_for_pickup" | "preparing" | "on_hold" | "not_shipped";

const shipmentRank: Record<Shipment["status"], number> = {
  failure: 0,
  cancelled: 0,
  confirmed: 1,
  label_printed: 1,
  in_transit: 2,
  attempted_delivery: 3,
  out_for_delivery: 3,
  ready_for_pickup: 3,
  delivered: 4,
  picked_up: 4,
};

/** The shipment that says most about where the order is (the least advanced live one). */
export function leadShipment(order: Pick<Order, "shipments">): Shipment | undefined {
  const live = order.shipments.filter((s) => s.status !== "cancelled");
  return [...live].sort((a, b) => shipmentRank[a.status] - shipmentRank[b.status])[0];
}

export function orderStage(order: Pick<Order, "cancelledAt" | "fulfillmentStatus" | "shipments">): OrderStage {
  if (order.cancelledAt !== null) return "cancelled";
  if (order.fulfillmentStatus === "on_hold") return "on_hold";
  const lead = leadShipment(order);
  if (!lead) return order.fulfillmentStatus === "unfulfilled" || order.fulfillmentStatus === "scheduled" ? "not_shipped" : "preparing";
  switch (lead.status) {
    case "delivered":
    case "picked_up":
      return order.fulfillmentStatus === "partially_fulfilled" ? "in_transit" : "delivered";
    case "out_for_delivery":
      return "out_for_delivery";
    case "attempted_delivery":
    case "failure":
      return "delivery_problem";
    case "ready_for_pickup":
      return "ready_for_pickup";
    case "in_transit":
      return "in_transit";
    case "confirmed":
    case "label_printed":
    case "cancelled":
      return "preparing";
  }
}

export const stageLabels: Record<OrderStage, string> = {
  cancelled: "Cancelled",
  delivered: "Delivered",
  out_for_delivery: "Out for delivery",
  delivery_problem: "Delivery attempted",
  in_transit: "In transit",
  ready_for_pickup: "Ready for pickup",
  preparing: "Preparing to ship",
  on_hold: "On hold",
  not_shipped: "Not shipped yet",
};

export function itemsSummary(order: Pick<Order, "lineItems">): string {
  return order.lineItems.map((li) => `${li.quantity} × ${li.title}${li.variantTitle ? ` (${li.variantTitle})` : ""}`).join(", ");
}

/** One or two sentences on where the order is, only from the order's own fields. */
export function orderStatusSentence(order: Order): string {
  const stage = orderStage(order);
  const lead = leadShipment(order);
  const carrier = lead?.carrier ? ` with ${lead.carrier}` : "";
  const eta = lead?.estimatedDeliveryAt ? `, expected ${formatDay(lead.estimatedDeliveryAt)}` : "";
  const tracking = lead?.trackingNumber ? ` The tracking number is ${lead.trackingNumber}.` : "";
  const partly = order.fulfillmentStatus === "partially_fulfilled" ? " Part of the order has shipped; the rest will follow in a separate parcel." : "";
  switch (stage) {
    case "cancelled":
      return `Order ${order.name} was cancelled on ${formatDay(order.cancelledAt ?? order.createdAt)}.`;
    case "delivered":
      return `Order ${order.name} was delivered${lead?.deliveredAt ? ` on ${formatDay(lead.deliveredAt)}` : ""}${carrier}.${tracking}`;
    case "out_for_delivery":
      return `Order ${order.name} is out for delivery today${carrier}.${tracking}${partly}`;
    case "delivery_problem":
      return `${lead?.carrier ?? "The carrier"} tried to deliver order ${order.name} but couldn't${lead?.estimatedDeliveryAt ? `; the next attempt is expected ${formatDay(lead.estimatedDeliveryAt)}` : ""}.${tracking}`;
    case "in_transit":
      return `Order ${order.name} is on its way${carrier}${eta}.${tracking}${partly}`;
    case "ready_for_pickup":
      return `Order ${order.name} is ready for pickup${carrier}.${tracking}`;
    case "preparing":
      return `Order ${order.name} is being prepared: the shipping label is ready${carrier}${eta}.${tracking}${partly}`;
    case "on_hold":
      return `Order ${order.name} is on hold and hasn't shipped yet.`;
    case "not_shipped":
      return `Order ${order.name} was placed on ${formatDay(order.createdAt)} and hasn't shipped yet.`;
  }
}

/** The order a shopper most likely means by "my order": the newest one still on its way, else the newest. */
export function orderOfInterest(orders: readonly Order[]): Order | undefined {
  const newest = [...orders].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return newest.find((o) => !["cancelled", "delivered"].includes(orderStage(o))) ?? newest[0];
}

/** The newest delivered (or partly delivered) order, preferring one with an item the shopper named ("my boots"): what a return is most likely about. */
export function returnableOrder(orders: readonly Order[], about = ""): Order | undefined {
  const delivered = [...orders]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .filter((o) => o.cancelledAt === null && o.shipments.some((s) => s.status === "delivered" || s.status === "picked_up"));
  const wanted = new Set(questionWords(about).map(stem));
  const named = delivered.find((o) => o.lineItems.some((li) => questionWords(li.title).some((w) => wanted.has(stem(w)))));
  return named ?? delivered[0];
}

const emailPattern = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";

// "Order" in the shopper's language, and the words for "number" that go with it ("número de pedido", "Bestellnr.").
const orderWord = String.raw`(?:order|pedido|encomienda|compra|bestellung|bestellnummer|bestellnr|commande|ordine|bestelling|bestelnummer|encomenda)`;
const numberWord = String.raw`(?:number|num(?:ber)?|no|nr|nummer|n[°ºo]|n|número|numero|numéro|id)`;
// "is" between the words and the number: "my order number is 1042", "mi pedido es el 1042", "il mio ordine è 1042".
const copula = String.raw`(?:is|was|es|el|est|le|ist|è|é|o|:)`;

// Bare numbers count only as 3–8 digits, so a phone number isn't taken for an order number.
const orderNumberPatterns = [
  /#\s?(\d{3,12})\b/,
  new RegExp(String.raw`(?<![\p{L}])${orderWord}\s*(?:${numberWord}\.?\s*)?(?:${copula}\s*)*#?\s*(\d{3,12})\b`, "iu"),
  // "número de pedido 1042", "numéro de commande : 1042", "n° de commande 1042".
  new RegExp(String.raw`(?<![\p{L}])${numberWord}\.?\s*(?:de|del|di|van|da|do)\s+(?:la\s+|l'|mi\s+|ma\s+|mijn\s+)?${orderWord}\s*(?:${copula}\s*)*#?\s*(\d{3,12})\b`, "iu"),
  // "n°1038", "nº 1038", "Nr. 1038", "No. 1038".
  /(?<![\p{L}])(?:n[°º]|nr\.?|no\.)\s*(\d{3,12})\b/iu,
  /\b(?:it'?s|its|it is|number is|number)\s+#?(\d{3,8})\b/i,
  new RegExp(`^\\s*(\\d{3,8})\\s*(?:[,;.!]|$|(?:and\\s+)?${emailPattern})`),
  new RegExp(`${emailPattern}\\s*(?:,|and)?\\s*#?(\\d{3,8})\\s*[.!]?\\s*$`),
];

/**
 * The order number a message quotes, without the #: "#1042", "order 1042", "my order number is 1042", "pedido 1042",
 * "Bestellung Nr. 1042", "n°1042", "numéro de commande 1042", or just "1042".
 */
export function orderNumberIn(text: string): string | null {
  for (const p of orderNumberPatterns) {
    const m = p.exec(text);
    if (m?.[1]) return m[1];
  }
  return null;
}

export function emailIn(text: string): string | null {
  const m = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.exec(text);
  return m ? m[0].toLowerCase() : null;
}

/** The most recent order number and email the shopper wrote, newest message first. */
export function latestMention<T>(texts: readonly string[], find: (text: string) => T | null): T | null {
  for (let i = texts.length - 1; i >= 0; i--) {
    const found = find(texts[i] ?? "");
    if (found !== null) return found;
  }
  return null;
}

const fillerWords = new Set(
  ("a an and are as email e-mail address for here here's hi hello hey i i'm is it it's its mail my no number of oops ok okay order please " +
    "sorry sure thanks thank that's the there this thx used was with yeah yep yes you " +
    // The same in the other languages the agent speaks.
    "mi mis es el la de del y correo pedido número numero compra hola gracias sí si vale " +
    "ma mon mes est le numéro commande courriel adresse bonjour merci oui voici c'est et " +
    "mein meine meiner ist die der nr nummer bestellung bestellnummer hallo danke ja und hier " +
    "il mio è ordine ciao grazie ecco e di " +
    "o meu minha é encomenda olá obrigado obrigada sim aqui " +
    "mijn bestelling bestelnummer hoi bedankt dank en van n° nº").split(" "),
);

/** A message that only carries identification (an order number and/or an email), e.g. the answer to "what's your order number?". */
export function isIdentificationOnly(text: string): boolean {
  if (orderNumberIn(text) === null && emailIn(text) === null) return false;
  const rest = text
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, " ")
    .replace(/#?\d{3,12}/g, " ")
    .toLowerCase()
    .split(/[^\p{L}°º'-]+/u)
    .filter((w) => w && !fillerWords.has(w));
  return rest.length === 0;
}
