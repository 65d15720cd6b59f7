// `wrangler dev` for the benchmark on fixed loopback ports (BENCH_PORT_BASE…+49), with state on tmpfs that can
// outlive a restart: the view-query phase stops the server, writes 100k tickets straight into its local D1, restarts.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join } from "node:path";

const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 8850);
let nextPort = PORT_BASE;

function isFree(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/**
 * Two free ports (HTTP, inspector) per server, in order from BENCH_PORT_BASE. A busy port is skipped: the health
 * check would otherwise find whatever else answers there (a server left over by a killed run).
 */
async function takePorts() {
  for (let tries = 0; tries < 25; tries++) {
    const port = nextPort;
    nextPort = nextPort + 2 >= PORT_BASE + 50 ? PORT_BASE : nextPort + 2;
    if ((await isFree(port)) && (await isFree(port + 1))) return [port, port + 1];
  }
  throw new Error(`no two free ports in ${PORT_BASE}–${PORT_BASE + 49}`);
}

/**
 * `wrangler dev` (since 4.118) records a trace of every invocation — each request, socket message, RPC and D1 call —
 * into a local trace store, on the same thread as the Worker and its actors; deployed Workers pay nothing of the
 * kind. The bench measures the Worker, so it turns that recorder off unless BENCH_LOCAL_TRACES=1 (bench/README.md
 * has figures both ways). It applies to every server alike, the baselines included.
 */
export const LOCAL_TRACES = process.env.BENCH_LOCAL_TRACES === "1";

const env = { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", X_LOCAL_OBSERVABILITY: LOCAL_TRACES ? "true" : "false" };

// Servers still up: stopped on Ctrl-C or SIGTERM, so an interrupted run leaves no wrangler behind.
const running = new Set();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    await Promise.all([...running].map((stop) => stop()));
    process.exit(130);
  });
}

/** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on Linux unless the kernel says otherwise). */
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;

/**
 * CPU time (user + system, ms) used so far by the processes of one process group — a server's npx, wrangler and
 * both workerd processes (the entry proxy and the one running the Worker and every actor). Null where there is
 * no /proc. Per message it is a steadier figure than a p99: it does not move with when the machine stalls.
 */
function groupCpuMs(pgid) {
  if (!existsSync("/proc/self/stat")) return null;
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // Fields after the command name (which may hold spaces): state ppid pgrp … utime(14th) stime(15th).
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]);
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

export function newState() {
  // Local state on tmpfs when there is one: local D1 and DO SQLite otherwise wait on fsync, which is no part of what we measure.
  return mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "edgedesk-bench-"));
}

export function wrangler(args, what) {
  const r = spawnSync("npx", ["wrangler", ...args], { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${what} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * @param {{ config?: string, migrate?: boolean, seed?: boolean, state?: string }} opts
 *   `state`: reuse this persist directory (kept on stop); otherwise a fresh one, removed on stop.
 */
export async function startServer(opts = {}) {
  const config = opts.config ?? "wrangler.toml";
  // Edgedesk's own config runs its local [env.dev]; loopback stands for hundreds of shoppers, so it skips the
  // per-address and per-visitor chat limits (RATE_LIMIT_EXEMPT_IPS, src/lib/rateLimit.ts).
  const envArgs = config === "wrangler.toml" ? ["--env", "dev"] : [];
  const devArgs = config === "wrangler.toml" ? [...envArgs, "--var", "RATE_LIMIT_EXEMPT_IPS:127.0.0.1,::1"] : [];
  const persistTo = opts.state ?? newState();
  if (opts.migrate !== false) wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo, "-c", config, ...envArgs], "migrations");
  const [port, inspector] = await takePorts();
  const child = spawn("npx", ["wrangler", "dev", "-c", config, ...devArgs, "--port", String(port), "--ip", "127.0.0.1", "--persist-to", persistTo, "--inspector-port", String(inspector), "--log-level", "error"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const groupAlive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const stop = async () => {
    // The whole process group (npx, wrangler, workerd): workerd outliving npx would write its state back after the rm.
    for (const signal of ["SIGTERM", "SIGKILL"]) {
      if (!groupAlive()) break;
      process.kill(-child.pid, signal);
      for (let i = 0; i < 50 && groupAlive(); i++) await new Promise((r) => setTimeout(r, 100));
    }
    running.delete(stop);
    if (!opts.state) rmSync(persistTo, { recursive: true, force: true });
  };
  running.add(stop);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev on port ${port} exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status < 500) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev on port ${port} did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  if (opts.seed) {
    const res = await fetch(`${url}/api/dev/seed`, { method: "POST" });
    if (!res.ok) throw new Error(`seed failed: ${res.status} ${await res.text()}`);
  }
  return { url, port, persistTo, stop, cpuMs: () => groupCpuMs(child.pid) };
}
