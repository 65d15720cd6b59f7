// The grounding check: every fact of a model's answer must come from this turn's tool results or retrieved articles —
// not from the shopper's words — and actions only from a tool that performed them. Answers in seven languages.
import { describe, expect, it } from "vitest";
import { checkAnswer, datesIn, durationsIn, evidenceFrom, numberValues, performs, type ToolCallRecord } from "../../src/agent/grounding.ts";

type ToolCall = ToolCallRecord & { input: unknown };

const order1038 = {
  id: "gid://shopify/Order/1038",
  name: "#1038",
  number: "1038",
  placedOn: "Nov 24",
  stage: "in_transit",
  statusLabel: "In transit",
  summary: "Order #1038 is on its way with UPS, expected Dec 2. The tracking number is 1Z8W31V60312345678.",
  items: ["1 × Alpine Down Jacket (M)"],
  total: "$189.00",
  canEdit: false,
  shipments: [{ carrier: "UPS", trackingNumber: "1Z8W31V60312345678", trackingUrl: "https://www.ups.com/track?tracknum=1Z8W31V60312345678", status: "in_transit", expectedOn: "Dec 2", deliveredOn: null }],
  statusPageUrl: "https://northwind.example/orders/1038",
  customerEmail: "shopper@example.com",
};

const preparing1041 = { ...order1038, name: "#1041", number: "1041", stage: "preparing", statusLabel: "Preparing to ship", summary: "Order #1041 is being prepared.", shipments: [] };

const returnsArticle = {
  title: "Returns and exchanges",
  kind: "returns",
  excerpt: "You can return unworn, unwashed items with their tags attached within 30 days of delivery.",
  body:
    "You can return unworn, unwashed items with their tags attached within 30 days of delivery. Exchanges and store credit are free. " +
    "Refunds go back to your original payment method within 5–7 business days of your return arriving at our warehouse, minus a $6 return label fee.",
  relevant: true,
};

const tracking: ToolCall[] = [{ tool: "orderStatus", input: { orderNumber: "1038", email: "shopper@example.com" }, ok: true, output: { order: order1038 } }];
const returnsPolicy: ToolCall[] = [{ tool: "searchKnowledge", input: { query: "when will I get my refund" }, ok: true, output: { passages: [returnsArticle] } }];
const coupons: ToolCall[] = [
  {
    tool: "listCoupons",
    input: {},
    ok: true,
    output: { coupons: [{ code: "WELCOME10", description: "10% off your first order", expiresOn: null, personal: false }, { code: "FREESHIP", description: "Free standard shipping, no minimum", expiresOn: "Dec 31", personal: false }], includesPersonal: false },
  },
];

function kinds(answer: string, ledger: ToolCall[]): string[] {
  return checkAnswer(answer, ledger).map((f) => `${f.kind}:${f.text}`);
}

describe("the failures of the old regex check are caught", () => {
  it("a date one day off the evidence", () => {
    expect(kinds("Your order #1038 is on its way with UPS, expected Dec 3.", tracking)).toEqual(["date:Dec 3"]);
    expect(kinds("Your order #1038 is on its way with UPS, expected Dec 2.", tracking)).toEqual([]);
  });

  it("an action no tool performed", () => {
    expect(kinds("I've cancelled order #1038 and refunded you in full.", tracking)).toEqual(["action:cancelled", "action:refunded"]);
  });

  it("a duration no result states", () => {
    expect(kinds("Refunds arrive within 3 days.", returnsPolicy)).toEqual(["duration:3 days"]);
    expect(kinds("Refunds arrive within 5–7 business days of your return arriving.", returnsPolicy)).toEqual([]);
  });

  it("a code the shopper typed themselves (it is in the tool's input, not its results)", () => {
    const lookedUp: ToolCall[] = [...coupons, { tool: "listCoupons", input: { code: "SUMMER25" }, ok: true, output: { coupons: [], includesPersonal: false } }];
    expect(kinds("Good news: SUMMER25 takes 25% off your order.", lookedUp)).toEqual(["code:SUMMER25", "number:25"]);
    expect(kinds("WELCOME10 takes 10% off your first order, and FREESHIP gives free standard shipping.", coupons)).toEqual([]);
  });
});

describe("well-grounded answers pass as written", () => {
  it.each([
    ["Hi Sam! Your order #1038 has shipped and is on its way with UPS; it should arrive by Dec 2. Your tracking number is 1Z8W31V60312345678.", tracking],
    ["Hola Sam: tu pedido #1038 ya fue enviado con UPS y debería llegar el 2 de diciembre.", tracking],
    ["Bonjour ! Votre commande #1038 a été expédiée avec UPS et devrait arriver le 2 décembre.", tracking],
    ["Our “Returns and exchanges” article says you have 30 days from delivery to return unworn items, and refunds take 5–7 business days.", returnsPolicy],
    ["Laut unserem Artikel „Returns and exchanges“ kannst du ungetragene Artikel innerhalb von 30 Tagen zurückschicken; die Erstattung dauert 5–7 Werktage, abzüglich 6 $ für das Rücksendeetikett.", returnsPolicy],
    ["Secondo l'articolo “Returns and exchanges” hai 30 giorni dalla consegna per il reso; il rimborso arriva in 5–7 giorni lavorativi.", returnsPolicy],
    ["Volgens ons artikel “Returns and exchanges” heb je 30 dagen na levering om iets terug te sturen.", returnsPolicy],
    ["De acordo com o artigo “Returns and exchanges”, tem 30 dias após a entrega para devolver artigos.", returnsPolicy],
    ["Right now you can use WELCOME10 for 10% off your first order, or FREESHIP for free standard shipping until Dec 31.", coupons],
  ])("%s", (answer, ledger) => {
    expect(kinds(answer, ledger)).toEqual([]);
  });
});

describe("numbers, prices, dates and durations", () => {
  it("takes prices in any format and currency position", () => {
    expect(kinds("Your order total was $189.00.", tracking)).toEqual([]);
    expect(kinds("El total de tu pedido fue de 189,00 $.", tracking)).toEqual([]);
    expect(kinds("Le total est de 189 €.", tracking)).toEqual([]);
    expect(kinds("Your order total was $198.", tracking)).toEqual(["price:$198"]);
    expect(kinds("A return label costs $6.", returnsPolicy)).toEqual([]);
    expect(kinds("A return label costs €8.", returnsPolicy)).toEqual(["price:€8"]);
  });

  it("reads dates in seven languages", () => {
    expect(kinds("Tu pedido #1038 llegará el 2 de diciembre.", tracking)).toEqual([]);
    expect(kinds("Tu pedido #1038 llegará el 3 de diciembre.", tracking)).toEqual(["date:3 de diciembre"]);
    expect(kinds("Deine Bestellung #1038 kommt voraussichtlich am 3. Dezember.", tracking)).toEqual(["date:3. Dezember"]);
    expect(kinds("Votre commande #1038 devrait arriver le 2 décembre.", tracking)).toEqual([]);
    expect(kinds("Il tuo ordine #1038 arriverà il 2 dicembre.", tracking)).toEqual([]);
    expect(kinds("A sua encomenda #1038 chega a 2 de dezembro.", tracking)).toEqual([]);
    expect(kinds("Je bestelling #1038 komt op 2 december aan.", tracking)).toEqual([]);
    expect(datesIn("Dec 2nd, 2026").map((d) => [d.month, d.day, d.year])).toEqual([[12, 2, 2026]]);
  });

  it("reads durations with number words and ranges", () => {
    expect(durationsIn("within thirty days").map((d) => [d.values, d.unit])).toEqual([[[30], "day"]]);
    expect(durationsIn("en 5 a 7 días hábiles").map((d) => [d.values, d.unit])).toEqual([[[5, 7], "day"]]);
    expect(durationsIn("a 30-day return window").map((d) => [d.values, d.unit])).toEqual([[[30], "day"]]);
    expect(kinds("Tienes 30 días para devolverlo; el reembolso llega en 5 a 7 días hábiles.", returnsPolicy)).toEqual([]);
    expect(kinds("Vous avez 60 jours pour retourner un article.", returnsPolicy)).toEqual(["duration:60 jours"]);
    expect(kinds("Die Erstattung dauert zwei Wochen.", returnsPolicy)).toEqual(["duration:zwei Wochen"]);
    expect(kinds("Your parcel arrives tomorrow.", tracking)).toEqual(["relative_day:tomorrow"]);
  });

  it("checks every other number, single digits too, and reads number formats both ways", () => {
    expect(kinds("You have 4 orders on the way.", tracking)).toEqual(["number:4"]);
    expect(kinds("Order #1038 contains 1 × Alpine Down Jacket (M).", tracking)).toEqual([]);
    expect(kinds("Order #1039 is on its way.", tracking)).toEqual(["number:1039"]);
    expect(numberValues("1.000")).toEqual([1, 1000]);
    expect(numberValues("49,99")).toEqual([49.99]);
  });
});

describe("codes and links", () => {
  it("needs tracking numbers, codes and links to come from the results", () => {
    expect(kinds("Your tracking number is 1Z8W31V60312345678.", tracking)).toEqual([]);
    expect(kinds("Your tracking number is 1Z8W31V60312345679.", tracking)).toEqual(["code:1Z8W31V60312345679"]);
    expect(kinds("Track it at https://northwind.example/orders/1038.", tracking)).toEqual([]);
    expect(kinds("Track it at https://evil.example/1038.", tracking)).toEqual(["link:https://evil.example/1038"]);
    expect(kinds("Use code SORRY50 for money off.", coupons)).toEqual(["code:SORRY50"]);
  });
});

describe("carriers", () => {
  it("names only the carrier the results name", () => {
    expect(kinds("Your order #1038 is on its way with FedEx.", tracking)).toEqual(["carrier:FedEx"]);
    expect(kinds("Your order #1038 is on its way with UPS.", tracking)).toEqual([]);
  });
});

describe("order states", () => {
  const preparing: ToolCall[] = [{ tool: "orderStatus", input: { orderNumber: "1041" }, ok: true, output: { order: preparing1041 } }];

  it("states only what the order's stage shows", () => {
    expect(kinds("Your order #1041 has shipped.", preparing)).toEqual(["order_state:shipped"]);
    expect(kinds("Your order #1041 is being prepared and hasn't shipped yet.", preparing)).toEqual([]);
    expect(kinds("Your order #1038 was delivered.", tracking)).toEqual(["order_state:delivered"]);
    expect(kinds("Your order #1038 hasn't been delivered yet; it's on its way.", tracking)).toEqual([]);
    expect(kinds("Your order #1038 will be delivered Dec 2.", tracking)).toEqual([]);
    expect(kinds("Tu pedido #1041 ya fue enviado.", preparing)).toEqual(["order_state:enviado"]);
    expect(kinds("Ihre Bestellung #1038 wurde zugestellt.", tracking)).toEqual(["order_state:zugestellt"]);
  });

  it("lets a policy answer restate what its article says when no order is involved", () => {
    expect(kinds("Items can be returned within 30 days of delivery once they have been delivered.", returnsPolicy)).toEqual([]);
  });
});

describe("actions", () => {
  it("claims in any language need a successful call of the tool that does it", () => {
    expect(kinds("He cancelado tu pedido #1038.", tracking)).toEqual(["action:cancelado"]);
    expect(kinds("J'ai annulé votre commande #1038.", tracking)).toEqual(["action:annulé"]);
    expect(kinds("Ich habe deine Bestellung #1038 storniert.", tracking)).toEqual(["action:storniert"]);
    expect(kinds("Ho annullato il tuo ordine #1038.", tracking)).toEqual(["action:annullato"]);
    expect(kinds("Cancelei a sua encomenda #1038.", tracking)).toEqual(["action:Cancelei"]);
    expect(kinds("Ik heb je bestelling #1038 geannuleerd.", tracking)).toEqual(["action:geannuleerd"]);
    expect(kinds("I've passed your message to our team.", tracking)).toEqual(["action:passed your message to"]);
    expect(kinds("Your refund has been issued.", tracking)).toEqual(["action:issued"]);
  });

  it("reads a past passive as the state the store reports", () => {
    const cancelledOrder: ToolCall[] = [{ tool: "orderStatus", input: {}, ok: true, output: { order: { ...order1038, stage: "cancelled", statusLabel: "Cancelled" } } }];
    expect(kinds("I checked: your order #1038 was cancelled.", cancelledOrder)).toEqual([]);
    expect(kinds("I checked: your order #1038 was cancelled.", tracking)).toEqual(["action:cancelled"]);
  });

  it("accepts an action its tool performed, and not one whose call failed", () => {
    const cancelled: ToolCall[] = [...tracking, { tool: "cancelOrder", input: { orderNumber: "1038" }, ok: true, output: { cancelled: true } }];
    expect(kinds("I've cancelled order #1038.", cancelled)).toEqual([]);
    const failed: ToolCall[] = [...tracking, { tool: "cancelOrder", input: { orderNumber: "1038" }, ok: false, output: { error: "already fulfilled" } }];
    expect(kinds("I've cancelled order #1038.", failed)).toEqual(["action:cancelled"]);
    const refused: ToolCall[] = [...tracking, { tool: "cancelOrder", input: { orderNumber: "1038" }, ok: true, output: { ok: false, reason: "shipped" } }];
    expect(kinds("I've cancelled order #1038.", refused)).toEqual(["action:cancelled"]);
  });

  it("doesn't let a modal hide a claim", () => {
    expect(kinds("I can confirm I've cancelled order #1038.", tracking)).toEqual(["action:cancelled"]);
    expect(kinds("Your order #1038, which you can track below, was delivered.", tracking)).toEqual(["order_state:delivered"]);
  });

  it("lets offers, conditions and policies through", () => {
    expect(kinds("I can cancel it for you if you confirm.", tracking)).toEqual([]);
    expect(kinds("Would you like me to connect you with our team?", tracking)).toEqual([]);
    expect(kinds("I can't cancel order #1038 because it has already shipped.", tracking)).toEqual([]);
    expect(kinds("If you'd like, I can connect you with our team.", tracking)).toEqual([]);
    const editing: ToolCall[] = [{ tool: "searchKnowledge", input: { query: "cancel" }, ok: true, output: { passages: [{ ...returnsArticle, title: "Changing or cancelling an order", body: "Cancelled orders are refunded in full to the original payment method within 5–7 business days." }] } }];
    expect(kinds("Cancelled orders are refunded in full to the original payment method within 5–7 business days.", editing)).toEqual([]);
  });

  it("reads lookups as lookups, whatever their name says", () => {
    expect(performs("cancelOrder", "cancel")).toBe(true);
    expect(performs("refundStatus", "refund")).toBe(false);
    expect(performs("returnsPortal", "create")).toBe(false);
    expect(performs("pauseSubscription", "pause")).toBe(true);
  });

  it("reads no evidence from failed calls or tool inputs", () => {
    const failed: ToolCall[] = [{ tool: "orderStatus", input: { orderNumber: "9999" }, ok: false, output: { error: "Order 9999 not found" } }];
    const ev = evidenceFrom(failed);
    expect(ev.numbers.has(9999)).toBe(false);
    expect(ev.tokens.size).toBe(0);
  });
});
