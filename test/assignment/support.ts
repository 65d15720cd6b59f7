// Assignment test helpers: staffed accounts, tickets straight through the ticket actor, rotation stubs, waiting for the async hook.
import { replaceSeams } from "../../src/actors/seams.ts";
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import type { RotationActor } from "../../durable-objects/rotation.ts";
import { newId } from "../../src/lib/ids.ts";
import { addAgent, call, signup, unique, type TestAccount } from "../helpers.ts";

export interface Staff {
  acc: TestAccount;
  /** The owner first, then the added agents, in creation (= account-wide rotation) order. */
  agents: { agentId: string; token: string }[];
}

/** An account with `size` agents (the owner included); `online` of them (from the first) go online. */
export async function staffed(size: number, opts: { online?: number; roundRobin?: boolean } = {}): Promise<Staff> {
  const acc = await signup();
  const agents = [{ agentId: acc.agentId, token: acc.token }];
  for (let i = 1; i < size; i++) {
    const a = await addAgent(acc, "support", `Agent ${i}`);
    agents.push({ agentId: a.agentId, token: a.token });
  }
  for (const a of agents.slice(0, opts.online ?? size)) await setStatus(a.token, "online");
  if (opts.roundRobin ?? true) await put(acc.token, "/api/settings/assignment", { roundRobin: true });
  return { acc, agents };
}

export async function setStatus(token: string, status: "online" | "offline") {
  const res = await call("PUT", "/api/agents/me/status", { token, body: { status } });
  if (res.status !== 200) throw new Error(`status change failed: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function put(token: string, path: string, body: unknown) {
  const res = await call("PUT", path, { token, body });
  if (res.status !== 200) throw new Error(`PUT ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function ticketActor(accountId: string, ticketId: string) {
  return env.TICKET.get(env.TICKET.idFromName(`${accountId}:${ticketId}`));
}

/** A customer writes in: a new email ticket through the ticket actor (what every channel does). */
export async function newTicket(accountId: string, opts: { tags?: string[]; profileId?: string; email?: string } = {}): Promise<string> {
  const id = newId("tkt");
  await ticketActor(accountId, id).receive({
    init: { id, accountId, channel: "email", customer: { email: opts.email ?? `${unique("c")}@example.com`, ...(opts.profileId ? { profileId: opts.profileId } : {}) }, tags: opts.tags ?? [], threadKey: id },
    message: { id: newId("msg"), body: "Where is my order?" },
  });
  return id;
}

export function rotation(accountId: string, teamId: string | null = null) {
  return env.ROTATION.get(env.ROTATION.idFromName(`${accountId}:${teamId ?? "*"}`));
}

/** Moves a rotation actor's clock (its office-hours decisions and alarms follow it). */
export async function setRotationClock(accountId: string, teamId: string | null, at: number | (() => number)): Promise<void> {
  const now = typeof at === "number" ? () => at : at;
  await runInDurableObject(rotation(accountId, teamId), (_instance: RotationActor, state) => {
    replaceSeams(state.id, { clock: { now } });
  });
}

/** Polls until `check` passes (the assignment hook runs after the ticket actor answers). */
export async function eventually<T>(check: () => Promise<T>, { timeout = 20_000, interval = 10 }: { timeout?: number; interval?: number } = {}): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() - start > timeout) throw err;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

export interface IndexRow {
  id: string;
  assignee_id: string | null;
  team_id: string | null;
  status: string;
  created_at: number;
}

export async function indexRows(accountId: string): Promise<IndexRow[]> {
  const rows = await env.DB.prepare("SELECT id, assignee_id, team_id, status, created_at FROM tickets WHERE account_id = ? ORDER BY created_at, id").bind(accountId).all<IndexRow>();
  return rows.results;
}

export async function assigneeOf(accountId: string, ticketId: string): Promise<string | null> {
  return (await ticketActor(accountId, ticketId).get())?.assigneeId ?? null;
}

export function countBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}
