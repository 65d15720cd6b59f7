// A customer's data export (GDPR/CCPA access request): the profile, their tickets with every message (internal notes
// included: they are about the customer), and the AI agent's turns on those tickets.
import { asc, and, eq, inArray } from "drizzle-orm";
import { db } from "../db/client.ts";
import { agentTurns } from "../db/schema/index.ts";
import { iso } from "../lib/clock.ts";
import { profileOr404 } from "../profiles/service.ts";
import type { MessageView, TicketView } from "../schemas/ticket.ts";
import { ticketStub, viaActor } from "../tickets/actors.ts";
import { customerTicketIds } from "./customerTickets.ts";

const PAGE = 500;

async function allMessages(env: Env, accountId: string, ticketId: string): Promise<MessageView[]> {
  const out: MessageView[] = [];
  for (;;) {
    const page = await viaActor(ticketStub(env, accountId, ticketId).messagesAfter({ after: out[out.length - 1]?.id ?? null, limit: PAGE, includeInternal: true }));
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

export async function exportProfile(env: Env, accountId: string, profileId: string, now = Date.now()) {
  const p = await profileOr404(env, accountId, profileId);
  const ids = await customerTicketIds(env, p);
  const tickets: (TicketView & { messages: MessageView[] })[] = [];
  for (const id of ids) {
    const ticket = await viaActor(ticketStub(env, accountId, id).get());
    if (ticket) tickets.push({ ...ticket, messages: await allMessages(env, accountId, id) });
  }
  const turns =
    ids.length === 0
      ? []
      : await db(env.DB)
          .select({ ticketId: agentTurns.ticketId, skill: agentTurns.skill, question: agentTurns.question, outcome: agentTurns.outcome, channel: agentTurns.channel, at: agentTurns.at })
          .from(agentTurns)
          .where(and(eq(agentTurns.accountId, accountId), inArray(agentTurns.ticketId, ids)))
          .orderBy(asc(agentTurns.at));
  return {
    exportedAt: iso(now),
    profile: {
      id: p.id,
      name: p.name,
      email: p.email,
      phone: p.phone,
      externalId: p.externalId,
      segments: JSON.parse(p.segments) as string[],
      smsConsent: p.smsConsent,
      createdAt: iso(p.createdAt),
      updatedAt: iso(p.updatedAt),
    },
    tickets,
    turns: turns.map((t) => ({ ...t, at: iso(t.at) })),
  };
}
