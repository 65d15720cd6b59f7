// How a search query (`q`, docs/api.md) is read: shared by the server's search SQL (src/tickets/queries.ts) and
// the dashboard's twin that places live tickets in a searched list (web/dashboard/store/search.ts), so the two
// cannot drift. Pure: no SQL, nothing of the Worker.

/** Below this length a query matches anywhere in the text: it matches so much that walking the view finds a page at once. */
export const SHORT_QUERY = 3;

/** `#123`: that ticket number and nothing else. */
export function hashNumber(q: string): number | null {
  const m = /^#(\d+)$/.exec(q);
  return m ? Number(m[1]) : null;
}

/** A query of digits alone also names a ticket number. */
export function plainNumber(q: string): number | null {
  return /^\d+$/.test(q) ? Number(q) : null;
}

/** A phone number typed with spaces, dashes or brackets is also looked for as its digits (null: not one). */
export function phoneDigits(q: string): string | null {
  const digits = q.replace(/\D/g, "");
  return /^\+?[\d\s().-]+$/.test(q) && digits.length >= SHORT_QUERY && digits !== q ? digits : null;
}
