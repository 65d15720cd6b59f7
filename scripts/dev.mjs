// `npm run dev`: build the front ends, apply local D1 migrations, start wrangler dev (--env dev: development mode) on :8787 and seed the demo account.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const port = process.env.PORT ?? "8787";
const base = `http://127.0.0.1:${port}`;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (existsSync("scripts/build-web.mjs")) run("node", ["scripts/build-web.mjs"]);
// wrangler prints the whole migration table once per migration it applies: show one line instead (all of it on failure).
const migrate = spawnSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--env", "dev"], { encoding: "utf8", env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false" } });
if (migrate.status !== 0) {
  process.stdout.write(migrate.stdout ?? "");
  process.stderr.write(migrate.stderr ?? "");
  process.exit(migrate.status ?? 1);
}
const applied = new Set((migrate.stdout ?? "").match(/\d{4}\w*\.sql[^\n]*✅/g) ?? []).size;
console.log(applied > 0 ? `D1 (local): applied ${applied} migration${applied === 1 ? "" : "s"}` : "D1 (local): migrations up to date");

const dev = spawn("npx", ["wrangler", "dev", "--env", "dev", "--port", port, "--ip", "127.0.0.1", ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => dev.kill(sig));
dev.on("exit", (code) => process.exit(code ?? 0));

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

if (await waitForHealth()) {
  const res = await fetch(`${base}/api/dev/seed`, { method: "POST" });
  const seed = await res.json().catch(() => ({}));
  console.log(`
  Edgedesk is running.
    Demo store with the chat widget:  ${base}/
    Agent dashboard:                  ${base}/app   (${seed.owner ?? "demo@edgedesk.dev"} / demo-password)
    API (OpenAPI 3.1):                ${base}/openapi.json
`);
} else {
  console.error("wrangler dev did not become healthy on", base);
}
