// Merge this ticket into another of the same customer (threads interleaved, this one closed with a pointer), and
// undo it within a minute.
import { useState } from "preact/hooks";
import type { Ticket } from "../api.ts";
import { customerName, dateTime } from "../format.ts";
import { api, hrefOf, openTicket, reportError, route, toast } from "../store.ts";
import { t } from "../i18n.ts";

const UNDO_MS = 60_000;

export function MergePanel({ t: ticket }: { t: Ticket }) {
  const [candidates, setCandidates] = useState<Ticket[] | null>(null);
  const [busy, setBusy] = useState(false);
  if (ticket.mergedInto) {
    const recent = ticket.closedAt && Date.now() - Date.parse(ticket.closedAt) < UNDO_MS;
    return (
      <section class="ov-section" aria-label={t("ticket.merge.merged")}>
        <p class="small">
          {t("ticket.merge.mergedInto")}{" "}
          <a href={hrefOf({ view: route.value.view, ticketId: ticket.mergedInto })} data-testid="merged-into">
            {t("ticket.merge.survivingTicket")}
          </a>
          .
        </p>
        {recent && (
          <button
            class="btn small"
            type="button"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await api.request("POST", `/tickets/${encodeURIComponent(ticket.id)}/unmerge`);
                toast(t("ticket.merge.unmergedNumber", { number: ticket.number }));
                await openTicket(ticket.id, true);
              } catch (err) {
                reportError(err, t("ticket.merge.couldNotUndoMerge"));
              }
              setBusy(false);
            }}
          >
            {t("ticket.merge.undoMerge")}
          </button>
        )}
      </section>
    );
  }
  const who = ticket.customer.email ?? ticket.customer.phone;
  if (!who) return null;
  const find = async () => {
    const page = await api.request<{ items: Ticket[] }>("GET", "/tickets", undefined, { view: "all", q: who, limit: 20 });
    setCandidates(page.items.filter((x) => x.id !== ticket.id && !x.mergedInto));
  };
  const merge = async (into: Ticket) => {
    if (!confirm(t("ticket.merge.confirmMerge", { from: ticket.number, into: into.number }))) return;
    setBusy(true);
    try {
      await api.request("POST", `/tickets/${encodeURIComponent(ticket.id)}/merge`, { intoTicketId: into.id });
      toast(t("ticket.merge.mergedToast", { from: ticket.number, into: into.number }));
      location.hash = hrefOf({ view: route.value.view, ticketId: into.id });
    } catch (err) {
      reportError(err, t("ticket.merge.couldNotMerge"));
    }
    setBusy(false);
  };
  return (
    <section class="ov-section" aria-label={t("ticket.merge.merge")}>
      <h2>{t("ticket.merge.merge")}</h2>
      {candidates === null ? (
        <button class="btn small" type="button" onClick={() => void find().catch((err) => reportError(err, t("ticket.merge.couldNotLookUp")))}>
          {t("ticket.merge.findOtherTicketsFrom", { customerName: customerName(ticket) })}
        </button>
      ) : candidates.length === 0 ? (
        <p class="muted small">{t("ticket.merge.noOtherTicketsFrom")}</p>
      ) : (
        <ul class="plain-list" aria-label={t("ticket.merge.ticketsToMergeInto")}>
          {candidates.map((c) => (
            <li key={c.id} class="list-row">
              <span class="small">
                #{c.number} · {c.status} · {dateTime(c.updatedAt)}
                {c.subject ? ` · ${c.subject}` : ""}
              </span>
              <button class="btn small" type="button" disabled={busy} onClick={() => void merge(c)} aria-label={t("ticket.merge.mergeIntoNumber", { number: c.number })}>
                {t("ticket.merge.mergeInto")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
