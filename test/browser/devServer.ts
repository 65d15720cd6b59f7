// Browser-test harness. `globalSetup.ts` builds the front ends and starts ONE `wrangler dev` (free loopback port, throwaway
// state, demo account seeded) for the whole browser run; test files reach it, and chromium, through kit.ts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
// CI sets this: there the browser tests must run, never skip.
if (!hasChromium && process.env.EDGEDESK_REQUIRE_BROWSER) throw new Error(`${CHROMIUM} is missing and EDGEDESK_REQUIRE_BROWSER is set`);
export const ARTIFACTS = join(ROOT, "test-artifacts");

const WRANGLER = join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
// wrangler dev's local trace store records every invocation on the Worker's thread; no test reads it (bench/lib/server.mjs).
const ENV = { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", X_LOCAL_OBSERVABILITY: "false" };

/** What globalSetup hands to the test files. */
export interface SharedServer {
  base: string;
  /** The throwaway `--persist-to` directory (D1 and Durable Object state) of this run. */
  state: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    browserServer: SharedServer | null;
  }
}

export interface DevServer extends SharedServer {
  port: number;
  stop(): Promise<void>;
  log(): string;
}

/** The run's one dev server, started by globalSetup (kit.ts's `server` reads it when used: files skip without chromium). */
export function sharedServer(): SharedServer {
  const server = inject("browserServer");
  if (!server) throw new Error("no dev server: run browser tests with `npm run test:browser` (vitest project \"browser\")");
  return server;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function runOrThrow(args: string[], what: string): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: ENV, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

async function waitForHealth(base: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not become healthy on ${base}`);
}

/** Applies the D1 migrations to fresh state, starts `wrangler dev` on a free port and seeds the demo account. The front ends must be built. */
export async function startDevServer(): Promise<DevServer> {
  // Local state on tmpfs when there is one: nothing here needs to survive the run, and fsync is slow on a busy disk.
  const state = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "edgedesk-browser-"));
  try {
    runOrThrow([WRANGLER, "d1", "migrations", "apply", "DB", "--local", "--env", "dev", "--persist-to", state], "d1 migrations apply");
  } catch (err) {
    rmSync(state, { recursive: true, force: true });
    throw err;
  }
  const [port, inspector] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  let output = "";
  // --env dev: development mode (wrangler.toml). The browser files open many chats from loopback within a minute, so
  // loopback skips the chat limits (src/lib/rateLimit.ts); the workerd suite tests the limits themselves.
  const child = spawn(process.execPath, [WRANGLER, "dev", "--env", "dev", "--var", "RATE_LIMIT_EXEMPT_IPS:127.0.0.1,::1", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", state, "--inspector-port", String(inspector), "--log-level", "warn"], {
    cwd: ROOT,
    env: ENV,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
    rmSync(state, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base, child, Date.now() + 90_000);
    const seed = await fetch(`${base}/api/dev/seed`, { method: "POST" });
    if (!seed.ok) throw new Error(`seed failed: ${seed.status} ${await seed.text()}`);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- wrangler output ---\n${output}`);
  }
  return { base, port, state, stop, log: () => output };
}

/** Runs one SQL statement against the dev server's local D1 (`wrangler d1 execute --local`) and returns the rows. */
export function d1Query<T>(server: SharedServer, sql: string): T[] {
  const r = spawnSync(process.execPath, [WRANGLER, "d1", "execute", "DB", "--local", "--env", "dev", "--persist-to", server.state, "--json", "--command", sql], { cwd: ROOT, env: ENV, encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`d1 execute failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const out = JSON.parse(r.stdout) as { results: T[] }[];
  return out[0]?.results ?? [];
}
