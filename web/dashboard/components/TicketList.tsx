// The ticket list of the current view: filters, bulk select (assign / close / tag), cursor paging, live updates.
import { PriorityMark, SlaTimer } from "./Promises.tsx";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Ticket, TicketFilters, TicketStatus } from "../api.ts";
import { CHANNELS, channelLabel, customerName, shortAgo } from "../format.ts";
import { DEFAULT_SORT } from "../store/list.ts";
import { Marked, rangesOf } from "./Linked.tsx";
import { locale, t, type MessageKey } from "../i18n.ts";
import {
  activeFilters,
  agentById,
  assignable,
  bulk,
  customerTyping,
  hrefOf,
  list,
  loadList,
  loadMore,
  me,
  route,
  saveCurrentView,
  savedViews,
  selected,
  setFilter,
  userFilters,
  type BuiltInView,
} from "../store.ts";
import { ExportButton } from "./ExportButton.tsx";
import { Avatar, ChannelBadge, Empty, Icon } from "./ui.tsx";

const TITLES: Record<BuiltInView, MessageKey> = { mine: "views.mine", unassigned: "views.unassigned", all: "views.all", spam: "views.spam", breaching: "views.breaching", breached: "views.breached", ai: "views.aiTitle" };

const SORTS = ["last_message_desc", "last_customer_desc", "waiting_longest", "priority_desc", "created_desc", "created_asc"] as const;

function viewTitle(): string {
  const v = route.value.view;
  if (v.startsWith("saved:")) return savedViews.value.find((s) => `saved:${s.id}` === v)?.name ?? t("list.savedView");
  return t(TITLES[v as BuiltInView]);
}

function toggle(id: string): void {
  const s = new Set(selected.value);
  if (s.has(id)) s.delete(id);
  else s.add(id);
  selected.value = s;
}

function Row({ t: ticket, active }: { t: Ticket; active: boolean }) {
  const assignee = ticket.assigneeId ? agentById.value.get(ticket.assigneeId) : undefined;
  const typing = (customerTyping.value[ticket.id] ?? 0) > Date.now();
  const checked = selected.value.has(ticket.id);
  const name = customerName(ticket);
  const q = activeFilters.value.q;
  return (
    <li class={`row${active ? " active" : ""}${ticket.unread ? " unread" : ""}${checked ? " checked" : ""}`} data-ticket-id={ticket.id}>
      <input class="row-check" type="checkbox" checked={checked} onChange={() => toggle(ticket.id)} aria-label={t("list.selectTicketNumberFrom", { number: ticket.number, name })} />
      <a class="row-link" href={hrefOf({ view: route.value.view, ticketId: ticket.id })} aria-current={active ? "true" : undefined}>
        <div class="row-top">
          {ticket.unread && <span class="dot" aria-label={t("list.unread")} />}
          <span class="row-name">
            <Marked text={name} ranges={rangesOf(name, q)} />
          </span>
          <time class="row-time" dateTime={ticket.lastMessageAt ?? ticket.updatedAt} title={new Date(ticket.lastMessageAt ?? ticket.updatedAt).toLocaleString(locale())}>
            {shortAgo(ticket.lastMessageAt ?? ticket.updatedAt)}
          </time>
        </div>
        {ticket.subject && (
          <div class="row-subject">
            <Marked text={ticket.subject} ranges={rangesOf(ticket.subject, q)} />
          </div>
        )}
        <div class="row-preview">{typing ? <em class="typing-inline">{t("list.typing")}</em> : <Marked text={ticket.preview ?? ""} ranges={rangesOf(ticket.preview ?? "", q)} />}</div>
        {ticket.match && ticket.match.text !== ticket.preview && (
          <div class="row-match" title={t("list.matchingMessage")}>
            <Marked text={ticket.match.text} ranges={ticket.match.ranges} />
          </div>
        )}
        <div class="row-meta">
          <ChannelBadge channel={ticket.channel} />
          <span class="num">#{ticket.number}</span>
          {ticket.status !== "open" && <span class={`pill st-${ticket.status}`}>{t(ticket.status === "closed" ? "list.status.closed" : "list.status.snoozed")}</span>}
          <PriorityMark priority={ticket.priority} />
          {ticket.status === "open" && <SlaTimer sla={ticket.sla} compact />}
          {ticket.waitingSince && (
            <span class="waiting" title={t("list.customerHasWaitedSince", { date: new Date(ticket.waitingSince).toLocaleString(locale()) })}>
              {t("list.waiting", { ago: shortAgo(ticket.waitingSince) === "now" ? "<1m" : shortAgo(ticket.waitingSince) })}
            </span>
          )}
          {ticket.tags.slice(0, 3).map((tag) => (
            <span class="tag" key={tag}>
              {tag}
            </span>
          ))}
          <span class="grow" />
          {assignee ? (
            <span title={t("list.assignedToName", { name: assignee.name })}>
              <Avatar name={assignee.name} size={20} />
            </span>
          ) : (
            <span class="unassigned-mark" title={t("list.unassigned")}>
              —
            </span>
          )}
        </div>
      </a>
    </li>
  );
}

/** Searches as the agent types (a short pause first), over every message, note, name, email, phone and number. */
function SearchBox({ value }: { value: string }) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const run = (v: string) => {
    clearTimeout(timer.current);
    if (v.trim() !== (userFilters.value.q ?? "")) setFilter("q", v.trim());
  };
  return (
    <input
      class="search"
      type="search"
      placeholder={t("list.search")}
      aria-label={t("list.searchTickets")}
      value={value}
      onInput={(e) => {
        const v = e.currentTarget.value;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => run(v), 250);
      }}
      onChange={(e) => run(e.currentTarget.value)}
    />
  );
}

function Filters() {
  const f = userFilters.value;
  const view = route.value.view;
  const statusDefault = view === "all" || (view.startsWith("saved:") && !activeFilters.value.status) ? t("list.anyStatus") : t("list.open");
  return (
    <div class="filters" role="group" aria-label={t("list.filters")}>
      <SearchBox value={f.q ?? ""} />
      <select aria-label={t("list.sortBy")} value={f.sort ?? DEFAULT_SORT} onChange={(e) => setFilter("sort", e.currentTarget.value as TicketFilters["sort"])}>
        {SORTS.map((value) => (
          <option value={value} key={value}>
            {t(`sort.${value}`)}
          </option>
        ))}
      </select>
      <select aria-label={t("list.filterByStatus")} value={f.status ?? ""} onChange={(e) => setFilter("status", (e.currentTarget.value || undefined) as TicketStatus | undefined)}>
        <option value="">{statusDefault}</option>
        <option value="open">{t("list.open")}</option>
        <option value="snoozed">{t("list.snoozed")}</option>
        <option value="closed">{t("list.closed")}</option>
      </select>
      <select aria-label={t("list.filterByChannel")} value={f.channel ?? ""} onChange={(e) => setFilter("channel", (e.currentTarget.value || undefined) as Ticket["channel"] | undefined)}>
        <option value="">{t("list.anyChannel")}</option>
        {CHANNELS.map((c) => (
          <option value={c} key={c}>
            {channelLabel(c)}
          </option>
        ))}
      </select>
      {view !== "mine" && view !== "unassigned" && (
        <select aria-label={t("list.filterByAssignee")} value={f.assigneeId ?? ""} onChange={(e) => setFilter("assigneeId", e.currentTarget.value || undefined)}>
          <option value="">{t("list.anyAssignee")}</option>
          <option value="none">{t("list.noAssignee")}</option>
          {assignable.value.map((a) => (
            <option value={a.id} key={a.id}>
              {a.id === me.value?.id ? t("list.nameMe", { name: a.name }) : a.name}
            </option>
          ))}
        </select>
      )}
      <input class="tag-filter" type="text" placeholder={t("list.tag")} aria-label={t("list.filterByTag")} value={f.tag ?? ""} onChange={(e) => setFilter("tag", e.currentTarget.value.trim().toLowerCase())} />
    </div>
  );
}

function BulkBar() {
  const [tag, setTag] = useState("");
  const n = selected.value.size;
  if (n === 0) return null;
  return (
    <div class="bulkbar" role="toolbar" aria-label={t("list.bulkActions")}>
      <span class="bulk-count">{t("list.nSelected", { n })}</span>
      <select
        aria-label={t("list.assignSelectedTo")}
        value=""
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (v) void bulk({ assigneeId: v === "none" ? null : v }, v === "none" ? t("list.unassigned") : t("list.assigned"));
        }}
      >
        <option value="">{t("list.assign")}</option>
        <option value="none">{t("list.noAssignee")}</option>
        {assignable.value.map((a) => (
          <option value={a.id} key={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <button class="btn small" type="button" onClick={() => void bulk({ status: "closed" }, t("list.closed"))}>
        {t("list.close")}
      </button>
      <button class="btn small" type="button" onClick={() => void bulk({ status: "open" }, t("list.reopened"))}>
        {t("list.reopen")}
      </button>
      <form
        class="bulk-tag"
        onSubmit={(e) => {
          e.preventDefault();
          const name = tag.trim().toLowerCase();
          if (!name) return;
          setTag("");
          void bulk({ addTags: [name] }, t("list.taggedOn", { tag: name }));
        }}
      >
        <input type="text" placeholder={t("list.addTag")} aria-label={t("list.tagToAddTo")} value={tag} onInput={(e) => setTag(e.currentTarget.value)} />
      </form>
      <button class="btn small ghost" type="button" onClick={() => (selected.value = new Set())}>
        {t("list.clear")}
      </button>
    </div>
  );
}

/** "Save view": a small dialog asking for the name (not the browser's prompt). */
function SaveViewDialog({ close }: { close: () => void }) {
  const [name, setName] = useState("");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal?.();
  }, []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="save-view-title" onClose={close}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          void saveCurrentView(name.trim());
          close();
        }}
      >
        <h2 id="save-view-title">{t("list.saveViewTitle")}</h2>
        <label class="field">
          <span>{t("list.name")}</span>
          <input type="text" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} autoFocus />
        </label>
        <div class="dialog-actions">
          <button class="btn" type="button" onClick={close}>
            {t("list.cancel")}
          </button>
          <button class="btn primary" type="submit" disabled={!name.trim()}>
            {t("list.saveView")}
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function TicketList() {
  const [saving, setSaving] = useState(false);
  const l = list.value;
  const openId = route.value.ticketId;
  const allSelected = l.items.length > 0 && l.items.every((ticket) => selected.value.has(ticket.id));
  const hasUserFilters = Object.entries(userFilters.value).some(([k, v]) => k !== "sort" && Boolean(v));
  return (
    <section class="list-pane" aria-labelledby="list-title">
      <header class="list-head">
        <input
          type="checkbox"
          class="row-check"
          checked={allSelected}
          disabled={l.items.length === 0}
          aria-label={t("list.selectAllLoadedTickets")}
          onChange={(e) => (selected.value = e.currentTarget.checked ? new Set(l.items.map((ticket) => ticket.id)) : new Set())}
        />
        <h1 id="list-title">{viewTitle()}</h1>
        <span class="muted small">{l.loading ? "" : `${l.items.length}${l.nextCursor ? "+" : ""}`}</span>
        <span class="grow" />
        {hasUserFilters && (
          <button
            class="btn small ghost"
            type="button"
            onClick={() => setSaving(true)}
          >
            <Icon name="bookmark" size={14} /> {t("list.saveView")}
          </button>
        )}
        <ExportButton path="/exports/tickets.csv" query={activeFilters.value} name="tickets.csv" label={t("list.export")} />
        <button class="icon-btn ghost" type="button" aria-label={t("list.refreshList")} title={t("list.refresh")} onClick={() => void loadList(l.items.length)}>
          <Icon name="refresh" size={14} />
        </button>
      </header>
      {saving && <SaveViewDialog close={() => setSaving(false)} />}
      <Filters />
      <BulkBar />
      {l.error && (
        <div class="banner error" role="alert">
          {l.error}{" "}
          <button class="link" type="button" onClick={() => void loadList()}>
            {t("list.retry")}
          </button>
        </div>
      )}
      {l.loading ? (
        <div class="skeletons" aria-busy="true" aria-label={t("list.loadingTickets")}>
          {[0, 1, 2, 3, 4].map((i) => (
            <div class="skeleton" key={i} />
          ))}
        </div>
      ) : l.items.length === 0 ? (
        <Empty title={route.value.view === "mine" ? t("list.yourInboxIsClear") : t("list.noTicketsHere")}>{route.value.view === "mine" ? t("list.ticketsAssignedToYou") : t("list.tryAnotherViewOr")}</Empty>
      ) : (
        <ul class="rows" aria-label={t("list.tickets")}>
          {l.items.map((ticket) => (
            <Row t={ticket} key={ticket.id} active={ticket.id === openId} />
          ))}
          {l.nextCursor && (
            <li class="more">
              <button class="btn small" type="button" onClick={() => void loadMore()} disabled={l.loadingMore}>
                {l.loadingMore ? t("list.loading") : t("list.loadMore")}
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
