// SMS/WhatsApp consent keywords (docs/product.md §1: they are consent actions, not tickets) and sender kinds.
//
// Keywords are Twilio's defaults for long codes and Messaging Services (Advanced Opt-Out):
// opt-out STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT; opt-in START, YES, UNSTOP;
// help HELP, INFO. Like Twilio, only a whole single-keyword message counts ("STOP please" is a
// normal message); we also accept surrounding spaces, any letter case or width and trailing punctuation.

export type ConsentAction = "opt_out" | "opt_in" | "help";

const KEYWORDS: ReadonlyMap<string, ConsentAction> = new Map([
  ...["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"].map((word) => [word, "opt_out"] as const),
  ...["START", "YES", "UNSTOP"].map((word) => [word, "opt_in"] as const),
  ...["HELP", "INFO"].map((word) => [word, "help"] as const),
]);

/** The consent action a whole inbound message asks for, or null for an ordinary message. */
export function consentAction(text: string): ConsentAction | null {
  const word = text.normalize("NFKC").trim().replace(/[\p{P}\s]+$/u, "").toUpperCase();
  return KEYWORDS.get(word) ?? null;
}

/**
 * Whether an SMS/WhatsApp sender is a name rather than a number (an alphanumeric sender ID such as
 * "ACMESHOP"), which cannot receive replies. A channel prefix such as "whatsapp:" is ignored; any
 * sender containing a letter is not dialable, whatever its length. Short codes (digits) can be replied to.
 */
export function isAlphanumericSender(from: string): boolean {
  const sender = from.trim().replace(/^(?:whatsapp|sms|mms):/i, "");
  return /\p{L}/u.test(sender);
}
