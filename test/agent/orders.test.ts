// Order facts in the shopper's words: stage, status sentence, editability, the order they mean, and the numbers and emails they quote.
import { describe, expect, it } from "vitest";

import {
  canEditOrder,
  emailIn,
  formatMoney,
  isIdentificationOnly,
  orderNumberIn,
  orderOfInterest,
  orderStage,
  orderStatusSentence,
  returnableOrder,
} from "../../src/agent/orders.ts";
import type { Order } from "../../src/integrations/types.ts";

function order(over: Partial<Order> & { number: string }): Order {
  return {
    id: `o_${over.number}`,
    name: `#${over.number}`,
    createdAt: "2026-11-10T10:00:00.000Z",
    financialStatus: "paid",
    fulfillmentStatus: "unfulfilled",
    cancelledAt: null,
    total: { amount: 189, currency: "USD" },
    lineItems: [{ id: "li1", title: "Ridgeline Rain Jacket", quantity: 1, variantTitle: "M / Moss" }],
    shipments: [],
    customerEmail: "sam@example.com",
    statusPageUrl: null,
    ...over,
  };
}

const inTransit = order({
  number: "1038",
  createdAt: "2026-11-15T10:00:00.000Z",
  fulfillmentStatus: "fulfilled",
  shipments: [{ carrier: "UPS", trackingNumber: "1Z999", trackingUrl: null, status: "in_transit", estimatedDeliveryAt: "2026-11-22T12:00:00.000Z" }],
});
const delivered = order({
  number: "1029",
  createdAt: "2026-10-20T10:00:00.000Z",
  fulfillmentStatus: "fulfilled",
  lineItems: [{ id: "li", title: "Switchback Hiking Boots", quantity: 1 }],
  shipments: [{ carrier: "USPS", trackingNumber: "94001", trackingUrl: null, status: "delivered", deliveredAt: "2026-10-25T12:00:00.000Z" }],
});
const deliveredTee = order({
  number: "1033",
  createdAt: "2026-11-01T10:00:00.000Z",
  fulfillmentStatus: "fulfilled",
  lineItems: [{ id: "li", title: "Basecamp Organic Cotton Tee", quantity: 2 }],
  shipments: [{ carrier: "USPS", trackingNumber: "94002", trackingUrl: null, status: "delivered", deliveredAt: "2026-11-05T12:00:00.000Z" }],
});
const cancelled = order({ number: "1031", createdAt: "2026-11-16T10:00:00.000Z", cancelledAt: "2026-11-16T11:00:00.000Z" });

describe("order stage and status sentence", () => {
  it("says where an order on its way is, with carrier, expected date and tracking number", () => {
    expect(orderStage(inTransit)).toBe("in_transit");
    expect(orderStatusSentence(inTransit)).toBe("Order #1038 is on its way with UPS, expected Nov 22. The tracking number is 1Z999.");
  });

  it("says when a delivered or cancelled order got there", () => {
    expect(orderStatusSentence(delivered)).toBe("Order #1029 was delivered on Oct 25 with USPS. The tracking number is 94001.");
    expect(orderStatusSentence(cancelled)).toBe("Order #1031 was cancelled on Nov 16.");
  });

  it("calls a partly delivered order in transit", () => {
    const partly = order({ number: "1", fulfillmentStatus: "partially_fulfilled", shipments: [{ carrier: "UPS", trackingNumber: "1", trackingUrl: null, status: "delivered" }] });
    expect(orderStage(partly)).toBe("in_transit");
  });

  it("formats money in the order's currency", () => {
    expect(formatMoney({ amount: 1234.5, currency: "USD" })).toBe("$1,234.50");
    expect(formatMoney({ amount: 20, currency: "EUR" })).toBe("€20.00");
  });
});

describe("canEditOrder", () => {
  it("allows changes only before fulfilment and never on a cancelled order", () => {
    expect(canEditOrder(order({ number: "1" }))).toBe(true);
    expect(canEditOrder(inTransit)).toBe(false);
    expect(canEditOrder(order({ number: "2", fulfillmentStatus: "partially_fulfilled" }))).toBe(false);
    expect(canEditOrder(cancelled)).toBe(false);
  });
});

describe("which order the shopper means", () => {
  it("takes the newest order still on its way for 'my order'", () => {
    expect(orderOfInterest([delivered, inTransit, cancelled])?.number).toBe("1038");
    expect(orderOfInterest([delivered, cancelled])?.number).toBe("1031");
  });

  it("takes the delivered order with the item the shopper names for a return, else the newest delivered", () => {
    expect(returnableOrder([delivered, deliveredTee, inTransit], "I want to return my boots")?.number).toBe("1029");
    expect(returnableOrder([delivered, deliveredTee, inTransit], "I want to return something")?.number).toBe("1033");
    expect(returnableOrder([inTransit, cancelled])).toBeUndefined();
  });
});

describe("order numbers and emails in messages", () => {
  it.each([
    ["Where is my order #1042?", "1042"],
    ["order 1042 please", "1042"],
    ["My order number is 1042", "1042"],
    ["1042, sam@example.com", "1042"],
    ["# 1042", "1042"],
    ["1042 sam@example.com", "1042"],
    ["sam@example.com and 1042", "1042"],
    ["it's 1042", "1042"],
    ["Call me on 5550100101", null],
    ["The total is 189 dollars", null],
    ["I have 820 points", null],
    ["Where is my order?", null],
    ["¿dónde está mi pedido 1038?", "1038"],
    ["número de pedido: 1038", "1038"],
    ["mi pedido es el #1038", "1038"],
    ["wo ist meine Bestellung 1038", "1038"],
    ["Bestellung Nr. 1038 ist nicht angekommen", "1038"],
    ["Bestellnummer 1038", "1038"],
    ["ma commande 1038 n'est pas arrivée", "1038"],
    ["numéro de commande : 1038", "1038"],
    ["commande n°1038", "1038"],
    ["n° 1038", "1038"],
    ["dov'è il mio ordine 1038", "1038"],
    ["ordine n. 1038", "1038"],
    ["waar is mijn bestelling 1038", "1038"],
    ["bestelnummer 1038", "1038"],
    ["a minha encomenda 1038 ainda não chegou", "1038"],
    ["encomenda nº 1038", "1038"],
    ["Nr. 1038", "1038"],
    ["order No. 1038", "1038"],
    ["tengo 820 puntos", null],
    ["ich habe 2 Bestellungen", null],
  ])("finds the order number in %j", (text, expected) => {
    expect(orderNumberIn(text)).toBe(expected);
  });

  it("finds an email, lower-cased", () => {
    expect(emailIn("it's Sam.Shopper@Example.com thanks")).toBe("sam.shopper@example.com");
    expect(emailIn("no email here")).toBeNull();
  });

  it("tells an answer with only identification from a new question", () => {
    expect(isIdentificationOnly("1042, sam@example.com")).toBe(true);
    expect(isIdentificationOnly("it's sam@example.com")).toBe(true);
    expect(isIdentificationOnly("My order number is #1042")).toBe(true);
    expect(isIdentificationOnly("Sure, it's 1042 and sam@example.com")).toBe(true);
    expect(isIdentificationOnly("Where is my order #1038?")).toBe(false);
    expect(isIdentificationOnly("Can I return the boots from order #1029?")).toBe(false);
    expect(isIdentificationOnly("hello")).toBe(false);
    expect(isIdentificationOnly("mi pedido es el 1038, ana@example.com")).toBe(true);
    expect(isIdentificationOnly("Bestellnummer 1038 und sam@example.com")).toBe(true);
    expect(isIdentificationOnly("voici ma commande n°1038")).toBe(true);
    expect(isIdentificationOnly("¿dónde está mi pedido 1038?")).toBe(false);
  });
});
