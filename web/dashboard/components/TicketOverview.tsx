// The ticket's side panel: the customer, the ticket's facts, its tags (editable) and "Not spam".
import { useState } from "preact/hooks";
import type { Ticket } from "../api.ts";
import { customerName, dateTime } from "../format.ts";
import { agentById, patchTicket } from "../store.ts";
import { CustomerPrivacyActions } from "./CustomerPrivacyActions.tsx";
import { MergePanel } from "./MergePanel.tsx";
import { CsatResult, PriorityPicker, SlaTimer } from "./Promises.tsx";
import { Avatar, ChannelBadge, Icon, StatusPill } from "./ui.tsx";

function TagEditor({ t }: { t: Ticket }) {
  const [value, setValue] = useState("");
  const add = () => {
    const tag = value.trim().toLowerCase();
    setValue("");
    if (!tag || t.tags.includes(tag)) return;
    void patchTicket(t.id, { tags: [...t.tags, tag] });
  };
  return (
    <div class="tags-editor">
      <ul class="tag-list" aria-label="Tags">
        {t.tags.map((tag) => (
          <li class="tag removable" key={tag}>
            {tag}
            <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => void patchTicket(t.id, { tags: t.tags.filter((x) => x !== tag) })}>
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
        <input type="text" placeholder="Add a tag…" aria-label="Add a tag" value={value} maxLength={64} onInput={(e) => setValue(e.currentTarget.value)} />
      </form>
    </div>
  );
}

export function Overview({ t }: { t: Ticket }) {
  const assignee = t.assigneeId ? agentById.value.get(t.assigneeId) : undefined;
  const name = customerName(t);
  return (
    <aside class="overview" aria-label="Ticket overview">
      <section class="ov-section customer-card">
        <Avatar name={name} size={40} />
        <div>
          <div class="ov-name">{name}</div>
          {t.customer.email && (
            <a class="ov-contact" href={`mailto:${t.customer.email}`}>
              {t.customer.email}
            </a>
          )}
          {t.customer.phone && <div class="ov-contact">{t.customer.phone}</div>}
          {!t.customer.email && !t.customer.phone && <div class="muted small">No contact details yet</div>}
          {t.customer.profileId && <CustomerPrivacyActions profileId={t.customer.profileId} name={name} />}
        </div>
      </section>
      <section class="ov-section">
        <h2>Ticket</h2>
        <dl class="ov-grid">
          <dt>Number</dt>
          <dd>#{t.number}</dd>
          <dt>Status</dt>
          <dd>
            <StatusPill status={t.status} />
            {t.status === "snoozed" && t.snoozeUntil && <div class="small muted">until {dateTime(t.snoozeUntil)}</div>}
          </dd>
          <dt>Priority</dt>
          <dd>
            <PriorityPicker t={t} />
          </dd>
          {t.sla && (
            <>
              <dt>SLA</dt>
              <dd>
                <SlaTimer sla={t.sla} />
              </dd>
            </>
          )}
          <dt>Assignee</dt>
          <dd>{assignee ? assignee.name : <span class="muted">Unassigned</span>}</dd>
          <dt>Channel</dt>
          <dd>
            <ChannelBadge channel={t.channel} />
          </dd>
          <dt>Created</dt>
          <dd>{dateTime(t.createdAt)}</dd>
          <dt>Updated</dt>
          <dd>{dateTime(t.updatedAt)}</dd>
          {t.firstResponseAt && (
            <>
              <dt>First reply</dt>
              <dd>{dateTime(t.firstResponseAt)}</dd>
            </>
          )}
          {t.closedAt && (
            <>
              <dt>Closed</dt>
              <dd>{dateTime(t.closedAt)}</dd>
            </>
          )}
          {(t.status === "closed" || t.csat) && (
            <>
              <dt>CSAT</dt>
              <dd>
                <CsatResult t={t} />
              </dd>
            </>
          )}
        </dl>
      </section>
      <section class="ov-section">
        <h2>Tags</h2>
        <TagEditor t={t} />
      </section>
      <MergePanel t={t} />
      {t.spam && (
        <section class="ov-section">
          <button class="btn small" type="button" onClick={() => void patchTicket(t.id, { spam: false }, "Marked as not spam")}>
            Not spam
          </button>
        </section>
      )}
    </aside>
  );
}
