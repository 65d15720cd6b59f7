// What the team promised the customer and how it went: the SLA timer (green, amber, red, ticking live), the ticket's
// priority, and the customer's CSAT answer.
import { useEffect, useState } from "preact/hooks";
import type { Ticket } from "../api.ts";
import { patchTicket } from "../store.ts";
import { locale, t } from "../i18n.ts";

type Sla = NonNullable<Ticket["sla"]>;
const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
const PRIORITY_LABEL = { low: "ticket.promises.priorities.low", normal: "ticket.promises.priorities.normal", high: "ticket.promises.priorities.high", urgent: "ticket.promises.priorities.urgent" } as const;
const KIND = { first_response: "ticket.promises.firstReply", next_response: "ticket.promises.nextReply", resolution: "ticket.promises.resolution" } as const;

/** Re-renders every `ms` so a countdown moves on its own. */
function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

function span(ms: number): string {
  const m = Math.round(Math.abs(ms) / 60_000);
  if (m < 60) return t("ticket.promises.spanMinutes", { m });
  const h = Math.floor(m / 60);
  if (h < 48) return t("ticket.promises.spanHours", { h, m: m % 60 });
  return t("ticket.promises.spanDays", { d: Math.floor(h / 24), h: h % 24 });
}

/** The running SLA target: time left (or overdue), coloured by the state it is in now. */
export function SlaTimer({ sla, compact = false }: { sla: Sla | undefined; compact?: boolean }) {
  const now = useNow(10_000);
  if (!sla) return null;
  const due = Date.parse(sla.dueAt);
  const state = now >= due ? "breached" : now >= Date.parse(sla.warnAt) ? "warning" : "ok";
  const left = due - now;
  const kind = t(sla.kind ? KIND[sla.kind] : "ticket.promises.reply");
  const text = state === "breached" ? compact ? t("ticket.promises.overdue", { span: span(left) }) : t("ticket.promises.kindOverdue", { kind, span: span(left) }) : `${compact ? "" : t("ticket.promises.kindDueIn", { kind })}${span(left)}`;
  return (
    <span class={`pill sla sla-${state}`} data-sla-state={state} title={t("ticket.promises.kindDueAt", { kind, date: new Date(due).toLocaleString(locale()) })}>
      {compact && <span aria-hidden="true">⏱ </span>}
      {text}
    </span>
  );
}

export function PriorityPicker({ t: ticket }: { t: Ticket }) {
  return (
    <select class="priority-select" aria-label={t("ticket.promises.priority")} value={ticket.priority} onChange={(e) => void patchTicket(ticket.id, { priority: e.currentTarget.value as Ticket["priority"] }, t("ticket.promises.priorityChanged"))}>
      {PRIORITIES.map((p) => (
        <option key={p} value={p}>
          {t(PRIORITY_LABEL[p])}
        </option>
      ))}
    </select>
  );
}

export function PriorityMark({ priority }: { priority: Ticket["priority"] }) {
  if (priority === "normal" || priority === "low") return null;
  return <span class={`pill prio-${priority}`}>{priority}</span>;
}

export function CsatResult({ t: ticket }: { t: Ticket }) {
  if (ticket.csat) {
    return (
      <span class="csat-result" data-testid="csat-result">
        <span class={`pill csat-${ticket.csat.score >= 4 ? "good" : ticket.csat.score === 3 ? "meh" : "bad"}`}>{ticket.csat.score}/5</span>
        {ticket.csat.comment && <q class="small muted"> {ticket.csat.comment}</q>}
      </span>
    );
  }
  return <span class="muted small">{ticket.csatAskedAt ? t("ticket.promises.surveySentNoAnswer") : t("ticket.promises.notSurveyed")}</span>;
}
