// The AI agent's turn rules (docs/product.md §4): which path a classified message takes and when and how to hand off per channel (a model's reply is checked in grounding.ts).

/**
 * Below this router confidence the agent doesn't act on the intent. The router's confidence is the
 * probability of its top skill; under 0.5 the other skills together are likelier than the one it picked,
 * so answering would more often than not answer the wrong question. Offering a human is cheaper.
 */
export const LOW_CONFIDENCE = 0.5;

export type HandoffMode = "none" | "offer" | "ask_email" | "now";

/**
 * How a handoff happens on a channel: web chat asks first (the shopper clicks "Yes, connect me with an agent"),
 * and a shopper we have no email for is asked for one; SMS, email and social channels go to the team at once.
 */
export function handoffModeFor(channel: string, shopper: { loggedIn: boolean; email?: string | undefined }): Exclude<HandoffMode, "none"> {
  if (channel !== "webchat") return "now";
  return shopper.loggedIn || shopper.email ? "offer" : "ask_email";
}

export type TurnPath =
  | { path: "handoff"; why: "asked_for_human" | "low_confidence" | "skill_unavailable" }
  | { path: "smalltalk" }
  | { path: "skill" };

export function turnPath(input: { skill: string; confidence: number; skillLive: boolean }): TurnPath {
  if (input.skill === "handoff") return { path: "handoff", why: "asked_for_human" };
  if (!(input.confidence >= LOW_CONFIDENCE)) return { path: "handoff", why: "low_confidence" };
  if (input.skill === "other") return { path: "smalltalk" };
  if (!input.skillLive) return { path: "handoff", why: "skill_unavailable" };
  return { path: "skill" };
}

/** What a skill's answer means for the conversation. */
export type AnswerOutcome = "resolved" | "asked" | "needs_login" | "unresolved";

/**
 * needs_login: on web chat the shopper is asked to log in; elsewhere nobody can log in, so the team takes over.
 * unresolved: a human is offered (web chat) or takes over (other channels).
 */
export function handoffAfter(outcome: AnswerOutcome, channel: string, shopper: { loggedIn: boolean; email?: string | undefined }): HandoffMode {
  if (outcome === "resolved" || outcome === "asked") return "none";
  if (outcome === "needs_login") return channel === "webchat" ? "none" : "now";
  return handoffModeFor(channel, shopper);
}

export type Smalltalk = "greeting" | "thanks" | "goodbye" | "other";

export function smalltalkKind(text: string): Smalltalk {
  const t = text.toLowerCase();
  if (/\b(thanks|thank you|thx|ty|cheers|appreciate)\b/.test(t)) return "thanks";
  if (/\b(bye|goodbye|see you|that'?s all|have a (good|nice|great))\b/.test(t)) return "goodbye";
  if (/\b(hi|hello|hey|hiya|good (morning|afternoon|evening)|howdy|yo)\b/.test(t)) return "greeting";
  return "other";
}

const whatICanDo = "I can check an order, help with returns and exchanges, subscriptions, rewards points and discount codes, suggest products or answer questions about the shop.";

export function smalltalkReply(text: string, shopName?: string): string {
  switch (smalltalkKind(text)) {
    case "greeting":
      return `Hi there! I'm ${shopName ? `the ${shopName}` : "the shop's"} virtual assistant. ${whatICanDo} What can I do for you?`;
    case "thanks":
      return "You're welcome! Is there anything else I can help with?";
    case "goodbye":
      return "Thanks for getting in touch — have a great day!";
    case "other":
      return `I'm here to help. ${whatICanDo} What would you like to know?`;
  }
}
