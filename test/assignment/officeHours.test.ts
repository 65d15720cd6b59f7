// Office hours over HTTP: the web-chat auto-reply once per conversation, and no auto-assignment while closed.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, chatSay, startChat } from "../helpers.ts";
import { assigneeOf, eventually, rotation, staffed } from "./support.ts";

const DAY = 86_400_000;
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const everyDay = { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]], sat: [["09:00", "17:00"]], sun: [["09:00", "17:00"]] };

describe("office hours", () => {
  it("answers a web chat outside office hours with the auto-reply once, assigns nobody, and hands the ticket out when the team opens", async () => {
    const { acc, agents } = await staffed(2);
    const now = Date.now();
    // Closed around the clock: yesterday, today and tomorrow are holidays.
    const hours = { timezone: "UTC", weekly: everyDay, holidays: [utcDate(now - DAY), utcDate(now), utcDate(now + DAY)], autoReply: "We're closed right now; we'll answer at 9:00." };
    const saved = await call("PUT", "/api/settings/office-hours", { token: acc.token, body: hours });
    expect(saved.status).toBe(200);
    expect(saved.body.officeHours).toEqual(hours);

    const conv = await startChat(acc.accountId, { email: "night@example.com" });
    const first = await chatSay(conv, "Anyone there?");
    expect(first.status).toBe(201);
    expect(first.body.replies).toEqual([expect.objectContaining({ author: "system", body: hours.autoReply, internal: false, ticketId: conv.ticketId })]);
    const second = await chatSay(conv, "Hello?");
    expect(second.body.replies).toEqual([]);
    const thread = await call("GET", `/api/chat/conversations/${conv.conversationId}/messages`, { headers: { "X-Visitor-Token": conv.visitorToken } });
    expect(thread.body.items.map((m: { author: string }) => m.author)).toEqual(["customer", "system", "customer"]);
    // A second conversation gets its own auto-reply.
    const other = await startChat(acc.accountId);
    expect((await chatSay(other, "hi")).body.replies).toHaveLength(1);

    const waiting = await eventually(async () => {
      const s = await rotation(acc.accountId).idle();
      expect(s.waiting).toHaveLength(2);
      return s;
    });
    expect(waiting.openNow).toBe(false);
    // Opens at 09:00 the day after tomorrow.
    expect(waiting.alarmAt).toBe(Date.parse(`${utcDate(now + 2 * DAY)}T09:00:00Z`));
    expect(await assigneeOf(acc.accountId, conv.ticketId)).toBeNull();

    // No office hours = always open: the backlog goes out, oldest first.
    const cleared = await call("DELETE", "/api/settings/office-hours", { token: acc.token });
    expect(cleared.body.officeHours).toBeNull();
    await eventually(async () => {
      expect(await assigneeOf(acc.accountId, conv.ticketId)).toBe(agents[0]!.agentId);
      expect(await assigneeOf(acc.accountId, other.ticketId)).toBe(agents[1]!.agentId);
    });
    const third = await startChat(acc.accountId);
    expect((await chatSay(third, "hi")).body.replies).toEqual([]);
  });

  it("sends no auto-reply while open or without an auto-reply text, nor while the AI agent has the conversation", async () => {
    const { acc } = await staffed(1, { roundRobin: false });
    const open = await startChat(acc.accountId);
    expect((await chatSay(open, "hi")).body.replies).toEqual([]);
    // No opening hours at all: always closed.
    await call("PUT", "/api/settings/office-hours", { token: acc.token, body: { timezone: "Europe/Rome", weekly: {}, holidays: [], autoReply: "" } });
    const silent = await startChat(acc.accountId);
    expect((await chatSay(silent, "hi")).body.replies).toEqual([]);
    await call("PUT", "/api/settings/office-hours", { token: acc.token, body: { timezone: "Europe/Rome", weekly: {}, autoReply: "Closed" } });
    const withAi = await startChat(acc.accountId);
    await env.TICKET.get(env.TICKET.idFromName(`${acc.accountId}:${withAi.ticketId}`)).update({ handledBy: "ai" });
    // The AI agent answers; the office-hours auto-reply waits until the team has the conversation.
    const replies = (await chatSay(withAi, "hi")).body.replies as { author: string; body: string }[];
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.author === "ai" && r.body !== "Closed")).toBe(true);
  });
});
