// Logging in (issue 10 items 2, 3, 9): throttling per email and per address with Retry-After, scrypt with a
// transparent re-hash of old PBKDF2 hashes, audit entries for every outcome.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hashPassword as pbkdf2 } from "../../src/lib/crypto.ts";
import { call, signup, unique } from "../helpers.ts";

function login(email: string, password: string, ip?: string) {
  return call<{ token: string; error?: { code: string } }>("POST", "/api/login", { body: { email, password }, headers: ip ? { "CF-Connecting-IP": ip } : {} });
}

describe("login throttling", () => {
  it("answers 429 rate_limited with Retry-After after a few wrong passwords for one email, and audits it", async () => {
    const shop = await signup();
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await login(shop.email, `wrong-password-${i}`, "198.51.100.7")).status);
    expect(codes.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(codes.slice(4)).toEqual([429, 429, 429, 429]);
    const blocked = await login(shop.email, "correct-horse-battery", "203.0.113.9");
    // A block holds even for the right password (from anywhere), or it would only slow guessing down.
    expect(blocked.status).toBe(429);
    expect(blocked.body.error?.code).toBe("rate_limited");
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);

    const audit = await call<{ items: { action: string; ip: string | null; target: string | null }[] }>("GET", "/api/audit?action=auth.*&limit=50", { token: shop.token });
    const actions = audit.body.items.map((i) => i.action);
    expect(actions.filter((a) => a === "auth.login_failed").length).toBe(5);
    expect(actions).toContain("auth.login_throttled");
    expect(audit.body.items.find((i) => i.action === "auth.login_failed")).toMatchObject({ ip: "198.51.100.7", target: shop.email });
  });

  it("lets the real user back in once the block is over, and forgets the streak", async () => {
    const shop = await signup();
    for (let i = 0; i < 5; i++) await login(shop.email, "nope-nope");
    expect((await login(shop.email, "correct-horse-battery")).status).toBe(429);
    // The block ends by itself (here: its time passes).
    await env.DB.prepare("UPDATE login_throttle SET blocked_until = ? WHERE key = ?").bind(Date.now() - 1, `email:${shop.email}`).run();
    const ok = await login(shop.email, "correct-horse-battery");
    expect(ok.status).toBe(200);
    expect(await env.DB.prepare("SELECT * FROM login_throttle WHERE key = ?").bind(`email:${shop.email}`).first()).toBeNull();
    const audit = await call<{ items: { action: string }[] }>("GET", "/api/audit?action=auth.login", { token: ok.body.token });
    expect(audit.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it("throttles one address trying many accounts", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 200) + 1}`;
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) codes.push((await login(`${unique("nobody")}@example.com`, "guess-guess", ip)).status);
    expect(codes.slice(0, 19).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await login(`${unique("nobody")}@example.com`, "guess-guess", "192.0.2.250")).status).toBe(401);
  });
});

describe("password hashing", () => {
  it("stores scrypt hashes, never the password", async () => {
    const shop = await signup();
    const row = await env.DB.prepare("SELECT password_hash FROM agents WHERE id = ?").bind(shop.agentId).first<{ password_hash: string }>();
    expect(row?.password_hash).toMatch(/^scrypt\$\d+\$8\$\d+\$[0-9a-f]{64}$/);
    expect(row?.password_hash).not.toContain("correct-horse-battery");
  });

  it("re-hashes an old PBKDF2 password with scrypt at the next login", async () => {
    const shop = await signup();
    const old = await pbkdf2("correct-horse-battery", 100_000);
    await env.DB.prepare("UPDATE agents SET password_hash = ?, password_salt = ?, password_iterations = ? WHERE id = ?").bind(old.hash, old.salt, old.iterations, shop.agentId).run();
    expect((await login(shop.email, "wrong-one-here")).status).toBe(401);
    const still = await env.DB.prepare("SELECT password_hash FROM agents WHERE id = ?").bind(shop.agentId).first<{ password_hash: string }>();
    expect(still?.password_hash).toBe(old.hash);
    expect((await login(shop.email, "correct-horse-battery")).status).toBe(200);
    const row = await env.DB.prepare("SELECT password_hash, password_iterations FROM agents WHERE id = ?").bind(shop.agentId).first<{ password_hash: string; password_iterations: number }>();
    expect(row?.password_hash).toMatch(/^scrypt\$/);
    expect(row?.password_iterations).toBe(0);
    expect((await login(shop.email, "correct-horse-battery")).status).toBe(200);
  });
});

describe("signup", () => {
  it("does not say which emails are registered", async () => {
    const shop = await signup();
    const again = await call("POST", "/api/signup", { body: { accountName: "Another", name: "Someone", email: shop.email, password: "another-password-1" } });
    expect(again.status).toBe(409);
    const text = JSON.stringify(again.body);
    expect(text).not.toMatch(/registered|already exists|email/i);
    expect(again.body.error.message).toMatch(/log in/);
  });

  it("limits signups per address", async () => {
    const ip = "198.51.100.77";
    // 5 per 60-second window, aligned to the clock: up to two windows' worth may pass before the first refusal.
    const attempt = () => call("POST", "/api/signup", { body: { accountName: "Spam", name: "Spam", email: `${unique("spam")}@example.com`, password: "spam-password-1" }, headers: { "CF-Connecting-IP": ip } });
    let accepted = 0;
    let res = await attempt();
    for (; res.status === 201 && accepted < 11; accepted++) res = await attempt();
    expect(accepted).toBeGreaterThanOrEqual(5);
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("60");
    expect(res.body).toMatchObject({ error: { code: "rate_limited" } });
  });
});
