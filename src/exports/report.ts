// The report (GET /api/reports) as CSV, one figure per line: section, item, metric, value.
import type { Report } from "../reports/service.ts";
import { csvRow, type CsvValue } from "./csv.ts";

export function reportCsv(r: Report): string {
  const lines: CsvValue[][] = [["section", "item", "metric", "value"]];
  const add = (section: string, item: string, figures: Record<string, CsvValue>) => {
    for (const [metric, value] of Object.entries(figures)) lines.push([section, item, metric, value]);
  };
  add("range", "", { from: r.from, to: r.to });
  add("tickets", "", {
    tickets: r.tickets,
    closed: r.closed,
    open: r.open,
    first_response_p50_seconds: r.firstResponseSeconds.p50,
    first_response_p90_seconds: r.firstResponseSeconds.p90,
    resolution_p50_seconds: r.resolutionSeconds.p50,
    resolution_p90_seconds: r.resolutionSeconds.p90,
  });
  for (const c of r.byChannel) add("channel", c.channel, { tickets: c.tickets });
  for (const d of r.byDay) add("day", d.day, { created: d.created, closed: d.closed });
  for (const a of r.byAgent) add("agent", a.name, { agent_id: a.agentId, tickets: a.tickets, closed: a.closed, first_response_seconds: a.firstResponseSeconds, resolution_seconds: a.resolutionSeconds });
  for (const t of r.byTag) add("tag", t.tag, { tickets: t.tickets, closed: t.closed, resolution_seconds: t.resolutionSeconds });
  add("ai_agent", "", { conversations: r.agent.conversations, resolved: r.agent.resolved, routed_to_team: r.agent.routedToTeam, resolution_rate: r.agent.resolutionRate });
  for (const s of r.agent.bySkill) add("ai_skill", s.skill, { conversations: s.conversations, resolved: s.resolved, routed_to_team: s.routedToTeam, resolution_rate: s.resolutionRate });
  return lines.map(csvRow).join("");
}
