// Collision detection over the dashboards' inbox sockets: who else has a ticket open, who is writing a reply or a
// note there, and a note never reaches the shopper as "typing".
import { describe, expect, it } from "vitest";
import { addAgent, inbound, signup, startChat } from "../helpers.ts";
import { connect, settle } from "./socketClient.ts";

describe("who else is here", () => {
  it("tells every dashboard who has a ticket open, and who left", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    const ticketId = (await inbound(acc.accountId, { channel: "sms", from: "+15559600001", text: "Hi" })).body.ticketId;
    const olivia = await connect(`/api/inbox/ws?token=${acc.token}`);
    const samDash = await connect(`/api/inbox/ws?token=${sam.token}`);
    await olivia.waitFor((f) => f.type === "hello");
    await samDash.waitFor((f) => f.type === "hello");
    olivia.send({ type: "viewing", ticketId });
    await samDash.waitFor((f) => f.type === "viewers" && f.agentIds.length === 1);
    samDash.send({ type: "viewing", ticketId });
    const both = await olivia.waitFor((f) => f.type === "viewers" && f.agentIds.length === 2);
    expect(both).toEqual({ type: "viewers", ticketId, agentIds: [acc.agentId, sam.agentId].sort() });
    samDash.send({ type: "viewing", ticketId: null });
    await olivia.waitUntil(() => {
      const last = olivia.frames.filter((f) => f.type === "viewers").at(-1);
      return last && last.agentIds.length === 1 ? last : undefined;
    }, "Sam leaving");
    expect(olivia.frames.filter((f) => f.type === "viewers").at(-1)?.agentIds).toEqual([acc.agentId]);
    olivia.ws.close(1000, "bye");
    samDash.ws.close(1000, "bye");
  });

  it("shows colleagues who is writing a reply or a note, and tells the shopper only of replies", async () => {
    const acc = await signup();
    const sam = await addAgent(acc, "support");
    const chat = await startChat(acc.accountId);
    const olivia = await connect(`/api/inbox/ws?token=${acc.token}`);
    const samDash = await connect(`/api/inbox/ws?token=${sam.token}`);
    const shopper = await connect(`/api/chat/conversations/${chat.conversationId}/ws?visitorToken=${chat.visitorToken}`);
    await Promise.all([olivia.waitFor((f) => f.type === "hello"), samDash.waitFor((f) => f.type === "hello"), shopper.waitFor((f) => f.type === "ready")]);
    samDash.send({ type: "typing", ticketId: chat.ticketId, kind: "note" });
    const note = await olivia.waitFor((f) => f.type === "composing");
    expect(note).toEqual({ type: "composing", ticketId: chat.ticketId, agentId: sam.agentId, kind: "note" });
    await settle(200);
    expect(shopper.frames.some((f) => f.type === "typing")).toBe(false);
    // Sam's own dashboards are not told about Sam.
    expect(samDash.frames.some((f) => f.type === "composing")).toBe(false);
    await settle(2100);
    samDash.send({ type: "typing", ticketId: chat.ticketId });
    await olivia.waitFor((f) => f.type === "composing" && f.kind === "reply");
    await shopper.waitFor((f) => f.type === "typing" && f.author === "agent");
    for (const s of [olivia, samDash, shopper]) s.ws.close(1000, "bye");
  });
});
