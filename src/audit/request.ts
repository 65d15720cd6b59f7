// Audit entries for what an agent does through the API: the account, actor and client address come from the request.
import type { Context } from "hono";
import type { AppEnv } from "../app.ts";
import { clientIp, recordAudit } from "./record.ts";

export function auditByAgent(c: Context<AppEnv>, action: string, entry: { target?: string | null; details?: Record<string, unknown> } = {}): Promise<void> {
  const agent = c.get("agent");
  return recordAudit(c.env, { accountId: agent.accountId, actorId: agent.id, ip: clientIp(c.req.raw.headers), action, ...entry });
}
