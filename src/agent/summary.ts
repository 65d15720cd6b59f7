// The handoff summary at the top of a ticket the AI agent passes to the team: the extractive facts of the conversation
// (what the shopper asked, the order and email they gave, which skills the AI agent used, what it answered last). Pure.
import { emailIn, latestMention, orderNumberIn } from "./orders.ts";
import { skillFor } from "./skills/index.ts";

export interface SummaryInput {
  /** Public messages, oldest first. */
  messages: readonly { author: string; body: string }[];
  /** Skills the AI agent routed the shopper's messages to, in order (repeats allowed). */
  skills: readonly string[];
  loggedIn: boolean;
  /** The AI agent's latest answer that was not the handoff offer itself. */
  lastAnswer: string | null;
}

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The summary as lines (null when the AI agent never spoke with the shopper). */
export function handoffSummary(input: SummaryInput): string | null {
  const said = input.messages.filter((m) => m.author === "customer").map((m) => m.body);
  const first = said[0];
  if (!first) return null;
  const lines = [`Asked: “${clip(first, 160)}”`];
  const order = latestMention(said, orderNumberIn);
  if (order) lines.push(`Order: #${order}`);
  const email = latestMention(said, emailIn);
  if (email) lines.push(`Email given: ${email}${input.loggedIn ? "" : " (not verified)"}`);
  if (input.loggedIn) lines.push("Shopper: logged in on the store (verified identity)");
  const names = [...new Set(input.skills)].map((id) => skillFor(id)?.name).filter((n): n is string => Boolean(n));
  if (names.length > 0) lines.push(`AI agent tried: ${names.join(", ")}`);
  if (input.lastAnswer) lines.push(`Last AI answer: “${clip(input.lastAnswer, 200)}”`);
  lines.push(`Shopper wrote ${said.length} message${said.length === 1 ? "" : "s"} before the handoff.`);
  return `Handoff summary\n${lines.join("\n")}`;
}
