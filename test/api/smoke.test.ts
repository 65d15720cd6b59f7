import { describe, expect, it } from "vitest";
import { call, inbound, signup } from "../helpers.ts";

describe("smoke", () => {
  it("signs up, receives an SMS and lists it as unassigned", async () => {
    const acc = await signup();
    const r = await inbound(acc.accountId, { channel: "sms", from: "+15550001111", text: "Where is my order?" });
    expect(r.status).toBe(200);
    expect(r.body.created).toBe(true);
    const list = await call("GET", "/api/tickets?view=unassigned", { token: acc.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const t = await call("GET", `/api/tickets/${r.body.ticketId}`, { token: acc.token });
    expect(t.body.messages[0].body).toBe("Where is my order?");
  });
});
