// Small helpers shared by the benchmark phases: timing, percentiles, sockets, JSON over HTTP.
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.now();

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)] * 100) / 100;
}

export function summarise(latencies) {
  const s = [...latencies].sort((a, b) => a - b);
  return { count: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: percentile(s, 100) };
}

export function openSocket(url, onMessage) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.addEventListener("open", () => resolve(ws), { once: true });
    ws.addEventListener("error", (e) => reject(new Error(`socket error ${url}: ${e.message ?? e.type}`)), { once: true });
    ws.addEventListener("message", (e) => onMessage(String(e.data)));
  });
}

export async function json(url, init) {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...(init?.headers ?? {}) } });
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${url} → ${res.status} ${await res.text()}`);
  return res.json();
}

export async function waitUntil(pred, timeoutMs) {
  const deadline = now() + timeoutMs;
  while (!pred() && now() < deadline) await sleep(20);
}

export const DEMO_EMAILS = ["demo@edgedesk.dev", "alex@edgedesk.dev", "morgan@edgedesk.dev", "sam@edgedesk.dev"];

export async function login(base, email = DEMO_EMAILS[0]) {
  return (await json(`${base}/api/login`, { method: "POST", body: JSON.stringify({ email, password: "demo-password" }) })).token;
}
