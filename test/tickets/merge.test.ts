import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { unmergeTicket } from "../../src/tickets/mergeService.ts";
import { call, inbound, signup } from "../helpers.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function twoTickets() {
  const acc = await signup();
  const a = (await inbound(acc.accountId, { channel: "email", from: "Sam <sam@example.com>", text: "My lamp arrived broken", threadId: "<m-a@x>" })).body.ticketId;
  await sleep(5);
  const b = (await inbound(acc.accountId, { channel: "email", from: "sam@example.com", text: "Also, where is order 1042?", threadId: "<m-b@x>" })).body.ticketId;
  await sleep(5);
  await call("POST", `/api/tickets/${a}/replies`, { token: acc.token, body: { body: "Sorry! Send a photo please." } });
  await call("POST", `/api/tickets/${a}/notes`, { token: acc.token, body: { body: "Check stock of lamps" } });
  await call("PATCH", `/api/tickets/${a}`, { token: acc.token, body: { tags: ["damaged"] } });
  await call("PATCH", `/api/tickets/${b}`, { token: acc.token, body: { tags: ["order"] } });
  return { acc, a, b };
}

describe("merge", () => {
  it("merges a ticket into another of the same customer: threads interleaved by time, tags and notes kept, the other closed with a pointer", async () => {
    const { acc, a, b } = await twoTickets();
    const merged = await call("POST", `/api/tickets/${a}/merge`, { token: acc.token, body: { intoTicketId: b } });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: b, status: "open" });
    expect(merged.body.tags.sort()).toEqual(["damaged", "order"]);

    const survivor = await call("GET", `/api/tickets/${b}`, { token: acc.token });
    const bodies = survivor.body.messages.map((m: { body: string }) => m.body);
    expect(bodies.slice(0, 4)).toEqual(["My lamp arrived broken", "Also, where is order 1042?", "Sorry! Send a photo please.", "Check stock of lamps"]);
    expect(bodies.at(-1)).toContain("was merged into this one");
    const times = survivor.body.messages.map((m: { createdAt: string }) => Date.parse(m.createdAt));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(survivor.body.ticket.messageCount).toBe(survivor.body.messages.length);
    expect(survivor.body.ticket.firstResponseAt).toBeDefined();

    const old = await call("GET", `/api/tickets/${a}`, { token: acc.token });
    expect(old.body.ticket).toMatchObject({ status: "closed", mergedInto: b });
    expect(old.body.messages.at(-1).body).toContain("Merged into ticket #");

    // The index agrees: the merged ticket is closed, the survivor open with both tags.
    const open = await call("GET", "/api/tickets?view=all&status=open", { token: acc.token });
    expect(open.body.items.map((t: { id: string }) => t.id)).toEqual([b]);
    expect((await call("GET", "/api/tickets?view=all&tag=damaged&status=open", { token: acc.token })).body.items.map((t: { id: string }) => t.id)).toEqual([b]);

    // The customer writes again on the merged ticket's email thread: it lands on the survivor.
    const later = await inbound(acc.accountId, { channel: "email", from: "sam@example.com", text: "Here is the photo", threadId: "<m-a@x>" });
    expect(later.body.ticketId).toBe(b);
    expect((await call("GET", `/api/tickets/${b}`, { token: acc.token })).body.messages.at(-1).body).toBe("Here is the photo");
  });

  it("undoes a merge within a minute, and only then", async () => {
    const { acc, a, b } = await twoTickets();
    await call("POST", `/api/tickets/${a}/merge`, { token: acc.token, body: { intoTicketId: b } });
    await expect(unmergeTicket(env, acc.accountId, a, "Olivia", Date.now() + 61_000)).rejects.toMatchObject({ code: "conflict" });
    const undone = await call("POST", `/api/tickets/${a}/unmerge`, { token: acc.token });
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ id: a, status: "open" });
    expect(undone.body.mergedInto).toBeUndefined();
    const survivor = await call("GET", `/api/tickets/${b}`, { token: acc.token });
    expect(survivor.body.ticket.tags).toEqual(["order"]);
    expect(survivor.body.messages.map((m: { body: string }) => m.body).filter((x: string) => !x.includes("merged"))).toEqual(["Also, where is order 1042?"]);
    expect(survivor.body.ticket.messageCount).toBe(survivor.body.messages.length);
    expect((await call("POST", `/api/tickets/${a}/unmerge`, { token: acc.token })).status).toBe(409);
    // Merging again works after an unmerge.
    expect((await call("POST", `/api/tickets/${a}/merge`, { token: acc.token, body: { intoTicketId: b } })).status).toBe(200);
  });

  it("refuses other customers, itself, chains, unknown and foreign tickets, changing nothing", async () => {
    const { acc, a, b } = await twoTickets();
    const other = (await inbound(acc.accountId, { channel: "email", from: "kim@example.com", text: "hi", threadId: "<m-c@x>" })).body.ticketId;
    const stranger = await signup();
    expect((await call("POST", `/api/tickets/${a}/merge`, { token: acc.token, body: { intoTicketId: other } })).status).toBe(409);
    expect((await call("POST", `/api/tickets/${a}/merge`, { token: acc.token, body: { intoTicketId: a } })).status).toBe(400);
    expect((await call("POST", `/api/tickets/${a}/merge`, { token: acc.token, body: { intoTicketId: "tkt_nope" } })).status).toBe(400);
    expect((await call("POST", `/api/tickets/${a}/merge`, { token: stranger.token, body: { intoTicketId: b } })).status).toBe(404);
    expect((await call("POST", `/api/tickets/${a}/merge`, { token: acc.token, body: {} })).status).toBe(400);
    expect((await call("GET", `/api/tickets/${a}`, { token: acc.token })).body.ticket).toMatchObject({ status: "open" });
    await call("POST", `/api/tickets/${a}/merge`, { token: acc.token, body: { intoTicketId: b } });
    expect((await call("POST", `/api/tickets/${a}/merge`, { token: acc.token, body: { intoTicketId: b } })).status).toBe(409);
    expect((await call("POST", `/api/tickets/${b}/merge`, { token: acc.token, body: { intoTicketId: a } })).status).toBe(409);
  });
});
