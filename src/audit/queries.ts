// Reading the audit log: newest first, filtered by actor and action, keyset-paged by (at, id).
import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import { db } from "../db/client.ts";
import { auditLog } from "../db/schema/index.ts";
import { iso } from "../lib/clock.ts";
import { decodeCursor, encodeCursor } from "../lib/cursor.ts";

export interface AuditFilters {
  actor?: string | undefined;
  /** An exact action (`auth.login_failed`) or a family ending in `.*` (`api_key.*`). */
  action?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export async function listAudit(env: Env, accountId: string, f: AuditFilters) {
  const where: SQL[] = [eq(auditLog.accountId, accountId)];
  if (f.actor) where.push(eq(auditLog.actorId, f.actor));
  if (f.action?.endsWith(".*")) {
    // A family: every action starting "api_key." sorts between "api_key." and "api_key/" ("/" follows ".").
    const family = f.action.slice(0, -1);
    where.push(gte(auditLog.action, family), lt(auditLog.action, `${family.slice(0, -1)}/`));
  } else if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    where.push(or(lt(auditLog.at, c.v), and(eq(auditLog.at, c.v), lt(auditLog.id, c.id))) as SQL);
  }
  const rows = await db(env.DB)
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: iso(r.at),
      actorId: r.actorId,
      action: r.action,
      target: r.target,
      ip: r.ip,
      details: JSON.parse(r.details) as Record<string, unknown>,
    })),
    nextCursor: rows.length > f.limit && last ? encodeCursor({ v: last.at, id: last.id }) : null,
  };
}
