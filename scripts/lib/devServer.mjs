// Starts `wrangler dev` on a loopback port with its own local state, for benchmarks and browser tests.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ config?: string, migrate?: boolean, seed?: boolean, log?: boolean }} opts
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startDevServer(opts = {}) {
  const config = opts.config ?? "wrangler.toml";
  // Local state on tmpfs when there is one: local D1 and DO SQLite otherwise wait on fsync, which is no part of what we measure.
  const persistTo = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "edgedesk-"));
  const env = { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" };
  if (opts.migrate !== false) {
    const r = spawnSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo, "-c", config], { env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`migrations failed: ${r.stderr || r.stdout}`);
  }
  const port = await freePort();
  const inspector = await freePort();
  const child = spawn("npx", ["wrangler", "dev", "-c", config, "--port", String(port), "--ip", "127.0.0.1", "--persist-to", persistTo, "--inspector-port", String(inspector), "--log-level", opts.log ? "info" : "error"], {
    env,
    stdio: ["ignore", opts.log ? "inherit" : "pipe", opts.log ? "inherit" : "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 300));
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
    rmSync(persistTo, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status < 500) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  if (opts.seed) {
    const res = await fetch(`${url}/api/dev/seed`, { method: "POST" });
    if (!res.ok) throw new Error(`seed failed: ${res.status} ${await res.text()}`);
  }
  return { url, port, stop };
}
