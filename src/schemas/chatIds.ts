// Ids of the web-chat protocol that both the server and the widget compute. No zod here: the widget
// imports this at runtime and must stay small (src/schemas/live.ts re-exports it for the server side).

/** The id a shopper's message sent with `clientMessageId` is stored under: the one place that builds `msg_c…`. */
export function chatMessageId(clientMessageId: string): string {
  return `msg_c${clientMessageId}`;
}

/** The follow-up email's link opens the widget on the linked page with this parameter (src/chat/followUp.ts). */
export const REOPEN_PARAM = "edgedesk_chat";
/** …and carries the single-use resume token in this one (src/chat/resume.ts); the widget takes both out of the address bar. */
export const RESUME_PARAM = "edgedesk_resume";
