// Which row of D1's search table stands for a message of a ticket (pure: the index write and the snippets read it).
const MERGED_ROW = "merged:";

/**
 * The search row of a message in ticket `ticketId`: the message's own id, or, for a message a merge brought in
 * (`origin`), a row of this ticket's own: the merged ticket keeps its row for that message, so a search finds both
 * tickets, and an unmerge takes back exactly this ticket's rows.
 */
export function searchRowId(ticketId: string, m: { id: string; origin?: string | null }): string {
  return m.origin ? `${MERGED_ROW}${ticketId}:${m.id}` : m.id;
}

/** The message a search row stands for. */
export function messageIdOfRow(rowId: string): string {
  if (!rowId.startsWith(MERGED_ROW)) return rowId;
  const afterTicket = rowId.indexOf(":", MERGED_ROW.length);
  return afterTicket < 0 ? rowId : rowId.slice(afterTicket + 1);
}
