// Scripted conversations with two shops unlike the demo store (a furniture shop and a skincare shop: catalog and help center only), and in the shopper's language.
import type { Conversation } from "./types.ts";

const furniture: Conversation[] = [
  { id: "furniture-sofa-budget", shop: "furniture", skill: "product_recommendations", resolvable: true, tags: ["cross-shop", "sub-intent"], turns: [
    { say: "I'm looking for a sofa under $1000", expect: { skill: "product_recommendations", has: ["Milo Loveseat"], not: ["$1,299"] } },
  ] },
  { id: "furniture-bookshelf-restock", shop: "furniture", skill: "product_recommendations", resolvable: true, tags: ["cross-shop", "sub-intent"], turns: [
    { say: "when will the Atlas bookshelf be back in stock?", expect: { skill: "product_recommendations", has: ["Atlas Bookshelf", "restock date is unknown"] } },
  ] },
  { id: "furniture-bed-restock-date", shop: "furniture", skill: "product_recommendations", resolvable: true, tags: ["cross-shop", "sub-intent"], turns: [
    { say: "is the Sable queen bed frame in stock?", expect: { has: ["Sable Queen Bed Frame", "Dec 20"] } },
  ] },
  { id: "furniture-white-glove", shop: "furniture", skill: "general_qa", resolvable: true, tags: ["cross-shop"], turns: [
    { say: "do you deliver and assemble furniture?", expect: { has: ["white-glove"] } },
  ] },
  { id: "furniture-returns-from-help-center", shop: "furniture", skill: "returns_exchanges", resolvable: true, tags: ["cross-shop"], turns: [
    { say: "can I return a sofa if it doesn't fit?", expect: { has: ["100 days", "$99"] } },
  ] },
  { id: "furniture-compare", shop: "furniture", skill: "product_recommendations", resolvable: true, tags: ["cross-shop", "sub-intent"], turns: [
    { say: "compare the Harlow sofa and the Milo loveseat", expect: { has: ["$1,299.00", "$899.00"], cards: ["comparison"] } },
  ] },
  { id: "furniture-no-orders-integration", shop: "furniture", skill: "order_tracking", mustEscalate: true, tags: ["cross-shop"], turns: [
    { say: "where is my order #5521?", expect: { not: ["on its way", "delivered"] } },
  ] },
  { id: "furniture-velvet-care", shop: "furniture", skill: "general_qa", resolvable: true, tags: ["cross-shop"], turns: [
    { say: "how do I clean a velvet loveseat?", expect: { has: ["spot cleaned"] } },
  ] },
  { id: "furniture-gift-under-50", shop: "furniture", skill: "product_recommendations", resolvable: true, tags: ["cross-shop", "sub-intent"], turns: [
    { say: "any gift ideas under $50?", expect: { has: ["Ember Scented Candle"], not: ["$89", "$129"] } },
  ] },
  { id: "furniture-off-topic", shop: "furniture", skill: "other", outOfScope: true, tags: ["cross-shop"], turns: [
    { say: "what's the capital of Australia?", expect: { not: ["Canberra"] } },
  ] },
];

const beauty: Conversation[] = [
  { id: "beauty-dry-skin", shop: "beauty", skill: "product_recommendations", resolvable: true, tags: ["cross-shop"], turns: [
    { say: "what would you recommend for very dry skin?", expect: { skill: "product_recommendations", cards: ["product"], not: ["BHA"] } },
  ] },
  { id: "beauty-gift-under-30", shop: "beauty", skill: "product_recommendations", resolvable: true, tags: ["cross-shop", "sub-intent"], turns: [
    { say: "a little gift under $30?", expect: { not: ["$65", "$34", "$42"], cards: ["product"] } },
  ] },
  { id: "beauty-vitamin-c-restock", shop: "beauty", skill: "product_recommendations", resolvable: true, tags: ["cross-shop", "sub-intent"], turns: [
    { say: "is the vitamin C serum back in stock?", expect: { has: ["Glow Vitamin C Drops", "restock date is unknown"] } },
  ] },
  { id: "beauty-retinal-with-vitamin-c", shop: "beauty", skill: "general_qa", resolvable: true, tags: ["cross-shop"], turns: [
    { say: "can I use retinal and vitamin C at the same time?", expect: { has: ["never at the same time"] } },
  ] },
  { id: "beauty-shipping-canada", shop: "beauty", skill: "general_qa", resolvable: true, tags: ["cross-shop"], turns: [
    { say: "do you ship to Canada and how much is it?", expect: { has: ["Canada"] } },
  ] },
  { id: "beauty-compare-serums", shop: "beauty", skill: "product_recommendations", resolvable: true, tags: ["cross-shop", "sub-intent"], turns: [
    { say: "Dewy Hyaluronic Serum vs Overnight Retinal Serum?", expect: { has: ["$34.00", "$58.00"], cards: ["comparison"] } },
  ] },
  { id: "beauty-cruelty-free", shop: "beauty", skill: "general_qa", resolvable: true, tags: ["cross-shop"], turns: [
    { say: "are your products tested on animals?", expect: { has: ["cruelty-free"] } },
  ] },
  { id: "beauty-rash-angry", shop: "beauty", skill: "returns_exchanges", mustEscalate: true, tags: ["cross-shop", "anger"], turns: [
    { say: "this serum gave me a rash and nobody answers my emails!!! unacceptable", expect: { has: ["frustrating"] } },
  ] },
  { id: "beauty-no-coupon-content", shop: "beauty", skill: "coupons_discounts", mustEscalate: true, tags: ["cross-shop"], turns: [
    { say: "do you have a discount code?", expect: { not: [/[A-Z]{4,}\d+/] } },
  ] },
  { id: "beauty-opened-return", shop: "beauty", skill: "returns_exchanges", resolvable: true, tags: ["cross-shop"], turns: [
    { say: "I opened a cream and it doesn't suit my skin, can I return it?", expect: { has: ["60 days"] } },
  ] },
];

/** In the shopper's language: the reply language needs the detector (src/agent/language.ts), some also its order-number words. */
const languages: Conversation[] = [
  { id: "lang-es-tracking", shop: "demo", skill: "order_tracking", language: "es", resolvable: true, tags: ["language"], turns: [
    { say: "¿dónde está mi pedido 1038?", expect: { skill: "order_tracking", has: ["correo"], not: ["What's the email"] } },
    { say: "shopper@example.com", expect: { has: ["UPS", "pedido"] } },
  ] },
  { id: "lang-fr-returns-policy", shop: "demo", skill: "returns_exchanges", language: "fr", resolvable: true, tags: ["language"], turns: [
    { say: "Je voudrais retourner ma commande 1029, mon email est shopper@example.com", expect: { has: ["#1029", "retour"] } },
  ] },
  { id: "lang-de-coupon", shop: "demo", skill: "coupons_discounts", language: "de", resolvable: true, tags: ["language"], turns: [
    { say: "Ist der Gutscheincode WELCOME10 noch gültig?", expect: { skill: "coupons_discounts", has: ["WELCOME10", "gültig"] } },
  ] },
  { id: "lang-it-greeting", shop: "demo", skill: "other", language: "it", tags: ["language"], turns: [
    { say: "Ciao! Buongiorno", expect: { has: ["Ciao"], human: false } },
  ] },
  { id: "lang-pt-human", shop: "demo", skill: "handoff", language: "pt", mustEscalate: true, tags: ["language"], turns: [
    { say: "Quero falar com uma pessoa, por favor", expect: { skill: "handoff", has: ["equipa"] } },
  ] },
  { id: "lang-nl-points", shop: "demo", skill: "loyalty", shopper: "sam", language: "nl", resolvable: true, tags: ["language"], turns: [
    { say: "Hoeveel punten heb ik?", expect: { skill: "loyalty", has: ["820", "punten"] } },
  ] },
  { id: "lang-es-anger", shop: "demo", skill: "order_tracking", shopper: "sam", language: "es", mustEscalate: true, tags: ["language", "anger"], turns: [
    { say: "¡Esto es ridículo! Nadie me ayuda con mi pedido 1038", expect: { has: ["frustrante"] } },
  ] },
  { id: "lang-fr-subscription-skip", shop: "demo", skill: "subscriptions", shopper: "sam", language: "fr", resolvable: true, tags: ["language", "confirm"], turns: [
    { say: "Je veux sauter la prochaine livraison de mon abonnement café", expect: { skill: "subscriptions", has: ["oui"] } },
    { say: "oui", expect: { has: ["C'est fait", "29 déc"] } },
  ] },
];

export const otherConversations: Conversation[] = [...furniture, ...beauty, ...languages];
