// Reaching ticket actors: names are scoped by account, so a foreign id finds nothing.
import { asAppError } from "../lib/errors.ts";

export function ticketStub(env: Env, accountId: string, ticketId: string) {
  return env.TICKET.get(env.TICKET.idFromName(`${accountId}:${ticketId}`));
}

/** Awaits an actor call, restoring the error code the actor threw. */
export async function viaActor<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    throw asAppError(err) ?? err;
  }
}
