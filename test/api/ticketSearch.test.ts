import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { db } from "../../src/db/client.ts";
import { listTickets } from "../../src/tickets/queries.ts";
import { addAgent, call, inbound, signup, unique, type TestAccount } from "../helpers.ts";

async function email(accountId: string, from: string, text: string, subject?: string) {
  const res = await call<{ ticketId: string }>("POST", "/api/dev/inbound", {
    body: { accountId, channel: "email", from, text, threadId: `<${unique("t")}@x>`, providerMessageId: unique("pm"), ...(subject ? { subject } : {}) },
  });
  return res.body.ticketId;
}

async function sms(accountId: string, from: string, text: string) {
  return (await inbound(accountId, { channel: "sms", from, text })).body.ticketId;
}

const ids = async (acc: TestAccount, query: string, token = acc.token) =>
  (await call<{ items: { id: string }[] }>("GET", `/api/tickets?${query}`, { token })).body.items.map((t) => t.id);

describe("ticket search (q) from indexes", () => {
  it("finds a ticket by the start of the customer's email, words in the name, subject or latest message, the phone and the number", async () => {
    const acc = await signup();
    const mail = await email(acc.accountId, "Pat Lee <Pat.Lee@Example.com>", "Please refund the parcel", "Damaged merino socks");
    const text = await sms(acc.accountId, "+15558000001", "Wrong size hiking boots");
    const q = (s: string) => ids(acc, `view=all&q=${encodeURIComponent(s)}`);
    expect(await q("pat.lee@example.com")).toEqual([mail]);
    expect(await q("PAT.LE")).toEqual([mail]);
    expect(await q("lee")).toEqual([mail]);
    expect(await q("merino")).toEqual([mail]);
    expect(await q("refu")).toEqual([mail]);
    expect(await q("size hik")).toEqual([text]);
    expect(await q("+1 555 800 0001")).toEqual([text]);
    expect(await q("1555800")).toEqual([text]);
    const number = (await call<{ ticket: { number: number } }>("GET", `/api/tickets/${mail}`, { token: acc.token })).body.ticket.number;
    expect(await q(`#${number}`)).toEqual([mail]);
    // Under three characters a query still matches anywhere in the text.
    expect(await q("ro")).toEqual([text]);
    expect(await q("nothing like this")).toEqual([]);
  });

  it("keeps finding words of earlier messages after the preview moves on", async () => {
    const acc = await signup();
    const ticket = await sms(acc.accountId, "+15558000002", "My zipper broke");
    expect(await ids(acc, "view=all&q=zipper")).toEqual([ticket]);
    await sms(acc.accountId, "+15558000002", "Never mind, all sorted");
    expect(await ids(acc, "view=all&q=zipper")).toEqual([ticket]);
    expect(await ids(acc, "view=all&q=sorted")).toEqual([ticket]);
  });

  it("indexes every message and note exactly once, however many one write carries", async () => {
    const acc = await signup();
    const ticket = await sms(acc.accountId, "+15558000003", "first word aardvark");
    for (let i = 1; i < 20; i++) await sms(acc.accountId, "+15558000003", `message ${i} ${i === 17 ? "bumblebee" : "filler"}`);
    expect((await call("POST", `/api/tickets/${ticket}/notes`, { token: acc.token, body: { body: "internal cassowary" } })).status).toBe(201);
    for (const word of ["aardvark", "bumblebee", "cassowary"]) expect(await ids(acc, `view=all&q=${word}`)).toEqual([ticket]);
    const searchRows = async () => (await env.DB.prepare("SELECT id, internal FROM ticket_messages_search WHERE ticket_id = ?").bind(ticket).all<{ id: string; internal: number }>()).results;
    const written = await searchRows();
    expect(written).toHaveLength(21);
    expect(new Set(written.map((r) => r.id)).size).toBe(21);
    expect(written.filter((r) => r.internal === 1)).toHaveLength(1);
    // Lost and rebuilt: the whole backlog goes back in one write (search inserts of 16 rows and of 5).
    await env.DB.prepare("DELETE FROM ticket_messages_search WHERE ticket_id = ?").bind(ticket).run();
    expect((await call("POST", "/api/admin/reindex", { token: acc.token, body: {} })).body.failed).toEqual([]);
    expect((await searchRows()).map((r) => `${r.id}:${r.internal}`).sort()).toEqual(written.map((r) => `${r.id}:${r.internal}`).sort());
    for (const word of ["aardvark", "bumblebee", "cassowary"]) expect(await ids(acc, `view=all&q=${word}`)).toEqual([ticket]);
  });

  it("finds the ticket a thread was merged into by the merged messages' words, and no longer after an unmerge", async () => {
    const acc = await signup();
    const mail = async (thread: string, text: string) =>
      (await call<{ ticketId: string }>("POST", "/api/dev/inbound", { body: { accountId: acc.accountId, channel: "email", from: "kim@example.com", text, threadId: `<${thread}-${acc.accountId}@x>`, providerMessageId: unique("pm") } })).body.ticketId;
    const merged = await mail("a", "my quokka plush arrived torn");
    await mail("a", "photos to follow");
    const survivor = await mail("b", "hello, a question about returns");
    const quokka = async () => {
      const res = await call<{ items: { id: string; match?: { messageId: string; text: string } }[] }>("GET", "/api/tickets?view=all&q=quokka", { token: acc.token });
      return new Map(res.body.items.map((t) => [t.id, t.match]));
    };
    const original = (await call<{ messages: { id: string; body: string }[] }>("GET", `/api/tickets/${merged}`, { token: acc.token })).body.messages.find((m) => m.body.includes("quokka"));
    expect((await call("POST", `/api/tickets/${merged}/merge`, { token: acc.token, body: { intoTicketId: survivor } })).status).toBe(200);
    const afterMerge = await quokka();
    expect([...afterMerge.keys()].sort()).toEqual([merged, survivor].sort());
    // The survivor's snippet points at the message as its thread shows it (the same id the merged ticket had).
    expect(afterMerge.get(survivor)?.messageId).toBe(original?.id);
    expect(afterMerge.get(survivor)?.text).toContain("quokka");
    expect((await call("POST", `/api/tickets/${merged}/unmerge`, { token: acc.token })).status).toBe(200);
    expect([...(await quokka()).keys()]).toEqual([merged]);
    // Merged again: the survivor's rows come back.
    expect((await call("POST", `/api/tickets/${merged}/merge`, { token: acc.token, body: { intoTicketId: survivor } })).status).toBe(200);
    expect([...(await quokka()).keys()].sort()).toEqual([merged, survivor].sort());
  });

  it("keeps the view's other filters and order, whether it starts from the hits or walks the view", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    const tickets: string[] = [];
    for (let i = 0; i < 6; i++) tickets.push(await sms(acc.accountId, `+1555810000${i}`, `parcel number ${i}`));
    await sms(acc.accountId, "+15558100009", "unrelated");
    await call("PATCH", `/api/tickets/${tickets[1]}`, { token: acc.token, body: { assigneeId: sam.agentId, tags: ["vip"] } });
    await call("PATCH", `/api/tickets/${tickets[4]}`, { token: acc.token, body: { assigneeId: sam.agentId } });
    const d = db(env.DB);
    for (const manyHits of [1000, 1]) {
      const page = async (f: Parameters<typeof listTickets>[3]) => (await listTickets(d, acc.accountId, acc.agentId, f, { manyHits })).items.map((t) => t.id);
      expect(await page({ view: "all", q: "parcel", limit: 50 })).toEqual(await ids(acc, "view=all&q=parcel"));
      expect((await page({ view: "all", q: "parcel", limit: 50 })).sort()).toEqual([...tickets].sort());
      expect(await page({ view: "all", q: "parcel", assigneeId: sam.agentId, limit: 50 })).toEqual([tickets[4], tickets[1]]);
      expect(await page({ view: "all", q: "parcel", tag: "VIP", limit: 50 })).toEqual([tickets[1]]);
      const first = await listTickets(d, acc.accountId, acc.agentId, { view: "all", q: "parcel", limit: 4 }, { manyHits });
      const rest = await listTickets(d, acc.accountId, acc.agentId, { view: "all", q: "parcel", limit: 4, cursor: first.nextCursor ?? undefined }, { manyHits });
      expect([...first.items, ...rest.items].map((t) => t.id)).toEqual(await page({ view: "all", q: "parcel", limit: 50 }));
      expect(rest.nextCursor).toBeNull();
    }
  });
});

describe("a tag's tickets", () => {
  it("come newest first across pages, in any view, and are counted in saved views", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    const tagged: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await sms(acc.accountId, `+1555820000${i}`, `order ${i}`);
      await call("PATCH", `/api/tickets/${id}`, { token: acc.token, body: { tags: ["returns"] } });
      tagged.push(id);
    }
    await sms(acc.accountId, "+15558200009", "untagged");
    // A later message moves a ticket to the top of the tag's list ("order" stays findable: search reads every message).
    await sms(acc.accountId, "+15558200001", "any news?");
    await call("PATCH", `/api/tickets/${tagged[3]}`, { token: acc.token, body: { assigneeId: sam.agentId } });
    const all = await ids(acc, "view=all");
    const expected = all.filter((id) => tagged.includes(id));
    expect(expected).toHaveLength(5);
    const first = await call("GET", "/api/tickets?view=all&tag=returns&limit=2", { token: acc.token });
    const second = await call("GET", `/api/tickets?view=all&tag=returns&limit=2&cursor=${first.body.nextCursor}`, { token: acc.token });
    const third = await call("GET", `/api/tickets?view=all&tag=returns&limit=2&cursor=${second.body.nextCursor}`, { token: acc.token });
    expect([...first.body.items, ...second.body.items, ...third.body.items].map((t: { id: string }) => t.id)).toEqual(expected);
    expect(third.body.nextCursor).toBeNull();
    expect(await ids(acc, "view=mine&tag=returns", sam.token)).toEqual([tagged[3]]);
    expect(await ids(acc, "view=unassigned&tag=returns")).toEqual(expected.filter((id) => id !== tagged[3]));
    expect(await ids(acc, "view=all&tag=returns&sort=created_asc")).toEqual(tagged);

    await call("PATCH", `/api/tickets/${tagged[0]}`, { token: acc.token, body: { tags: [] } });
    for (const [name, filters] of [
      ["Returns, unassigned", { view: "unassigned", tag: "returns" }],
      ["Order talk", { view: "all", q: "order" }],
    ] as const) {
      await call("POST", "/api/views", { token: acc.token, body: { name, filters, shared: true } });
    }
    const views = await call("GET", "/api/views", { token: acc.token });
    expect(views.body.items.map((v: { name: string; count: number }) => [v.name, v.count])).toEqual([["Returns, unassigned", 3], ["Order talk", 5]]);
    expect(views.body.builtIn).toMatchObject({ unassigned: 5, mine: 0, all: 6, spam: 0 });
  });
});
