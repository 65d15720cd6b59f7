// The open ticket: header actions (assign, snooze, close), the thread, the reply/note composer and the overview panel.
import { Fragment } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Card, Message, Ticket } from "../api.ts";
import { customerName, dateTime, dayLabel, timeOnly, toLocalInput, CHANNEL_LABEL } from "../format.ts";
import { agentById, agents, agentTyping, api, current, customerTyping, loadOlder, macros, me, patchTicket, send, toast } from "../store.ts";
import { Avatar, ChannelBadge, Icon, StatusPill } from "./ui.tsx";

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
      {agents.value.map((a) => (
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

/** Keys of the agent's cards (src/agent/cards.ts) that add nothing to the summary: links, pictures, flags, ids shown elsewhere. */
const CARD_SKIP = new Set(["imageUrl", "image", "url", "email", "emailRequired", "canEdit", "number", "id"]);

function cardFields(card: Card): [string, string][] {
  const data = card.data ?? {};
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(data)) {
    if (CARD_SKIP.has(k) || v === null || v === "" || (typeof v === "object" && !Array.isArray(v))) continue;
    if (k === "status" && typeof data.statusLabel === "string") continue;
    const text = Array.isArray(v) ? v.filter((x) => x !== null && typeof x !== "object").join(", ") : typeof v === "boolean" ? (v ? "yes" : "no") : String(v);
    if (text) out.push([k === "statusLabel" ? "status" : k.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase(), text]);
  }
  return out;
}

function CardSummary({ card }: { card: Card }) {
  const fields = cardFields(card);
  const links = (card.actions ?? []).filter((a) => a.url && /^https?:/i.test(a.url));
  const other = (card.actions ?? []).filter((a) => !links.includes(a));
  return (
    <div class="card-summary">
      <div class="card-type">{card.type.replace(/_/g, " ")}</div>
      {card.title && <div class="card-title">{card.title}</div>}
      {fields.length > 0 && (
        <dl>
          {fields.slice(0, 6).map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {(links.length > 0 || other.length > 0) && (
        <div class="card-actions">
          {links.map((a, i) => (
            <Fragment key={`l${i}`}>
              {i > 0 && " · "}
              <a href={a.url} target="_blank" rel="noopener noreferrer">
                {a.label}
              </a>
            </Fragment>
          ))}
          {other.length > 0 && `${links.length ? " · " : ""}${other.map((a) => a.label).join(" · ")}`}
        </div>
      )}
    </div>
  );
}

function authorLabel(m: Message, t: Ticket): string {
  if (m.author === "customer") return customerName(t);
  if (m.author === "ai") return "AI agent";
  if (m.author === "system") return "System";
  return (m.agentId && agentById.value.get(m.agentId)?.name) || "Agent";
}

function MessageItem({ m, t }: { m: Message; t: Ticket }) {
  const who = authorLabel(m, t);
  const kind = m.internal ? "note" : m.author;
  if (m.author === "system" && !m.internal) {
    return (
      <li class="msg system" data-message-id={m.id}>
        <span>{m.body}</span> <time dateTime={m.createdAt}>{timeOnly(m.createdAt)}</time>
      </li>
    );
  }
  return (
    <li class={`msg ${kind}`} data-message-id={m.id}>
      <div class="msg-head">
        {m.author === "ai" ? (
          <span class="ai-mark" aria-hidden="true">
            <Icon name="sparkle" size={12} />
          </span>
        ) : (
          <Avatar name={who} size={22} />
        )}
        <span class="msg-who">{who}</span>
        {m.internal && (
          <span class="note-label">
            <Icon name="lock" size={11} /> Internal note
          </span>
        )}
        <time class="msg-time" dateTime={m.createdAt} title={new Date(m.createdAt).toLocaleString()}>
          {timeOnly(m.createdAt)}
        </time>
      </div>
      <div class="msg-body">{m.body}</div>
      {m.cards?.map((c, i) => (
        <CardSummary card={c} key={i} />
      ))}
    </li>
  );
}

function Thread({ t, messages, hasOlder, loadingOlder }: { t: Ticket; messages: Message[]; hasOlder: boolean; loadingOlder: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const lastMessage = messages[messages.length - 1];
  const last = lastMessage?.id;
  const first = messages[0]?.id;
  const stick = useRef(true);
  const seen = useRef<{ ticket: string; first?: string; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const prev = seen.current;
    if (!prev || prev.ticket !== t.id) {
      stick.current = true;
      el.scrollTop = el.scrollHeight;
    } else if (prev.first !== first && prev.height) {
      // Older messages were prepended: keep the reader's place.
      el.scrollTop += el.scrollHeight - prev.height;
    } else if (stick.current || (lastMessage?.author === "agent" && lastMessage.agentId === me.value?.id)) {
      // Follow the conversation, and always show what I just sent.
      el.scrollTop = el.scrollHeight;
    }
    seen.current = { ticket: t.id, first, height: el.scrollHeight };
  }, [t.id, first, last]);
  const typing = (customerTyping.value[t.id] ?? 0) > Date.now();
  let lastDay = "";
  return (
    <div class="thread-wrap">
      <div
        class="thread"
        ref={ref}
        role="log"
        aria-live="polite"
        aria-label="Conversation"
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        }}
      >
        <ol class="thread-items">
        {hasOlder && (
          <li class="older">
            <button class="btn small" type="button" onClick={() => void loadOlder()} disabled={loadingOlder}>
              {loadingOlder ? "Loading…" : "Load older messages"}
            </button>
          </li>
        )}
        {messages.map((m) => {
          const day = dayLabel(m.createdAt);
          const sep = day !== lastDay;
          lastDay = day;
          return (
            <Fragment key={m.id}>
              {sep && (
                <li class="day" aria-hidden="true">
                  <span>{day}</span>
                </li>
              )}
              <MessageItem m={m} t={t} />
            </Fragment>
          );
        })}
        </ol>
      </div>
      <div class="typing-line" aria-live="polite">
        {typing && (
          <>
            <span class="dots" aria-hidden="true">
              <i />
              <i />
              <i />
            </span>
            {customerName(t)} is typing…
          </>
        )}
      </div>
    </div>
  );
}

function Composer({ t }: { t: Ticket }) {
  const [mode, setMode] = useState<"reply" | "note">("reply");
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const text = drafts[`${t.id}:${mode}`] ?? "";
  const setText = (v: string) => setDrafts((d) => ({ ...d, [`${t.id}:${mode}`]: v }));
  const area = useRef<HTMLTextAreaElement>(null);
  const canReply = t.channel !== "sms" || !/^[A-Za-z]/.test(t.customer.phone ?? "");

  const submit = async () => {
    const body = text.trim();
    if (!body || busy) return;
    const key = `${t.id}:${mode}`;
    setBusy(true);
    const ok = await send(t.id, body, mode === "note");
    setBusy(false);
    // The message may show (live) before the request returns and the agent may already be typing the next
    // one: clear the draft only if it still is what was sent.
    if (ok) setDrafts((d) => (d[key] === text ? { ...d, [key]: "" } : d));
    area.current?.focus();
  };

  const useMacro = async (id: string) => {
    try {
      const r = await api.renderMacro(id, t.id);
      setText(text ? `${text}\n${r.body}` : r.body);
      area.current?.focus();
    } catch {
      toast("Could not insert the macro", "error");
    }
  };

  return (
    <form
      class={`composer ${mode}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div class="composer-tabs" role="tablist" aria-label="Message type">
        <button type="button" role="tab" aria-selected={mode === "reply"} class={mode === "reply" ? "tab active" : "tab"} onClick={() => setMode("reply")}>
          Reply
          <span class="muted small"> · {CHANNEL_LABEL[t.channel]}</span>
        </button>
        <button type="button" role="tab" aria-selected={mode === "note"} class={mode === "note" ? "tab active" : "tab"} onClick={() => setMode("note")}>
          <Icon name="lock" size={12} /> Internal note
        </button>
      </div>
      <label class="sr-only" for="composer-text">
        {mode === "reply" ? "Reply to the customer" : "Internal note for the team"}
      </label>
      <textarea
        id="composer-text"
        ref={area}
        rows={3}
        value={text}
        placeholder={mode === "reply" ? (canReply ? `Reply to ${customerName(t)}…` : "This sender cannot receive replies") : "Write a note only your team will see…"}
        disabled={mode === "reply" && !canReply}
        onInput={(e) => {
          setText(e.currentTarget.value);
          if (mode === "reply" && e.currentTarget.value.trim()) agentTyping(t.id);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <div class="composer-foot">
        {macros.value.length > 0 && (
          <select
            aria-label="Insert a macro"
            value=""
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v) void useMacro(v);
            }}
          >
            <option value="">Insert macro…</option>
            {macros.value.map((m) => (
              <option value={m.id} key={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
        <span class="muted small kbd-hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to send
        </span>
        <span class="grow" />
        <button class={mode === "note" ? "btn note-btn" : "btn primary"} type="submit" disabled={busy || !text.trim()}>
          <Icon name={mode === "note" ? "lock" : "send"} size={14} />
          {mode === "note" ? "Add note" : "Send reply"}
        </button>
      </div>
    </form>
  );
}

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

function Overview({ t }: { t: Ticket }) {
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
        </dl>
      </section>
      <section class="ov-section">
        <h2>Tags</h2>
        <TagEditor t={t} />
      </section>
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
          <Thread t={t} messages={c.messages} hasOlder={c.hasOlder} loadingOlder={c.loadingOlder} />
          <Composer t={t} />
        </div>
        <Overview t={t} />
      </div>
    </div>
  );
}
