// Builds data/router/{train,dev,heldout}.csv from the hand-written sources plus seeded templates for train only.
// Usage (from the repo root): npx node data/router/build-data.ts
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { formatCsv, utteranceKey } from "../../src/agent/router/dataset.ts";
import { prng } from "../../src/lib/prng.ts";
import { skillIds } from "../../src/agent/router/skills.ts";
import type { SkillId } from "../../src/agent/router/skills.ts";

const here = dirname(fileURLToPath(import.meta.url));
const seed = 20261123;

const random = prng(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function readSource(split: string, skill: SkillId): string[] {
  const text = readFileSync(join(here, "source", split, `${skill}.txt`), "utf8");
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

// ---- Slot fillers -------------------------------------------------------------------------

const slots: Record<string, readonly string[]> = {
  order: ["#1042", "#20931", "order 55123", "#A2210", "order number 4412", "#10077", "order #3319", "no. 88120", "#7781", "order 2290", "#GB-5531", "ord 9910"],
  email: ["jane.doe@gmail.com", "mark_h@outlook.com", "lisa@yahoo.co.uk", "k.tanaka@icloud.com", "sam1987@hotmail.com", "priya.s@proton.me"],
  product: [
    "the blue hoodie", "my sneakers", "the linen shirt", "the coffee grinder", "the wool coat", "the desk lamp", "the yoga mat",
    "the leather wallet", "my face cream", "the kids raincoat", "the ceramic vase", "the running shoes", "the duvet cover",
    "the gold necklace", "the backpack", "the espresso machine", "the phone case", "the scented candle", "the denim jacket",
    "the air fryer", "my dress", "the throw pillows", "the headphones", "the puffer jacket", "the protein powder",
  ],
  thing: [
    "hoodie", "sneakers", "jeans", "jacket", "dress", "mug", "lamp", "serum", "candle", "backpack", "shoes", "t-shirt", "sofa cover",
    "watch", "ring", "blender", "pillow", "scarf", "boots", "swimsuit", "cardigan", "kettle", "sunglasses", "moisturiser", "tote bag",
  ],
  carrier: ["ups", "USPS", "fedex", "DHL", "royal mail", "evri", "canada post", "dpd", "australia post", "GLS", "the courier"],
  size: ["S", "M", "L", "XL", "a small", "a medium", "a large", "size 8", "size 10", "a 38", "a 42", "uk 6", "us 9"],
  colour: ["black", "navy", "white", "red", "green", "beige", "grey", "gray", "pink", "olive", "cream", "burgundy"],
  days: ["3 days", "a week", "10 days", "two weeks", "5 days", "over a month", "8 days", "three weeks", "ages"],
  when: ["yesterday", "last week", "on monday", "two days ago", "last month", "on the 3rd", "this morning", "on black friday"],
  person: ["my mum", "my dad", "my sister", "my boyfriend", "my girlfriend", "my wife", "my husband", "a friend", "my boss", "my nephew", "my grandma", "a coworker"],
  occasion: ["birthday", "anniversary", "christmas", "graduation", "wedding", "mother's day", "father's day", "valentine's", "housewarming", "retirement"],
  budget: ["$50", "£30", "100 dollars", "€40", "$25", "200 bucks", "£80"],
  country: ["canada", "the uk", "australia", "germany", "ireland", "france", "new zealand", "the netherlands", "mexico", "japan", "sweden", "norway", "spain", "the us"],
  payment: ["paypal", "apple pay", "google pay", "klarna", "afterpay", "amex", "a debit card", "bank transfer", "shop pay", "venmo"],
  code: ["SAVE20", "WELCOME10", "FALL25", "FREESHIP", "SPRING15", "VIP30", "HELLO5", "BF2026", "THANKYOU", "NEWBIE"],
  points: ["500", "1200", "300", "2,000", "850", "150", "5000"],
  tier: ["gold", "silver", "platinum", "VIP", "bronze", "diamond"],
  sub: ["subscription", "sub", "monthly box", "coffee subscription", "subscription box", "refill plan", "auto-ship", "membership box", "monthly plan", "recurring order"],
  freq: ["every 2 weeks", "every month", "every 6 weeks", "every other month", "every 3 months", "weekly", "every 8 weeks"],
  month: ["january", "march", "june", "september", "next month", "the summer", "december", "april"],
  human: ["a human", "a real person", "an agent", "someone", "a person", "a representative", "a manager", "customer service", "a live agent", "somebody real", "a team member", "support"],
  skinhair: ["dry skin", "oily skin", "sensitive skin", "curly hair", "frizzy hair", "acne", "dark circles", "fine hair", "combination skin"],
};

// Openers and closers shoppers wrap around the actual request; shared by every skill so they carry no topic.
const openers = [
  "", "", "", "", "", "hi ", "hello ", "hey ", "hi there, ", "good morning, ", "hello, ", "hey, ", "hii ", "excuse me, ", "quick question: ",
  "sorry to bother you but ", "um ", "so ", "ok so ", "dear team, ", "hi team! ", "hello again, ", "please help, ", "help! ", "yo ",
  "i ordered from you last week and ", "i've been a customer for years and ", "i'm on my phone so sorry for typos, ", "my friend recommended you and ",
  "i bought something for my daughter and ", "first time shopping here, ", "hi, i hope you're well. ", "hey, quick one - ",
];
const closers = [
  "", "", "", "", "", "", "?", " please", " pls", " thanks", " thank you", " thx", " asap", "!!", " ??", " :)", " thanks in advance",
  ". thank you!", " please help", ", cheers", " x", " 🙏", " ty", ". regards, anna", " - sent from my iphone", ". appreciate it",
];

// ---- Templates (train only) ---------------------------------------------------------------

const templates: Record<SkillId, readonly string[]> = {
  order_tracking: [
    "the {thing} i ordered {when} still hasn't come", "the tracking for {order} hasn't updated",
    "where is {order}", "where is my order {order}", "status of {order}", "has {order} shipped", "track {order}", "tracking for {order}",
    "where is {product}", "i ordered {product} {when} and it hasn't arrived", "ordered {product} {when}, when will it come",
    "its been {days} and my order still isnt here", "been waiting {days} for {order}", "{carrier} tracking hasn't moved in {days}",
    "{carrier} says delivered but i don't have {product}", "{carrier} says my parcel is delayed", "is my {thing} on the way",
    "when will my {thing} arrive", "did you ship my {thing} yet", "has my {thing} been dispatched", "tracking number for {order}",
    "can you send me the tracking link for {order}", "my email is {email}, where is my order", "order {order} still not delivered",
    "where's my {thing}, ordered {when}", "my {thing} never arrived", "when does {order} arrive", "eta for my {thing}?",
    "is {order} out for delivery", "my parcel with {carrier} is stuck", "what's the delivery date for {order}",
    "i need my {thing} by friday, is it shipped", "the {thing} i ordered {when} hasn't come yet", "no update on {order} for {days}",
  ],
  order_editing: [
    "the address on {order} is wrong", "the {thing} on my order should be {colour}, not shipped yet", "the size on {order} should be {size}",
    "cancel {order}", "please cancel {order}", "can i cancel {order}", "i want to cancel my {thing} order", "cancel my order for {product}",
    "change the address on {order}", "update shipping address for {order}", "change {product} to {size}", "change my {thing} to {colour}",
    "i ordered {size} but want {size}, not shipped yet", "swap the {colour} {thing} for {colour} on my order", "add a {thing} to {order}",
    "remove the {thing} from my order", "remove {product} from {order}", "can i edit {order}", "i need to change {order} before it ships",
    "wrong address on {order}", "i ordered the wrong {thing}, cancel please", "can i still change the size of the {thing} i ordered {when}",
    "change the email on my order to {email}", "i placed {order} {when}, can i still cancel", "cancel the {thing}, i changed my mind",
    "modify {order} please", "please hold {order}, don't ship it", "upgrade {order} to express shipping", "can you change {order} to {colour}",
    "add gift wrap to {order}", "i want to change the quantity of {thing}s in {order}",
  ],
  returns_exchanges: [
    "i want to return {product}", "return {order}", "how do i return the {thing}", "can i return the {thing} i bought {when}",
    "refund for {order}", "i want a refund for {product}", "where is my refund for {order}", "exchange the {thing} for {size}",
    "exchange {product} for {colour}", "the {thing} is too small", "the {thing} is too big, can i swap", "the {thing} arrived broken",
    "{product} arrived damaged", "received the wrong {thing}", "you sent me the wrong {thing} in {order}", "the {thing} doesn't fit",
    "return label for {order}", "i sent back {product} {when}, still no refund", "the {thing} is faulty, i want a replacement",
    "i want to exchange my {thing} for a different size", "the {thing} stopped working after {days}", "the {colour} {thing} looks nothing like the photo",
    "got {size} instead of {size}", "can i get store credit for the {thing}", "my refund for the {thing} hasn't arrived", "return the {thing} please",
    "the {thing} has a hole in it", "the {thing} came scratched",
  ],
  subscriptions: [
    "the {sub}, can i pause it", "the {sub} is too frequent, make it {freq}", "the {sub} charge this month was wrong",
    "cancel my {sub}", "pause my {sub}", "pause my {sub} until {month}", "skip my next {sub} delivery", "change my {sub} to {freq}",
    "deliver my {sub} {freq}", "when is my next {sub} charge", "when does my next {sub} ship", "update the card on my {sub}",
    "change the address on my {sub}", "resume my {sub}", "restart my {sub} in {month}", "i was charged for my {sub} after cancelling",
    "stop my {sub}", "how do i cancel the {sub}", "swap the {thing} in my {sub}", "add a {thing} to my {sub}", "my {sub} didn't arrive this month",
    "can i skip {month} on my {sub}", "my {sub} renewed without asking", "manage my {sub}", "my email is {email}, cancel my {sub}",
    "i want to cancel the {sub} for {person}", "downgrade my {sub}", "why was my {sub} more expensive this month",
  ],
  loyalty: [
    "the points for {order} never showed up", "the {tier} perks, what are they", "the reward for {points} points didn't apply",
    "how many points do i have", "i have {points} points, what can i get", "redeem {points} points", "my {points} points disappeared",
    "points for {order} are missing", "i didn't get points for {order}", "how do i get to {tier} tier", "what are the perks of {tier}",
    "am i {tier} status", "my {tier} status is gone", "how many points for {budget}", "how many points is the {thing} worth",
    "can i use points on the {thing}", "use my points on {order}", "my email is {email}, how many points do i have", "points balance for {email}",
    "i referred {person}, where's my reward", "do i get points for buying {product}", "birthday reward for {month}",
    "can i give my points to {person}", "when do my {points} points expire", "what's {points} points worth", "why do i only have {points} points",
    "how do i reach {tier}", "rewards points missing from {when}",
  ],
  coupons_discounts: [
    "the code {code} isn't working", "the sale on {thing}s, when does it end",
    "code {code} not working", "{code} is invalid", "does {code} still work", "is {code} expired", "{code} won't apply to {product}",
    "do you have a code for the {thing}", "discount on the {thing}?", "any coupon for {product}", "is the {thing} going on sale",
    "the {thing} was cheaper {when}, can i get the difference", "price of {product} dropped after i bought it", "{code} says minimum spend",
    "can i use {code} with the sale", "i forgot to use {code} on {order}", "can you apply {code} to {order}", "student discount on {product}?",
    "got {code} from instagram but it doesn't work", "i have {code}, where do i enter it", "discount code for {person}'s {occasion} gift",
    "when is the next sale on {thing}s", "is there a sale on {thing}s", "any promo for {country} customers", "coupon for free shipping to {country}",
    "the 20% off isn't applying to the {thing}", "my code {code} was already used",
  ],
  product_recommendations: [
    "the {colour} {thing}, do you have it in {size}", "the {thing} in {colour}, is it in stock", "the {thing} for {person}, which one would you pick",
    "gift for {person}", "what should i get {person} for {occasion}", "{occasion} gift ideas for {person} under {budget}",
    "something for {person} who likes {thing}s", "do you have the {thing} in {colour}", "is the {thing} in stock in {size}",
    "is {product} available in {colour}", "do you have {product} in {size}", "recommend a {thing}", "which {thing} is best",
    "what's your best {thing}", "i'm looking for a {colour} {thing}", "looking for a {thing} under {budget}", "best product for {skinhair}",
    "what do you recommend for {skinhair}", "which {thing} goes with {product}", "what goes with a {colour} {thing}", "show me {colour} {thing}s",
    "compare the {thing}s", "something similar to {product}", "when will {product} be back in stock", "is the {colour} {thing} sold out",
    "need a {thing} for {occasion}", "good {thing} for {person}", "top rated {thing}s", "any {colour} {thing}s for {person}",
  ],
  general_qa: [
    "the {thing}, is it machine washable", "the {thing}, what is it made of", "the delivery to {country}, how long", "the {thing} in {size}, what are the measurements",
    "do you ship to {country}", "shipping time to {country}", "how long does delivery to {country} take", "shipping cost to {country}",
    "do you accept {payment}", "can i pay with {payment}", "is {payment} available at checkout", "what is the {thing} made of",
    "how do i wash the {thing}", "is the {thing} machine washable", "does the {thing} run small", "what size {thing} should i get",
    "size chart for the {thing}", "warranty on the {thing}?", "how long is the warranty for {product}", "is the {thing} waterproof",
    "what are your hours on {month} holidays", "is there a store in {country}", "do you have a shop in {country}", "are the {thing}s vegan",
    "customs fees for {country}?", "do you charge vat for {country}", "is the {colour} {thing} colourfast", "measurements of the {thing} in {size}",
    "is the {thing} true to size", "delivery options for {country}", "express shipping to {country}?",
  ],
  handoff: [
    "i want to talk to {human}", "connect me to {human}", "can i speak to {human}", "let me talk to {human}", "get me {human}",
    "i need {human}", "transfer me to {human}", "i'd like to speak with {human}", "put me through to {human}", "{human} please",
    "can i talk to {human} about {order}", "i need {human} to look at {order}", "this bot can't help, {human} please",
    "can {human} call me", "i want to speak to {human} about my {thing}", "stop, i want {human}", "is there {human} i can talk to",
    "please connect me with {human} now", "bot is useless, {human}", "just give me {human}", "can i chat with {human}",
    "i prefer to talk to {human}", "need to speak with {human} urgently",
  ],
  other: [
    "{greet}", "{greet}!", "{greet} {greet}", "{thanks}", "{thanks}!", "{thanks} {bye}", "{greet}, how are you", "{bye}",
    "{thanks}, {bye}", "ok {thanks}", "{greet} :)", "{chat}", "{chat}?", "{greet} {chat}",
  ],
};

const otherSlots: Record<string, readonly string[]> = {
  greet: ["hi", "hello", "hey", "good morning", "good evening", "hiya", "howdy", "greetings", "hey there", "hullo", "heya", "morning", "hi hi", "helo", "hola", "bonjour", "hallo", "ciao", "salut", "namaste"],
  thanks: ["thanks", "thank you", "thanks so much", "many thanks", "thx", "ty", "cheers", "thank u", "thanks a bunch", "much appreciated", "tysm", "gracias", "merci", "danke"],
  bye: ["bye", "goodbye", "see you", "have a good day", "take care", "bye bye", "later", "ciao", "cya", "have a lovely evening", "au revoir", "adios"],
  chat: [
    "how are you", "who made you", "are you a real bot", "what's your favourite food", "do you sleep", "tell me a riddle", "what's the news today",
    "is it going to snow", "who will win the election", "what's the best pizza topping", "i'm just bored", "can you dance", "what's 10 times 12",
    "how far is the moon", "recommend a song", "what's the time in tokyo", "lol ok", "nice to meet you", "you're cool", "blah blah", "xyz", "jdjdjdj",
    "hello world", "ping", "can you hear me", "knock knock", "i like turtles", "what is love", "hmm interesting",
  ],
};

function fill(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => pick(slots[name] ?? otherSlots[name] ?? [name]));
}

// ---- Noise: the ways real messages arrive -------------------------------------------------

const keyboardNeighbours: Record<string, string> = {
  a: "sq", s: "ad", d: "sf", e: "wr", r: "et", t: "ry", i: "uo", o: "ip", n: "bm", m: "n", l: "k", c: "xv", u: "yi", h: "gj", g: "fh", p: "o",
};

function typo(word: string): string {
  if (word.length < 4 || /[^a-z]/.test(word)) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  const kind = random();
  if (kind < 0.3) return word.slice(0, i) + word.slice(i + 1); // dropped letter
  if (kind < 0.55) return word.slice(0, i) + (word[i + 1] ?? "") + (word[i] ?? "") + word.slice(i + 2); // swapped letters
  if (kind < 0.75) return word.slice(0, i) + (word[i] ?? "") + word.slice(i); // doubled letter
  const near = keyboardNeighbours[word[i] ?? ""];
  return near ? word.slice(0, i) + pick([...near]) + word.slice(i + 1) : word;
}

function roughen(text: string): string {
  let out = text;
  const r = random();
  if (r < 0.35) out = out.toLowerCase();
  else if (r < 0.4) out = out.toUpperCase();
  else if (r < 0.55) out = out.charAt(0).toUpperCase() + out.slice(1);
  if (random() < 0.3) out = out.replace(/[.,!?']/g, "");
  if (random() < 0.45) {
    const words = out.split(" ");
    const j = Math.floor(random() * words.length);
    words[j] = typo(words[j] ?? "");
    out = words.join(" ");
  }
  if (random() < 0.15) out = out.replace(/\byou\b/g, "u").replace(/\byour\b/g, "ur").replace(/\bplease\b/g, "pls");
  return out;
}

function dress(text: string): string {
  const opener = pick(openers);
  const closer = pick(closers);
  return roughen(`${opener}${text}${closer}`.trim());
}

// ---- Build --------------------------------------------------------------------------------

const header = ["utterance", "skill"] as const;

function writeSplit(name: string, rows: readonly (readonly [string, SkillId])[]): void {
  writeFileSync(join(here, `${name}.csv`), formatCsv(header, rows.map(([u, s]) => [u, s])));
  const counts = skillIds.map((s) => `${s} ${rows.filter((r) => r[1] === s).length}`).join(", ");
  console.log(`${name}.csv: ${rows.length} rows (${counts})`);
}

const heldoutRows: [string, SkillId][] = [];
const devRows: [string, SkillId][] = [];
for (const skill of skillIds) {
  for (const u of readSource("heldout", skill)) heldoutRows.push([u, skill]);
  for (const u of readSource("dev", skill)) devRows.push([u, skill]);
}
const reserved = new Set([...heldoutRows, ...devRows].map(([u]) => utteranceKey(u)));

const generatedPerSkill = 230;
const trainRows: [string, SkillId][] = [];
const taken = new Set<string>();
const take = (u: string, skill: SkillId): boolean => {
  const key = utteranceKey(u);
  if (key === "" || reserved.has(key) || taken.has(key)) return false;
  taken.add(key);
  trainRows.push([u, skill]);
  return true;
};
for (const skill of skillIds) {
  const handwritten = readSource("train", skill);
  for (const u of handwritten) take(u, skill);
  // One roughened variant for about half of the hand-written lines (typos, case, a greeting or a "thanks").
  for (const u of handwritten) if (random() < 0.5) take(random() < 0.5 ? dress(u) : roughen(u), skill);
  let made = 0;
  for (let attempts = 0; made < generatedPerSkill && attempts < generatedPerSkill * 20; attempts++) {
    const raw = fill(pick(templates[skill]));
    if (take(skill === "other" ? roughen(raw) : dress(raw), skill)) made++;
  }
}
const dirs = readdirSync(join(here, "source"));
console.log(`sources: ${dirs.join(", ")}`);
writeSplit("train", trainRows);
writeSplit("dev", devRows);
writeSplit("heldout", heldoutRows);
