// `npm run bench:profile`: a CPU profile of the Worker's isolate under a steady live-chat load, taken through
// wrangler's inspector — where the hot path spends its time. Knobs: PROFILE_RATE (msg/s, 150), PROFILE_SECONDS (8),
// PROFILE_WARM (1; 0 keeps each conversation's first message in the profile), PROFILE_OUT (a path: the raw
// .cpuprofile, for Chrome's DevTools).
import { writeFileSync } from "node:fs";
import { startServer } from "./lib/server.mjs";
import { DEMO_EMAILS, json, login, now, openSocket, sleep, summarise, waitUntil } from "./lib/util.mjs";

const RATE = Number(process.env.PROFILE_RATE ?? 150);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 8);
const CHATS = 200;
const DASHBOARDS = 10;
// PROFILE_WARM=0 profiles each conversation's first message too (assignment, auto-tags, first index write).
const WARM = process.env.PROFILE_WARM !== "0";

const server = await startServer({ seed: true });
try {
  const base = server.url;
  const wsBase = base.replace("http", "ws");
  const tokens = [];
  for (let d = 0; d < DASHBOARDS; d++) tokens.push(await login(base, DEMO_EMAILS[d % DEMO_EMAILS.length]));
  await json(`${base}/api/settings/agent`, { method: "PUT", headers: { authorization: `Bearer ${tokens[0]}` }, body: JSON.stringify({ enabled: false }) });

  const sentAt = new Map();
  const seen = new Map();
  const onFrame = (data) => {
    const f = JSON.parse(data);
    if (f.type !== "message.created" || f.message.author !== "customer") return;
    const t0 = sentAt.get(f.message.body);
    if (t0 !== undefined && !seen.has(f.message.body)) seen.set(f.message.body, now() - t0);
  };
  await Promise.all(tokens.map((t) => openSocket(`${wsBase}/api/inbox/ws?token=${t}`, onFrame)));
  const conversations = [];
  for (let i = 0; i < CHATS; i += 25) {
    conversations.push(...(await Promise.all(Array.from({ length: 25 }, () => json(`${base}/api/chat/conversations`, { method: "POST", body: JSON.stringify({ accountId: "demo" }) })))));
  }
  const shoppers = await Promise.all(conversations.map((c) => openSocket(`${wsBase}/api/chat/conversations/${c.conversationId}/ws?visitorToken=${c.visitorToken}`, () => {})));
  const run = Date.now();
  if (WARM) {
    shoppers.forEach((ws, c) => ws.send(JSON.stringify({ type: "message", text: `warm-up ${c}`, clientMessageId: `warm_${c}_${run}` })));
    // As the bench's warm-up: past the first messages' assignment and their first index writes.
    await sleep(8000);
  }

  const cdp = await inspector(server.port + 1);
  await cdp.call("Profiler.enable");
  await cdp.call("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.call("Profiler.start");
  const started = now();
  for (let sent = 0, due = 0; sent < RATE * SECONDS; ) {
    while (sent < RATE * SECONDS && due <= now() - started) {
      const body = `profile ${sent}`;
      sentAt.set(body, now());
      shoppers[sent % CHATS].send(JSON.stringify({ type: "message", text: body, clientMessageId: `prof_${sent}_${run}` }));
      sent += 1;
      due += 1000 / RATE;
    }
    await sleep(2);
  }
  await waitUntil(() => seen.size >= sentAt.size, 20_000);
  const { profile } = (await cdp.call("Profiler.stop")).result;
  cdp.close();
  shoppers.forEach((ws) => ws.close());
  console.log(`${RATE} msg/s for ${SECONDS} s: delivered ${seen.size} of ${sentAt.size}`, summarise([...seen.values()]));
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
  report(profile);
} finally {
  await server.stop();
}

/** wrangler's inspector proxy wants an Origin it knows. */
async function inspector(port) {
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
  const ws = new WebSocket(target.webSocketDebuggerUrl, { headers: { Origin: "http://localhost" } });
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve, { once: true });
    ws.addEventListener("error", reject, { once: true });
  });
  let id = 0;
  const waiting = new Map();
  ws.addEventListener("message", (e) => {
    const m = JSON.parse(String(e.data));
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  return {
    call: (method, params = {}) => new Promise((resolve) => {
      waiting.set(++id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    }),
    close: () => ws.close(),
  };
}

/** Self and inclusive time per function, as shares of all samples. */
function report(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const hits = new Map();
  for (const s of profile.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
  const name = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}`;
  const self = new Map();
  const inclusive = new Map();
  for (const [nodeId, count] of hits) {
    const key = name(byId.get(nodeId));
    self.set(key, (self.get(key) ?? 0) + count);
    const counted = new Set();
    for (let cur = nodeId; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur));
      if (!counted.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + count);
      counted.add(k);
    }
  }
  const total = profile.samples.length;
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, c]) => `${((100 * c) / total).toFixed(1).padStart(5)} %  ${k}`).join("\n");
  console.log(`\nself time\n${top(self, 30)}\n\ninclusive time\n${top(inclusive, 40)}`);
}
