// Who the shop signed for a web chat (identityHash, src/chat/identity.ts), kept in the ticket actor's storage from the
// conversation's start: "logged in" for the AI agent's order lookups and handoff, and who may resume the chat
// elsewhere (src/chat/resume.ts). Erasure forgets it with the rest of the customer's content.
import type { ActorStorage } from "../actors/storage.ts";
import type { CreateTicketInput } from "../tickets/rpc.ts";

const VERIFIED = "verified";
const VERIFIED_EMAIL = "verified_email";
const VERIFIED_EXTERNAL_ID = "verified_ext";

export interface VerifiedShopper {
  loggedIn: boolean;
  /** The email identityHash signed, if it signed one. */
  email: string | null;
  /** The externalId identityHash signed (conversations started before it was kept have none). */
  externalId: string | null;
}

/** Set once, when the conversation starts: nothing later turns a guest's chat into a signed-in one. */
export function rememberVerified(store: ActorStorage, init: Pick<CreateTicketInput, "verified" | "verifiedEmail" | "verifiedExternalId">): void {
  if (!init.verified) return;
  store.set(VERIFIED, "1");
  if (init.verifiedEmail) store.set(VERIFIED_EMAIL, init.verifiedEmail);
  if (init.verifiedExternalId) store.set(VERIFIED_EXTERNAL_ID, init.verifiedExternalId);
}

export function verifiedShopper(store: ActorStorage): VerifiedShopper {
  return { loggedIn: store.get(VERIFIED) === "1", email: store.get(VERIFIED_EMAIL), externalId: store.get(VERIFIED_EXTERNAL_ID) };
}

/** Erasure: the shell of an erased conversation is a guest's. */
export function forgetVerified(store: ActorStorage): void {
  for (const key of [VERIFIED, VERIFIED_EMAIL, VERIFIED_EXTERNAL_ID]) store.delete(key);
}
