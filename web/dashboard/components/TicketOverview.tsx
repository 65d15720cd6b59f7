// The ticket's side panel: the customer, the ticket's facts, its tags (editable) and "Not spam".
import { useState } from "preact/hooks";
import type { Ticket } from "../api.ts";
import { customerName, dateTime } from "../format.ts";
import { agentById, patchTicket } from "../store.ts";
import { CustomerPrivacyActions } from "./CustomerPrivacyActions.tsx";
import { MergePanel } from "./MergePanel.tsx";
import { CsatResult, PriorityPicker, SlaTimer } from "./Promises.tsx";
import { ProfilePanel } from "./ProfilePanel.tsx";
import { Avatar, ChannelBadge, Icon, StatusPill } from "./ui.tsx";
import { t } from "../i18n.ts";

function TagEditor({ t: ticket }: { t: Ticket }) {
  const [value, setValue] = useState("");
  const add = () => {
    const tag = value.trim().toLowerCase();
    setValue("");
    if (!tag || ticket.tags.includes(tag)) return;
    void patchTicket(ticket.id, { tags: [...ticket.tags, tag] });
  };
  return (
    <div class="tags-editor">
      <ul class="tag-list" aria-label={t("ticket.overview.tags")}>
        {ticket.tags.map((tag) => (
          <li class={ticket.aiTags?.includes(tag) ? "tag removable ai-tag" : "tag removable"} key={tag} title={ticket.aiTags?.includes(tag) ? t("ticket.overview.setByAi") : undefined}>
            {ticket.aiTags?.includes(tag) && <Icon name="sparkle" size={10} label={t("ticket.overview.aiTag")} />}
            {tag}
            <button type="button" aria-label={t("ticket.overview.removeTagTag", { tag })} onClick={() => void patchTicket(ticket.id, { tags: ticket.tags.filter((x) => x !== tag) })}>
              <Icon name="x" size={10} />
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input type="text" placeholder={t("ticket.overview.addTag")} aria-label={t("ticket.overview.addTagLabel")} value={value} maxLength={64} onInput={(e) => setValue(e.currentTarget.value)} />
      </form>
    </div>
  );
}

export function Overview({ t: ticket }: { t: Ticket }) {
  const assignee = ticket.assigneeId ? agentById.value.get(ticket.assigneeId) : undefined;
  const name = customerName(ticket);
  return (
    <aside class="overview" aria-label={t("ticket.overview.ticketOverview")}>
      <section class="ov-section customer-card">
        <Avatar name={name} size={40} />
        <div>
          <div class="ov-name">{name}</div>
          {ticket.customer.email && (
            <a class="ov-contact" href={`mailto:${ticket.customer.email}`}>
              {ticket.customer.email}
            </a>
          )}
          {ticket.customer.phone && <div class="ov-contact">{ticket.customer.phone}</div>}
          {!ticket.customer.email && !ticket.customer.phone && <div class="muted small">{t("ticket.overview.noContactDetailsYet")}</div>}
          {ticket.customer.profileId && <CustomerPrivacyActions profileId={ticket.customer.profileId} name={name} />}
        </div>
      </section>
      {ticket.customer.profileId && <ProfilePanel profileId={ticket.customer.profileId} ticketId={ticket.id} />}
      <section class="ov-section">
        <h2>{t("ticket.overview.ticket")}</h2>
        <dl class="ov-grid">
          <dt>{t("ticket.overview.number")}</dt>
          <dd>#{ticket.number}</dd>
          <dt>{t("ticket.overview.status")}</dt>
          <dd>
            <StatusPill status={ticket.status} />
            {ticket.status === "snoozed" && ticket.snoozeUntil && <div class="small muted">{t("ticket.overview.until", { date: dateTime(ticket.snoozeUntil) })}</div>}
          </dd>
          <dt>{t("ticket.overview.priority")}</dt>
          <dd>
            <PriorityPicker t={ticket} />
          </dd>
          {ticket.sla && (
            <>
              <dt>{t("ticket.overview.sla")}</dt>
              <dd>
                <SlaTimer sla={ticket.sla} />
              </dd>
            </>
          )}
          <dt>{t("ticket.overview.assignee")}</dt>
          <dd>{assignee ? assignee.name : <span class="muted">{t("ticket.overview.unassigned")}</span>}</dd>
          <dt>{t("ticket.overview.channel")}</dt>
          <dd>
            <ChannelBadge channel={ticket.channel} />
          </dd>
          <dt>{t("ticket.overview.created")}</dt>
          <dd>{dateTime(ticket.createdAt)}</dd>
          <dt>{t("ticket.overview.updated")}</dt>
          <dd>{dateTime(ticket.updatedAt)}</dd>
          {ticket.firstResponseAt && (
            <>
              <dt>{t("ticket.overview.firstReply")}</dt>
              <dd>{dateTime(ticket.firstResponseAt)}</dd>
            </>
          )}
          {ticket.closedAt && (
            <>
              <dt>{t("ticket.overview.closed")}</dt>
              <dd>{dateTime(ticket.closedAt)}</dd>
            </>
          )}
          {(ticket.status === "closed" || ticket.csat) && (
            <>
              <dt>{t("ticket.overview.csat")}</dt>
              <dd>
                <CsatResult t={ticket} />
              </dd>
            </>
          )}
        </dl>
      </section>
      <section class="ov-section">
        <h2>{t("ticket.overview.tags")}</h2>
        <TagEditor t={ticket} />
      </section>
      <MergePanel t={ticket} />
      {ticket.spam && (
        <section class="ov-section">
          <button class="btn small" type="button" onClick={() => void patchTicket(ticket.id, { spam: false }, t("ticket.overview.markedAsNotSpam"))}>
            {t("ticket.overview.notSpam")}
          </button>
        </section>
      )}
    </aside>
  );
}
