// The report (GET /api/reports, CSAT and SLA figures included) as CSV, one figure per line: section, item, metric, value.
import type { FullReport } from "../reports/full.ts";
import { csvRow, type CsvValue } from "./csv.ts";

export function reportCsv(r: FullReport): string {
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
  add("csat", "", { average: r.csat.average, responses: r.csat.responses, asked: r.csat.asked, response_rate: r.csat.responseRate });
  for (const a of r.csat.byAgent) add("csat_agent", a.name, { agent_id: a.agentId, responses: a.responses, average: a.average });
  for (const c of r.csat.byChannel) add("csat_channel", c.channel, { responses: c.responses, average: c.average });
  for (const t of r.csat.byTag) add("csat_tag", t.tag, { responses: t.responses, average: t.average });
  add("sla", "", { measured: r.sla.measured, met: r.sla.met, share_met: r.sla.shareMet, breached_now: r.sla.breachedNow });
  for (const p of r.sla.byPolicy) add("sla_policy", p.name, { policy_id: p.policyId, measured: p.measured, met: p.met, share_met: p.shareMet });
  for (const a of r.sla.byAgent) add("sla_agent", a.name, { agent_id: a.agentId, measured: a.measured, met: a.met, share_met: a.shareMet });
  for (const t of r.sla.byTeam) add("sla_team", t.name, { team_id: t.teamId, measured: t.measured, met: t.met, share_met: t.shareMet });
  return lines.map(csvRow).join("");
}
