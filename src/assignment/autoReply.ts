// The office-hours auto-reply: outside office hours, a web-chat conversation with the team gets it once.
import type { AccountSettings } from "../accounts/settings.ts";
import { isOpen } from "./officeHours.ts";

/** One id per conversation, so the ticket actor stores the auto-reply once however often it is asked. */
export function autoReplyId(ticketId: string): string {
  return `msg_oh${ticketId}`;
}

/** The auto-reply text when the team is closed at `now` and has one; null otherwise. */
export function officeHoursAutoReplyText(settings: Pick<AccountSettings, "officeHours">, now: number): string | null {
  const hours = settings.officeHours;
  if (!hours || hours.autoReply.trim() === "" || isOpen(hours, now)) return null;
  return hours.autoReply;
}
