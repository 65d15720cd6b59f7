// The whole report of GET /api/reports (and its CSV export): the helpdesk's and the AI agent's figures, plus
// satisfaction and SLA figures named after the account's policies. Every figure is read in one D1 batch (one round
// trip; on GET /api/reports the caller's session check rides along, src/auth/sessionReads.ts).
import { eq } from "drizzle-orm";
import { parseSettings } from "../accounts/settings.ts";
import { db } from "../db/client.ts";
import { d1Reads, rowsOf, statementOf, type Reads } from "../db/reads.ts";
import { accounts } from "../db/schema/index.ts";
import { AppError } from "../lib/errors.ts";
import { satisfactionOf, satisfactionStatements } from "./satisfaction.ts";
import { reportOf, reportStatements } from "./service.ts";
import { smsAttributionOf, smsRepliesStatement } from "./smsAttribution.ts";

export async function fullReport(env: Env, accountId: string, from: number, to: number, reads: Reads = d1Reads(env.DB)) {
  const d1 = env.DB;
  const settings = statementOf(d1, db(d1).select({ settings: accounts.settings }).from(accounts).where(eq(accounts.id, accountId)).limit(1).getSQL());
  const report = reportStatements(d1, accountId, from, to);
  const satisfaction = satisfactionStatements(d1, accountId, from, to);
  const results = await reads.batch([settings, ...report, ...satisfaction, smsRepliesStatement(d1, accountId, from, to)]);
  const account = rowsOf<{ settings: string }>(results[0])[0];
  if (!account) throw new AppError("not_found", "account not found");
  const names = new Map((parseSettings(account.settings).sla?.policies ?? []).map((p) => [p.id, p.name]));
  let at = 1;
  const take = (n: number) => results.slice(at, (at += n));
  const helpdesk = reportOf(take(report.length), from, to);
  const extra = satisfactionOf(take(satisfaction.length), from, to, names);
  const sms = await smsAttributionOf(env, accountId, from, to, rowsOf(take(1)[0]));
  return { ...helpdesk, ...extra, smsAttribution: sms };
}
export type FullReport = Awaited<ReturnType<typeof fullReport>>;
