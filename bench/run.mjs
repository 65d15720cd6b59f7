// `npm run bench`: shopper→dashboard delivery latency and throughput against wrangler dev on loopback,
// next to a bare Durable Object WebSocket echo measured in the same run.
import { mkdirSync, writeFileSync } from "node:fs";
import { startDevServer } from "../scripts/lib/devServer.mjs";

const CHATS = Number(process.env.BENCH_CHATS ?? 200);
const DASHBOARDS = Number(process.env.BENCH_DASHBOARDS ?? 10);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 1000);
const AGENT_CHATS = Number(process.env.BENCH_AGENT_CHATS ?? 40);
const AGENT_QUESTIONS = ["Do you have any discount codes?", "Can you recommend waterproof hiking boots?", "How long does shipping take to Canada?", "Where is my order #1038?"];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)] * 100) / 100;
}

function summarise(latencies) {
  const s = [...latencies].sort((a, b) => a - b);
  return { count: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: percentile(s, 100) };
}

function openSocket(url, onMessage) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.addEventListener("open", () => resolve(ws), { once: true });
    ws.addEventListener("error", (e) => reject(new Error(`socket error ${url}: ${e.message ?? e.type}`)), { once: true });
    ws.addEventListener("message", (e) => onMessage(String(e.data)));
  });
}

async function json(url, init) {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...(init?.headers ?? {}) } });
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${url} → ${res.status} ${await res.text()}`);
  return res.json();
}

/** Paced sends from every client at once: each waits GAP_MS ± 50% between messages. */
async function pacedRun(clients, send) {
  const started = now();
  await Promise.all(
    clients.map(async (client, c) => {
      await sleep(Math.random() * GAP_MS);
      for (let m = 0; m < MESSAGES; m++) {
        send(client, c, m);
        await sleep(GAP_MS * (0.5 + Math.random()));
      }
    }),
  );
  return started;
}

async function waitUntil(pred, timeoutMs) {
  const deadline = now() + timeoutMs;
  while (!pred() && now() < deadline) await sleep(20);
}

async function benchEchoBaseline(base) {
  const wsBase = base.replace("http", "ws");
  const pending = new Map();
  const latencies = [];
  const sockets = await Promise.all(
    Array.from({ length: CHATS }, (_, c) =>
      openSocket(`${wsBase}/room/chat-${c}`, (data) => {
        const sentAt = pending.get(data);
        if (sentAt !== undefined) {
          latencies.push(now() - sentAt);
          pending.delete(data);
        }
      }),
    ),
  );
  const started = await pacedRun(sockets, (ws, c, m) => {
    const payload = `echo:${c}:${m}`;
    pending.set(payload, now());
    ws.send(payload);
  });
  await waitUntil(() => pending.size === 0, 15_000);
  const elapsed = (now() - started) / 1000;
  sockets.forEach((ws) => ws.close());
  return { latencyMs: summarise(latencies), lost: pending.size, messagesPerSecond: Math.round(latencies.length / elapsed) };
}

async function setAgent(base, token, enabled) {
  await json(`${base}/api/settings/agent`, { method: "PUT", headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ enabled }) });
}

/** The offline AI agent: time from the shopper's POST to the response carrying the agent's answer. */
async function benchAgent(base, ownerToken) {
  await setAgent(base, ownerToken, true);
  const conversations = await Promise.all(Array.from({ length: AGENT_CHATS }, () => json(`${base}/api/chat/conversations`, { method: "POST", body: JSON.stringify({ accountId: "demo" }) })));
  const latencies = [];
  let unanswered = 0;
  const started = now();
  await Promise.all(
    conversations.map(async (conv, c) => {
      await sleep(Math.random() * GAP_MS);
      for (const [q, text] of AGENT_QUESTIONS.entries()) {
        const t0 = now();
        const res = await json(`${base}/api/chat/conversations/${conv.conversationId}/messages`, {
          method: "POST",
          headers: { "x-visitor-token": conv.visitorToken },
          body: JSON.stringify({ text, clientMessageId: `agent_${c}_${q}_${started0}` }),
        });
        latencies.push(now() - t0);
        if (!res.replies?.some((r) => r.author === "ai")) unanswered += 1;
        // A shopper reads the answer before asking the next question.
        await sleep(GAP_MS * (0.5 + Math.random()));
      }
    }),
  );
  const elapsed = (now() - started) / 1000;
  return { turnLatencyMs: summarise(latencies), turnsPerSecond: Math.round(latencies.length / elapsed), unanswered };
}

async function benchEdgedesk(base) {
  const wsBase = base.replace("http", "ws");
  const emails = ["demo@edgedesk.dev", "alex@edgedesk.dev", "morgan@edgedesk.dev", "sam@edgedesk.dev"];
  const tokens = [];
  for (let d = 0; d < DASHBOARDS; d++) {
    tokens.push((await json(`${base}/api/login`, { method: "POST", body: JSON.stringify({ email: emails[d % emails.length], password: "demo-password" }) })).token);
  }
  // Live chat between shoppers and the team: the AI agent (measured on its own below) stays out of this path.
  await setAgent(base, tokens[0], false);
  const sentAt = new Map(); // body → send time
  const firstSeen = new Map(); // body → latency at the first dashboard
  const fanout = []; // every dashboard's latency
  let deliveries = 0;
  const dashboards = await Promise.all(
    tokens.map((token) =>
      openSocket(`${wsBase}/api/inbox/ws?token=${token}`, (data) => {
        const frame = JSON.parse(data);
        if (frame.type !== "message.created" || frame.message.author !== "customer") return;
        const t0 = sentAt.get(frame.message.body);
        if (t0 === undefined) return;
        const latency = now() - t0;
        deliveries += 1;
        fanout.push(latency);
        if (!firstSeen.has(frame.message.body)) firstSeen.set(frame.message.body, latency);
      }),
    ),
  );
  const conversations = [];
  for (let i = 0; i < CHATS; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, CHATS - i) }, () => json(`${base}/api/chat/conversations`, { method: "POST", body: JSON.stringify({ accountId: "demo" }) })),
    );
    conversations.push(...batch);
  }
  const shoppers = await Promise.all(conversations.map((conv) => openSocket(`${wsBase}/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}`, () => {})));
  // Warm every conversation's actor before measuring.
  await Promise.all(shoppers.map((ws, c) => { ws.send(JSON.stringify({ type: "message", text: `warm-up ${c}`, clientMessageId: `warm_${c}_${Date.now()}` })); }));
  await sleep(2000);
  const started = await pacedRun(shoppers, (ws, c, m) => {
    const body = `bench ${c}-${m}`;
    sentAt.set(body, now());
    ws.send(JSON.stringify({ type: "message", text: body, clientMessageId: `bench_${c}_${m}_${started0}` }));
  });
  await waitUntil(() => firstSeen.size === sentAt.size && deliveries >= sentAt.size * DASHBOARDS, 30_000);
  const elapsed = (now() - started) / 1000;
  [...dashboards, ...shoppers].forEach((ws) => ws.close());
  return {
    latencyMs: summarise([...firstSeen.values()]),
    fanoutLatencyMs: summarise(fanout),
    lost: sentAt.size - firstSeen.size,
    deliveriesMissing: sentAt.size * DASHBOARDS - deliveries,
    messagesPerSecond: Math.round(firstSeen.size / elapsed),
    deliveriesPerSecond: Math.round(deliveries / elapsed),
    ownerToken: tokens[0],
  };
}
const started0 = Date.now();

const edgedeskServer = await startDevServer({ seed: true });
const echoServer = await startDevServer({ config: "bench/echo/wrangler.toml", migrate: false });
try {
  console.log(`bench: ${CHATS} chats × ${MESSAGES} messages (≈${GAP_MS} ms apart, ≈${Math.round((CHATS * 1000) / GAP_MS)} msg/s offered), ${DASHBOARDS} dashboards, wrangler dev on loopback`);
  const baseline = await benchEchoBaseline(echoServer.url);
  const { ownerToken, ...edgedesk } = await benchEdgedesk(edgedeskServer.url);
  const agent = await benchAgent(edgedeskServer.url, ownerToken);
  const result = {
    at: new Date().toISOString(),
    setup: { chats: CHATS, dashboards: DASHBOARDS, messagesPerChat: MESSAGES, gapMs: GAP_MS, node: process.version },
    baseline: { name: "bare Durable Object WebSocket echo (round trip)", ...baseline },
    edgedesk: { name: "shopper socket → ticket actor (SQLite + D1 write-through) → inbox actor → first dashboard", ...edgedesk },
    agent: { name: `offline AI agent: ${AGENT_CHATS} web chats × ${AGENT_QUESTIONS.length} questions over HTTP (≈${AGENT_CHATS} questions/s offered), POST → answer`, ...agent },
    ratio: {
      p50: edgedesk.latencyMs.p50 && baseline.latencyMs.p50 ? Math.round((edgedesk.latencyMs.p50 / baseline.latencyMs.p50) * 100) / 100 : null,
      p99: edgedesk.latencyMs.p99 && baseline.latencyMs.p99 ? Math.round((edgedesk.latencyMs.p99 / baseline.latencyMs.p99) * 100) / 100 : null,
    },
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/latest.json", `${JSON.stringify(result, null, 2)}\n`);
  console.log(`
  baseline echo    p50 ${baseline.latencyMs.p50} ms   p99 ${baseline.latencyMs.p99} ms   ${baseline.messagesPerSecond} msg/s   lost ${baseline.lost}
  edgedesk         p50 ${edgedesk.latencyMs.p50} ms   p99 ${edgedesk.latencyMs.p99} ms   ${edgedesk.messagesPerSecond} msg/s   lost ${edgedesk.lost}
  fan-out to ${DASHBOARDS} dashboards p50 ${edgedesk.fanoutLatencyMs.p50} ms  p99 ${edgedesk.fanoutLatencyMs.p99} ms  ${edgedesk.deliveriesPerSecond} deliveries/s  missing ${edgedesk.deliveriesMissing}
  AI agent turn    p50 ${agent.turnLatencyMs.p50} ms   p99 ${agent.turnLatencyMs.p99} ms   ${agent.turnsPerSecond} turns/s   unanswered ${agent.unanswered}
  ratio to baseline  p50 ×${result.ratio.p50}   p99 ×${result.ratio.p99}
  written to bench/results/latest.json`);
} finally {
  await edgedeskServer.stop();
  await echoServer.stop();
}
