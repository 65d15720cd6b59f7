// Test helpers: calling the Worker over HTTP and setting up accounts and tickets.
import { exports } from "cloudflare:workers";
import { readCallResult, type CallResult } from "./callResult.ts";

export const BASE = "http://edgedesk.test";

export async function call<T = any>(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) {
    body = opts.raw;
    headers["Content-Type"] ??= "application/json";
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["Content-Type"] = "application/json";
  }
  return readCallResult<T>(await exports.default.fetch(new Request(`${BASE}${path}`, { method, headers, body })));
}

let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 7)}`;
}

export interface TestAccount {
  accountId: string;
  token: string;
  agentId: string;
  email: string;
}

export async function signup(name = unique("shop")): Promise<TestAccount> {
  const email = `${unique("owner")}@example.com`;
  const res = await call<{ token: string; accountId: string; agent: { id: string } }>("POST", "/api/signup", {
    body: { accountName: name, name: "Olivia Owner", email, password: "correct-horse-battery" },
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { accountId: res.body.accountId, token: res.body.token, agentId: res.body.agent.id, email };
}

export async function addAgent(owner: TestAccount, role: "owner" | "admin" | "manager" | "support", name = "Sam Support") {
  const email = `${unique(role)}@example.com`;
  const created = await call<{ id: string }>("POST", "/api/agents", { token: owner.token, body: { name, email, password: "agent-password-1", role } });
  if (created.status !== 201) throw new Error(`agent create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const login = await call<{ token: string }>("POST", "/api/login", { body: { email, password: "agent-password-1" } });
  return { agentId: created.body.id, token: login.body.token, email };
}

export async function inbound(accountId: string, input: { channel: string; from: string; text: string; threadId?: string; providerMessageId?: string; raw?: string }) {
  return call<{ ticketId: string; messageId: string; created: boolean; reopened: boolean; duplicate: boolean; consent?: string; spam?: boolean }>("POST", "/api/dev/inbound", {
    body: { accountId, providerMessageId: unique("pm"), ...input },
  });
}

export async function startChat(accountId: string, visitor?: Record<string, string>) {
  const res = await call<{ conversationId: string; ticketId: string; visitorToken: string }>("POST", "/api/chat/conversations", { body: { accountId, ...(visitor ? { visitor } : {}) } });
  if (res.status !== 201) throw new Error(`chat start failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function chatSay(conv: { conversationId: string; visitorToken: string }, text: string) {
  return call<{ message: { id: string }; replies: unknown[] }>("POST", `/api/chat/conversations/${conv.conversationId}/messages`, {
    body: { text },
    headers: { "X-Visitor-Token": conv.visitorToken },
  });
}
