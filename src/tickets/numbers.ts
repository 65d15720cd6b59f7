// Per-account ticket numbers: an atomic increment of the account's sequence in D1.
import { eq, sql } from "drizzle-orm";
import { db } from "../db/client.ts";
import { accounts } from "../db/schema/index.ts";
import { AppError } from "../lib/errors.ts";

export async function allocateTicketNumber(d1: D1Database, accountId: string): Promise<number> {
  const rows = await db(d1)
    .update(accounts)
    .set({ ticketSeq: sql`${accounts.ticketSeq} + 1` })
    .where(eq(accounts.id, accountId))
    .returning({ seq: accounts.ticketSeq });
  const row = rows[0];
  if (!row) throw new AppError("not_found", "account not found");
  return row.seq;
}
