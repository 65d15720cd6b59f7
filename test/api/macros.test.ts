import { describe, expect, it } from "vitest";
import { call, inbound, signup } from "../helpers.ts";

describe("macros", () => {
  it("saves a macro and fills its placeholders for a ticket", async () => {
    const acc = await signup();
    const ticketId = (await inbound(acc.accountId, { channel: "email", from: "Robin Park <robin@example.com>", text: "refund?", threadId: "<m1@x>" })).body.ticketId;
    const saved = await call("POST", "/api/macros", { token: acc.token, body: { name: "Refund sent", body: "Hi {{customer.name}}, your refund for ticket #{{ ticket.number }} is on its way. — {{agent.name}}" } });
    expect(saved.status).toBe(201);
    expect(saved.body.placeholders).toEqual(["customer.name", "ticket.number", "agent.name"]);
    const t = await call("GET", `/api/tickets/${ticketId}`, { token: acc.token });
    const rendered = await call("POST", `/api/macros/${saved.body.id}/render`, { token: acc.token, body: { ticketId } });
    expect(rendered.body.body).toBe(`Hi Robin Park, your refund for ticket #${t.body.ticket.number} is on its way. — Olivia Owner`);
    const list = await call("GET", "/api/macros", { token: acc.token });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].usageCount).toBe(1);
  });

  it("refuses unknown placeholders and keeps macros inside the account", async () => {
    const acc = await signup();
    const other = await signup();
    const bad = await call("POST", "/api/macros", { token: acc.token, body: { name: "Typo", body: "Hi {{customer.nmae}}" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].message).toContain("{{customer.nmae}}");
    const ok = await call("POST", "/api/macros", { token: acc.token, body: { name: "Thanks", body: "Thanks {{customer.name}}!" } });
    expect((await call("PATCH", `/api/macros/${ok.body.id}`, { token: other.token, body: { name: "x" } })).status).toBe(404);
    expect((await call("DELETE", `/api/macros/${ok.body.id}`, { token: other.token })).status).toBe(404);
    expect((await call("GET", "/api/macros", { token: other.token })).body.items).toHaveLength(0);
    const edited = await call("PATCH", `/api/macros/${ok.body.id}`, { token: acc.token, body: { body: "Thank you, {{customer.name}}." } });
    expect(edited.body.body).toBe("Thank you, {{customer.name}}.");
    expect((await call("DELETE", `/api/macros/${ok.body.id}`, { token: acc.token })).status).toBe(204);
  });
});
