// Presence: only oneself sets one's status, logout and a silent dashboard go offline, rotations follow.
import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index.ts";
import { markSeen, sweepStalePresence } from "../../src/accounts/presence.ts";
import { addAgent, call } from "../helpers.ts";
import { assigneeOf, eventually, newTicket, put, rotation, setStatus, staffed } from "./support.ts";

async function lastSeen(agentId: string) {
  return env.DB.prepare("SELECT status, last_seen_at FROM agents WHERE id = ?").bind(agentId).first<{ status: string; last_seen_at: number }>();
}

describe("presence", () => {
  it("lets agents set only their own status, and rotations follow it", async () => {
    const { acc, agents } = await staffed(2, { online: 0 });
    const sam = agents[1]!;
    // The body has no agent id: the status is always the caller's.
    const res = await call("PUT", "/api/agents/me/status", { token: sam.token, body: { status: "online", agentId: acc.agentId } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: sam.agentId, status: "online" });
    const list = await call("GET", "/api/agents", { token: acc.token });
    expect(list.body.items.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([[acc.agentId, "offline"], [sam.agentId, "online"]]);
    const id = await newTicket(acc.accountId);
    await eventually(async () => expect((await rotation(acc.accountId).idle()).members.find((m) => m.agentId === sam.agentId)).toMatchObject({ online: true, open: 1 }));
    expect(id).toBeDefined();
    const bad = await call("PUT", "/api/agents/me/status", { token: sam.token, body: { status: "away" } });
    expect(bad.status).toBe(400);
  });

  it("puts an agent added later into the account-wide rotation when they come online", async () => {
    const { acc } = await staffed(1);
    await newTicket(acc.accountId);
    await eventually(async () => expect((await rotation(acc.accountId).idle()).members).toHaveLength(1));
    const late = await addAgent(acc, "support", "Late Larry");
    await setStatus(late.token, "online");
    const snap = await rotation(acc.accountId).snapshot();
    expect(snap.members.map((m) => [m.agentId, m.online])).toEqual([[acc.agentId, true], [late.agentId, true]]);
    const next = await newTicket(acc.accountId);
    await eventually(async () => expect(await assigneeOf(acc.accountId, next)).toBe(late.agentId));
  });

  it("takes a logged-out agent out of the rotation", async () => {
    const { acc, agents } = await staffed(2);
    const sam = agents[1]!;
    await newTicket(acc.accountId);
    await eventually(async () => expect((await rotation(acc.accountId).idle()).members.map((m) => m.online)).toEqual([true, true]));
    expect((await call("POST", "/api/logout", { token: sam.token })).status).toBe(204);
    const snap = await rotation(acc.accountId).snapshot();
    expect(snap.members.find((m) => m.agentId === sam.agentId)?.online).toBe(false);
    const next = [await newTicket(acc.accountId), await newTicket(acc.accountId)];
    // The first ticket went to the owner before; both new ones do too.
    await eventually(async () => expect((await rotation(acc.accountId).idle()).members.find((m) => m.agentId === acc.agentId)?.open).toBe(3));
    expect(next).toHaveLength(2);
  });

  it("keeps an agent who sends heartbeats online, and sweeps one silent for the grace offline", async () => {
    const { acc, agents } = await staffed(3);
    const [owner, chatty, silent] = agents as [(typeof agents)[0], (typeof agents)[0], (typeof agents)[0]];
    const start = Date.now();
    const beat = await call("POST", "/api/agents/me/heartbeat", { token: chatty.token });
    expect(beat.status).toBe(204);
    // Two minutes later: the owner's and Chatty's dashboards still talk, Silent's does not.
    await markSeen(env, acc.accountId, owner.agentId, start + 100_000);
    await markSeen(env, acc.accountId, chatty.agentId, start + 110_000);
    expect((await lastSeen(chatty.agentId))?.last_seen_at).toBe(start + 110_000);
    const gone = await sweepStalePresence(env, start + 121_000);
    expect(gone.filter((g) => g.accountId === acc.accountId)).toEqual([{ accountId: acc.accountId, agentId: silent.agentId }]);
    expect((await lastSeen(silent.agentId))?.status).toBe("offline");
    expect((await lastSeen(chatty.agentId))?.status).toBe("online");
    const snap = await rotation(acc.accountId).snapshot();
    expect(snap.members.map((m) => m.online)).toEqual([true, true, false]);
  });

  it("uses the account's presence grace, and the Worker's cron runs the sweep", async () => {
    const { acc, agents } = await staffed(2);
    const settings = await put(acc.token, "/api/settings/assignment", { roundRobin: true, presenceGraceSeconds: 600 });
    expect(settings.assignment).toEqual({ roundRobin: true, presenceGraceSeconds: 600 });
    expect((await call("GET", "/api/settings", { token: agents[1]!.token })).body.assignment).toEqual({ roundRobin: true, presenceGraceSeconds: 600 });
    // Turning round robin off and on again keeps the grace.
    await put(acc.token, "/api/settings/assignment", { roundRobin: false });
    expect((await put(acc.token, "/api/settings/assignment", { roundRobin: true })).assignment.presenceGraceSeconds).toBe(600);
    const seen = (await lastSeen(agents[1]!.agentId))!.last_seen_at;
    await runCron(seen + 300_000);
    expect((await lastSeen(agents[1]!.agentId))?.status).toBe("online");
    await runCron(seen + 601_000);
    expect((await lastSeen(agents[1]!.agentId))?.status).toBe("offline");
    // Back to the default two minutes.
    await put(acc.token, "/api/settings/assignment", { roundRobin: true, presenceGraceSeconds: null });
    expect((await call("GET", "/api/settings", { token: acc.token })).body.assignment).toEqual({ roundRobin: true, presenceGraceSeconds: 120 });
  });
});

async function runCron(scheduledTime: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime, cron: "*/5 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}
