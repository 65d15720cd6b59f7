// The ticket list as CSV, streamed page by page through the same query as GET /api/tickets (filters, sort, keyset).
import { eq } from "drizzle-orm";
import { db } from "../db/client.ts";
import { agents } from "../db/schema/index.ts";
import type { TicketFilters, TicketView } from "../schemas/ticket.ts";
import { listTickets } from "../tickets/queries.ts";
import { csvRow } from "./csv.ts";


export const TICKET_COLUMNS = [
  "id",
  "number",
  "channel",
  "status",
  "assignee_id",
  "assignee_name",
  "team_id",
  "tags",
  "customer_name",
  "customer_email",
  "customer_phone",
  "customer_profile_id",
  "subject",
  "preview",
  "spam",
  "message_count",
  "created_at",
  "updated_at",
  "first_response_at",
  "closed_at",
] as const;

function row(t: TicketView, names: Map<string, string>) {
  const r = t as TicketView & { subject?: string; preview?: string };
  return csvRow([
    t.id,
    t.number,
    t.channel,
    t.status,
    t.assigneeId,
    t.assigneeId ? names.get(t.assigneeId) : null,
    t.teamId,
    t.tags.join("; "),
    t.customer.name,
    t.customer.email,
    t.customer.phone,
    t.customer.profileId,
    r.subject,
    r.preview,
    t.spam,
    t.messageCount,
    t.createdAt,
    t.updatedAt,
    t.firstResponseAt,
    t.closedAt,
  ]);
}

/** A stream of the CSV: the header at once, then one D1 page per pull, so memory stays one page whatever the size. */
export function ticketsCsv(env: Env, accountId: string, me: string, filters: TicketFilters, pageSize = 200): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const d = db(env.DB);
  let cursor: string | undefined;
  let names: Map<string, string> | null = null;
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(enc.encode(csvRow(TICKET_COLUMNS)));
    },
    async pull(controller) {
      if (done) return controller.close();
      names ??= new Map((await d.select({ id: agents.id, name: agents.name }).from(agents).where(eq(agents.accountId, accountId))).map((a) => [a.id, a.name]));
      const page = await listTickets(d, accountId, me, { ...filters, cursor, limit: pageSize });
      if (page.items.length > 0) controller.enqueue(enc.encode(page.items.map((t) => row(t, names!)).join("")));
      cursor = page.nextCursor ?? undefined;
      if (!cursor) {
        done = true;
        controller.close();
      }
    },
  });
}
