// Live-delivery phases: the bare Durable Object echo, Edgedesk's shopper → dashboard path, the offline AI agent,
// and the load ramp that steps the offered rate up on both until delivery p99 or losses give out.
import { DEMO_EMAILS, json, login, now, openSocket, sleep, summarise, waitUntil } from "./util.mjs";

const runId = Date.now();

/** Paced sends from every client at once: each waits gapMs ± 50% between messages. */
async function pacedRun(clients, messages, gapMs, send) {
  const started = now();
  await Promise.all(
    clients.map(async (client, c) => {
      await sleep(Math.random() * gapMs);
      for (let m = 0; m < messages; m++) {
        send(client, c, m);
        await sleep(gapMs * (0.5 + Math.random()));
      }
    }),
  );
  return started;
}

/**
 * A fixed offered rate for `seconds`: random (Poisson) arrivals spread over the clients in turn, sent from a
 * 2 ms tick so a step's timing does not depend on how many clients there are.
 */
async function steadyRate(clients, rate, seconds, send) {
  const started = now();
  const total = Math.round(rate * seconds);
  let sent = 0;
  let due = 0;
  let next = 0;
  while (sent < total) {
    const t = now() - started;
    while (sent < total && due <= t) {
      send(clients[next], next, sent);
      next = (next + 1) % clients.length;
      sent += 1;
      due += (-Math.log(1 - Math.random()) * 1000) / rate;
    }
    await sleep(2);
  }
  return started;
}

/** The echo's sockets and a tracker of sent-but-not-echoed payloads. */
async function echoClients(base, chats) {
  const wsBase = base.replace("http", "ws");
  const pending = new Map();
  let latencies = [];
  const sockets = await Promise.all(
    Array.from({ length: chats }, (_, c) =>
      openSocket(`${wsBase}/room/chat-${c}`, (data) => {
        const sentAt = pending.get(data);
        if (sentAt !== undefined) {
          latencies.push(now() - sentAt);
          pending.delete(data);
        }
      }),
    ),
  );
  let seq = 0;
  return {
    sockets,
    send: (ws, c) => {
      const payload = `echo:${c}:${seq++}`;
      pending.set(payload, now());
      ws.send(payload);
    },
    /** Waits for the stragglers, then hands back this round's latencies and what never came back. */
    async collect(timeoutMs) {
      await waitUntil(() => pending.size === 0, timeoutMs);
      const out = { latencies, lost: pending.size };
      latencies = [];
      pending.clear();
      return out;
    },
    close: () => sockets.forEach((ws) => ws.close()),
  };
}

/**
 * What the listening sockets (dashboards, the hub's listeners) received of what was sent, keyed by a payload
 * unique per send: latency to the first copy of each, every copy counted for fan-out; `collect` waits for all
 * `listeners` copies of everything sent (or the timeout), hands the round back and starts a new one.
 */
function deliveryTracker(listeners) {
  let sentAt = new Map(); // key → send time
  let firstSeen = new Map(); // key → latency at the first listener
  let fanout = [];
  let deliveries = 0;
  return {
    sent(key) {
      sentAt.set(key, now());
    },
    seen(key) {
      const t0 = sentAt.get(key);
      if (t0 === undefined) return;
      const latency = now() - t0;
      deliveries += 1;
      fanout.push(latency);
      if (!firstSeen.has(key)) firstSeen.set(key, latency);
    },
    async collect(timeoutMs) {
      await waitUntil(() => firstSeen.size === sentAt.size && deliveries >= sentAt.size * listeners, timeoutMs);
      const out = { latencies: [...firstSeen.values()], fanout, lost: sentAt.size - firstSeen.size, deliveries, deliveriesMissing: sentAt.size * listeners - deliveries };
      sentAt = new Map();
      firstSeen = new Map();
      fanout = [];
      deliveries = 0;
      return out;
    },
  };
}

/**
 * The server's CPU over a measured stretch (`o.cpuMs`: the server's process-group CPU clock, bench/lib/server.mjs):
 * ms per message sent and cores busy. Warm-ups are outside the stretch.
 */
function cpuMeter(o) {
  const start = o.cpuMs?.() ?? null;
  const t0 = now();
  return (messages) => {
    const end = o.cpuMs?.() ?? null;
    if (start === null || end === null || messages === 0) return {};
    return { serverCpuMsPerMessage: Math.round(((end - start) / messages) * 100) / 100, serverCores: Math.round(((end - start) / (now() - t0)) * 100) / 100 };
  };
}

/** A paced run (each client every gapMs ± 50 %) measured at the listeners: first copy, fan-out, losses, rates, server CPU. */
async function pacedFanOut(clients, sockets, o, timeoutMs) {
  const cpu = cpuMeter(o);
  const started = await pacedRun(sockets, o.messages, o.gapMs, (ws, c) => clients.send(ws, c));
  const r = await clients.collect(timeoutMs);
  const elapsed = (now() - started) / 1000;
  const used = cpu(sockets.length * o.messages);
  clients.close();
  return {
    latencyMs: summarise(r.latencies),
    fanoutLatencyMs: summarise(r.fanout),
    lost: r.lost,
    deliveriesMissing: r.deliveriesMissing,
    messagesPerSecond: Math.round(r.latencies.length / elapsed),
    deliveriesPerSecond: Math.round(r.deliveries / elapsed),
    ...used,
  };
}

/**
 * The relay floor's sockets: one per conversation (each message is echoed to its sender and relayed through the hub)
 * and `dashboards` listeners on the hub; latency to the first listener, every copy counted for fan-out.
 */
async function relayClients(base, o) {
  const wsBase = base.replace("http", "ws");
  const tracker = deliveryTracker(o.dashboards);
  const listeners = await Promise.all(Array.from({ length: o.dashboards }, () => openSocket(`${wsBase}/hub/inbox`, (data) => tracker.seen(data))));
  const sockets = await Promise.all(Array.from({ length: o.chats }, (_, c) => openSocket(`${wsBase}/relay/chat-${c}`, () => {})));
  let seq = 0;
  const clients = {
    sockets,
    send: (ws, c) => {
      const payload = `relay:${c}:${seq++}`;
      tracker.sent(payload);
      ws.send(payload);
    },
    collect: (timeoutMs) => tracker.collect(timeoutMs),
    close: () => [...listeners, ...sockets].forEach((ws) => ws.close()),
  };
  // Every room's actor and the hub up before measuring.
  sockets.forEach((ws, c) => clients.send(ws, c));
  await clients.collect(5000);
  return clients;
}

export async function benchRelay(base, o) {
  const relay = await relayClients(base, o);
  return pacedFanOut(relay, relay.sockets, o, 15_000);
}

export async function rampRelay(base, o, log) {
  const relay = await relayClients(base, o);
  try {
    return await ramp(relay, relay.sockets, { ...o, name: "relay" }, log);
  } finally {
    relay.close();
  }
}

export async function benchEcho(base, o) {
  const echo = await echoClients(base, o.chats);
  const cpu = cpuMeter(o);
  const started = await pacedRun(echo.sockets, o.messages, o.gapMs, (ws, c) => echo.send(ws, c));
  const { latencies, lost } = await echo.collect(15_000);
  const elapsed = (now() - started) / 1000;
  const used = cpu(echo.sockets.length * o.messages);
  echo.close();
  return { latencyMs: summarise(latencies), lost, messagesPerSecond: Math.round(latencies.length / elapsed), ...used };
}

async function setAgent(base, token, enabled) {
  await json(`${base}/api/settings/agent`, { method: "PUT", headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ enabled }) });
}

/**
 * Shoppers on web chat sockets and agents on dashboards, with the AI agent off (live chat with the team).
 * Latency runs from the shopper's send to the first dashboard's `message.created`; every copy counts for fan-out.
 */
async function edgedeskClients(base, o) {
  const wsBase = base.replace("http", "ws");
  const tokens = [];
  for (let d = 0; d < o.dashboards; d++) tokens.push(await login(base, DEMO_EMAILS[d % DEMO_EMAILS.length]));
  await setAgent(base, tokens[0], false);
  const tracker = deliveryTracker(o.dashboards);
  const dashboards = await Promise.all(
    tokens.map((token) =>
      openSocket(`${wsBase}/api/inbox/ws?token=${token}`, (data) => {
        const frame = JSON.parse(data);
        if (frame.type === "message.created" && frame.message.author === "customer") tracker.seen(frame.message.body);
      }),
    ),
  );
  const conversations = [];
  for (let i = 0; i < o.chats; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, o.chats - i) }, () => json(`${base}/api/chat/conversations`, { method: "POST", body: JSON.stringify({ accountId: "demo" }) })),
    );
    conversations.push(...batch);
  }
  const shoppers = await Promise.all(conversations.map((conv) => openSocket(`${wsBase}/api/chat/conversations/${conv.conversationId}/ws?visitorToken=${conv.visitorToken}`, () => {})));
  let seq = 0;
  const clients = {
    ownerToken: tokens[0],
    shoppers,
    send: (ws, c) => {
      const body = `bench ${c}-${seq++}`;
      tracker.sent(body);
      ws.send(JSON.stringify({ type: "message", text: body, clientMessageId: `bench_${body.replace(/\W/g, "_")}_${runId}` }));
    },
    collect: (timeoutMs) => tracker.collect(timeoutMs),
    close: () => [...dashboards, ...shoppers].forEach((ws) => ws.close()),
  };
  // Every conversation's first message before measuring (its actor wakes, the ticket is routed and assigned, its
  // index row written): delivered everywhere, then a settle past those first writes (LIVE_INDEX_DELAY_MS, 1–3 s),
  // so what follows measures conversations in flow — as the echo's and the relay's warm-ups do.
  shoppers.forEach((ws, c) => clients.send(ws, c));
  const warm = await clients.collect(30_000);
  if (warm.lost > 0) throw new Error(`edgedesk warm-up: ${warm.lost} of ${shoppers.length} first messages never reached a dashboard`);
  await sleep(6000);
  return clients;
}

export async function benchEdgedesk(base, o) {
  const ed = await edgedeskClients(base, o);
  return { ...(await pacedFanOut(ed, ed.shoppers, o, 30_000)), ownerToken: ed.ownerToken };
}

/** The offline AI agent: time from the shopper's POST to the response carrying the agent's answer. */
export async function benchAgent(base, ownerToken, o) {
  await setAgent(base, ownerToken, true);
  const conversations = await Promise.all(Array.from({ length: o.chats }, () => json(`${base}/api/chat/conversations`, { method: "POST", body: JSON.stringify({ accountId: "demo" }) })));
  const latencies = [];
  let unanswered = 0;
  const started = now();
  await Promise.all(
    conversations.map(async (conv, c) => {
      await sleep(Math.random() * o.gapMs);
      for (const [q, text] of o.questions.entries()) {
        const t0 = now();
        const res = await json(`${base}/api/chat/conversations/${conv.conversationId}/messages`, {
          method: "POST",
          headers: { "x-visitor-token": conv.visitorToken },
          body: JSON.stringify({ text, clientMessageId: `agent_${c}_${q}_${runId}` }),
        });
        latencies.push(now() - t0);
        if (!res.replies?.some((r) => r.author === "ai")) unanswered += 1;
        // A shopper reads the answer before asking the next question.
        await sleep(o.gapMs * (0.5 + Math.random()));
      }
    }),
  );
  const elapsed = (now() - started) / 1000;
  return { turnLatencyMs: summarise(latencies), turnsPerSecond: Math.round(latencies.length / elapsed), unanswered };
}

/**
 * Steps the offered rate up through `rates` (msg/s, each for `stepSeconds`) and stops at the first rate whose
 * delivery p99 reaches `p99Ms` or that loses a message (after `retries` more tries); `sustained` is the highest
 * rate before that.
 */
async function ramp(clients, sockets, o, log) {
  const steps = [];
  let sustained = 0;
  const runStep = async (rate, attempt) => {
    const cpu = cpuMeter(o);
    const started = await steadyRate(sockets, rate, o.stepSeconds, clients.send);
    const r = await clients.collect(o.drainMs);
    const elapsed = (now() - started) / 1000;
    const step = { offered: rate, attempt, delivered: Math.round(r.latencies.length / elapsed), latencyMs: summarise(r.latencies), lost: r.lost, ...cpu(Math.round(rate * o.stepSeconds)) };
    if (r.fanout) step.fanoutP99Ms = summarise(r.fanout).p99;
    step.ok = step.lost === 0 && step.latencyMs.p99 !== null && step.latencyMs.p99 < o.p99Ms;
    steps.push(step);
    const cpuNote = step.serverCores === undefined ? "" : `  server ${step.serverCpuMsPerMessage} ms CPU/msg, ${step.serverCores} cores`;
    log(`  ${o.name.padEnd(9)} ${String(rate).padStart(5)} msg/s → p50 ${step.latencyMs.p50} ms  p99 ${step.latencyMs.p99} ms  lost ${step.lost}${cpuNote}${step.ok ? "" : "  ✗"}`);
    await sleep(1000); // let the step's tail settle before the next
    return step.ok;
  };
  for (const rate of o.rates) {
    let ok = await runStep(rate, 1);
    // One more try before giving up, so one noisy step (a GC pause, a neighbour's burst) does not end the ramp.
    for (let attempt = 2; !ok && attempt <= 1 + o.retries; attempt++) ok = await runStep(rate, attempt);
    if (!ok) break;
    sustained = rate;
  }
  return { sustainedMsgPerSecond: sustained, steps };
}

export async function rampEcho(base, o, log) {
  const echo = await echoClients(base, o.chats);
  try {
    // Every room's actor up and answering before measuring, as the Edgedesk side warms its conversations.
    echo.sockets.forEach((ws, c) => echo.send(ws, c));
    await echo.collect(5000);
    return await ramp(echo, echo.sockets, { ...o, name: "echo" }, log);
  } finally {
    echo.close();
  }
}

export async function rampEdgedesk(base, o, log) {
  const ed = await edgedeskClients(base, o);
  try {
    return await ramp(ed, ed.shoppers, { ...o, name: "edgedesk" }, log);
  } finally {
    ed.close();
  }
}
