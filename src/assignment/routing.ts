// Tag and segment routing: which team a ticket belongs to (docs/product.md §3.1).
//
// Rules: teams are tried by ascending priority (ties keep the given order); a team with no agents
// is ignored (a routed ticket must be assignable); a team matches when it shares a tag with the
// ticket (case- and surrounding-space-insensitive) or a customer segment (segment ids match exactly).

export type RoutableTicket = { tags: readonly string[]; segments: readonly string[] };

export type RoutingTeam = {
  id: string;
  priority: number;
  tags: readonly string[];
  segments: readonly string[];
  agentIds: readonly string[];
};

const normalizeTag = (tag: string): string => tag.trim().toLowerCase();

/** The id of the first matching team by priority, or null when no staffed team matches. */
export function routeTicket(ticket: RoutableTicket, teams: readonly RoutingTeam[]): string | null {
  const tags = new Set(ticket.tags.map(normalizeTag).filter((tag) => tag !== ""));
  const segments = new Set(ticket.segments);
  const ordered = teams.map((team, index) => ({ team, index })).sort((a, b) => a.team.priority - b.team.priority || a.index - b.index);
  for (const { team } of ordered) {
    if (team.agentIds.length === 0) continue;
    if (team.tags.some((tag) => tags.has(normalizeTag(tag))) || team.segments.some((segment) => segments.has(segment))) {
      return team.id;
    }
  }
  return null;
}
