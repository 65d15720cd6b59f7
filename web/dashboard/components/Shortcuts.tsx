// Keyboard shortcuts for the helpdesk and the `?` overlay that lists them. Keys are ignored while typing in a field.
import { useEffect, useState } from "preact/hooks";
import { current, list, me, navigate, patchTicket, route } from "../store.ts";
import { t, type MessageKey } from "../i18n.ts";

const KEYS: [string, MessageKey][] = [
  ["j / ↓", "keys.next"],
  ["k / ↑", "keys.previous"],
  ["r", "keys.reply"],
  ["n", "keys.note"],
  ["e", "keys.close"],
  ["s", "keys.snooze"],
  ["a", "keys.assign"],
  ["/", "keys.search"],
  ["Esc", "keys.escape"],
  ["?", "keys.help"],
];

/** Asks the composer to switch to reply or note and take the focus (TicketComposer listens). */
export const COMPOSE_EVENT = "edgedesk:compose";

function typingInField(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

function step(by: number): void {
  const items = list.value.items;
  if (items.length === 0) return;
  const at = items.findIndex((t) => t.id === route.value.ticketId);
  const next = items[Math.min(items.length - 1, Math.max(0, at < 0 ? 0 : at + by))];
  if (next) navigate({ view: route.value.view, ticketId: next.id });
}

function onKey(e: KeyboardEvent, toggleHelp: () => void, closeHelp: () => void): void {
  if (e.key === "Escape") {
    closeHelp();
    if (typingInField(e)) (e.target as HTMLElement).blur();
    return;
  }
  if (e.metaKey || e.ctrlKey || e.altKey || typingInField(e) || route.value.page) return;
  const ticket = current.value?.ticket;
  const act = (fn: () => void) => {
    e.preventDefault();
    fn();
  };
  switch (e.key) {
    case "?":
      return act(toggleHelp);
    case "j":
    case "ArrowDown":
      return act(() => step(1));
    case "k":
    case "ArrowUp":
      return act(() => step(-1));
    case "/":
      return act(() => document.querySelector<HTMLInputElement>(".filters .search")?.focus());
    case "r":
    case "n":
      if (ticket) act(() => window.dispatchEvent(new CustomEvent(COMPOSE_EVENT, { detail: e.key === "r" ? "reply" : "note" })));
      return;
    case "e":
      if (ticket && ticket.status !== "closed") act(() => void patchTicket(ticket.id, { status: "closed" }, t("keys.closedNumber", { number: ticket.number })));
      return;
    case "s":
      if (ticket) act(() => document.querySelector<HTMLButtonElement>(".ticket-actions [aria-haspopup]")?.click());
      return;
    case "a":
      if (ticket && me.value && ticket.assigneeId !== me.value.id) act(() => void patchTicket(ticket.id, { assigneeId: me.value?.id ?? null }, t("keys.assignedNumberToYou", { number: ticket.number })));
      return;
  }
}

export function Shortcuts() {
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const handler = (e: KeyboardEvent) => onKey(e, () => setHelp((h) => !h), () => setHelp(false));
    window.addEventListener("keydown", handler);
    return () => window.removeEventListener("keydown", handler);
  }, []);
  if (!help) return null;
  return (
    <div class="overlay" role="presentation" onClick={() => setHelp(false)}>
      <section class="shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">{t("keys.title")}</h2>
        <dl>
          {KEYS.map(([k, what]) => (
            <div key={k}>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{t(what)}</dd>
            </div>
          ))}
        </dl>
        <button class="btn small" type="button" onClick={() => setHelp(false)}>
          {t("keys.closeOverlay")}
        </button>
      </section>
    </div>
  );
}
