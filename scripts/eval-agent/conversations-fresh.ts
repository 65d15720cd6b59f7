// Written after the skills were frozen and run once as they are: never used to change the agent. Reported apart from the targets.
import type { Conversation } from "./types.ts";

export const freshConversations: Conversation[] = [
  { id: "fresh-code-typo-case", shop: "demo", skill: "coupons_discounts", resolvable: true, tags: ["fresh"], turns: [
    { say: "hey is welcome10 still a thing? want to use it on my first order", expect: { has: ["WELCOME10 is valid"] } },
  ] },
  { id: "fresh-refund-when", shop: "demo", skill: "returns_exchanges", shopper: "emma", resolvable: true, tags: ["fresh"], turns: [
    { say: "sent my return back last week, any news on the money?", expect: { has: ["completed"] } },
  ] },
  { id: "fresh-parcel-stolen", shop: "demo", skill: "order_tracking", shopper: "alex", mustEscalate: true, tags: ["fresh"], turns: [
    { say: "pretty sure my package from order 1033 got stolen, it says delivered", expect: { not: ["on its way"] } },
  ] },
  { id: "fresh-budget-socks", shop: "demo", skill: "product_recommendations", resolvable: true, tags: ["fresh"], turns: [
    { say: "need some warm socks, nothing more than 40 dollars", expect: { not: ["$89", "$42"] } },
  ] },
  { id: "fresh-bookshelf-compare", shop: "furniture", skill: "product_recommendations", resolvable: true, tags: ["fresh"], turns: [
    { say: "what's the difference between the Cove side table and the Ridge coffee table", expect: { cards: ["comparison"] } },
  ] },
  { id: "fresh-angry-coupon", shop: "demo", skill: "coupons_discounts", mustEscalate: true, tags: ["fresh", "anger"], turns: [
    { say: "I've tried SUMMER25 like five times now and it keeps failing, so annoying", expect: { has: ["expired"] } },
  ] },
  { id: "fresh-pause-then-yes", shop: "demo", skill: "subscriptions", shopper: "noah", resolvable: true, tags: ["fresh", "confirm"], turns: [
    { say: "going on holiday, can you put my coffee on hold for a bit?" },
    { say: "yep", expect: { has: ["paused"] } },
  ] },
  { id: "fresh-joke", shop: "beauty", skill: "other", outOfScope: true, tags: ["fresh"], turns: [
    { say: "tell me a joke" },
  ] },
  { id: "fresh-serum-shelf-life", shop: "beauty", skill: "general_qa", resolvable: true, tags: ["fresh"], turns: [
    { say: "how long does a serum last once I open it?", expect: { has: ["6 months"] } },
  ] },
  { id: "fresh-manager", shop: "furniture", skill: "handoff", mustEscalate: true, tags: ["fresh"], turns: [
    { say: "I'd like to speak to a manager about my delivery" },
  ] },
  { id: "fresh-size-boots", shop: "demo", skill: "product_recommendations", resolvable: true, tags: ["fresh"], turns: [
    { say: "I'm a 9.5, should I get a 9 or a 10 in the hiking boots?", expect: { has: ["sizing up"] } },
  ] },
  { id: "fresh-edit-address", shop: "demo", skill: "order_editing", shopper: "olivia", resolvable: true, tags: ["fresh"], turns: [
    { say: "oops I put the wrong address on my order from this morning, can I fix it?", expect: { has: ["#1043"] } },
  ] },
];
