import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signToken } from "../../src/lib/crypto.ts";
import { addAgent, call, signup, unique } from "../helpers.ts";

describe("accounts and agents", () => {
  it("signs up an owner who can call /api/me", async () => {
    const acc = await signup("Acme Outdoors");
    const me = await call("GET", "/api/me", { token: acc.token });
    expect(me.status).toBe(200);
    expect(me.body.agent).toMatchObject({ id: acc.agentId, role: "owner", status: "offline" });
    expect(me.body.account).toMatchObject({ id: acc.accountId, name: "Acme Outdoors" });
    expect(me.body.agent.passwordHash).toBeUndefined();
  });

  it("stores passwords as salted scrypt hashes", async () => {
    const a = await signup();
    const b = await signup();
    const rows = await env.DB.prepare("SELECT password_hash, password_salt, password_iterations FROM agents WHERE id IN (?, ?)").bind(a.agentId, b.agentId).all<{
      password_hash: string;
      password_salt: string;
      password_iterations: number;
    }>();
    expect(rows.results).toHaveLength(2);
    for (const r of rows.results) {
      // src/auth/passwords.ts: scrypt$N$r$p$key (the tests hash at a toy N; production at 2^14 with p=5).
      expect(r.password_hash).toMatch(/^scrypt\$\d+\$8\$\d+\$[0-9a-f]{64}$/);
      expect(r.password_hash).not.toContain("correct-horse");
    }
    expect(rows.results[0]?.password_salt).not.toBe(rows.results[1]?.password_salt);
  });

  it("logs in with the right password only", async () => {
    const acc = await signup();
    const ok = await call("POST", "/api/login", { body: { email: acc.email, password: "correct-horse-battery" } });
    expect(ok.status).toBe(200);
    expect(ok.body.agent.id).toBe(acc.agentId);
    const wrong = await call("POST", "/api/login", { body: { email: acc.email, password: "nope-nope-nope" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("unauthorized");
    const unknown = await call("POST", "/api/login", { body: { email: "nobody@example.com", password: "whatever1" } });
    expect(unknown.status).toBe(401);
  });

  it("revokes the token at logout and marks the agent offline", async () => {
    const acc = await signup();
    await call("PUT", "/api/agents/me/status", { token: acc.token, body: { status: "online" } });
    const out = await call("POST", "/api/logout", { token: acc.token });
    expect(out.status).toBe(204);
    const after = await call("GET", "/api/me", { token: acc.token });
    expect(after.status).toBe(401);
    const again = await call("POST", "/api/login", { body: { email: acc.email, password: "correct-horse-battery" } });
    const list = await call("GET", "/api/agents", { token: again.body.token });
    expect(list.body.items.find((a: { id: string }) => a.id === acc.agentId).status).toBe("offline");
  });

  it("rejects tampered, expired and missing tokens", async () => {
    const acc = await signup();
    const [body, sig] = acc.token.split(".");
    const forged = `${btoa(JSON.stringify({ sid: "x", sub: acc.agentId, acc: acc.accountId, exp: Date.now() + 1e9 })).replace(/=+$/, "")}.${sig}`;
    expect((await call("GET", "/api/me", { token: forged })).status).toBe(401);
    expect((await call("GET", "/api/me", { token: `${body}.AAAA` })).status).toBe(401);
    expect((await call("GET", "/api/me")).status).toBe(401);
    const session = await env.DB.prepare("SELECT id FROM sessions WHERE agent_id = ?").bind(acc.agentId).first<{ id: string }>();
    const expired = await signToken(env.TOKEN_SECRET as string, { sid: session?.id, sub: acc.agentId, acc: acc.accountId, exp: Date.now() - 1000 });
    expect((await call("GET", "/api/me", { token: expired })).status).toBe(401);
    expect((await call("GET", "/api/me", { token: acc.token })).status).toBe(200);
  });

  it("lets owners and admins add agents, and nobody else", async () => {
    const acc = await signup();
    const admin = await addAgent(acc, "admin");
    const byAdmin = await call("POST", "/api/agents", { token: admin.token, body: { name: "Mia Manager", email: `${unique("m")}@example.com`, password: "password-123", role: "manager" } });
    expect(byAdmin.status).toBe(201);
    const support = await addAgent(acc, "support");
    const bySupport = await call("POST", "/api/agents", { token: support.token, body: { name: "X", email: `${unique("x")}@example.com`, password: "password-123", role: "support" } });
    expect(bySupport.status).toBe(403);
    expect(bySupport.body.error.code).toBe("forbidden");
    const adminMakesOwner = await call("POST", "/api/agents", { token: admin.token, body: { name: "O", email: `${unique("o")}@example.com`, password: "password-123", role: "owner" } });
    expect(adminMakesOwner.status).toBe(403);
    const list = await call("GET", "/api/agents", { token: support.token });
    expect(list.body.items.map((a: { role: string }) => a.role).sort()).toEqual(["admin", "manager", "owner", "support"]);
  });

  it("refuses a second agent with the same email", async () => {
    const acc = await signup();
    const dup = await call("POST", "/api/signup", { body: { accountName: "Other", name: "Other", email: acc.email, password: "another-password" } });
    expect(dup.status).toBe(409);
    // Signup does not point at the email (issue 10): a generic refusal that tells a person how to get back in.
    expect(dup.body.error.code).toBe("conflict");
    expect(dup.body.error.issues).toBeUndefined();
  });

  it("explains every invalid field in the API error shape", async () => {
    const res = await call("POST", "/api/signup", { body: { accountName: "", name: "N", email: "not-an-email", password: "short" } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    const paths = res.body.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(["accountName", "email", "password"]);
  });

  it("lets an agent set only their own status", async () => {
    const acc = await signup();
    const support = await addAgent(acc, "support");
    const res = await call("PUT", "/api/agents/me/status", { token: support.token, body: { status: "online" } });
    expect(res.body).toMatchObject({ id: support.agentId, status: "online" });
    const bad = await call("PUT", "/api/agents/me/status", { token: support.token, body: { status: "busy" } });
    expect(bad.status).toBe(400);
    const list = await call("GET", "/api/agents", { token: acc.token });
    const statuses = Object.fromEntries(list.body.items.map((a: { id: string; status: string }) => [a.id, a.status]));
    expect(statuses[support.agentId]).toBe("online");
    expect(statuses[acc.agentId]).toBe("offline");
  });
});
