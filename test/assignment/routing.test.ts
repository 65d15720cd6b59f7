// Tag and segment routing (docs/product.md §3.1): the first matching team by priority takes the ticket and one of its members gets it.
import { describe, expect, it } from "vitest";
import { call, chatSay, startChat } from "../helpers.ts";
import { assigneeOf, eventually, newTicket, put, rotation, setStatus, staffed, ticketActor } from "./support.ts";

async function team(token: string, body: Record<string, unknown>): Promise<string> {
  const res = await call("POST", "/api/teams", { token, body });
  if (res.status !== 201) throw new Error(`team create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Waits until the ticket has the wanted team and an assignee that passes `assignee`. */
async function settled(accountId: string, ticketId: string, want: { teamId: string | null; assignee?: (id: string | null) => boolean }) {
  return eventually(async () => {
    const t = await ticketActor(accountId, ticketId).get();
    expect(t?.teamId).toBe(want.teamId);
    if (want.assignee) expect(want.assignee(t?.assigneeId ?? null)).toBe(true);
    return t;
  });
}

describe("tag and segment routing", () => {
  it("gives a ticket to the first matching team by priority, by customer segment or tag, and to a member of it", async () => {
    const { acc, agents } = await staffed(4);
    const [, vipAgent, returnsA, returnsB] = agents.map((a) => a.agentId);
    const vip = await team(acc.token, { name: "VIP", agentIds: [vipAgent], segments: ["seg_vip"] });
    const returns = await team(acc.token, { name: "Returns", agentIds: [returnsA, returnsB], tags: ["Returns"] });
    const teams = await call("GET", "/api/teams", { token: acc.token });
    expect(teams.body.items.map((t: { name: string; priority: number }) => [t.name, t.priority])).toEqual([["VIP", 0], ["Returns", 1]]);

    // A customer in the VIP segment writes in on web chat.
    const conv = await startChat(acc.accountId, { email: "vera@example.com", name: "Vera" });
    const profileId = (await ticketActor(acc.accountId, conv.ticketId).get())?.customer.profileId;
    expect(profileId).toBeDefined();
    const seg = await call("PUT", `/api/profiles/${profileId}`, { token: acc.token, body: { segments: ["seg_vip"] } });
    expect(seg.body).toMatchObject({ id: profileId, segments: ["seg_vip"], email: "vera@example.com" });
    await chatSay(conv, "Hi, I need help");
    await settled(acc.accountId, conv.ticketId, { teamId: vip, assignee: (a) => a === vipAgent });

    // Tagged "returns" (any case): the Returns team, its members in turn.
    const r1 = await newTicket(acc.accountId, { tags: ["RETURNS"] });
    const r2 = await newTicket(acc.accountId, { tags: ["returns", "boots"] });
    await settled(acc.accountId, r1, { teamId: returns, assignee: (a) => a === returnsA });
    await settled(acc.accountId, r2, { teamId: returns, assignee: (a) => a === returnsB });

    // Both match: the team with the lower priority number wins…
    const both = await newTicket(acc.accountId, { tags: ["returns"], profileId });
    await settled(acc.accountId, both, { teamId: vip, assignee: (a) => a === vipAgent });
    // …until the admin puts Returns first.
    const order = await call("PUT", "/api/teams/order", { token: acc.token, body: { ids: [returns, vip] } });
    expect(order.body.items.map((t: { id: string }) => t.id)).toEqual([returns, vip]);
    const again = await newTicket(acc.accountId, { tags: ["returns"], profileId });
    await settled(acc.accountId, again, { teamId: returns, assignee: (a) => a === returnsA });

    // No team matches: the account-wide rotation, no team.
    const plain = await newTicket(acc.accountId);
    await settled(acc.accountId, plain, { teamId: null, assignee: (a) => a !== null });
  });

  it("moves a ticket whose new tags route elsewhere to that team, and to one of its members", async () => {
    const { acc, agents } = await staffed(3);
    const [owner, , specialist] = agents.map((a) => a.agentId);
    const returns = await team(acc.token, { name: "Returns", agentIds: [specialist], tags: ["returns"] });
    const id = await newTicket(acc.accountId);
    await settled(acc.accountId, id, { teamId: null, assignee: (a) => a === owner });
    const tagged = await call("PATCH", `/api/tickets/${id}`, { token: acc.token, body: { tags: ["Returns"] } });
    expect(tagged.status).toBe(200);
    await settled(acc.accountId, id, { teamId: returns, assignee: (a) => a === specialist });
    // The owner's count went down, the specialist's up, in both rotations.
    await eventually(async () => {
      const all = await rotation(acc.accountId).snapshot();
      expect(all.members.find((m) => m.agentId === owner)?.open).toBe(0);
      expect(all.members.find((m) => m.agentId === specialist)?.open).toBe(1);
      const teamSnap = await rotation(acc.accountId, returns).snapshot();
      expect(teamSnap.members).toEqual([{ agentId: specialist, online: true, capacity: null, open: 1 }]);
    });

    // Already with a member: the team takes it, the assignee stays.
    const mine = await newTicket(acc.accountId);
    await settled(acc.accountId, mine, { teamId: null, assignee: (a) => a !== null });
    await call("PATCH", `/api/tickets/${mine}`, { token: acc.token, body: { assigneeId: specialist } });
    await call("PATCH", `/api/tickets/${mine}`, { token: acc.token, body: { tags: ["returns"] } });
    await settled(acc.accountId, mine, { teamId: returns, assignee: (a) => a === specialist });
  });

  it("routes to teams with round robin off, and leaves tickets no team takes in Unassigned", async () => {
    const { acc, agents } = await staffed(2, { roundRobin: false });
    const returns = await team(acc.token, { name: "Returns", agentIds: [agents[1]!.agentId], tags: ["returns"] });
    const routed = await newTicket(acc.accountId, { tags: ["returns"] });
    const plain = await newTicket(acc.accountId);
    await settled(acc.accountId, routed, { teamId: returns, assignee: (a) => a === agents[1]!.agentId });
    await new Promise((r) => setTimeout(r, 100));
    expect(await assigneeOf(acc.accountId, plain)).toBeNull();
    expect((await rotation(acc.accountId).snapshot()).waiting).toEqual([]);
  });

  it("keeps a team's ticket waiting for the team's own members, and gives it to the first who comes online", async () => {
    const { acc, agents } = await staffed(3, { online: 2 });
    const offline = agents[2]!;
    const night = await team(acc.token, { name: "Night shift", agentIds: [offline.agentId], tags: ["night"] });
    const id = await newTicket(acc.accountId, { tags: ["night"] });
    await settled(acc.accountId, id, { teamId: night });
    await eventually(async () => expect((await rotation(acc.accountId, night).idle()).waiting.map((w) => w.ticketId)).toEqual([id]));
    expect(await assigneeOf(acc.accountId, id)).toBeNull();
    await setStatus(offline.token, "online");
    await settled(acc.accountId, id, { teamId: night, assignee: (a) => a === offline.agentId });
  });

  it("sends a deleted team's waiting tickets to the account-wide rotation", async () => {
    const { acc, agents } = await staffed(3, { online: 1 });
    const gone = await team(acc.token, { name: "Weekend", agentIds: [agents[2]!.agentId], tags: ["weekend"] });
    const id = await newTicket(acc.accountId, { tags: ["weekend"] });
    await eventually(async () => expect((await rotation(acc.accountId, gone).idle()).waiting).toHaveLength(1));
    expect((await call("DELETE", `/api/teams/${gone}`, { token: acc.token })).status).toBe(204);
    await settled(acc.accountId, id, { teamId: null, assignee: (a) => a === agents[0]!.agentId });
    expect((await call("GET", `/api/teams/${gone}`, { token: acc.token })).status).toBe(404);
    // A ticket that reaches the deleted team afterwards leaves it too.
    const late = await newTicket(acc.accountId);
    await settled(acc.accountId, late, { teamId: null, assignee: (a) => a !== null });
    await ticketActor(acc.accountId, late).update({ assigneeId: null, teamId: gone });
    await settled(acc.accountId, late, { teamId: null, assignee: (a) => a === agents[0]!.agentId });
  });

  it("gives a ticket an agent moves to a team to a member of that team", async () => {
    const { acc, agents } = await staffed(3);
    const billing = await team(acc.token, { name: "Billing", agentIds: [agents[2]!.agentId] });
    const id = await newTicket(acc.accountId);
    await settled(acc.accountId, id, { teamId: null, assignee: (a) => a === agents[0]!.agentId });
    const moved = await call("PATCH", `/api/tickets/${id}`, { token: agents[1]!.token, body: { teamId: billing } });
    expect(moved.status).toBe(200);
    await settled(acc.accountId, id, { teamId: billing, assignee: (a) => a === agents[2]!.agentId });
    const unknown = await call("PATCH", `/api/tickets/${id}`, { token: acc.token, body: { teamId: "team_nope" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toBe("teamId");
  });

  it("takes a ticket the AI agent hands to the team, and one marked not spam", async () => {
    const { acc, agents } = await staffed(2);
    const returns = await team(acc.token, { name: "Returns", agentIds: [agents[1]!.agentId], tags: ["returns"] });
    const conv = await startChat(acc.accountId);
    await ticketActor(acc.accountId, conv.ticketId).update({ handledBy: "ai", tags: ["returns"] });
    await chatSay(conv, "I want to return my boots");
    await new Promise((r) => setTimeout(r, 100));
    expect(await assigneeOf(acc.accountId, conv.ticketId)).toBeNull();
    const handoff = await call("POST", `/api/chat/conversations/${conv.conversationId}/handoff`, { body: { email: "shopper@example.com" }, headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(handoff.status).toBe(200);
    await settled(acc.accountId, conv.ticketId, { teamId: returns, assignee: (a) => a === agents[1]!.agentId });

    const marked = await newTicket(acc.accountId);
    await ticketActor(acc.accountId, marked).update({ spam: true, assigneeId: null });
    await call("PATCH", `/api/tickets/${marked}`, { token: acc.token, body: { spam: false } });
    await settled(acc.accountId, marked, { teamId: null, assignee: (a) => a !== null });
  });
});
