// SMS reply attribution (docs/product.md §1): which campaign or flow SMS a customer's reply is credited to.
//
// Rules: the reply goes to the most recent campaign/flow SMS the customer received at or before the
// reply and no more than the window earlier (inclusive; default 24 h). Only the first reply of a burst
// counts: if the customer already replied at or after that message was sent, this reply is not
// attributed. Messages sent at the same instant: the later one in `received` wins.

export type ReceivedSms = { messageId: string; sentAt: number; kind: "campaign" | "flow" | "reply" };

export const DEFAULT_ATTRIBUTION_WINDOW_MS = 24 * 60 * 60 * 1000;

export function attributeReply(input: {
  replyAt: number;
  received: readonly ReceivedSms[];
  /** When the customer's previous reply arrived, or null if this is their first. */
  previousReplyAt: number | null;
  windowMs?: number;
}): string | null {
  const { replyAt, received, previousReplyAt } = input;
  const windowMs = input.windowMs ?? DEFAULT_ATTRIBUTION_WINDOW_MS;
  let latest: ReceivedSms | null = null;
  for (const message of received) {
    if (message.sentAt > replyAt || replyAt - message.sentAt > windowMs) continue;
    if (latest === null || message.sentAt >= latest.sentAt) latest = message;
  }
  if (latest === null) return null;
  if (previousReplyAt !== null && previousReplyAt >= latest.sentAt) return null;
  return latest.messageId;
}
