// The office-hours auto-reply: outside office hours, a web-chat conversation with the team gets it once.
import { getSettings } from "../accounts/settings.ts";
import { isOpen } from "../domain/officeHours.ts";
import type { MessageView } from "../schemas/ticket.ts";
import { ticketStub, viaActor } from "../tickets/actors.ts";

/** One id per conversation, so the ticket actor stores the auto-reply once however often it is asked. */
export function autoReplyId(ticketId: string): string {
  return `msg_oh${ticketId}`;
}

/**
 * After the shopper's `message`: if the team is closed now and has an auto-reply, it goes into the
 * conversation (a `system` reply). Returns it when this message brought it, null otherwise.
 */
export async function officeHoursAutoReply(env: Env, accountId: string, ticketId: string, message: MessageView, now = Date.now()): Promise<MessageView | null> {
  const hours = (await getSettings(env, accountId)).officeHours;
  if (!hours || hours.autoReply.trim() === "" || isOpen(hours, now)) return null;
  const reply: MessageView = await viaActor(ticketStub(env, accountId, ticketId).reply({ author: "system", body: hours.autoReply, id: autoReplyId(ticketId) }));
  // Sent earlier in the conversation: it is older than this message, so this message did not bring it.
  return reply.createdAt >= message.createdAt ? reply : null;
}
