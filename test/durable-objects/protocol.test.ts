// The one live protocol (src/schemas/live.ts): the parse helpers both actors use, the inbox socket speaking it,
// and the built-in view counts the inbox actor keeps, which must always equal what GET /api/views answers.
import { env } from "cloudflare:workers";
import { runInDurableObject, evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { InboxActor } from "../../durable-objects/inbox.ts";
import { chatMessageInput } from "../../src/schemas/chat.ts";
import {
  chatMessageId,
  errorFrame,
  inboxServerFrameSchema,
  MAX_FRAME_LENGTH,
  parseInboxClientFrame,
  parseVisitorClientFrame,
  type InboxEvent,
  type ViewCounts,
} from "../../src/schemas/live.ts";
import { addAgent, call, chatSay, inbound, signup, startChat, type TestAccount } from "../helpers.ts";
import { connect, settle, type Frame } from "./socketClient.ts";

const message = (text: unknown, clientMessageId: unknown = "c_abcdefgh1") => JSON.stringify({ type: "message", text, clientMessageId });

describe("parseVisitorClientFrame", () => {
  it("accepts the widget's frames and trims a message's text", () => {
    expect(parseVisitorClientFrame(message("  hello  "))).toEqual({ ok: true, frame: { type: "message", text: "hello", clientMessageId: "c_abcdefgh1" } });
    expect(parseVisitorClientFrame('{"type":"typing"}')).toEqual({ ok: true, frame: { type: "typing" } });
    expect(parseVisitorClientFrame('{"type":"ping"}')).toEqual({ ok: true, frame: { type: "ping" } });
    expect(parseVisitorClientFrame(new TextEncoder().encode(message("bytes")).buffer as ArrayBuffer)).toMatchObject({ ok: true, frame: { text: "bytes" } });
  });

  it("answers bad JSON, non-objects and unknown types with validation_failed error frames", () => {
    for (const raw of ["{nope", "", "[]", '"message"', "42", "{}", '{"type":7}']) {
      const res = parseVisitorClientFrame(raw);
      expect(res.ok, raw).toBe(false);
      if (!res.ok) expect(res.error).toMatchObject({ type: "error", code: "validation_failed", message: expect.any(String) });
    }
    const unknown = parseVisitorClientFrame('{"type":"handoff.offer"}');
    expect(unknown).toEqual({ ok: false, error: { type: "error", code: "validation_failed", message: expect.stringContaining('unknown frame type "handoff.offer"') } });
    // A dashboard's frame is not a widget's.
    expect(parseVisitorClientFrame('{"type":"read","ticketId":"tkt_1"}').ok).toBe(false);
  });

  it("refuses an invalid clientMessageId or empty text with validation_failed, naming the field", () => {
    for (const id of [null, "short", "has space 123", "x".repeat(65), "ünïcødé-id", 12345678]) {
      const res = parseVisitorClientFrame(message("hi", id));
      expect(res, String(id)).toMatchObject({ ok: false, error: { code: "validation_failed", message: expect.stringContaining("clientMessageId") } });
    }
    expect(parseVisitorClientFrame('{"type":"message","text":"hi"}')).toMatchObject({ ok: false, error: { code: "validation_failed", message: expect.stringContaining("clientMessageId") } });
    for (const text of ["", "   ", undefined, 5]) {
      expect(parseVisitorClientFrame(message(text)), String(text)).toMatchObject({ ok: false, error: { code: "validation_failed", message: expect.stringContaining("text") } });
    }
  });

  it("refuses a message over 10 KB of UTF-8 with payload_too_large, like POST …/messages (413)", () => {
    expect(parseVisitorClientFrame(message("a".repeat(10 * 1024))).ok).toBe(true);
    expect(parseVisitorClientFrame(message("a".repeat(10 * 1024 + 1)))).toMatchObject({ ok: false, error: { code: "payload_too_large" } });
    // 3414 × "€" is 3414 characters but 10242 bytes.
    expect(parseVisitorClientFrame(message("€".repeat(3414)))).toMatchObject({ ok: false, error: { code: "payload_too_large" } });
    expect(parseVisitorClientFrame(message("€".repeat(3413))).ok).toBe(true);
    // The fields are checked first, as the actor always has.
    expect(parseVisitorClientFrame(message("a".repeat(20_000), "bad"))).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    // A frame too large to be worth parsing at all.
    expect(parseVisitorClientFrame(message("a".repeat(MAX_FRAME_LENGTH)))).toMatchObject({ ok: false, error: { code: "payload_too_large" } });
  });

  it("judges text and clientMessageId exactly as the HTTP chat body does", () => {
    const cases: [unknown, unknown][] = [["ok", "c_abcdefgh1"], [" padded ", "A-Za-z0_9-x"], ["", "c_abcdefgh1"], ["hi", "short"], ["hi", "bad id here"], [null, "c_abcdefgh1"], ["hi", "y".repeat(64)], ["hi", "y".repeat(65)]];
    for (const [text, clientMessageId] of cases) {
      const http = chatMessageInput.safeParse({ text, clientMessageId });
      const socket = parseVisitorClientFrame(message(text, clientMessageId));
      expect(socket.ok, JSON.stringify([text, clientMessageId])).toBe(http.success);
      if (socket.ok && http.success && socket.frame.type === "message") expect(socket.frame.text).toBe(http.data.text);
    }
  });
});

describe("parseInboxClientFrame", () => {
  it("accepts the dashboard's frames", () => {
    expect(parseInboxClientFrame('{"type":"read","ticketId":"tkt_1"}')).toEqual({ ok: true, frame: { type: "read", ticketId: "tkt_1" } });
    expect(parseInboxClientFrame('{"type":"typing","ticketId":"tkt_1"}')).toEqual({ ok: true, frame: { type: "typing", ticketId: "tkt_1" } });
    expect(parseInboxClientFrame('{"type":"heartbeat"}')).toEqual({ ok: true, frame: { type: "heartbeat" } });
    expect(parseInboxClientFrame(' { "type" : "ping" } ')).toEqual({ ok: true, frame: { type: "ping" } });
  });

  it("refuses bad JSON, unknown types and bad ticket ids with validation_failed", () => {
    expect(parseInboxClientFrame("not json")).toEqual({ ok: false, error: errorFrame("validation_failed", "frames are JSON") });
    expect(parseInboxClientFrame('{"type":"message","text":"hi"}')).toMatchObject({ ok: false, error: { code: "validation_failed", message: expect.stringContaining("unknown frame type") } });
    for (const ticketId of [undefined, "", "t".repeat(65), 7]) {
      expect(parseInboxClientFrame(JSON.stringify({ type: "read", ticketId })), String(ticketId)).toMatchObject({ ok: false, error: { code: "validation_failed", message: expect.stringContaining("ticketId") } });
    }
  });

  it("builds the one error frame shape", () => {
    expect(errorFrame("conflict", "closed")).toEqual({ type: "error", code: "conflict", message: "closed" });
  });
});

describe("chatMessageId", () => {
  it("is the id a send with a clientMessageId is stored under", async () => {
    const acc = await signup();
    const conv = await startChat(acc.accountId);
    const res = await call("POST", `/api/chat/conversations/${conv.conversationId}/messages`, {
      body: { text: "hello", clientMessageId: "c_0123456789ab" },
      headers: { "X-Visitor-Token": conv.visitorToken },
    });
    expect(res.status).toBe(201);
    expect(res.body.message.id).toBe(chatMessageId("c_0123456789ab"));
  });
});

/** Every frame a dashboard gets must be one the protocol declares. */
function expectProtocolFrames(frames: Frame[]): void {
  for (const f of frames) {
    const res = inboxServerFrameSchema.safeParse(f);
    expect(res.success, `${JSON.stringify(f).slice(0, 300)}: ${res.error?.message}`).toBe(true);
  }
}

describe("inbox socket protocol", () => {
  it("greets with unread and view counts, answers bad frames with error frames and odd pings with pong", async () => {
    const acc = await signup();
    const dash = await connect(`/api/inbox/ws?token=${acc.token}`);
    const hello = await dash.waitFor((f) => f.type === "hello");
    expect(hello).toEqual({ type: "hello", agentId: acc.agentId, unread: { mine: 0, unassigned: 0, all: 0 }, counts: { mine: 0, unassigned: 0, all: 0, spam: 0, ai: 0 } });
    dash.send("{oops");
    dash.send({ type: "bogus" });
    dash.send({ type: "read" });
    dash.send('{ "type": "ping" }');
    await dash.waitFor((f) => f.type === "pong");
    const errors = await dash.waitUntil(() => {
      const e = dash.frames.filter((f) => f.type === "error");
      return e.length === 3 ? e : undefined;
    }, "three error frames");
    expect(errors.map((e) => e.code)).toEqual(["validation_failed", "validation_failed", "validation_failed"]);
    for (const e of errors) expect(Object.keys(e).sort()).toEqual(["code", "message", "type"]);
    expect(errors[2]?.message).toContain("ticketId");
    expectProtocolFrames(dash.frames);
  });
});

// ---- built-in view counts --------------------------------------------------------------------

async function apiCounts(who: { token: string }): Promise<ViewCounts> {
  const res = await call<{ builtIn: ViewCounts }>("GET", "/api/views", { token: who.token });
  expect(res.status).toBe(200);
  return res.body.builtIn;
}

/** The counts the dashboard shows now: the last `counts` frame, or `hello`'s. */
function latestCounts(frames: Frame[]): ViewCounts | undefined {
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i];
    if (f?.type === "counts") return f.counts;
    if (f?.type === "hello") return f.counts;
  }
  return undefined;
}

type Dash = Awaited<ReturnType<typeof connect>>;

/** The dashboard's counts settle on exactly what GET /api/views answers for the same agent. */
async function expectCountsMatch(dash: Dash, who: { token: string }, what: string): Promise<ViewCounts> {
  const expected = await apiCounts(who);
  try {
    await dash.waitUntil(() => (JSON.stringify(latestCounts(dash.frames)) === JSON.stringify(expected) ? true : undefined), what);
  } catch {
    expect(latestCounts(dash.frames), what).toEqual(expected);
  }
  return expected;
}

const patch = (acc: TestAccount, id: string, body: Record<string, unknown>) =>
  call("PATCH", `/api/tickets/${id}`, { token: acc.token, body }).then((r) => expect(r.status, JSON.stringify(r.body)).toBe(200));

let phone = 0;
const sms = (acc: TestAccount, text = "where is my order?") => inbound(acc.accountId, { channel: "sms", from: `+1555800${String(++phone).padStart(4, "0")}`, text }).then((r) => r.body.ticketId);

function inboxStub(accountId: string) {
  return env.INBOX.get(env.INBOX.idFromName(accountId));
}

describe("built-in view counts from the inbox actor", () => {
  it("match GET /api/views in hello and after every kind of change, for each agent", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    // Tickets before any dashboard connected: unassigned, mine, Sam's, closed, snoozed, spam, closed spam, no messages.
    const [a, b, c, d, e, f, g] = [await sms(acc), await sms(acc), await sms(acc), await sms(acc), await sms(acc), await sms(acc), await sms(acc)];
    await patch(acc, b!, { assigneeId: acc.agentId });
    await patch(acc, c!, { assigneeId: sam.agentId });
    await patch(acc, d!, { status: "closed" });
    await patch(acc, e!, { status: "snoozed", snoozeUntil: new Date(Date.now() + 3_600_000).toISOString() });
    await patch(acc, f!, { spam: true });
    await patch(acc, g!, { spam: true, status: "closed" });
    await startChat(acc.accountId);

    const mine = await connect(`/api/inbox/ws?token=${acc.token}`);
    const his = await connect(`/api/inbox/ws?token=${sam.token}`);
    const hello = await mine.waitFor((x) => x.type === "hello");
    expect(hello.counts).toEqual({ mine: 1, unassigned: 1, all: 5, spam: 1, ai: 0 });
    expect(hello.counts).toEqual(await apiCounts(acc));
    expect((await his.waitFor((x) => x.type === "hello")).counts).toEqual(await apiCounts(sam));

    const steps: [string, () => Promise<unknown>][] = [
      ["new ticket", () => sms(acc)],
      ["assign to me", () => patch(acc, a!, { assigneeId: acc.agentId })],
      ["reassign to Sam", () => patch(acc, b!, { assigneeId: sam.agentId })],
      ["close", () => patch(acc, c!, { status: "closed" })],
      ["reopen", () => patch(acc, d!, { status: "open" })],
      ["mark spam", () => patch(acc, d!, { spam: true })],
      ["not spam", () => patch(acc, f!, { spam: false })],
      ["unsnooze", () => patch(acc, e!, { snoozeUntil: null })],
      ["reopen closed spam", () => patch(acc, g!, { status: "open" })],
      ["a webchat message", async () => chatSay(await startChat(acc.accountId), "hi there")],
      ["the AI agent takes one", () => env.TICKET.get(env.TICKET.idFromName(`${acc.accountId}:${a}`)).update({ handledBy: "ai" })],
      ["unassign", () => patch(acc, b!, { assigneeId: null })],
    ];
    for (const [what, act] of steps) {
      await act();
      await expectCountsMatch(mine, acc, `${what} (owner)`);
      await expectCountsMatch(his, sam, `${what} (Sam)`);
    }
    expectProtocolFrames(mine.frames);
    expectProtocolFrames(his.frames);
    // Frames only when the numbers changed: never two equal counts frames in a row.
    const sent = mine.frames.filter((x) => x.type === "counts").map((x) => JSON.stringify(x.counts));
    sent.forEach((s, i) => expect(s).not.toBe(i > 0 ? sent[i - 1] : JSON.stringify(hello.counts)));
  });

  it("count the AI agent's conversations (view=ai) exactly as GET /api/views does, live and after a rebuild", async () => {
    const acc = await signup();
    const dash = await connect(`/api/inbox/ws?token=${acc.token}`);
    await dash.waitFor((x) => x.type === "hello");
    const ids = [await sms(acc), await sms(acc), await sms(acc)];
    const ticket = (id: string) => env.TICKET.get(env.TICKET.idFromName(`${acc.accountId}:${id}`));
    await ticket(ids[0]!).update({ handledBy: "ai" });
    await ticket(ids[1]!).update({ handledBy: "ai" });
    expect(await expectCountsMatch(dash, acc, "two taken by the AI agent")).toMatchObject({ ai: 2, all: 1, unassigned: 1 });
    // Any status counts in the AI agent's view (it resolved it); spam doesn't.
    await ticket(ids[1]!).update({ status: "closed" });
    expect(await expectCountsMatch(dash, acc, "one resolved by the AI agent")).toMatchObject({ ai: 2 });
    await ticket(ids[0]!).update({ spam: true });
    expect(await expectCountsMatch(dash, acc, "one marked spam")).toMatchObject({ ai: 1, spam: 0 });
    // Handed back to the team: out of the AI agent's view, into the team's.
    await ticket(ids[1]!).update({ handledBy: "team" });
    expect(await expectCountsMatch(dash, acc, "handed to the team")).toMatchObject({ ai: 0, all: 2 });
    await ticket(ids[2]!).update({ handledBy: "ai" });
    const live = await expectCountsMatch(dash, acc, "a third taken by the AI agent");
    expect(live).toMatchObject({ ai: 1 });
    // The mirror built from D1 (a new, or a v2 instance that held the team's tickets only) counts them too.
    await runInDurableObject(inboxStub(acc.accountId), (_actor: InboxActor, state) => {
      state.storage.sql.exec("DELETE FROM view_tickets");
      state.storage.sql.exec("DELETE FROM view_counters");
      state.storage.sql.exec("DELETE FROM meta WHERE key = 'mirror_v3_loaded'");
    });
    await evictDurableObject(inboxStub(acc.accountId));
    const again = await connect(`/api/inbox/ws?token=${acc.token}`);
    expect((await again.waitFor((x) => x.type === "hello")).counts).toEqual(live);
    expect(await apiCounts(acc)).toEqual(live);
  });

  it("ignores an event older than what the mirror holds", async () => {
    const acc = await signup();
    const id = await sms(acc);
    const dash = await connect(`/api/inbox/ws?token=${acc.token}`);
    await dash.waitFor((x) => x.type === "hello");
    const before = await expectCountsMatch(dash, acc, "start");
    const t = await call("GET", `/api/tickets/${id}`, { token: acc.token });
    const stale = { ...t.body.ticket, status: "closed", spam: true, updatedAt: new Date(Date.parse(t.body.ticket.updatedAt) - 60_000).toISOString() };
    await inboxStub(acc.accountId).publish([{ type: "ticket.updated", ticket: stale } satisfies InboxEvent]);
    await settle();
    expect(latestCounts(dash.frames)).toEqual(before);
    expect(await apiCounts(acc)).toEqual(before);
  });

  it("rebuilds the mirror from D1 when it is missing (a new or upgraded inbox actor)", async () => {
    const acc = await signup();
    const ids = [await sms(acc), await sms(acc), await sms(acc)];
    await patch(acc, ids[0]!, { assigneeId: acc.agentId });
    await patch(acc, ids[1]!, { status: "closed" });
    await runInDurableObject(inboxStub(acc.accountId), (_actor: InboxActor, state) => {
      state.storage.sql.exec("DELETE FROM view_tickets");
      state.storage.sql.exec("DELETE FROM view_counters");
      state.storage.sql.exec("DELETE FROM meta WHERE key = 'mirror_v3_loaded'");
    });
    // As a new (or upgraded) instance would start: nothing remembered in memory.
    await evictDurableObject(inboxStub(acc.accountId));
    const dash = await connect(`/api/inbox/ws?token=${acc.token}`);
    const hello = await dash.waitFor((x) => x.type === "hello");
    expect(hello.counts).toEqual({ mine: 1, unassigned: 1, all: 3, spam: 0, ai: 0 });
    expect(hello.counts).toEqual(await apiCounts(acc));
    expect(hello.unread).toEqual({ mine: 1, unassigned: 1, all: 2 });
  });
});
