// The auto-close sweep (cron): finds, in the index, open tickets whose customer has been quiet for the account's
// auto-close period since the team's last reply, and asks each ticket's actor, which checks its own state, to close.
import { ticketStub } from "./actors.ts";

const HOUR = 3_600_000;
/** Per run; the next run (5 minutes later) takes the rest. */
const BATCH = 500;

export async function sweepAutoClose(env: Env, now = Date.now()): Promise<{ closed: number; checked: number }> {
  const due = await env.DB.prepare(
    `SELECT t.id AS id, t.account_id AS accountId, h.after AS afterHours
     FROM tickets t
     JOIN (SELECT id, json_extract(settings, '$.autoClose.afterHours') AS after FROM accounts
           WHERE json_valid(settings) AND json_extract(settings, '$.autoClose.afterHours') > 0) h ON h.id = t.account_id
     WHERE t.status = 'open' AND t.last_agent_message_at IS NOT NULL
       AND (t.last_customer_message_at IS NULL OR t.last_customer_message_at <= t.last_agent_message_at)
       AND t.last_agent_message_at + h.after * ${HOUR} <= ?
     LIMIT ${BATCH}`,
  )
    .bind(now)
    .all<{ id: string; accountId: string; afterHours: number }>();
  let closed = 0;
  for (const row of due.results) {
    try {
      if (await ticketStub(env, row.accountId, row.id).autoClose({ afterHours: row.afterHours, at: now })) closed += 1;
    } catch (err) {
      console.warn(`auto-close: ticket ${row.id} failed`, err);
    }
  }
  return { closed, checked: due.results.length };
}
