// Tag and segment routing: the first staffed team by priority whose tags or segments match the ticket.
import { describe, expect, it } from "vitest";

import { routeTicket } from "../../src/assignment/routing.ts";

import type { RoutingTeam } from "../../src/assignment/routing.ts";

const returns: RoutingTeam = { id: "team_returns", priority: 2, tags: ["Returns", "Exchange"], segments: [], agentIds: ["agt_ana"] };
const vip: RoutingTeam = { id: "team_vip", priority: 1, tags: [], segments: ["seg_vip"], agentIds: ["agt_ben"] };
const wholesale: RoutingTeam = { id: "team_wholesale", priority: 3, tags: ["wholesale", "returns"], segments: ["seg_b2b"], agentIds: ["agt_cho"] };
const empty: RoutingTeam = { id: "team_empty", priority: 0, tags: ["returns"], segments: ["seg_vip"], agentIds: [] };
const teams = [wholesale, returns, vip, empty];

describe("routeTicket", () => {
  it.each([
    ["routes a Returns ticket to the returns team", ["returns"], [], "team_returns"],
    ["matches tags case-insensitively", ["RETURNS"], [], "team_returns"],
    ["ignores spaces around tags", [" exchange "], [], "team_returns"],
    ["routes by customer segment", [], ["seg_b2b"], "team_wholesale"],
    ["prefers the team with the lower priority number when several match", ["returns"], ["seg_vip"], "team_vip"],
    ["lets a segment match win over a tag match on a lower-priority team", ["wholesale"], ["seg_vip"], "team_vip"],
    ["matches segments exactly, not case-insensitively", [], ["SEG_VIP"], null],
    ["routes nowhere when nothing matches", ["shipping"], ["seg_new"], null],
    ["routes nowhere for a ticket with no tags or segments", [], [], null],
    ["ignores a matching team with no agents", ["returns"], [], "team_returns"],
  ])("%s", (_label, tags, segments, expected) => {
    expect(routeTicket({ tags, segments }, teams)).toBe(expected);
  });

  it("keeps the given order between teams of equal priority", () => {
    const first: RoutingTeam = { ...returns, id: "team_first", priority: 5 };
    const second: RoutingTeam = { ...returns, id: "team_second", priority: 5 };
    expect(routeTicket({ tags: ["returns"], segments: [] }, [first, second])).toBe("team_first");
    expect(routeTicket({ tags: ["returns"], segments: [] }, [second, first])).toBe("team_second");
  });

  it("routes nowhere when the only matching team has no agents", () => {
    expect(routeTicket({ tags: ["returns"], segments: [] }, [empty])).toBeNull();
  });

  it("routes nowhere when there are no teams", () => {
    expect(routeTicket({ tags: ["returns"], segments: ["seg_vip"] }, [])).toBeNull();
  });
});
