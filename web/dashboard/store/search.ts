// The client twin of the server's search (`searchHits` and `ftsMatch` in src/tickets/queries.ts; docs/api.md `q`),
// for what a ticket carries: a live event must land in a searched list only where the server would have put it.
import type { TicketView as Ticket } from "../../../src/schemas/ticket.ts";
import { hashNumber, phoneDigits, plainNumber, SHORT_QUERY } from "../../../src/tickets/searchRules.ts";

/**
 * Words as SQLite FTS5's default tokenizer (unicode61) sees them: runs of letters and digits, case-folded, with
 * diacritics removed ("Müller" is found by "muller").
 */
export function words(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** `query`'s words appear in a row in `field`, the last as a prefix (an FTS5 phrase query ending in `*`). */
function hasPhrase(field: readonly string[], query: readonly string[]): boolean {
  const last = query.length - 1;
  for (let start = 0; start + last < field.length; start++) {
    let i = 0;
    while (i < last && field[start + i] === query[i]) i++;
    if (i === last && (field[start + last] ?? "").startsWith(query[last] ?? "")) return true;
  }
  return false;
}

/**
 * Whether the server's search for `q` would find `t` by what the ticket itself holds: `#123` or a number, the start
 * of the customer's email, or the words of `q` in a row (the last as a prefix) in the customer's name or phone, the
 * subject or the latest message (a phone number also by its digits). A query shorter than three characters matches
 * anywhere in that text. Words in older messages and notes are beyond the client: a row the search found stays.
 */
export function matchesSearch(t: Ticket, q: string): boolean {
  const byHash = hashNumber(q);
  if (byHash !== null) return t.number === byHash;
  if (t.number === plainNumber(q)) return true;
  const lower = q.toLowerCase();
  if (q.length < SHORT_QUERY) return [t.customer.email, t.customer.name, t.customer.phone, t.subject, t.preview].some((s) => s?.toLowerCase().includes(lower));
  if (t.customer.email?.toLowerCase().startsWith(lower)) return true;
  const fields = [t.customer.name, t.customer.phone, t.subject, t.preview].filter((s): s is string => Boolean(s)).map(words);
  const phrase = words(q);
  if (phrase.length > 0 && fields.some((f) => hasPhrase(f, phrase))) return true;
  const digits = phoneDigits(q);
  return digits !== null && fields.some((f) => hasPhrase(f, [digits]));
}
