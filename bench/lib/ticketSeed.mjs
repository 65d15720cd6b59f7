// SQL that writes many helpdesk tickets straight into the local D1 index (tickets, ticket_tags, profiles), the way
// the ticket actors' write-through would leave them, for the view-query benchmark. Deterministic (seeded PRNG).
import { writeFileSync } from "node:fs";
import { prng } from "../../src/lib/prng.ts";

const DAY = 86_400_000;

const FIRST = ["Jamie", "Alex", "Riley", "Casey", "Jordan", "Taylor", "Morgan", "Avery", "Quinn", "Harper", "Rowan", "Emery", "Sasha", "Noor", "Mina", "Kai", "Leah", "Omar", "Ines", "Tomas", "Yuki", "Priya", "Lena", "Mateo", "Zoe", "Hugo", "Aria", "Ezra", "Nora", "Felix"];
const LAST = ["Rivera", "Nguyen", "Schmidt", "Okafor", "Larsen", "Costa", "Kowalski", "Tanaka", "Haddad", "Moreau", "Fischer", "Silva", "Novak", "Ahmed", "Byrne", "Keller", "Rossi", "Lindqvist", "Duarte", "Petrov", "Walsh", "Ibarra", "Sato", "Mensah", "Varga"];
const DOMAINS = ["example.com", "mail.example.org", "example.net", "inbox.example.co.uk", "example.de"];
const PRODUCTS = ["hiking boots", "rain jacket", "merino socks", "trail runners", "down vest", "daypack", "tent", "sleeping bag", "water bottle", "fleece", "beanie", "gloves", "headlamp", "trekking poles", "base layer"];
const COLORS = ["green", "navy", "black", "red", "sand", "grey"];
const COUNTRIES = ["Canada", "the UK", "Germany", "Australia", "Japan", "Mexico"];
const TAGS = ["shipping", "returns", "order-status", "sizing", "refund", "damaged", "discount", "stock", "address-change", "vip", "wholesale", "warranty", "exchange", "billing", "feedback", "urgent", "international", "gift-card", "subscription", "loyalty"];
const CHANNELS = [["webchat", 0.4], ["email", 0.35], ["sms", 0.13], ["whatsapp", 0.08], ["instagram", 0.04]];

const pick = (r, list) => list[Math.floor(r() * list.length)];
function weighted(r, pairs) {
  let x = r();
  for (const [v, w] of pairs) if ((x -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
}
const q = (v) => (v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

function message(r, order) {
  const p = pick(r, PRODUCTS);
  return pick(r, [
    () => [`Where is my order #${order}?`, `Hi, my order #${order} hasn't arrived yet. Can you check where it is?`],
    () => [`Exchange: ${p}`, `Can I swap my ${p} for a size ${7 + Math.floor(r() * 7)}?`],
    () => ["Shipping question", `Hello! Do you ship to ${pick(r, COUNTRIES)}? How long does it take?`],
    () => [`Damaged ${p}`, `The ${p} I received is damaged, the seam came apart on the first day. Can I get a refund or a new one?`],
    () => [`Back in stock?`, `Love the ${p}! Is it back in stock in ${pick(r, COLORS)}?`],
    () => [`Return request: ${p}`, `I want to return the ${p} from order #${order}, how do I get a return label?`],
    () => ["Discount code", `Do you have any discount codes? I'm about to buy the ${p}.`],
    () => [`Broken ${p}`, `The zipper on my ${p} broke after two weeks, is that covered by the warranty?`],
    () => [`Change of address for #${order}`, `Can I change the shipping address on order #${order}? I'm moving next week.`],
    () => ["Thank you", `Thanks for the quick help with the ${p}, all sorted now!`],
  ])();
}

/**
 * @param {string} file
 * @param {{ accountId: string, agentIds: string[], teamId: string | null, count: number, now: number, seed?: number }} o
 * @returns {{ searchEmail: string, searchTickets: number, tag: string, assigneeId: string }}
 */
export function writeTicketSeed(file, o) {
  const r = prng(o.seed ?? 8);
  const customers = Math.max(1, Math.round(o.count / 3));
  const acc = q(o.accountId);
  const out = [];
  const customerEmail = (k) => `${FIRST[k % FIRST.length].toLowerCase()}.${LAST[Math.floor(k / FIRST.length) % LAST.length].toLowerCase()}${k}@${DOMAINS[k % DOMAINS.length]}`;
  const customerName = (k) => `${FIRST[k % FIRST.length]} ${LAST[Math.floor(k / FIRST.length) % LAST.length]}`;
  const customerPhone = (k) => `+1555${String(k).padStart(7, "0")}`;
  const used = new Map(); // customer → tickets that show their email

  // Profiles first (the ticket rows point at them).
  for (let k = 0; k < customers; k += 200) {
    const rows = [];
    for (let j = k; j < Math.min(customers, k + 200); j++) {
      const at = o.now - 400 * DAY + j;
      rows.push(`(${q(`prof_bench${j}`)},${acc},${q(customerEmail(j))},${q(customerPhone(j))},${q(customerName(j))},NULL,'[]','unknown',${at},${at})`);
    }
    out.push(`INSERT INTO profiles (id, account_id, email, phone, name, external_id, segments, sms_consent, created_at, updated_at) VALUES ${rows.join(",")};`);
  }

  const cols = "id, account_id, number, channel, status, snooze_until, assignee_id, team_id, tags, customer_profile_id, customer_email, customer_phone, customer_name, subject, preview, spam, unread, handled_by, message_count, created_at, updated_at, last_message_at, last_customer_message_at, last_agent_message_at, first_response_at, closed_at, version";
  const base = `(SELECT ticket_seq FROM accounts WHERE id = ${acc})`;
  for (let i = 0; i < o.count; i += 100) {
    const rows = [];
    const tagRows = [];
    for (let n = i; n < Math.min(o.count, i + 100); n++) {
      const id = `tkt_bench${String(n).padStart(8, "0")}`;
      // A few customers write often, most once or twice.
      const k = Math.floor(customers * r() ** 1.6);
      const channel = weighted(r, CHANNELS);
      const created = o.now - Math.floor(r() * 365 * DAY);
      const age = o.now - created;
      const status = age < 3 * DAY ? weighted(r, [["open", 0.6], ["snoozed", 0.1], ["closed", 0.3]]) : weighted(r, [["closed", 0.9], ["open", 0.08], ["snoozed", 0.02]]);
      const updated = Math.min(o.now - 1000, created + Math.floor(r() * Math.min(age, 3 * DAY)));
      const spam = r() < 0.02 ? 1 : 0;
      const handledBy = !spam && r() < 0.08 ? "ai" : "team";
      const assignee = handledBy === "ai" || r() < (status === "open" ? 0.3 : 0.05) ? null : pick(r, o.agentIds);
      const ntags = Math.floor(r() ** 2 * 4);
      const tags = [...new Set(Array.from({ length: ntags }, () => TAGS[Math.floor(TAGS.length * r() ** 2)]))];
      const [subject, text] = message(r, 1000 + Math.floor(r() * 90000));
      const email = channel === "email" || (channel === "webchat" && r() < 0.6) ? customerEmail(k) : null;
      const phone = channel === "sms" || channel === "whatsapp" ? customerPhone(k) : null;
      if (email) used.set(k, (used.get(k) ?? 0) + 1);
      const firstResponse = handledBy === "team" && r() < 0.9 ? Math.min(updated, created + 60_000 + Math.floor(r() * 8 * 3600_000)) : null;
      const closed = status === "closed" ? updated : null;
      const messages = 1 + Math.floor(r() * 8);
      rows.push(
        `(${q(id)},${n + 1},${q(channel)},${q(status)},${status === "snoozed" ? o.now + DAY : "NULL"},${q(assignee)},${q(assignee ? o.teamId : null)},${q(JSON.stringify(tags))},${q(`prof_bench${k}`)},${q(email)},${q(phone)},${q(customerName(k))},${q(channel === "email" ? subject : null)},${q(text.length > 140 ? `${text.slice(0, 139)}…` : text)},${spam},${status === "open" && r() < 0.4 ? 1 : 0},${q(handledBy)},${messages},${created},${updated},${updated},${created},${firstResponse ?? "NULL"},${firstResponse ?? "NULL"},${closed ?? "NULL"},1)`,
      );
      for (const tag of tags) tagRows.push(`(${acc},${q(id)},${q(tag)})`);
    }
    out.push(`INSERT INTO tickets (${cols}) SELECT column1, ${acc}, column2 + ${base}, column3, column4, column5, column6, column7, column8, column9, column10, column11, column12, column13, column14, column15, column16, column17, column18, column19, column20, column21, column22, column23, column24, column25, column26 FROM (VALUES ${rows.join(",")});`);
    if (tagRows.length) out.push(`INSERT INTO ticket_tags (account_id, ticket_id, tag) VALUES ${tagRows.join(",")};`);
  }
  out.push(`UPDATE accounts SET ticket_seq = ticket_seq + ${o.count} WHERE id = ${acc};`);
  writeFileSync(file, `${out.join("\n")}\n`);
  // The customer to look up by email: one with a few tickets, like an agent would search for.
  const [searchK, searchTickets] = [...used.entries()].find(([, n]) => n >= 3 && n <= 6) ?? [...used.entries()][0];
  return { searchEmail: customerEmail(searchK), searchTickets, tag: "warranty", assigneeId: o.agentIds[o.agentIds.length - 1] };
}
