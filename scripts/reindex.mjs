// `npm run reindex -- --url https://edgedesk.example --token <owner/admin token>`: rebuild the D1 ticket index from the actors.
const args = Object.fromEntries(process.argv.slice(2).join(" ").split(/\s*--/).filter(Boolean).map((a) => a.split(/\s+/)));
const url = args.url ?? "http://127.0.0.1:8787";
const token = args.token ?? process.env.EDGEDESK_TOKEN;
if (!token) {
  console.error("usage: npm run reindex -- --url <base url> --token <owner or admin token>");
  process.exit(2);
}
let cursor = null;
let total = 0;
do {
  const res = await fetch(`${url}/api/admin/reindex`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ cursor, limit: 100 }) });
  const page = await res.json();
  if (!res.ok) {
    console.error(page);
    process.exit(1);
  }
  total += page.rebuilt;
  if (page.failed.length) console.warn(`could not rebuild: ${page.failed.join(", ")}`);
  cursor = page.next;
} while (cursor);
console.log(`rebuilt ${total} tickets`);
