// Oak & Ember, a furniture shop for the agent evaluation: its catalog and help-center articles (no order or returns integration).
import type { Product } from "../../src/integrations/types.ts";
import type { EvalArticle } from "./knowledge.ts";

const url = "https://oakandember.example";

const p = (id: number, title: string, price: number, tags: string[], description: string, available = true, restockAt?: string): Product => ({
  id: `oak_${id}`,
  title,
  description,
  price,
  currency: "USD",
  url: `${url}/products/${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
  imageUrl: null,
  tags,
  available,
  ...(restockAt ? { restockAt } : {}),
});

export const furnitureProducts: readonly Product[] = [
  p(1, "Harlow Three-Seat Sofa", 1299, ["sofa", "couch", "living room", "linen"], "A deep three-seat sofa in washable Belgian linen with feather-wrapped cushions. 84 in wide."),
  p(2, "Milo Loveseat", 899, ["sofa", "loveseat", "small space", "velvet"], "A compact two-seat loveseat in performance velvet, 62 in wide, made for apartments."),
  p(3, "Juniper Oak Dining Table", 1150, ["table", "dining", "solid oak", "extendable"], "Solid white oak dining table that extends from 72 to 96 in and seats up to ten."),
  p(4, "Wren Dining Chair", 189, ["chair", "dining", "oak", "upholstered"], "An oak dining chair with a woven paper-cord seat. Sold individually."),
  p(5, "Atlas Bookshelf", 349, ["bookshelf", "shelving", "storage", "walnut"], "A five-shelf walnut veneer bookshelf, 72 in tall, with an anti-tip kit.", false),
  p(6, "Nova Floor Lamp", 149, ["lamp", "lighting", "floor lamp", "brass"], "A brushed brass arc floor lamp with a linen shade and a dimmable LED bulb."),
  p(7, "Cove Side Table", 129, ["side table", "table", "living room", "marble"], "A round side table with a honed marble top and a powder-coated steel base."),
  p(8, "Sable Queen Bed Frame", 1049, ["bed", "bed frame", "bedroom", "walnut"], "A low-profile walnut platform bed frame for a queen mattress; no box spring needed.", false, "2026-12-20"),
  p(9, "Drift Wool Throw", 89, ["throw", "blanket", "wool", "textiles"], "A chunky knit merino wool throw, 50 × 60 in."),
  p(10, "Ember Scented Candle", 38, ["candle", "home fragrance", "gift"], "A soy wax candle with notes of cedar and smoked vanilla; 60 hours of burn time."),
  p(11, "Linen Cushion Cover", 45, ["cushion", "pillow", "textiles", "linen", "gift"], "A stonewashed linen cushion cover, 20 × 20 in, insert sold separately."),
  p(12, "Ridge Coffee Table", 599, ["coffee table", "table", "living room", "oak"], "A solid oak coffee table with a lower shelf, 48 × 24 in."),
];

export const furnitureArticles: readonly EvalArticle[] = [
  {
    kind: "faq",
    title: "Delivery and white-glove service",
    body:
      "Small items ship by parcel in 3–5 business days for $15. Furniture is delivered by our white-glove team in 2–4 weeks: they bring it to the room of your choice, assemble it and take the packaging away. " +
      "White-glove delivery is free on orders over $999 and costs $149 below that. We deliver to the contiguous US only.",
  },
  {
    kind: "returns",
    title: "Returns and exchanges",
    body:
      "You can return furniture within 100 days of delivery. We collect it from your home for a $99 pickup fee and refund the purchase price within 10 business days of pickup. " +
      "Custom-upholstered pieces and clearance items are final sale.",
  },
  {
    kind: "policy",
    title: "Warranty",
    body: "All furniture carries a 5-year warranty against defects in materials and workmanship. Textiles and lighting are covered for 1 year. Normal wear, sun fading and pet damage aren't covered.",
  },
  {
    kind: "faq",
    title: "Fabric care",
    body: "Linen slipcovers are machine washable on cold and should be line dried. Performance velvet can be spot cleaned with mild soap and water. Never use bleach on any of our fabrics.",
  },
  {
    kind: "faq",
    title: "Assembly",
    body: "Chairs, side tables and lamps arrive fully assembled. Bookshelves and bed frames need about 30 minutes of assembly with the included tools, unless you choose white-glove delivery.",
  },
  {
    kind: "faq",
    title: "Showroom and contact",
    body: "Visit our showroom at 48 Fulton Street, Brooklyn, open Wednesday to Sunday, 11 am–7 pm. Email hello@oakandember.example or call +1 (555) 014-2200 on weekdays, 9 am–5 pm Eastern.",
  },
  {
    kind: "faq",
    title: "Fabric swatches",
    body: "Order up to 6 free fabric swatches from any product page; they arrive in 3–5 business days.",
  },
];
