import { env } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TicketActor } from "../../durable-objects/ticket.ts";
import { replaceSeams } from "../../src/actors/seams.ts";
import { newId } from "../../src/lib/ids.ts";
import { addAgent, call, inbound, signup, type TestAccount } from "../helpers.ts";

/** A ticket whose actor lives `ageMs` in the past (its clock is moved back before it is created). */
async function ticketFrom(acc: TestAccount, ageMs: number, channel: "sms" | "email" = "email") {
  const id = newId("tkt");
  const stub = env.TICKET.get(env.TICKET.idFromName(`${acc.accountId}:${id}`));
  let now = Date.now() - ageMs;
  await runInDurableObject(stub, (_i: TicketActor, state) => replaceSeams(state.id, { clock: { now: () => now } }));
  await stub.receive({ init: { id, accountId: acc.accountId, channel, customer: { email: "sla@example.com" }, threadKey: `<${id}@x>` }, message: { id: newId("msg"), body: "Where is my order?" } });
  return { id, stub, setNow: (ms: number) => void (now = ms) };
}

describe("SLA policies", () => {
  it("are managed in order by managers; support may only read them; bad input changes nothing", async () => {
    const acc = await signup();
    const support = await addAgent(acc, "support");
    const a = await call("POST", "/api/sla-policies", { token: acc.token, body: { name: "Standard", firstResponseMinutes: 60, nextResponseMinutes: 240 } });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ name: "Standard", match: {}, firstResponseMinutes: 60, nextResponseMinutes: 240, resolutionMinutes: null, businessHours: false });
    const b = await call("POST", "/api/sla-policies", { token: acc.token, body: { name: "Urgent", match: { priorities: ["urgent"] }, firstResponseMinutes: 15, position: 0 } });
    expect(b.status).toBe(201);
    expect((await call("GET", "/api/sla-policies", { token: support.token })).body.items.map((p: { name: string }) => p.name)).toEqual(["Urgent", "Standard"]);
    expect((await call("POST", "/api/sla-policies", { token: support.token, body: { name: "x", firstResponseMinutes: 5 } })).status).toBe(403);
    for (const bad of [{ name: "x" }, { name: "x", firstResponseMinutes: 0 }, { name: "x", firstResponseMinutes: 5, match: { channels: ["fax"] } }]) {
      expect((await call("POST", "/api/sla-policies", { token: acc.token, body: bad })).status).toBe(400);
    }
    const moved = await call("PATCH", `/api/sla-policies/${b.body.id}`, { token: acc.token, body: { firstResponseMinutes: 20, position: 1 } });
    expect(moved.body.firstResponseMinutes).toBe(20);
    expect((await call("GET", "/api/sla-policies", { token: acc.token })).body.items.map((p: { name: string }) => p.name)).toEqual(["Standard", "Urgent"]);
    expect((await call("DELETE", `/api/sla-policies/${a.body.id}`, { token: acc.token })).status).toBe(204);
    expect((await call("DELETE", `/api/sla-policies/${a.body.id}`, { token: acc.token })).status).toBe(404);
    expect((await call("GET", "/api/sla-policies", { token: acc.token })).body.items).toHaveLength(1);
  });

  it("a ticket shows its running timer, follows its priority, and a reply in time counts as met", async () => {
    const acc = await signup();
    await call("POST", "/api/sla-policies", { token: acc.token, body: { name: "Urgent", match: { priorities: ["urgent"] }, firstResponseMinutes: 15 } });
    await call("POST", "/api/sla-policies", { token: acc.token, body: { name: "Standard", firstResponseMinutes: 60 } });
    const { ticketId } = (await inbound(acc.accountId, { channel: "email", from: "pat@example.com", text: "Help", threadId: "<sla-a@x>" })).body;
    const t = (await call("GET", `/api/tickets/${ticketId}`, { token: acc.token })).body.ticket;
    expect(t.priority).toBe("normal");
    expect(t.sla).toMatchObject({ kind: "first_response", state: "ok" });
    expect(Date.parse(t.sla.dueAt) - Date.parse(t.createdAt)).toBe(60 * 60_000);
    const urgent = await call("PATCH", `/api/tickets/${ticketId}`, { token: acc.token, body: { priority: "urgent" } });
    expect(Date.parse(urgent.body.sla.dueAt) - Date.parse(t.createdAt)).toBe(15 * 60_000);
    const listed = await call("GET", "/api/tickets?view=all&priority=urgent", { token: acc.token });
    expect(listed.body.items.map((x: { id: string }) => x.id)).toEqual([ticketId]);
    expect(listed.body.items[0].sla.state).toBe("ok");
    expect((await call("PATCH", `/api/tickets/${ticketId}`, { token: acc.token, body: { priority: "asap" } })).status).toBe(400);

    await call("POST", `/api/tickets/${ticketId}/replies`, { token: acc.token, body: { body: "On it" } });
    const answered = (await call("GET", `/api/tickets/${ticketId}`, { token: acc.token })).body.ticket;
    expect(answered.sla).toBeUndefined();
    const report = await call("GET", "/api/reports", { token: acc.token });
    expect(report.body.sla).toMatchObject({ measured: 1, met: 1, shareMet: 1 });
    expect(report.body.sla.byPolicy).toEqual([expect.objectContaining({ name: "Urgent", measured: 1, met: 1 })]);
  });

  it("a target past due turns red, lists under breached, and the alarm notes the breach once", async () => {
    const acc = await signup();
    await call("POST", "/api/sla-policies", { token: acc.token, body: { name: "Fast", firstResponseMinutes: 30 } });
    // Two hours old: past due. Twenty-five minutes old: breaching soon (amber from 22.5 minutes).
    const late = await ticketFrom(acc, 2 * 3_600_000);
    const soon = await ticketFrom(acc, 25 * 60_000);
    const fresh = await ticketFrom(acc, 60_000);
    const view = async (name: string) => (await call("GET", `/api/tickets?view=${name}`, { token: acc.token })).body.items.map((x: { id: string }) => x.id);
    expect(await view("breached")).toEqual([late.id]);
    expect(await view("breaching")).toEqual([soon.id]);
    const shown = (await call("GET", `/api/tickets/${late.id}`, { token: acc.token })).body.ticket;
    expect(shown.sla.state).toBe("breached");
    expect((await call("GET", `/api/tickets/${fresh.id}`, { token: acc.token })).body.ticket.sla.state).toBe("ok");

    late.setNow(Date.now());
    await runInDurableObject(late.stub, (_i: TicketActor, state) => state.storage.setAlarm(Date.now()));
    await runDurableObjectAlarm(late.stub);
    await runDurableObjectAlarm(late.stub);
    const notes = (await late.stub.view()).messages.filter((m) => m.body.startsWith("SLA breached"));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ author: "system", internal: true });

    // Answering late: the target stops running and counts as missed.
    await late.stub.reply({ author: "agent", agentId: acc.agentId, body: "Sorry for the wait" });
    expect(await view("breached")).toEqual([]);
    const report = await call("GET", "/api/reports", { token: acc.token });
    expect(report.body.sla).toMatchObject({ measured: 1, met: 0, shareMet: 0 });
  });
});
