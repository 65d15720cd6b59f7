// Seed data for the built-in demo store, Northwind Outfitters: products, shoppers, orders, coupons, loyalty, subscriptions and returns. Dates are offsets from "now" so the demo always looks current.
import type { FinancialStatus, FulfillmentStatus, ReturnState, ShipmentStatus, SubscriptionStatus } from "../types.ts";

export const demoStoreInfo = {
  name: "Northwind Outfitters",
  url: "https://northwind-outfitters.example",
  supportEmail: "help@northwind-outfitters.example",
  currency: "USD",
} as const;

/**
 * The store's policies in one place: the knowledge-base articles, the coupon descriptions and the store page
 * (web/public/index.html, checked by test/agent/policies.test.ts) all state these figures.
 */
export const demoPolicies = {
  returnWindowDays: 30,
  returnLabelFee: 6,
  refundBusinessDays: "5–7",
  freeShippingOver: 75,
  standardShipping: 6.95,
  damagedReportDays: 14,
  missingParcelClaimDays: 7,
} as const;

export interface DemoProductSeed {
  id: string;
  handle: string;
  sku: string;
  title: string;
  description: string;
  price: number;
  tags: string[];
  available: boolean;
  /** Days from now until the product is expected back in stock; absent when nobody knows. */
  restockInDays?: number;
}

export interface DemoCustomerSeed {
  id: string;
  email: string;
  name: string;
  phone?: string;
}

export interface DemoOrderSeed {
  number: number;
  email: string;
  placedDaysAgo: number;
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentStatus;
  cancelledDaysAgo?: number;
  shippingFee: number;
  items: { sku: string; quantity: number; variant?: string }[];
  shipments: {
    carrier: string;
    trackingNumber: string;
    status: ShipmentStatus;
    etaDaysFromNow?: number;
    deliveredDaysAgo?: number;
  }[];
}

export interface DemoCouponSeed {
  code: string;
  description: string;
  /** Negative for a code that has already expired. */
  expiresInDays?: number;
  /** Set for a code issued to one shopper only. */
  email?: string;
  minimumSpend?: number;
  oncePerCustomer?: boolean;
}

export interface DemoSubscriptionSeed {
  id: string;
  email: string;
  productTitle: string;
  status: SubscriptionStatus;
  nextChargeInDays?: number;
  interval: { every: number; unit: "day" | "week" | "month" };
  price: number;
  quantity: number;
}

export interface DemoReturnSeed {
  id: string;
  email: string;
  orderNumber: number;
  state: ReturnState;
  outcome: string;
  createdDaysAgo: number;
  items: { sku: string; reason: string }[];
}

const p = (
  n: number,
  handle: string,
  sku: string,
  title: string,
  price: number,
  tags: string[],
  description: string,
  available = true,
): DemoProductSeed => ({ id: `demo_prod_${String(n).padStart(2, "0")}`, handle, sku, title, description, price, tags, available });

export const demoProducts: readonly DemoProductSeed[] = [
  p(1, "merino-base-layer-crew", "NW-BL-CREW", "Merino Base Layer Crew", 89, ["merino", "base layer", "tops", "hiking", "ski", "unisex"],
    "A 200 g/m² merino wool crew that stays warm when damp and doesn't hold odours. Flatlock seams sit comfortably under a pack."),
  p(2, "ridgeline-rain-jacket", "NW-RJ", "Ridgeline Rain Jacket", 189, ["rain jacket", "waterproof", "jackets", "hiking", "shell"],
    "Fully seam-sealed 2.5-layer waterproof shell (20,000 mm) with pit zips and a helmet-compatible hood. Packs into its own pocket."),
  p(3, "summit-down-puffer", "NW-DP", "Summit Down Puffer", 249, ["down", "insulated", "jackets", "winter", "warm"],
    "800-fill responsibly sourced down with a water-resistant shell. Our warmest jacket for cold, dry days.", false),
  p(4, "trailhead-fleece-pullover", "NW-FP", "Trailhead Fleece Pullover", 79, ["fleece", "midlayer", "tops", "warm", "recycled"],
    "A quarter-zip grid fleece made from recycled polyester. Breathable midlayer for cool mornings on the trail."),
  p(5, "canyon-hiking-pants", "NW-HP", "Canyon Quick-Dry Hiking Pants", 95, ["pants", "hiking", "quick-dry", "stretch", "UPF"],
    "Four-way stretch nylon that dries fast, with UPF 50 sun protection, zip pockets and roll-up cuffs."),
  p(6, "basecamp-organic-tee", "NW-TEE", "Basecamp Organic Cotton Tee", 32, ["t-shirt", "organic cotton", "tops", "everyday"],
    "A heavyweight tee in GOTS-certified organic cotton. Garment-dyed for a soft, lived-in feel."),
  p(7, "alpine-softshell-jacket", "NW-SS", "Alpine Softshell Jacket", 159, ["softshell", "jackets", "windproof", "climbing", "stretch"],
    "Windproof, water-resistant stretch softshell for fast-moving days. Harness-compatible pockets."),
  p(8, "coastal-linen-shirt", "NW-LS", "Coastal Linen Shirt", 68, ["linen", "shirt", "summer", "travel"],
    "Breathable European linen button-down that gets softer with every wash. Relaxed fit."),
  p(9, "everyday-merino-beanie", "NW-BEANIE", "Everyday Merino Beanie", 29, ["hat", "beanie", "merino", "winter", "accessories"],
    "A rib-knit merino beanie that's warm without itch. One size."),
  p(10, "trail-running-shorts", "NW-RS", "Trail Running Shorts", 45, ["shorts", "running", "trail running", "summer"],
    "5-inch lined running shorts with a zip pocket that fits a phone and a gel."),
  p(11, "switchback-hiking-boots", "NW-BOOT", "Switchback Hiking Boots", 179, ["boots", "footwear", "waterproof", "hiking", "leather"],
    "Waterproof nubuck leather mid boots with a grippy lugged sole. Comfortable out of the box."),
  p(12, "cloudstep-trail-runners", "NW-TR", "Cloudstep Trail Runners", 139, ["shoes", "footwear", "trail running", "running"],
    "Cushioned trail running shoes with a rock plate and 4 mm drop. Runs true to size."),
  p(13, "merino-hiking-socks-3-pack", "NW-SOCK3", "Merino Hiking Socks (3-pack)", 36, ["socks", "merino", "hiking", "accessories"],
    "Cushioned merino blend hiking socks with a seamless toe. Three pairs."),
  p(14, "liner-gloves", "NW-GLOVE", "Touchscreen Liner Gloves", 24, ["gloves", "winter", "accessories", "touchscreen"],
    "Thin stretch liner gloves with touchscreen fingertips. Wear alone or under mittens."),
  p(15, "stormproof-gaiters", "NW-GAITER", "Stormproof Gaiters", 42, ["gaiters", "waterproof", "hiking", "snow", "accessories"],
    "Waterproof, breathable gaiters that keep snow, mud and stones out of your boots."),
  p(16, "ridge-daypack-22l", "NW-DAY22", "Ridge Daypack 22L", 99, ["backpack", "daypack", "hiking", "bags"],
    "A 22-litre daypack with a ventilated back panel, hip belt and hydration sleeve."),
  p(17, "expedition-pack-55l", "NW-EXP55", "Expedition Pack 55L", 229, ["backpack", "backpacking", "trekking", "bags"],
    "Adjustable-torso 55-litre pack for multi-day trips, with a rain cover and sleeping-bag compartment."),
  p(18, "packable-sun-hat", "NW-SUNHAT", "Packable Sun Hat", 34, ["hat", "sun", "summer", "UPF", "accessories"],
    "Wide-brim UPF 50 sun hat that crushes into a pocket and springs back into shape."),
  p(19, "insulated-bottle-750", "NW-BOTTLE", "Insulated Bottle 750 ml", 30, ["bottle", "hydration", "accessories", "camping"],
    "Double-wall stainless steel bottle: cold for 24 hours, hot for 12."),
  p(20, "stormproof-duffel-40l", "NW-DUFFEL", "Stormproof Duffel 40L", 119, ["duffel", "travel", "bags", "waterproof"],
    "Welded waterproof duffel with stowable backpack straps. Carry-on size."),
  p(21, "heritage-flannel-shirt", "NW-FLANNEL", "Heritage Flannel Shirt", 74, ["flannel", "shirt", "tops", "fall"],
    "Brushed organic cotton flannel in classic plaids. Cut for layering."),
  p(22, "polar-fleece-vest", "NW-VEST", "Polar Fleece Vest", 69, ["vest", "fleece", "midlayer", "layering"],
    "A warm fleece vest that keeps your core toasty without bulky sleeves."),
  p(23, "thermal-leggings", "NW-TIGHT", "Thermal Base Layer Leggings", 58, ["leggings", "base layer", "merino", "winter", "women"],
    "Merino blend thermal leggings for skiing, winter hikes or lounging at camp."),
  p(24, "trail-hike-skort", "NW-SKORT", "Trail Hike Skort", 55, ["skort", "hiking", "women", "summer"],
    "A quick-dry hiking skort with built-in shorts and a side phone pocket."),
  { ...p(25, "kids-puddle-rain-shell", "NW-KRAIN", "Kids' Puddle Rain Shell", 65, ["kids", "rain jacket", "waterproof", "jackets"],
    "A fully waterproof kids' rain jacket with reflective trim and room to grow.", false), restockInDays: 12 },
  p(26, "campfire-wool-blanket", "NW-BLANKET", "Campfire Wool Blanket", 89, ["blanket", "camping", "wool", "home"],
    "A heavy recycled-wool blanket for campfires, cabins and cold evenings on the porch."),
  p(27, "trekking-poles", "NW-POLES", "Trekking Poles (pair)", 110, ["trekking poles", "hiking", "gear", "backpacking"],
    "Lightweight aluminium poles with cork grips and flick-lock adjustment."),
  p(28, "trail-headlamp-400", "NW-LAMP", "Trail Headlamp 400", 45, ["headlamp", "camping", "gear", "lighting"],
    "A 400-lumen rechargeable headlamp with red-light mode and 40 hours of runtime on low."),
  p(29, "trailhead-coffee-club", "NW-COFFEE", "Trailhead Coffee Club", 14, ["coffee", "subscription", "gift"],
    "Our small-batch campfire roast, delivered on your schedule. Whole bean or ground, 340 g per bag. Pause, skip or cancel any time."),
  p(30, "merino-sock-club", "NW-SOCKCLUB", "Merino Sock Club", 30, ["socks", "subscription", "merino", "gift"],
    "Two pairs of limited-edition merino socks every three months. Pause, skip or cancel any time."),
  p(31, "gift-card", "NW-GIFT", "Northwind Gift Card", 50, ["gift card", "gift"],
    "A digital gift card delivered by email. Never expires."),
];

export const demoCustomers: readonly DemoCustomerSeed[] = [
  { id: "demo_cust_01", email: "shopper@example.com", name: "Sam Shopper", phone: "+15550100101" },
  { id: "demo_cust_02", email: "alex@example.com", name: "Alex Rivera", phone: "+15550100102" },
  { id: "demo_cust_03", email: "jordan.lee@example.com", name: "Jordan Lee", phone: "+15550100103" },
  { id: "demo_cust_04", email: "priya.patel@example.com", name: "Priya Patel" },
  { id: "demo_cust_05", email: "marco.rossi@example.com", name: "Marco Rossi", phone: "+390255501005" },
  { id: "demo_cust_06", email: "emma.schmidt@example.com", name: "Emma Schmidt" },
  { id: "demo_cust_07", email: "noah.kim@example.com", name: "Noah Kim", phone: "+15550100107" },
  { id: "demo_cust_08", email: "olivia.brown@example.com", name: "Olivia Brown" },
];

export const demoOrders: readonly DemoOrderSeed[] = [
  {
    // Late: the carrier's expected date has passed.
    number: 1044, email: "olivia.brown@example.com", placedDaysAgo: 11, financialStatus: "paid", fulfillmentStatus: "fulfilled", shippingFee: 0,
    items: [{ sku: "NW-BOOT", quantity: 1, variant: "US 8 / Brown" }],
    shipments: [{ carrier: "USPS", trackingNumber: "9400111899223345560006", status: "in_transit", etaDaysFromNow: -3 }],
  },
  {
    number: 1043, email: "olivia.brown@example.com", placedDaysAgo: 0.4, financialStatus: "paid", fulfillmentStatus: "unfulfilled", shippingFee: 6.95,
    items: [{ sku: "NW-SUNHAT", quantity: 1, variant: "S/M / Sand" }, { sku: "NW-RS", quantity: 1, variant: "M / Black" }],
    shipments: [],
  },
  {
    number: 1042, email: "shopper@example.com", placedDaysAgo: 1.2, financialStatus: "paid", fulfillmentStatus: "unfulfilled", shippingFee: 0,
    items: [{ sku: "NW-RJ", quantity: 1, variant: "M / Moss" }, { sku: "NW-SOCK3", quantity: 2, variant: "M" }],
    shipments: [],
  },
  {
    number: 1041, email: "alex@example.com", placedDaysAgo: 2.1, financialStatus: "paid", fulfillmentStatus: "partially_fulfilled", shippingFee: 0,
    items: [{ sku: "NW-DAY22", quantity: 1, variant: "Slate" }, { sku: "NW-POLES", quantity: 1 }],
    shipments: [{ carrier: "FedEx", trackingNumber: "771555123456", status: "label_printed", etaDaysFromNow: 4 }],
  },
  {
    number: 1040, email: "jordan.lee@example.com", placedDaysAgo: 3, financialStatus: "authorized", fulfillmentStatus: "unfulfilled", shippingFee: 0,
    items: [{ sku: "NW-FP", quantity: 1, variant: "L / Forest" }, { sku: "NW-TEE", quantity: 2, variant: "L / Oat" }],
    shipments: [],
  },
  {
    number: 1039, email: "priya.patel@example.com", placedDaysAgo: 4.3, financialStatus: "paid", fulfillmentStatus: "on_hold", shippingFee: 0,
    items: [{ sku: "NW-TIGHT", quantity: 1, variant: "S / Black" }, { sku: "NW-BL-CREW", quantity: 1, variant: "S / Heather" }],
    shipments: [],
  },
  {
    number: 1038, email: "shopper@example.com", placedDaysAgo: 5, financialStatus: "paid", fulfillmentStatus: "fulfilled", shippingFee: 0,
    items: [{ sku: "NW-TR", quantity: 1, variant: "US 10 / Stone" }],
    shipments: [{ carrier: "UPS", trackingNumber: "1Z8W31V60312345678", status: "in_transit", etaDaysFromNow: 2 }],
  },
  {
    number: 1037, email: "marco.rossi@example.com", placedDaysAgo: 6.2, financialStatus: "paid", fulfillmentStatus: "fulfilled", shippingFee: 24.95,
    items: [{ sku: "NW-DUFFEL", quantity: 1, variant: "Black" }],
    shipments: [{ carrier: "DHL Express", trackingNumber: "4839201756", status: "in_transit", etaDaysFromNow: 5 }],
  },
  {
    number: 1036, email: "noah.kim@example.com", placedDaysAgo: 7.5, financialStatus: "paid", fulfillmentStatus: "partially_fulfilled", shippingFee: 6.95,
    items: [{ sku: "NW-BOTTLE", quantity: 2, variant: "Glacier" }, { sku: "NW-GLOVE", quantity: 1, variant: "M" }],
    shipments: [{ carrier: "USPS", trackingNumber: "9400111899223345567891", status: "in_transit", etaDaysFromNow: 1 }],
  },
  {
    number: 1035, email: "jordan.lee@example.com", placedDaysAgo: 8, financialStatus: "paid", fulfillmentStatus: "fulfilled", shippingFee: 0,
    items: [{ sku: "NW-HP", quantity: 1, variant: "32 / 32 / Khaki" }],
    shipments: [{ carrier: "USPS", trackingNumber: "9400111899223345567890", status: "out_for_delivery", etaDaysFromNow: 0 }],
  },
  {
    number: 1034, email: "emma.schmidt@example.com", placedDaysAgo: 9, financialStatus: "paid", fulfillmentStatus: "fulfilled", shippingFee: 0,
    items: [{ sku: "NW-BLANKET", quantity: 1, variant: "Red Plaid" }],
    shipments: [{ carrier: "UPS", trackingNumber: "1Z8W31V60398765432", status: "attempted_delivery", etaDaysFromNow: 1 }],
  },
  {
    number: 1033, email: "alex@example.com", placedDaysAgo: 12, financialStatus: "paid", fulfillmentStatus: "fulfilled", shippingFee: 0,
    items: [{ sku: "NW-SS", quantity: 1, variant: "S / Slate" }, { sku: "NW-BEANIE", quantity: 1, variant: "Charcoal" }],
    shipments: [{ carrier: "UPS", trackingNumber: "1Z8W31V60311122233", status: "delivered", deliveredDaysAgo: 6 }],
  },
  {
    number: 1032, email: "emma.schmidt@example.com", placedDaysAgo: 14, financialStatus: "partially_refunded", fulfillmentStatus: "fulfilled", shippingFee: 6.95,
    items: [{ sku: "NW-LS", quantity: 2, variant: "M / Sky" }],
    shipments: [{ carrier: "USPS", trackingNumber: "9400111899223345560001", status: "delivered", deliveredDaysAgo: 9 }],
  },
  {
    number: 1031, email: "alex@example.com", placedDaysAgo: 18, financialStatus: "refunded", fulfillmentStatus: "unfulfilled", cancelledDaysAgo: 17.9, shippingFee: 0,
    items: [{ sku: "NW-FLANNEL", quantity: 2, variant: "M / Red Plaid" }],
    shipments: [],
  },
  {
    number: 1030, email: "priya.patel@example.com", placedDaysAgo: 22, financialStatus: "paid", fulfillmentStatus: "fulfilled", shippingFee: 6.95,
    items: [{ sku: "NW-SKORT", quantity: 1, variant: "S / Sage" }],
    shipments: [{ carrier: "USPS", trackingNumber: "9400111899223345560002", status: "delivered", deliveredDaysAgo: 16 }],
  },
  {
    number: 1029, email: "shopper@example.com", placedDaysAgo: 25, financialStatus: "paid", fulfillmentStatus: "fulfilled", shippingFee: 0,
    items: [{ sku: "NW-BOOT", quantity: 1, variant: "US 10 / Brown" }],
    shipments: [{ carrier: "USPS", trackingNumber: "9400111899223345560003", status: "delivered", deliveredDaysAgo: 19 }],
  },
  {
    number: 1028, email: "noah.kim@example.com", placedDaysAgo: 27, financialStatus: "partially_refunded", fulfillmentStatus: "fulfilled", shippingFee: 0,
    items: [{ sku: "NW-TEE", quantity: 3, variant: "M / Navy" }],
    shipments: [{ carrier: "UPS", trackingNumber: "1Z8W31V60344455566", status: "delivered", deliveredDaysAgo: 22 }],
  },
  {
    number: 1027, email: "marco.rossi@example.com", placedDaysAgo: 30, financialStatus: "voided", fulfillmentStatus: "unfulfilled", cancelledDaysAgo: 29, shippingFee: 24.95,
    items: [{ sku: "NW-DP", quantity: 1, variant: "L / Black" }],
    shipments: [],
  },
  {
    number: 1026, email: "alex@example.com", placedDaysAgo: 40, financialStatus: "paid", fulfillmentStatus: "fulfilled", shippingFee: 0,
    items: [{ sku: "NW-EXP55", quantity: 1, variant: "M/L / Rust" }],
    shipments: [{ carrier: "FedEx", trackingNumber: "771555000111", status: "delivered", deliveredDaysAgo: 35 }],
  },
  {
    number: 1025, email: "olivia.brown@example.com", placedDaysAgo: 48, financialStatus: "paid", fulfillmentStatus: "fulfilled", shippingFee: 6.95,
    items: [{ sku: "NW-LAMP", quantity: 1 }],
    shipments: [{ carrier: "USPS", trackingNumber: "9400111899223345560004", status: "delivered", deliveredDaysAgo: 43 }],
  },
  {
    number: 1024, email: "shopper@example.com", placedDaysAgo: 70, financialStatus: "paid", fulfillmentStatus: "fulfilled", shippingFee: 6.95,
    items: [{ sku: "NW-COFFEE", quantity: 2, variant: "Whole bean" }],
    shipments: [{ carrier: "USPS", trackingNumber: "9400111899223345560005", status: "delivered", deliveredDaysAgo: 65 }],
  },
];

export const demoCoupons: readonly DemoCouponSeed[] = [
  { code: "WELCOME10", description: "10% off your first order", minimumSpend: 50, oncePerCustomer: true },
  { code: "FREESHIP", description: `Free standard shipping on any order (orders over $${demoPolicies.freeShippingOver} ship free anyway)`, expiresInDays: 30 },
  { code: "SUMMER25", description: "25% off summer gear", expiresInDays: -10 },
  { code: "SAM-SUMMIT15", description: "15% off one full-price item, a thank-you for reaching Summit", expiresInDays: 14, email: "shopper@example.com" },
  { code: "ALEX-BDAY20", description: "20% off anything during your birthday month", expiresInDays: 10, email: "alex@example.com" },
  { code: "ALEX-WINBACK5", description: "$5 off your next order", expiresInDays: -3, email: "alex@example.com" },
  { code: "PRIYA-SORRY10", description: "$10 off your next order, with our apologies for the delay on #1039", expiresInDays: 60, email: "priya.patel@example.com" },
];

export const demoLoyaltyProgram = {
  name: "Northwind Trail Rewards",
  pointsName: "points",
  earningRules: [
    "1 point for every $1 spent (Summit members earn 1.25, Alpine members 1.5)",
    "100 points for creating an account",
    "200 points on your birthday",
    "150 points when a friend you referred places their first order",
    "50 points for a product review with a photo",
  ],
  tiers: [
    { name: "Trail", description: "Everyone starts here: earn points on every order." },
    { name: "Summit", description: "Earn 500 points in a calendar year: 1.25 points per $1 and early access to sales." },
    { name: "Alpine", description: "Earn 1,500 points in a calendar year: 1.5 points per $1, free express shipping and a birthday gift." },
  ],
  rewards: [
    { name: "Free standard shipping", pointsCost: 200 },
    { name: "$5 off your order", pointsCost: 500 },
    { name: "$10 off your order", pointsCost: 1000 },
    { name: "Free Everyday Merino Beanie", pointsCost: 1500 },
    { name: "$25 off your order", pointsCost: 2000 },
  ],
} as const;

/** Members of the programme; shoppers not listed here have not joined. */
export const demoLoyaltyMembers: readonly { email: string; points: number; tier: string }[] = [
  { email: "shopper@example.com", points: 820, tier: "Summit" },
  { email: "alex@example.com", points: 1640, tier: "Alpine" },
  { email: "jordan.lee@example.com", points: 120, tier: "Trail" },
  { email: "priya.patel@example.com", points: 460, tier: "Trail" },
  { email: "emma.schmidt@example.com", points: 300, tier: "Trail" },
  { email: "noah.kim@example.com", points: 980, tier: "Summit" },
  { email: "olivia.brown@example.com", points: 75, tier: "Trail" },
];

export const demoSubscriptions: readonly DemoSubscriptionSeed[] = [
  {
    id: "demo_sub_01", email: "shopper@example.com", productTitle: "Trailhead Coffee Club — Whole bean", status: "active",
    nextChargeInDays: 9, interval: { every: 1, unit: "month" }, price: 14, quantity: 2,
  },
  {
    id: "demo_sub_02", email: "alex@example.com", productTitle: "Merino Sock Club", status: "paused",
    interval: { every: 3, unit: "month" }, price: 30, quantity: 1,
  },
  {
    id: "demo_sub_03", email: "priya.patel@example.com", productTitle: "Trailhead Coffee Club — Ground", status: "cancelled",
    interval: { every: 1, unit: "month" }, price: 14, quantity: 1,
  },
  {
    id: "demo_sub_04", email: "noah.kim@example.com", productTitle: "Trailhead Coffee Club — Whole bean", status: "active",
    nextChargeInDays: 4, interval: { every: 2, unit: "week" }, price: 14, quantity: 1,
  },
];

export const demoReturns: readonly DemoReturnSeed[] = [
  {
    id: "demo_ret_01", email: "alex@example.com", orderNumber: 1033, state: "open", outcome: "exchange", createdDaysAgo: 4,
    items: [{ sku: "NW-SS", reason: "Too small, exchanging for a Medium" }],
  },
  {
    id: "demo_ret_02", email: "emma.schmidt@example.com", orderNumber: 1032, state: "closed", outcome: "refund", createdDaysAgo: 7,
    items: [{ sku: "NW-LS", reason: "Colour not as expected" }],
  },
];

export const demoReturnsPolicy =
  `Return unworn, unwashed items with tags within ${demoPolicies.returnWindowDays} days of delivery. Exchanges and store credit are free; refunds go back to the original payment method within ${demoPolicies.refundBusinessDays} business days of the return arriving, minus a $${demoPolicies.returnLabelFee} return label fee. Gift cards and opened Coffee Club bags are final sale.`;
