// Stand-in for the intent router's interface (the router branch replaces this file on merge).
export type SkillId = "order_tracking" | "order_editing" | "returns_exchanges" | "subscriptions" | "loyalty" | "coupons_discounts" | "product_recommendations" | "general_qa" | "handoff" | "other";
export interface Turn { author: "customer" | "ai" | "agent"; text: string }
export interface IntentRouter { classify(input: { text: string; history?: Turn[] }): Promise<{ skill: SkillId; confidence: number }> }
