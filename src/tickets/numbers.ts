// Per-account ticket numbers: an atomic increment of the account's sequence in D1.
import { AppError } from "../lib/errors.ts";

export async function allocateTicketNumber(d1: D1Database, accountId: string): Promise<number> {
  const row = await d1
    .prepare("UPDATE accounts SET ticket_seq = ticket_seq + 1 WHERE id = ? RETURNING ticket_seq")
    .bind(accountId)
    .first<{ ticket_seq: number }>();
  if (!row) throw new AppError("not_found", "account not found");
  return row.ticket_seq;
}
