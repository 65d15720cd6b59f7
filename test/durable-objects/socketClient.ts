// A test client over a WebSocket through the Worker: collects frames and waits for the ones a test expects.
import { exports } from "cloudflare:workers";
import { BASE } from "../helpers.ts";

export interface Frame {
  type: string;
  [k: string]: any;
}

export async function connect(path: string, headers: Record<string, string> = {}) {
  const res = await exports.default.fetch(new Request(`${BASE}${path}`, { headers: { ...headers, Upgrade: "websocket" } }));
  const ws = res.webSocket;
  if (res.status !== 101 || !ws) throw new Error(`no upgrade: ${res.status} ${await res.text()}`);
  ws.accept();
  const frames: Frame[] = [];
  const waiters: (() => void)[] = [];
  ws.addEventListener("message", (e) => {
    frames.push(JSON.parse(e.data as string) as Frame);
    waiters.splice(0).forEach((w) => w());
  });
  /** The first frame (from the start) that matches. */
  async function waitFor(pred: (f: Frame) => boolean, what = "frame"): Promise<Frame> {
    return waitUntil(() => frames.find(pred), what);
  }
  /** Waits until `check` returns something (re-checked on every frame and every 50 ms). */
  async function waitUntil<T>(check: () => T | undefined, what = "frame"): Promise<T> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const hit = check();
      if (hit !== undefined) return hit;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(frames.map((f) => f.type))}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }
  return { ws, frames, waitFor, waitUntil, send: (f: unknown) => ws.send(typeof f === "string" ? f : JSON.stringify(f)) };
}

export const settle = (ms = 100) => new Promise((r) => setTimeout(r, ms));
