// Which tickets belong to a customer profile: those linked to it, and those from its email address or phone number.
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { db } from "../db/client.ts";
import { tickets } from "../db/schema/index.ts";
import type { ProfileRow } from "../profiles/service.ts";

export async function customerTicketIds(env: Env, p: ProfileRow): Promise<string[]> {
  const who: SQL[] = [eq(tickets.customerProfileId, p.id)];
  if (p.email) who.push(sql`lower(${tickets.customerEmail}) = ${p.email.toLowerCase()}`);
  if (p.phone) who.push(eq(tickets.customerPhone, p.phone));
  const rows = await db(env.DB)
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.accountId, p.accountId), or(...who)))
    .orderBy(tickets.createdAt, tickets.id);
  return rows.map((r) => r.id);
}
