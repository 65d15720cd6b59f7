// Glow Theory, a skincare shop for the agent evaluation: its catalog and help-center articles (no order or returns integration).
import type { Product } from "../../src/integrations/types.ts";
import type { EvalArticle } from "./knowledge.ts";

const url = "https://glowtheory.example";

const p = (id: number, title: string, price: number, tags: string[], description: string, available = true): Product => ({
  id: `glow_${id}`,
  title,
  description,
  price,
  currency: "USD",
  url: `${url}/products/${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
  imageUrl: null,
  tags,
  available,
});

export const beautyProducts: readonly Product[] = [
  p(1, "Dewy Hyaluronic Serum", 34, ["serum", "hydrating", "dry skin", "hyaluronic acid"], "A lightweight serum with three weights of hyaluronic acid for plumper, hydrated skin. 30 ml."),
  p(2, "Clear Skin BHA Toner", 26, ["toner", "oily skin", "acne", "salicylic acid", "exfoliant"], "A 2% salicylic acid toner that unclogs pores and calms breakouts. 120 ml."),
  p(3, "Barrier Repair Cream", 42, ["moisturizer", "cream", "dry skin", "sensitive skin", "ceramides"], "A rich ceramide cream that repairs a damaged skin barrier overnight. Fragrance-free. 50 ml."),
  p(4, "Daily Shield SPF 50", 29, ["sunscreen", "spf", "sun protection", "all skin types"], "A weightless mineral sunscreen with SPF 50 that leaves no white cast. 50 ml."),
  p(5, "Glow Vitamin C Drops", 48, ["serum", "vitamin c", "brightening", "dark spots"], "15% vitamin C serum that fades dark spots and brightens dull skin. 30 ml.", false),
  p(6, "Gentle Gel Cleanser", 22, ["cleanser", "face wash", "sensitive skin", "all skin types"], "A low-foam gel cleanser that won't strip the skin. 150 ml."),
  p(7, "Overnight Retinal Serum", 58, ["serum", "retinal", "anti-aging", "wrinkles"], "0.1% retinaldehyde serum for fine lines, used at night. 30 ml."),
  p(8, "Lip Treatment Balm", 18, ["lip balm", "lips", "gift"], "A peptide lip balm in a glass pot. 15 ml."),
  p(9, "Starter Ritual Set", 65, ["set", "gift", "travel", "bundle"], "Travel sizes of our cleanser, serum, cream and SPF in a zip pouch."),
  p(10, "Jade Face Roller", 24, ["tool", "face roller", "gift"], "A cooling jade roller for a morning de-puff."),
];

export const beautyArticles: readonly EvalArticle[] = [
  {
    kind: "faq",
    title: "Shipping",
    body: "We ship within 1–2 business days. Standard US shipping takes 3–6 business days and is free on orders over $40; otherwise it costs $5. Express shipping costs $12. We ship to the US and Canada.",
  },
  {
    kind: "returns",
    title: "Returns",
    body: "Unopened products can be returned within 30 days for a full refund. If a product you've opened doesn't suit your skin, we'll refund it once within 60 days of delivery.",
  },
  {
    kind: "faq",
    title: "Ingredients and testing",
    body: "All our products are vegan, cruelty-free and Leaping Bunny certified. We never use parabens, sulfates or added fragrance.",
  },
  {
    kind: "faq",
    title: "Using retinal and vitamin C",
    body: "Use vitamin C in the morning and retinal at night, never at the same time. Start retinal twice a week and always wear sunscreen the next day. Skip retinal while pregnant or breastfeeding.",
  },
  {
    kind: "faq",
    title: "Patch testing and sensitive skin",
    body: "Before using a new product, patch test it on your inner arm for 24 hours. Our Barrier Repair Cream and Gentle Gel Cleanser are formulated for sensitive skin.",
  },
  {
    kind: "faq",
    title: "Product shelf life",
    body: "Unopened products last 24 months. Once opened, use serums within 6 months and creams within 12 months; check the open-jar symbol on the label.",
  },
];
