// Round robin: the next online member with room gets the ticket, evenly, in rotation order.
import { describe, expect, it } from "vitest";

import { chooseAssignee } from "../../src/assignment/roundRobin.ts";

const team = ["agt_ana", "agt_ben", "agt_cho", "agt_dev", "agt_eli", "agt_fay", "agt_gus"] as const;
const everyone = new Set<string>(team);

describe("chooseAssignee", () => {
  it("starts with the first member before anyone was auto-assigned", () => {
    expect(chooseAssignee({ members: team, online: everyone, pointer: null })).toEqual({ assigneeId: "agt_ana", pointer: "agt_ana" });
  });

  it.each([
    ["agt_ana", "agt_ben"],
    ["agt_cho", "agt_dev"],
    ["agt_gus", "agt_ana"],
  ])("gives the ticket to the member after %s: %s", (pointer, next) => {
    expect(chooseAssignee({ members: team, online: everyone, pointer })?.assigneeId).toBe(next);
  });

  it("shares 1000 tickets among 7 online members evenly (counts differ by at most one)", () => {
    const counts = new Map<string, number>();
    let pointer: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const choice = chooseAssignee({ members: team, online: everyone, pointer });
      if (choice === null) throw new Error("someone is online");
      counts.set(choice.assigneeId, (counts.get(choice.assigneeId) ?? 0) + 1);
      pointer = choice.pointer;
    }
    const shares = team.map((member) => counts.get(member) ?? 0);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
  });

  it("stays even among whoever is online while others come and go", () => {
    const counts = new Map<string, number>();
    let pointer: string | null = null;
    for (let i = 0; i < 1000; i++) {
      // agt_gus is offline for the first half of the day.
      const online = new Set<string>(i < 500 ? team.slice(0, 6) : team);
      const choice = chooseAssignee({ members: team, online, pointer });
      if (choice === null) throw new Error("someone is online");
      counts.set(choice.assigneeId, (counts.get(choice.assigneeId) ?? 0) + 1);
      pointer = choice.pointer;
    }
    const alwaysOnline = team.slice(0, 6).map((member) => counts.get(member) ?? 0);
    expect(Math.max(...alwaysOnline) - Math.min(...alwaysOnline)).toBeLessThanOrEqual(1);
    expect(counts.get("agt_gus")).toBeGreaterThanOrEqual(71);
    expect(counts.get("agt_gus")).toBeLessThanOrEqual(72);
  });

  it("skips offline members", () => {
    const online = new Set(["agt_ana", "agt_eli"]);
    expect(chooseAssignee({ members: team, online, pointer: "agt_ana" })?.assigneeId).toBe("agt_eli");
    expect(chooseAssignee({ members: team, online, pointer: "agt_eli" })?.assigneeId).toBe("agt_ana");
  });

  it("gives the ticket back to the pointer member when they are the only one online", () => {
    expect(chooseAssignee({ members: team, online: new Set(["agt_cho"]), pointer: "agt_cho" })?.assigneeId).toBe("agt_cho");
  });

  it("skips members at capacity and treats a null or missing capacity as unlimited", () => {
    const openCounts = new Map([
      ["agt_ben", 5],
      ["agt_cho", 4],
      ["agt_dev", 40],
    ]);
    const capacity = new Map<string, number | null>([
      ["agt_ben", 5],
      ["agt_cho", 5],
      ["agt_dev", null],
    ]);
    expect(chooseAssignee({ members: team, online: everyone, pointer: "agt_ana", openCounts, capacity })?.assigneeId).toBe("agt_cho");
    expect(chooseAssignee({ members: team, online: everyone, pointer: "agt_cho", openCounts, capacity })?.assigneeId).toBe("agt_dev");
  });

  it("skips a member whose capacity is zero", () => {
    const capacity = new Map<string, number | null>([["agt_ben", 0]]);
    expect(chooseAssignee({ members: team, online: everyone, pointer: "agt_ana", capacity })?.assigneeId).toBe("agt_cho");
  });

  it("resumes with whoever would have come next when the pointer member left the team", () => {
    const previousMembers = team;
    const members = team.filter((member) => member !== "agt_cho");
    expect(chooseAssignee({ members, online: everyone, pointer: "agt_cho", previousMembers })?.assigneeId).toBe("agt_dev");
  });

  it("resumes past members who also left, wrapping around the old rotation", () => {
    const members = ["agt_ana", "agt_ben", "agt_cho"];
    expect(chooseAssignee({ members, online: everyone, pointer: "agt_fay", previousMembers: team })?.assigneeId).toBe("agt_ana");
  });

  it("resumes with the next online member when the one who would have come next is offline", () => {
    const members = team.filter((member) => member !== "agt_cho");
    const online = new Set(team.filter((member) => member !== "agt_dev"));
    expect(chooseAssignee({ members, online, pointer: "agt_cho", previousMembers: team })?.assigneeId).toBe("agt_eli");
  });

  it("starts at the first member when the pointer left and the old rotation is unknown", () => {
    const members = team.filter((member) => member !== "agt_cho");
    expect(chooseAssignee({ members, online: everyone, pointer: "agt_cho" })?.assigneeId).toBe("agt_ana");
  });

  it("assigns nobody when nobody is online", () => {
    expect(chooseAssignee({ members: team, online: new Set(), pointer: "agt_ana" })).toBeNull();
  });

  it("assigns nobody when everyone online is at capacity", () => {
    const openCounts = new Map<string, number>(team.map((member) => [member, 3]));
    const capacity = new Map<string, number | null>(team.map((member) => [member, 3]));
    expect(chooseAssignee({ members: team, online: everyone, pointer: null, openCounts, capacity })).toBeNull();
  });

  it("assigns nobody in a team with no members", () => {
    expect(chooseAssignee({ members: [], online: everyone, pointer: null })).toBeNull();
  });

  it("never assigns someone online who is not on the team", () => {
    expect(chooseAssignee({ members: ["agt_ana"], online: new Set(["agt_zed"]), pointer: null })).toBeNull();
  });
});
