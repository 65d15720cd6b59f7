// A customer's erasure (GDPR/CCPA): each of their tickets' actors erases its content and keeps an anonymised shell
// (report counts stay), then the D1 rows that copy their words or identify them go, with the profile and any stored
// files. Safe to repeat: a second run finds the shells and nothing else to remove (docs/platform.md "Erasure").
import { and, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { db } from "../db/client.ts";
import { agentTurns, channelThreads, commerceActions, outbox, profileEvents, profiles, shortLinks, ticketMessagesSearch } from "../db/schema/index.ts";
import { profileOr404 } from "../profiles/service.ts";
import { ticketStub, viaActor } from "../tickets/actors.ts";
import { customerTicketIds } from "./customerTickets.ts";
import { eraseTicketFiles } from "./files.ts";

export interface ErasureReport {
  tickets: number;
  messages: number;
  files: number;
}

export async function eraseProfile(env: Env, accountId: string, profileId: string): Promise<ErasureReport> {
  const p = await profileOr404(env, accountId, profileId);
  const ids = await customerTicketIds(env, p);
  let messages = 0;
  for (const id of ids) {
    // The actor rewrites its D1 row (customer, subject and preview gone) before it answers.
    messages += (await viaActor(ticketStub(env, accountId, id).erase())).messages;
  }
  const files = await eraseTicketFiles(env, accountId, ids);
  const d = db(env.DB);
  // Profiles merged into this one (their ids still answer with it) are the same person.
  const aliases = await d.select({ id: profiles.id }).from(profiles).where(and(eq(profiles.accountId, accountId), eq(profiles.mergedInto, p.id)));
  const people = [p.id, ...aliases.map((a) => a.id)];
  const statements: BatchItem<"sqlite">[] = [
    d.delete(profiles).where(and(eq(profiles.accountId, accountId), inArray(profiles.id, people))),
    // Their timeline and tracked links go; the commerce actions taken for them stay (the demo store replays them
    // to keep its orders as they are), no longer tied to the person.
    d.delete(profileEvents).where(and(eq(profileEvents.accountId, accountId), inArray(profileEvents.profileId, people))),
    d.delete(shortLinks).where(and(eq(shortLinks.accountId, accountId), inArray(shortLinks.profileId, people))),
    d.update(commerceActions).set({ profileId: "erased" }).where(and(eq(commerceActions.accountId, accountId), inArray(commerceActions.profileId, people))),
  ];
  if (ids.length > 0) {
    // D1 copies of their words (the agent's turn log, the replies' delivery index, search) and the channel threads that
    // would attach their next message to a shell.
    for (let i = 0; i < ids.length; i += 50) {
      const chunk = ids.slice(i, i + 50);
      statements.push(
        d.delete(agentTurns).where(and(eq(agentTurns.accountId, accountId), inArray(agentTurns.ticketId, chunk))),
        d.delete(outbox).where(and(eq(outbox.accountId, accountId), inArray(outbox.ticketId, chunk))),
        d.delete(channelThreads).where(and(eq(channelThreads.accountId, accountId), inArray(channelThreads.ticketId, chunk))),
        // Search's copy of every message and note (migrations/0011; its FTS index follows by trigger).
        d.delete(ticketMessagesSearch).where(and(eq(ticketMessagesSearch.accountId, accountId), inArray(ticketMessagesSearch.ticketId, chunk))),
      );
    }
  }
  await d.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return { tickets: ids.length, messages, files };
}
