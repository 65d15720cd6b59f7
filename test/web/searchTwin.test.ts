// The dashboard's search twin (web/dashboard/store/search.ts) against the server's own list with `q` (listTickets,
// src/tickets/queries.ts) on D1 with every migration: for what a ticket row holds, a live event must land in a
// searched list exactly where a reload would put it.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { d1Reads } from "../../src/db/reads.ts";
import { listTickets } from "../../src/tickets/queries.ts";
import type { TicketView } from "../../src/schemas/ticket.ts";
import { matchesSearch, words } from "../../web/dashboard/store/search.ts";
import { unique } from "../helpers.ts";

type Row = { number: number; email?: string; name?: string; phone?: string; subject?: string; preview?: string };

// Written by hand for this test: names with diacritics and several words, phones in several spellings, subjects and
// previews with words that are prefixes, suffixes and substrings of one another.
const ROWS: Row[] = [
  { number: 1, email: "jamie.rivera@example.com", name: "Jamie Rivera", subject: "Where is my order #1042?", preview: "Hi, my order #1042 hasn't arrived yet." },
  { number: 2, email: "r.muller@example.de", name: "Renée Müller", subject: "Rücksendung", preview: "Ich möchte die Jacke zurückgeben" },
  { number: 3, email: "sam@shop.test", name: "Sam O'Neil", phone: "+1 (555) 010-2000", subject: "Broken zipper", preview: "The zipper on my jacket broke after two weeks" },
  { number: 4, phone: "+15550103000", preview: "Do you ship to Canada?" },
  { number: 5, email: "unzipped@example.com", name: "Alex Stone", subject: "Zipped pocket", preview: "Is the pocket zipped or buttoned?" },
  { number: 6, email: "orders@bigcorp.example", name: "Morgan Lee", subject: "Bulk order", preview: "We need 40 jackets in navy, order by Friday" },
  { number: 42, name: "Chloé Martin", subject: "Taille", preview: "Quelle taille pour 42 ? Je chausse du 42." },
  { number: 104, email: "kai@example.com", name: "Kai", subject: "Refund for order 1042", preview: "refund please" },
  { number: 7, name: "Jamie-Lee Fox", subject: "Gift card", preview: "My gift-card code doesn't work" },
];

const QUERIES = [
  "#1042", "#42", "#4", "1042", "104",
  "jamie", "Jamie R", "jamie rivera", "rivera jamie", "jam", "amie", "ivera",
  "jamie.rivera@", "jamie.rivera@example.com", "r.mul", "sam@", "example",
  "muller", "Müller", "renee", "rücksendung", "rucks", "zurück",
  "zipper", "zip", "zipped", "unzip", "zipper on my", "on my jacket", "my jacket broke after",
  "555", "555-010", "(555) 010-2000", "5550102000", "+1 555 010", "15550103",
  "canada", "ship to", "navy order", "order by fri", "jackets", "jacket",
  "taille", "chausse du 42", "gift card", "gift-card code", "lee fox", "o'neil", "neil",
];

function view(r: Row): TicketView {
  const customer: TicketView["customer"] = {};
  if (r.email) customer.email = r.email;
  if (r.name) customer.name = r.name;
  if (r.phone) customer.phone = r.phone;
  return {
    id: `tkt_${r.number}`, number: r.number, channel: "email", status: "open", assigneeId: null, teamId: null, tags: [], aiTags: [], customer,
    spam: false, unread: true, handledBy: "team", messageCount: 1, createdAt: "2026-12-01T00:00:00.000Z", updatedAt: "2026-12-01T00:00:00.000Z",
    priority: "normal", ...(r.subject ? { subject: r.subject } : {}), ...(r.preview ? { preview: r.preview } : {}),
  };
}

describe("the dashboard's search twin", () => {
  const accountId = unique("acc");
  const otherAccount = unique("acc");
  // Written before every query (storage may be reset between tests; INSERT OR IGNORE makes it idempotent).
  const seed = async () => {
    const insert = (id: string, account: string, r: Row) =>
      env.DB.prepare(
        "INSERT OR IGNORE INTO tickets (id, account_id, number, channel, status, customer_email, customer_name, customer_phone, subject, preview, message_count, created_at, updated_at, version) VALUES (?, ?, ?, 'email', 'open', ?, ?, ?, ?, ?, 1, ?, ?, 1)",
      ).bind(id, account, r.number, r.email ?? null, r.name ?? null, r.phone ?? null, r.subject ?? null, r.preview ?? null, r.number, r.number);
    // Another account's ticket that most queries would find: a list never shows it.
    await env.DB.batch([...ROWS.map((r) => insert(`${accountId}_${r.number}`, accountId, r)), insert(`${accountId}_other`, otherAccount, { ...ROWS[0]!, subject: "zipper 1042" })]);
  };

  const serverFinds = async (q: string): Promise<number[]> => {
    await seed();
    const page = await listTickets(d1Reads(env.DB), accountId, "agt_me", { view: "all", q, limit: 100 });
    return page.items.map((t) => t.number).sort((a, b) => a - b);
  };

  it.each(QUERIES)("finds for %j what the server finds", async (q) => {
    const client = ROWS.filter((r) => matchesSearch(view(r), q)).map((r) => r.number).sort((a, b) => a - b);
    expect(client).toEqual(await serverFinds(q));
  });

  it("the queries above do find something, and not everything (the comparison is not vacuous)", async () => {
    const found: number[] = [];
    for (const q of QUERIES) found.push((await serverFinds(q)).length);
    expect(found.filter((n) => n > 0).length).toBeGreaterThan(QUERIES.length * 0.7);
    expect(found.every((n) => n < ROWS.length)).toBe(true);
  });

  it.each(["iv", "zz", "42", "#4", "4", "é"])("finds for the short query %j what the server finds (anywhere in the text)", async (q) => {
    const client = ROWS.filter((r) => matchesSearch(view(r), q)).map((r) => r.number).sort((a, b) => a - b);
    expect(client).toEqual(await serverFinds(q));
  });

  it("reads words as FTS5's unicode61 tokenizer does", () => {
    expect(words("Renée Müller's gift-card, #1042!")).toEqual(["renee", "muller", "s", "gift", "card", "1042"]);
  });
});
