// The one place where a customer's stored files are erased (GDPR erasure, src/privacy/erase.ts): every attachment of
// each of their tickets goes from R2 and from D1 (src/files/store.ts).
import { deleteFilesForTicket } from "../files/store.ts";

export async function eraseTicketFiles(env: Env, accountId: string, ticketIds: readonly string[]): Promise<number> {
  let removed = 0;
  for (const id of ticketIds) removed += await deleteFilesForTicket(env, accountId, id);
  return removed;
}
