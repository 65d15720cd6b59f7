// The audit log's writer: one row per thing done to an account's settings, people, keys and data (issue 10 §9).
// Audit writes never fail the action they record: a D1 error is logged and the caller goes on.
import { db } from "../db/client.ts";
import { auditLog } from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";

export interface AuditEntry {
  accountId: string;
  /** Dotted verb: `auth.login`, `auth.login_failed`, `settings.updated`, `api_key.created`, `profile.erased`… */
  action: string;
  actorId?: string | null | undefined;
  target?: string | null | undefined;
  ip?: string | null | undefined;
  /** Facts worth keeping (never secrets or passwords). */
  details?: Record<string, unknown> | undefined;
}

/** The caller's address as Cloudflare reports it (absent in some local tests). */
export function clientIp(headers: { get(name: string): string | null }): string | null {
  return headers.get("CF-Connecting-IP") ?? headers.get("X-Real-IP") ?? null;
}

export async function recordAudit(env: Env, entry: AuditEntry, now = Date.now()): Promise<void> {
  try {
    await db(env.DB)
      .insert(auditLog)
      .values({
        id: newId("aud", now),
        accountId: entry.accountId,
        at: now,
        actorId: entry.actorId ?? null,
        action: entry.action,
        target: entry.target ?? null,
        ip: entry.ip ?? null,
        details: JSON.stringify(entry.details ?? {}),
      });
  } catch (err) {
    console.error("audit write failed", entry.action, err);
  }
}
