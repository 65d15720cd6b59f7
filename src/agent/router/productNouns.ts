// Words that name merchandise in almost any shop, and words that never do on their own: the router's base lexicon.

/**
 * Common product nouns across kinds of shops (clothing, shoes, beauty, electronics, home, furniture, food,
 * toys, sport, pets, garden). A message that names one of these is about a product whatever the shop sells;
 * the account's own catalog adds its titles, types, tags and variants on (lexicon.ts). Words that also
 * name support things (box, card, gift, pack, bag, label, code, points) are deliberately left out.
 */
export const genericProductNouns: readonly string[] = (
  // clothing and accessories
  "jacket coat parka puffer anorak blazer vest gilet hoodie sweatshirt sweater jumper cardigan fleece pullover shirt blouse " +
  "tshirt tee top tank camisole dress skirt skort jeans trousers pants leggings shorts joggers chinos overalls jumpsuit " +
  "romper tie scarf gloves mittens beanie cap hat belt socks tights underwear bra briefs boxers pyjamas pajamas " +
  "swimsuit bikini swimwear raincoat poncho kimono lingerie nightgown robe onesie " +
  // shoes, bags, jewellery
  "shoes sneakers trainers boots sandals slippers heels loafers flats runners backpack handbag purse wallet tote duffel " +
  "suitcase luggage necklace bracelet earrings sunglasses glasses umbrella " +
  // beauty and personal care
  "serum moisturiser moisturizer cleanser toner sunscreen spf lipstick lipgloss mascara eyeliner foundation concealer " +
  "blush bronzer highlighter primer palette eyeshadow perfume fragrance cologne shampoo conditioner deodorant lotion " +
  "balm mask scrub exfoliator retinol niacinamide cream razor toothbrush toothpaste nail polish makeup skincare haircare " +
  // electronics
  "headphones earbuds earphones headset speaker soundbar laptop notebook tablet ipad smartphone iphone charger " +
  "cable adapter powerbank tv television monitor projector camera lens tripod drone smartwatch keyboard mouse " +
  "router modem console controller printer ink toner microphone webcam kindle ereader harddrive ssd usb " +
  // home, furniture, kitchen
  "sofa couch sectional armchair chair stool bench table desk bed mattress pillow duvet quilt blanket sheets bedding " +
  "rug carpet curtains blinds lamp lighting chandelier mirror shelves bookcase bookshelf wardrobe dresser drawers " +
  "cabinet sideboard nightstand ottoman cushion vase candle artwork towel towels " +
  "mug cup plate bowl glassware cutlery pan pot skillet kettle toaster blender mixer airfryer knife knives teapot " +
  "cookware bakeware bottle flask lunchbox " +
  // food and drink
  "coffee tea espresso beans chocolate snacks biscuits cookies crisps chips cereal granola bread sourdough bagels " +
  "milk yoghurt yogurt cheese butter eggs honey jam pasta rice noodles flour sugar oil vinegar sauce spices salt " +
  "wine beer cider gin whisky vodka juice soda kombucha fruit apples bananas avocados vegetables veg salad " +
  "spinach tomatoes potatoes onions salmon fish chicken beef steak sausages bacon tofu nuts almonds protein vitamins " +
  "supplements " +
  // toys, sport, pets, garden, books, stationery
  "toy toys lego puzzle doll teddy stroller pram crib nappies diapers bike bicycle helmet skateboard scooter yoga " +
  "dumbbells treadmill tent racket golf skis snowboard wetsuit surfboard leash collar kibble litter " +
  "plant plants seeds compost planter hose mower grill bbq books notebook journal pen pens pencils planner"
).split(" ");

/**
 * Words that never mark a product on their own, even in a catalog title or tag ("Clear Day Serum", "Free-Range
 * Eggs", "Fruit Box Weekly"): function words and the vocabulary of support requests. Inside a longer catalog
 * phrase they still match ("free range eggs").
 */
export const neverProductWords: ReadonlySet<string> = new Set(
  (
    "a an the and or but of for to in on at by with from as is are was were be been am do does did can could will would " +
    "should may might must shall have has had get got not no yes my your our their his her its it this that these those " +
    "i me we you he she they them us what which who whom whose when where why how all any some each every more most " +
    "other another same such only own very just than too also so then there here up down out off over under again " +
    "new old big small little large medium mini max pro plus extra super ultra best good great nice " +
    "one two three four five six seven eight nine ten first second half full double single " +
    "day days week weeks weekly month months monthly year years daily night time today tomorrow morning evening " +
    "free clear drop point points care plan club box pack set kit item items product products thing things stuff " +
    "order orders delivery deliver shipping ship return returns refund exchange cancel change track tracking " +
    "code coupon voucher discount sale offer price cost gift card label package parcel account login password " +
    "subscription subscribe refill member rewards reward loyalty size sizes colour color style type range " +
    "black white red blue green yellow pink purple brown grey gray beige navy orange gold silver rose natural " +
    "home office area room floor kitchen garden outdoor indoor living dining bedroom bathroom standard classic original " +
    "everyday essential essentials basic simple light dark soft hard warm cool hot cold air power smart fit fast quick " +
    "help service support team store shop online"
  ).split(" "),
);
