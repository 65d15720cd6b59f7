// Agents: invite by email with a one-time link, roles, deactivate (issue 12's admin screens, docs/api.md "Agents").
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { emailInvitation, type InvitationMail } from "../../src/accounts/inviteEmail.ts";
import { addAgent, call, signup, unique } from "../helpers.ts";

type Invite = { id: string; email: string; role: string; url: string; token: string; emailed: boolean };

describe("invitations", () => {
  it("lets an invited person join once through the link, signed in as the role they were given", async () => {
    const acc = await signup();
    const email = `${unique("new")}@example.com`;
    const made = await call<Invite>("POST", "/api/agents/invitations", { token: acc.token, body: { email, role: "manager", name: "Nia New" } });
    expect(made.status).toBe(201);
    expect(made.body.url).toBe(`http://edgedesk.test/app/#/invite/${made.body.token}`);
    // No email integration connected: the link is shown to copy.
    expect(made.body.emailed).toBe(false);
    expect((await call<{ items: { email: string }[] }>("GET", "/api/agents/invitations", { token: acc.token })).body.items.map((i) => i.email)).toEqual([email]);
    const seen = await call("GET", `/api/invitations/${made.body.token}`);
    expect(seen.body).toMatchObject({ email, role: "manager", name: "Nia New" });
    const joined = await call<{ token: string; agent: { email: string; role: string; active: boolean } }>("POST", `/api/invitations/${made.body.token}/accept`, { body: { name: "Nia New", password: "a-good-password" } });
    expect(joined.status).toBe(201);
    expect(joined.body.agent).toMatchObject({ email, role: "manager", active: true });
    expect((await call("GET", "/api/me", { token: joined.body.token })).status).toBe(200);
    // One time only.
    expect((await call("POST", `/api/invitations/${made.body.token}/accept`, { body: { name: "Again", password: "a-good-password" } })).status).toBe(404);
    expect((await call("GET", `/api/invitations/${made.body.token}`)).status).toBe(404);
    expect((await call<{ items: unknown[] }>("GET", "/api/agents/invitations", { token: acc.token })).body.items).toEqual([]);
  });

  it("refuses what an admin may not do, a withdrawn link, and bad input", async () => {
    const acc = await signup();
    const admin = await addAgent(acc, "admin");
    const support = await addAgent(acc, "support");
    const email = `${unique("x")}@example.com`;
    expect((await call("POST", "/api/agents/invitations", { token: support.token, body: { email, role: "support" } })).status).toBe(403);
    expect((await call("POST", "/api/agents/invitations", { token: admin.token, body: { email, role: "owner" } })).status).toBe(403);
    expect((await call("POST", "/api/agents/invitations", { token: acc.token, body: { email: "not-an-email", role: "support" } })).status).toBe(400);
    expect((await call("POST", "/api/agents/invitations", { token: acc.token, body: { email: acc.email, role: "support" } })).status).toBe(409);
    const made = await call<Invite>("POST", "/api/agents/invitations", { token: admin.token, body: { email, role: "support" } });
    expect((await call("DELETE", `/api/agents/invitations/${made.body.id}`, { token: admin.token })).status).toBe(204);
    expect((await call("POST", `/api/invitations/${made.body.token}/accept`, { body: { name: "Late", password: "a-good-password" } })).status).toBe(404);
    expect((await call("GET", "/api/invitations/made-up-token-123456789")).status).toBe(404);
  });
});

describe("roles and access", () => {
  it("deactivates an agent: their sessions end, they cannot sign in, they go offline; reactivating lets them back", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    await call("PUT", "/api/agents/me/status", { token: sam.token, body: { status: "online" } });
    const off = await call<{ active: boolean; status: string }>("PATCH", `/api/agents/${sam.agentId}/access`, { token: acc.token, body: { active: false } });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, status: "offline" });
    expect((await call("GET", "/api/me", { token: sam.token })).status).toBe(401);
    expect((await call("POST", "/api/login", { body: { email: sam.email, password: "agent-password-1" } })).status).toBe(401);
    const listed = await call<{ items: { id: string; active: boolean }[] }>("GET", "/api/agents", { token: acc.token });
    expect(listed.body.items.find((a) => a.id === sam.agentId)?.active).toBe(false);
    await call("PATCH", `/api/agents/${sam.agentId}/access`, { token: acc.token, body: { active: true, role: "manager" } });
    const back = await call<{ agent: { role: string } }>("POST", "/api/login", { body: { email: sam.email, password: "agent-password-1" } });
    expect(back.status).toBe(200);
    expect(back.body.agent.role).toBe("manager");
  });

  it("keeps owners in an owner's hands and nobody locks themself out", async () => {
    const acc = await signup();
    const admin = await addAgent(acc, "admin");
    const other = await addAgent(acc, "support");
    expect((await call("PATCH", `/api/agents/${acc.agentId}/access`, { token: admin.token, body: { active: false } })).status).toBe(403);
    expect((await call("PATCH", `/api/agents/${other.agentId}/access`, { token: admin.token, body: { role: "owner" } })).status).toBe(403);
    expect((await call("PATCH", `/api/agents/${admin.agentId}/access`, { token: admin.token, body: { role: "support" } })).status).toBe(403);
    expect((await call("PATCH", `/api/agents/${other.agentId}/access`, { token: other.token, body: { active: false } })).status).toBe(403);
    expect((await call("PATCH", `/api/agents/${other.agentId}/access`, { token: admin.token, body: {} })).status).toBe(400);
    expect((await call("PATCH", `/api/agents/agt_nope/access`, { token: admin.token, body: { active: false } })).status).toBe(404);
    expect((await call("PATCH", `/api/agents/${other.agentId}/access`, { token: admin.token, body: { role: "manager" } })).status).toBe(200);
  });
});

describe("invitation emails", () => {
  /** A stand-in for Postmark's POST /email: records each request and answers with `status`. */
  function fakePostmark(status = 200) {
    const sent: { url: string; token: string | null; json: Record<string, string> }[] = [];
    const fetchFn: typeof fetch = async (input, init) => {
      const req = new Request(input, init);
      sent.push({ url: req.url, token: req.headers.get("x-postmark-server-token"), json: (await req.json()) as Record<string, string> });
      return Response.json(status < 300 ? { MessageID: "pm-msg-1", ErrorCode: 0 } : { ErrorCode: 300, Message: "Invalid 'To' address" }, { status });
    };
    return { sent, fetch: fetchFn };
  }

  const mail = (to: string): InvitationMail => ({
    to,
    name: "Nia New",
    role: "admin",
    accountName: "Northwind",
    invitedBy: "Olive Owner",
    url: "https://helpdesk.example/app/#/invite/abcdefghijklmnopqrstuvwx",
    expiresAt: "2026-12-08T04:00:00.000Z",
  });

  it("goes out through the account's Postmark integration, with the link", async () => {
    const acc = await signup();
    const connected = await call("PUT", "/api/integrations/postmark", { token: acc.token, body: { serverToken: "pm-server-token-0123456789", fromAddress: "support@northwind.example", fromName: "Northwind Support" } });
    expect(connected.status).toBe(200);
    const postmark = fakePostmark();
    expect(await emailInvitation(env, acc.accountId, mail("nia@example.com"), { fetch: postmark.fetch })).toBe(true);
    expect(postmark.sent).toHaveLength(1);
    const [req] = postmark.sent;
    expect(req).toMatchObject({ url: "https://api.postmarkapp.com/email", token: "pm-server-token-0123456789" });
    expect(req!.json).toMatchObject({ From: "Northwind Support <support@northwind.example>", To: "nia@example.com", Subject: "Olive Owner invited you to Northwind on Edgedesk" });
    expect(req!.json.TextBody).toContain("Hi Nia New,");
    expect(req!.json.TextBody).toContain("join Northwind on Edgedesk as an admin.");
    expect(req!.json.TextBody).toContain("\nhttps://helpdesk.example/app/#/invite/abcdefghijklmnopqrstuvwx\n");
    expect(req!.json.TextBody).toContain("until 2026-12-08");
  });

  it("is not sent without an email integration, and reports a refused send so the link is copied instead", async () => {
    const bare = await signup();
    const none = fakePostmark();
    expect(await emailInvitation(env, bare.accountId, mail("nia@example.com"), { fetch: none.fetch })).toBe(false);
    expect(none.sent).toHaveLength(0);

    const acc = await signup();
    await call("PUT", "/api/integrations/postmark", { token: acc.token, body: { serverToken: "pm-server-token-0123456789", fromAddress: "support@northwind.example" } });
    const refusing = fakePostmark(422);
    expect(await emailInvitation(env, acc.accountId, mail("nia@example.com"), { fetch: refusing.fetch })).toBe(false);
    expect(refusing.sent).toHaveLength(1);
  });
});
