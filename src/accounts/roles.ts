// Changing an agent's role: owners and admins decide, only an owner touches the owner role, and an account always
// keeps an owner (issue 10 item 9 audits each change).
import { and, eq } from "drizzle-orm";
import { db } from "../db/client.ts";
import { agents } from "../db/schema/index.ts";
import { AppError } from "../lib/errors.ts";
import type { AgentRow, Role } from "../auth/context.ts";
import { roleChangeRefusal } from "../auth/permissions.ts";

export async function changeRole(env: Env, me: AgentRow, agentId: string, to: Role): Promise<AgentRow & { previousRole: Role }> {
  const d = db(env.DB);
  const target = (await d.select().from(agents).where(and(eq(agents.accountId, me.accountId), eq(agents.id, agentId))).limit(1))[0];
  if (!target) throw new AppError("not_found", "agent not found");
  if (target.role === to) return { ...target, previousRole: target.role };
  const owners = (await d.select({ id: agents.id }).from(agents).where(and(eq(agents.accountId, me.accountId), eq(agents.role, "owner")))).length;
  const refusal = roleChangeRefusal(me, target, to, owners);
  if (refusal) throw new AppError(refusal.startsWith("An account keeps") ? "conflict" : "forbidden", refusal);
  const rows = await d.update(agents).set({ role: to }).where(eq(agents.id, agentId)).returning();
  if (!rows[0]) throw new AppError("not_found", "agent not found");
  return { ...rows[0], previousRole: target.role };
}
