// Above the open ticket's thread: the AI agent handles it (read along, take over), or it sits in Spam (not spam).
import type { Message, Ticket } from "../api.ts";
import { t } from "../i18n.ts";
import { agentById, api, me, patchTicket, toast } from "../store.ts";
import { composing, viewers } from "../store/collision.ts";
import { reportError } from "../store/session.ts";
import { applyTicket } from "../store/ticket.ts";

async function takeOver(ticket: Ticket): Promise<void> {
  try {
    applyTicket(await api.takeover(ticket.id));
    toast(t("banner.youTookOverNumber", { number: ticket.number }));
  } catch (err) {
    reportError(err, t("banner.couldNotTakeOver"));
  }
}

/** The AI agent's handoff summary (src/agent/summary.ts), pinned above the thread it summarizes. */
function HandoffSummary({ messages }: { messages: readonly Message[] }) {
  const note = messages.find((m) => m.author === "system" && m.internal && m.id.startsWith("msg_hs"));
  if (!note) return null;
  const [title, ...lines] = note.body.split("\n");
  return (
    <section class="handoff-summary" aria-label={t("banner.handoffSummary")}>
      <h3>{title}</h3>
      <ul>
        {lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
    </section>
  );
}

/** Who else is here: colleagues with the ticket open, and who of them is writing a reply or a note (live). */
function Colleagues({ t: ticket }: { t: Ticket }) {
  const myId = me.value?.id;
  const now = Date.now();
  const writing = (composing.value[ticket.id] ?? []).filter((c) => c.agentId !== myId && c.until > now);
  const viewing = (viewers.value[ticket.id] ?? []).filter((id) => id !== myId && !writing.some((w) => w.agentId === id));
  if (writing.length === 0 && viewing.length === 0) return null;
  const name = (id: string) => agentById.value.get(id)?.name ?? t("banner.colleague");
  const parts = [...writing.map((w) => t(w.kind === "note" ? "banner.writingNote" : "banner.writingReply", { name: name(w.agentId) })), ...viewing.map((id) => t("banner.viewing", { name: name(id) }))];
  return (
    <div class="colleagues" role="status" aria-live="polite">
      {parts.join(" · ")}
    </div>
  );
}

export function TicketBanner({ t: ticket, messages }: { t: Ticket; messages: readonly Message[] }) {
  const summary = (
    <>
      <Colleagues t={ticket} />
      <HandoffSummary messages={messages} />
    </>
  );
  if (ticket.handledBy === "ai") {
    return (
      <>
      {summary}
      <div class="ticket-banner ai" role="status">
        <span>{t("banner.ai")}</span>
        <button class="btn small primary" type="button" onClick={() => void takeOver(ticket)}>
          {t("banner.takeOver")}
        </button>
      </div>
      </>
    );
  }
  if (ticket.spam) {
    return (
      <>
      {summary}
      <div class="ticket-banner spam" role="status">
        <span>
          {t("banner.spam")} {ticket.spamReason ?? ""}
        </span>
        <button class="btn small" type="button" onClick={() => void patchTicket(ticket.id, { spam: false }, t("banner.numberIsNotSpam", { number: ticket.number }))}>
          {t("banner.notSpam")}
        </button>
      </div>
      </>
    );
  }
  return summary;
}

export function SpamButton({ t: ticket }: { t: Ticket }) {
  if (ticket.spam) return null;
  return (
    <button class="btn" type="button" title={t("banner.moveToSpam")} onClick={() => void patchTicket(ticket.id, { spam: true }, t("banner.numberMarkedAsSpam", { number: ticket.number }))}>
      {t("banner.markSpam")}
    </button>
  );
}
