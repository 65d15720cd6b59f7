// The ticket's conversation: messages by day with the agent's cards summarized, "Load older", and the customer's typing line.
import { Linked } from "./Linked.tsx";
import { MessageFiles } from "./Attachments.tsx";
import { Fragment } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
import type { Card, Message, Ticket } from "../api.ts";
import { customerName, dayLabel, timeOnly } from "../format.ts";
import { agentById, customerTyping, loadOlder, me } from "../store.ts";
import { Avatar, Icon } from "./ui.tsx";
import { DeliveryStatus } from "./DeliveryStatus.tsx";
import { locale, t } from "../i18n.ts";

/** Keys of the agent's cards (src/agent/cards.ts) that add nothing to the summary: links, pictures, flags, ids shown elsewhere. */
const CARD_SKIP = new Set(["imageUrl", "image", "url", "email", "emailRequired", "canEdit", "number", "id"]);

function cardFields(card: Card): [string, string][] {
  const data = card.data ?? {};
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(data)) {
    if (CARD_SKIP.has(k) || v === null || v === "" || (typeof v === "object" && !Array.isArray(v))) continue;
    if (k === "status" && typeof data.statusLabel === "string") continue;
    const text = Array.isArray(v) ? v.filter((x) => x !== null && typeof x !== "object").join(", ") : typeof v === "boolean" ? (v ? t("ticket.thread.yes") : t("ticket.thread.no")) : String(v);
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

function authorLabel(m: Message, ticket: Ticket): string {
  if (m.author === "customer") return customerName(ticket);
  if (m.author === "ai") return t("ticket.thread.aiAgent");
  if (m.author === "system") return t("ticket.thread.system");
  return (m.agentId && agentById.value.get(m.agentId)?.name) || t("ticket.thread.agent");
}

function MessageItem({ m, t: ticket }: { m: Message; t: Ticket }) {
  const who = authorLabel(m, ticket);
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
            <Icon name="lock" size={11} />{" "}{t("ticket.thread.internalNote")}
          </span>
        )}
        <time class="msg-time" dateTime={m.createdAt} title={new Date(m.createdAt).toLocaleString(locale())}>
          {timeOnly(m.createdAt)}
        </time>
      </div>
      {m.body && (
        <div class="msg-body">
          <Linked text={m.body} />
        </div>
      )}
      <MessageFiles files={m.attachments} />
      <DeliveryStatus m={m} />
      {m.cards?.map((c, i) => (
        <CardSummary card={c} key={i} />
      ))}
    </li>
  );
}

export function Thread({ t: ticket, messages, hasOlder, loadingOlder }: { t: Ticket; messages: Message[]; hasOlder: boolean; loadingOlder: boolean }) {
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
    if (!prev || prev.ticket !== ticket.id) {
      stick.current = true;
      el.scrollTop = el.scrollHeight;
    } else if (prev.first !== first && prev.height) {
      // Older messages were prepended: keep the reader's place.
      el.scrollTop += el.scrollHeight - prev.height;
    } else if (stick.current || (lastMessage?.author === "agent" && lastMessage.agentId === me.value?.id)) {
      // Follow the conversation, and always show what I just sent.
      el.scrollTop = el.scrollHeight;
    }
    seen.current = { ticket: ticket.id, first, height: el.scrollHeight };
  }, [ticket.id, first, last]);
  const typing = (customerTyping.value[ticket.id] ?? 0) > Date.now();
  let lastDay = "";
  return (
    <div class="thread-wrap">
      <div
        class="thread"
        ref={ref}
        role="log"
        aria-live="polite"
        aria-label={t("ticket.thread.conversation")}
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
              {loadingOlder ? t("ticket.thread.loading") : t("ticket.thread.loadOlderMessages")}
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
              <MessageItem m={m} t={ticket} />
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
            {t("ticket.thread.customernameIsTyping", { customerName: customerName(ticket) })}
          </>
        )}
      </div>
    </div>
  );
}
