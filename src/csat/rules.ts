// CSAT rules (issue 13 §3): when the shopper is asked how it went, what the survey says on each channel, and how a
// text reply counts as a score. Pure; the ticket actor does the asking (src/csat/inTicket.ts).
import { z } from "@hono/zod-openapi";
import type { Channel } from "../schemas/ticket.ts";

export const csatSettingsSchema = z
  .object({
    enabled: z.boolean().openapi({ description: "Ask the shopper for a 1–5 rating once, after a person on the team closes the ticket" }),
    aiResolved: z
      .boolean()
      .optional()
      .openapi({ description: "Also ask when a conversation the AI agent handled on its own is closed (off by default: the agent's resolution figures cover those)" }),
  })
  .strict()
  .openapi("CsatSettings");
export type CsatSettings = z.output<typeof csatSettingsSchema>;
// Opt-in, as in the hosted helpdesks: an account turns surveys on in Settings → CSAT & SLAs (the demo seed does).
export const DEFAULT_CSAT: CsatSettings = { enabled: false, aiResolved: false };

export const csatInput = z
  .object({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(1000).optional() })
  .strict()
  .openapi("CsatInput");

/** How long a survey may be answered (the email link's lifetime, and an SMS "4" counting as a score). */
export const CSAT_ANSWER_WINDOW_MS = 7 * 24 * 3_600_000;

export interface CsatTicket {
  status: "open" | "snoozed" | "closed";
  spam: boolean;
  handledBy: "team" | "ai";
  messageCount: number;
  csatAskedAt?: number | null | undefined;
}

/** Asked once per ticket: on close by a person (or by anyone, for AI-handled tickets when the setting says so). */
export function shouldAsk(t: CsatTicket, settings: CsatSettings, closedByPerson: boolean): boolean {
  if (!settings.enabled || t.status !== "closed" || t.spam || t.messageCount === 0 || t.csatAskedAt != null) return false;
  return t.handledBy === "ai" ? settings.aiResolved === true : closedByPerson;
}

export const CSAT_CARD_TYPE = "csat";

/** The survey as the channel carries it: a card in web chat, a link by email, a reply-with-a-number in messaging. */
export function surveyText(channel: Channel, link: string | null): string {
  if (channel === "webchat") return "How did we do? Please rate this conversation from 1 (poor) to 5 (great).";
  if (channel === "email")
    return link
      ? `How did we do? Rate this conversation from 1 to 5 (one click): ${link}\nThe link works for 7 days.`
      : "How did we do? Reply with a number from 1 (poor) to 5 (great).";
  return "How did we do? Reply with a number from 1 (poor) to 5 (great).";
}

/** A messaging reply that is only a score: "4", "5!", "3 stars", "4/5". */
export function scoreFromText(text: string): number | null {
  const m = /^\s*([1-5])\s*(?:\/\s*5|stars?|!+|\.)?\s*$/i.exec(text);
  return m ? Number(m[1]) : null;
}

export function canAnswer(t: CsatTicket & { csat?: unknown }, now: number): "ok" | "not_asked" | "answered" | "expired" {
  if (t.csatAskedAt == null) return "not_asked";
  if (t.csat) return "answered";
  return now - t.csatAskedAt > CSAT_ANSWER_WINDOW_MS ? "expired" : "ok";
}
