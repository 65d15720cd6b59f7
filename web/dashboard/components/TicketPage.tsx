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

function AssigneeSelect({ t, id }: { t: Ticket; id?: string }) {
  return (
    <select
      id={id}
      class="assignee-select"
      aria-label="Assignee"
      value={t.assigneeId ?? ""}
      onChange={(e) => {
        const v = e.currentTarget.value || null;
        void patchTicket(t.id, { assigneeId: v }, v ? `Assigned to ${agentById.value.get(v)?.name ?? "agent"}` : "Moved to Unassigned");
      }}
    >
      <option value="">No assignee</option>
      {assignable.value.map((a) => (
        <option value={a.id} key={a.id}>
          {a.name}
          {a.id === me.value?.id ? " (me)" : ""}
          {a.status === "online" ? " · online" : ""}
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

function SnoozeMenu({ t }: { t: Ticket }) {
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
    if (until.getTime() <= Date.now()) return toast("Pick a time in the future", "error");
    void patchTicket(t.id, { status: "snoozed", snoozeUntil: until.toISOString() }, `Snoozed until ${until.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}`);
  };
  const presets: [string, Date][] = [
    ["In 1 hour", new Date(Date.now() + 3600_000)],
    ["In 4 hours", new Date(Date.now() + 4 * 3600_000)],
    ["Tomorrow, 9:00", nextMorning(1)],
    ["Next week, 9:00", nextMorning(7)],
  ];
  return (
    <div class="menu-wrap" ref={ref} onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button class="btn" type="button" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="clock" size={14} /> Snooze
      </button>
      {open && (
        <div class="menu" role="group" aria-label="Snooze until">
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
              <span class="small muted">Until</span>
              <input type="datetime-local" value={custom} min={toLocalInput(new Date())} onInput={(e) => setCustom(e.currentTarget.value)} required />
            </label>
            <button class="btn small primary" type="submit">
              Snooze
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
        {loading ? "Loading ticket…" : ""}
      </div>
    );
  }
  const t = c.ticket;
  return (
    <div class="ticket" data-ticket-id={t.id}>
      <header class="ticket-head">
        <div class="ticket-title">
          <a class="ticket-back" href={hrefOf({ view: route.value.view, ticketId: null })}>
            ← Back to the list
          </a>
          <h2>
            <span class="num">#{t.number}</span> {t.subject || customerName(t)}
          </h2>
          <div class="ticket-sub">
            <span>{customerName(t)}</span>
            <ChannelBadge channel={t.channel} />
            <StatusPill status={t.status} />
            {t.handledBy === "ai" && <span class="pill ai">AI handling</span>}
          </div>
        </div>
        <div class="ticket-actions">
          <AssigneeSelect t={t} />
          {t.status !== "snoozed" && t.status !== "closed" && <SnoozeMenu t={t} />}
          <SpamButton t={t} />
          {t.status === "closed" ? (
            <button class="btn" type="button" onClick={() => void patchTicket(t.id, { status: "open" }, `Reopened #${t.number}`)}>
              Reopen
            </button>
          ) : t.status === "snoozed" ? (
            <button class="btn" type="button" onClick={() => void patchTicket(t.id, { status: "open" }, `Unsnoozed #${t.number}`)}>
              Unsnooze
            </button>
          ) : null}
          {t.status !== "closed" && (
            <button class="btn primary" type="button" onClick={() => void patchTicket(t.id, { status: "closed" }, `Closed #${t.number}`)}>
              <Icon name="check" size={14} /> Close
            </button>
          )}
        </div>
      </header>
      <div class="ticket-body">
        <div class="conversation">
          <TicketBanner t={t} messages={c.messages} />
          <Thread t={t} messages={c.messages} hasOlder={c.hasOlder} loadingOlder={c.loadingOlder} />
          <Composer t={t} />
        </div>
        <Overview t={t} />
      </div>
    </div>
  );
}
