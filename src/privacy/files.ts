// The one place where a customer's stored files are erased (GDPR erasure, src/privacy/erase.ts).
// Attachments in R2 come with the attachments work: its "delete a ticket's files" function is called from here,
// once per erased ticket. Until that lands this branch stores no files, so there is nothing to delete.

export async function eraseTicketFiles(_env: Env, _accountId: string, _ticketIds: readonly string[]): Promise<number> {
  return 0;
}
