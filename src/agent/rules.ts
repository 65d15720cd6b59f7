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
  | { path: "handoff"; why: "asked_for_human" | "skill_unavailable" }
  /** The router isn't sure what the shopper wants: ask them to rephrase (no human yet; a second miss offers one). */
  | { path: "not_understood" }
  | { path: "smalltalk" }
  | { path: "skill" };

export function turnPath(input: { skill: string; confidence: number; skillLive: boolean }): TurnPath {
  if (input.skill === "handoff") return { path: "handoff", why: "asked_for_human" };
  if (!(input.confidence >= LOW_CONFIDENCE)) return { path: "not_understood" };
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

export type Smalltalk = "greeting" | "thanks" | "goodbye" | "ack" | "help" | "other";

export function smalltalkKind(text: string): Smalltalk {
  const t = text.toLowerCase();
  if (/\b(thanks|thank you|thx|ty|cheers|appreciate|gracias|merci|danke|grazie|obrigad[oa]|bedankt|dank je)\b/.test(t)) return "thanks";
  if (/\b(bye|goodbye|see you|that'?s all|have a (good|nice|great)|adiós|adios|au revoir|tschüss|arrivederci|tchau|doei|dag)\b/.test(t)) return "goodbye";
  if (/\b(hi|hello|hey|hiya|good (morning|afternoon|evening)|howdy|yo|hola|buenos días|bonjour|salut|hallo|guten tag|ciao|buongiorno|olá|ola|bom dia|hoi|goedemorgen)\b/.test(t)) return "greeting";
  if (/^\s*(ok(ay)?|k|cool|great|got it|alright|all right|fine|sure|yes|no|nope|yep|perfect|nice|good|vale|d'accord|gut|bene|certo|oké|prima)\s*[.!]*\s*$/.test(t)) return "ack";
  if (/\b(help|what can you do|who are you|are you a (bot|robot|human)|ayuda|aide|hilfe|aiuto|ajuda|hulp)\b/.test(t)) return "help";
  return "other";
}
