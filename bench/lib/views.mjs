// The view-query phase: many tickets written straight into the demo account's local D1, then the dashboard's
// list, filter, search, view-count and report requests timed over HTTP, one at a time.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { newState, startServer, wrangler } from "./server.mjs";
import { writeTicketSeed } from "./ticketSeed.mjs";
import { json, login, now, summarise } from "./util.mjs";

/**
 * @param {{ tickets: number, requests: number }} o
 */
export async function benchViews(o) {
  const state = newState();
  try {
    // The demo account (agents, team) comes from the app's own seed; then the server stops while the tickets go in.
    let server = await startServer({ state, seed: true });
    let token = await login(server.url);
    const auth = () => ({ headers: { authorization: `Bearer ${token}` } });
    const agents = (await json(`${server.url}/api/agents`, auth())).items;
    const teams = (await json(`${server.url}/api/teams`, auth())).items;
    await server.stop();

    const file = join(state, "bench-tickets.sql");
    const t0 = now();
    const target = writeTicketSeed(file, { accountId: "demo", agentIds: agents.map((a) => a.id), teamId: teams[0]?.id ?? null, count: o.tickets, now: Date.now() });
    wrangler(["d1", "execute", "DB", "--local", "--persist-to", state, "--file", file, "-c", "wrangler.toml", "--env", "dev", "-y"], "seeding tickets");
    const seedSeconds = Math.round((now() - t0) / 100) / 10;
    rmSync(file);

    server = await startServer({ state, migrate: false });
    try {
      token = await login(server.url);
      const get = async (path) => {
        const res = await fetch(`${server.url}${path}`, auth());
        if (!res.ok) throw new Error(`GET ${path} → ${res.status} ${await res.text()}`);
        return res.json();
      };
      const measure = async (name, path) => {
        const first = await get(path);
        const rows = first.items?.length ?? null;
        for (let i = 0; i < 3; i++) await get(path); // warm
        const latencies = [];
        for (let i = 0; i < o.requests; i++) {
          const t = now();
          await get(path);
          latencies.push(now() - t);
        }
        return { name, path, rows, latencyMs: summarise(latencies) };
      };
      const results = [];
      for (const [name, path] of [
        ["floor: GET /api/me (auth only)", "/api/me"],
        ["list, dashboard default (view=mine)", "/api/tickets?view=mine"],
        ["list, view=all", "/api/tickets?view=all"],
        ["list, view=unassigned", "/api/tickets?view=unassigned"],
        [`filter by tag (${target.tag})`, `/api/tickets?view=all&tag=${target.tag}`],
        ["filter by assignee", `/api/tickets?view=all&assigneeId=${target.assigneeId}`],
        [`search a customer's email (${target.searchTickets} tickets)`, `/api/tickets?view=all&q=${encodeURIComponent(target.searchEmail)}`],
        ["search a word (zipper, in 10% of tickets)", "/api/tickets?view=all&q=zipper"],
        ["GET /api/views, built-in counts only", "/api/views"],
      ]) {
        results.push(await measure(name, path));
      }
      // Saved views like a team keeps: GET /api/views counts them too.
      for (const [name, filters] of [
        ["Warranty claims", { view: "all", tag: target.tag }],
        ["Open email", { view: "all", status: "open", channel: "email" }],
        ["Returns, unassigned", { view: "unassigned", tag: "returns" }],
      ]) {
        await json(`${server.url}/api/views`, { method: "POST", ...auth(), body: JSON.stringify({ name, filters, shared: true }) });
      }
      results.push(await measure("GET /api/views, + 3 saved views", "/api/views"));
      results.push(await measure("GET /api/reports (last 30 days)", "/api/reports"));
      return { tickets: o.tickets, seedSeconds, searchEmail: target.searchEmail, queries: results };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}
