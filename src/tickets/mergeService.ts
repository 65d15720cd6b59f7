// Merging tickets across their two actors (issue 13 §5): checks, then the merged ticket hands its thread over and
// the survivor takes it; an unmerge within a minute reverses both. Steps are ordered so that a failure half-way
// leaves both tickets usable: a survivor that refuses makes the merged ticket undo its side.
import { and, eq } from "drizzle-orm";
import { db } from "../db/client.ts";
import { channelThreads } from "../db/schema/index.ts";
import { AppError } from "../lib/errors.ts";
import type { TicketView } from "../schemas/ticket.ts";
import { ticketStub, viaActor } from "./actors.ts";
import { sameCustomer, UNMERGE_WINDOW_MS } from "./merge.ts";
import type { MergeSource } from "./mergeInTicket.ts";

export async function mergeTickets(env: Env, accountId: string, sourceId: string, intoId: string, by: string): Promise<TicketView> {
  if (sourceId === intoId) throw new AppError("validation_failed", "A ticket cannot be merged into itself", [{ path: "intoTicketId", message: "must be another ticket" }]);
  const source = ticketStub(env, accountId, sourceId);
  const into = ticketStub(env, accountId, intoId);
  const [s, t] = await Promise.all([viaActor(source.get()), viaActor(into.get())]);
  if (!s) throw new AppError("not_found", "ticket not found");
  if (!t) throw new AppError("validation_failed", "No such ticket to merge into", [{ path: "intoTicketId", message: "unknown ticket" }]);
  if (s.mergedInto) throw new AppError("conflict", `Ticket #${s.number} is already merged`);
  if (t.mergedInto) throw new AppError("conflict", `Ticket #${t.number} was merged into another ticket; merge into that one`);
  if (!sameCustomer(s.customer, t.customer)) throw new AppError("conflict", "Only tickets of the same customer can be merged");
  const moved: MergeSource = await viaActor(source.mergeOut({ into: intoId, intoNumber: t.number, by }));
  let survivor: TicketView;
  try {
    survivor = await viaActor(into.mergeIn({ source: moved, by }));
  } catch (err) {
    await viaActor(source.unmergeOut({ by })).catch(() => undefined);
    throw err;
  }
  // The customer's channel threads (email thread, phone, Instagram sender) now lead to the survivor; until this
  // lands, the merged ticket passes on what arrives.
  await db(env.DB).update(channelThreads).set({ ticketId: intoId, updatedAt: Date.now() }).where(and(eq(channelThreads.accountId, accountId), eq(channelThreads.ticketId, sourceId)));
  return survivor;
}

export async function unmergeTicket(env: Env, accountId: string, sourceId: string, by: string, now = Date.now()): Promise<TicketView> {
  const source = ticketStub(env, accountId, sourceId);
  const view = await viaActor(source.get());
  if (!view) throw new AppError("not_found", "ticket not found");
  const state = await viaActor(source.mergeState());
  if (!state) throw new AppError("conflict", "This ticket is not merged");
  if (now - state.at > UNMERGE_WINDOW_MS) throw new AppError("conflict", "A merge can only be undone within a minute");
  await viaActor(ticketStub(env, accountId, state.into).unmergeIn({ sourceId, sourceNumber: view.number, by }));
  return viaActor(source.unmergeOut({ by }));
}
