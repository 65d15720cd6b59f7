// The open ticket: its header (assign, snooze, close / reopen) over the thread, the composer and the overview panel.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Ticket } from "../api.ts";
import { customerName, toLocalInput } from "../format.ts";
import { agentById, assignable, current, hrefOf, me, patchTicket, route, toast } from "../store.ts";
import { Composer } from "./TicketComposer.tsx";
import { Overview } from "./TicketOverview.tsx";
import { Thread } from "./TicketThread.tsx";
import { SpamButton, TicketBanner } from "./TicketBanner.tsx";
import { ChannelBadge, Icon, StatusPill } from "./ui.tsx";
import { locale, t } from "../i18n.ts";

function AssigneeSelect({ t: ticket, id }: { t: Ticket; id?: string }) {
  return (
    <select
      id={id}
      class="assignee-select"
      aria-label={t("ticket.assignee")}
      value={ticket.assigneeId ?? ""}
      onChange={(e) => {
        const v = e.currentTarget.value || null;
        void patchTicket(ticket.id, { assigneeId: v }, v ? t("ticket.assignedTo", { name: agentById.value.get(v)?.name ?? t("ticket.agentFallback") }) : t("ticket.movedToUnassigned"));
      }}
    >
      <option value="">{t("ticket.noAssignee")}</option>
      {assignable.value.map((a) => (
        <option value={a.id} key={a.id}>
          {a.name}
          {a.id === me.value?.id ? t("ticket.me") : ""}
          {a.status === "online" ? t("ticket.online") : ""}
        </option>
      ))}
    </select>
  );
}

function nextMorning(days: number): Date {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setHours(9, 0, 0, 0);
  return d;
}

function SnoozeMenu({ t: ticket }: { t: Ticket }) {
  const [open, setOpen] = useState(false);
  const [custom, setCustom] = useState(() => toLocalInput(nextMorning(1)));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDoc = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDoc);
    return () => document.removeEventListener("mousedown", onDoc);
  }, [open]);
  const snooze = (until: Date) => {
    setOpen(false);
    if (until.getTime() <= Date.now()) return toast(t("ticket.pickTimeInFuture"), "error");
    void patchTicket(ticket.id, { status: "snoozed", snoozeUntil: until.toISOString() }, t("ticket.snoozedUntil", { date: until.toLocaleString(locale(), { dateStyle: "medium", timeStyle: "short" }) }));
  };
  const presets: [string, Date][] = [
    [t("ticket.in1Hour"), new Date(Date.now() + 3600_000)],
    [t("ticket.in4Hours"), new Date(Date.now() + 4 * 3600_000)],
    [t("ticket.snoozeTomorrow"), nextMorning(1)],
    [t("ticket.snoozeNextWeek"), nextMorning(7)],
  ];
  return (
    <div class="menu-wrap" ref={ref} onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button class="btn" type="button" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="clock" size={14} />{" "}{t("ticket.snooze")}
      </button>
      {open && (
        <div class="menu" role="group" aria-label={t("ticket.snoozeUntil")}>
          {presets.map(([label, d]) => (
            <button class="menu-item" type="button" key={label} onClick={() => snooze(d)}>
              {label}
            </button>
          ))}
          <form
            class="menu-custom"
            onSubmit={(e) => {
              e.preventDefault();
              snooze(new Date(custom));
            }}
          >
            <label>
              <span class="small muted">{t("ticket.until")}</span>
              <input type="datetime-local" value={custom} min={toLocalInput(new Date())} onInput={(e) => setCustom(e.currentTarget.value)} required />
            </label>
            <button class="btn small primary" type="submit">
              {t("ticket.snooze")}
            </button>
          </form>
        </div>
      )}
    </div>
  );
}

export function TicketPage({ loading }: { loading: boolean }) {
  const c = current.value;
  if (!c) {
    return (
      <div class="ticket-loading" aria-busy="true">
        {loading ? t("ticket.loadingTicket") : ""}
      </div>
    );
  }
  const ticket = c.ticket;
  return (
    <div class="ticket" data-ticket-id={ticket.id}>
      <header class="ticket-head">
        <div class="ticket-title">
          <a class="ticket-back" href={hrefOf({ view: route.value.view, ticketId: null })}>
            {t("ticket.backToList")}
          </a>
          <h2>
            <span class="num">#{ticket.number}</span> {ticket.subject || customerName(ticket)}
          </h2>
          <div class="ticket-sub">
            <span>{customerName(ticket)}</span>
            <ChannelBadge channel={ticket.channel} />
            <StatusPill status={ticket.status} />
            {ticket.handledBy === "ai" && <span class="pill ai">{t("ticket.aiHandling")}</span>}
          </div>
        </div>
        <div class="ticket-actions">
          <AssigneeSelect t={ticket} />
          {ticket.status !== "snoozed" && ticket.status !== "closed" && <SnoozeMenu t={ticket} />}
          <SpamButton t={ticket} />
          {ticket.status === "closed" ? (
            <button class="btn" type="button" onClick={() => void patchTicket(ticket.id, { status: "open" }, t("ticket.reopenedNumber", { number: ticket.number }))}>
              {t("ticket.reopen")}
            </button>
          ) : ticket.status === "snoozed" ? (
            <button class="btn" type="button" onClick={() => void patchTicket(ticket.id, { status: "open" }, t("ticket.unsnoozedNumber", { number: ticket.number }))}>
              {t("ticket.unsnooze")}
            </button>
          ) : null}
          {ticket.status !== "closed" && (
            <button class="btn primary" type="button" onClick={() => void patchTicket(ticket.id, { status: "closed" }, t("ticket.closedNumber", { number: ticket.number }))}>
              <Icon name="check" size={14} />{" "}{t("ticket.close")}
            </button>
          )}
        </div>
      </header>
      <div class="ticket-body">
        <div class="conversation">
          <TicketBanner t={ticket} messages={c.messages} />
          <Thread t={ticket} messages={c.messages} hasOlder={c.hasOlder} loadingOlder={c.loadingOlder} />
          <Composer t={ticket} />
        </div>
        <Overview t={ticket} />
      </div>
    </div>
  );
}
