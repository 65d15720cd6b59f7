// Ids of the web-chat protocol that both the server and the widget compute. No zod here: the widget
// imports this at runtime and must stay small (src/schemas/live.ts re-exports it for the server side).

/** The id a shopper's message sent with `clientMessageId` is stored under: the one place that builds `msg_c…`. */
export function chatMessageId(clientMessageId: string): string {
  return `msg_c${clientMessageId}`;
}
