// The whole report of GET /api/reports (and its CSV export): the helpdesk's and the AI agent's figures, plus
// satisfaction and SLA figures named after the account's policies.
import { getSettings } from "../accounts/settings.ts";
import { satisfactionReport } from "./satisfaction.ts";
import { buildReport } from "./service.ts";

export async function fullReport(env: Env, accountId: string, from: number, to: number) {
  const settings = await getSettings(env, accountId);
  const names = new Map((settings.sla?.policies ?? []).map((p) => [p.id, p.name]));
  const [report, extra] = await Promise.all([buildReport(env, accountId, from, to), satisfactionReport(env, accountId, from, to, names)]);
  return { ...report, ...extra };
}
export type FullReport = Awaited<ReturnType<typeof fullReport>>;
