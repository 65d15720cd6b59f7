// The open ticket: its messages (merged by id, in time order), older pages, replies and notes, and changes to the ticket.
import { batch, signal } from "@preact/signals";
import { ApiError, type Message, type Ticket, type TicketPatch } from "../api.ts";
import { list, placeInList } from "./list.ts";
import { sendRead } from "./live.ts";
import { api, reportError, toast } from "./session.ts";
import { t } from "../i18n.ts";

interface CurrentTicket {
  ticket: Ticket;
  messages: Message[];
  hasOlder: boolean;
  loadingOlder: boolean;
}

export const current = signal<CurrentTicket | null>(null);
export const currentLoading = signal<string | null>(null);
export const currentError = signal<string | null>(null);

let ticketRequest = 0;

function mergeMessages(a: Message[], b: Message[]): Message[] {
  const byId = new Map<string, Message>();
  for (const m of [...a, ...b]) byId.set(m.id, m);
  // Stable: createdAt order, then the order the server gave.
  const order = new Map<string, number>();
  [...a, ...b].forEach((m, i) => {
    if (!order.has(m.id)) order.set(m.id, i);
  });
  return [...byId.values()].sort((x, y) => (x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0)));
}

export async function openTicket(id: string, refresh = false): Promise<void> {
  const req = ++ticketRequest;
  if (!refresh) {
    currentLoading.value = id;
    currentError.value = null;
  }
  try {
    const res = await api.ticket(id);
    if (req !== ticketRequest) return;
    const prev = current.value?.ticket.id === id ? current.value : null;
    batch(() => {
      current.value = {
        ticket: res.ticket,
        messages: prev ? mergeMessages(prev.messages, res.messages) : res.messages,
        hasOlder: prev ? prev.hasOlder : res.hasOlder,
        loadingOlder: false,
      };
      currentLoading.value = null;
    });
    markRead(res.ticket);
  } catch (err) {
    if (req !== ticketRequest) return;
    batch(() => {
      currentLoading.value = null;
      if (!refresh) {
        current.value = null;
        currentError.value = err instanceof ApiError && err.status === 404 ? t("ticket.store.thisTicketDoesnT") : t("ticket.store.couldNotLoadTicket");
      }
    });
  }
}

export function markRead(t: Ticket): void {
  sendRead(t.id);
  if (t.unread) {
    const seen = { ...t, unread: false };
    list.value = { ...list.value, items: list.value.items.map((x) => (x.id === t.id ? { ...x, unread: false } : x)) };
    if (current.value?.ticket.id === t.id) current.value = { ...current.value, ticket: seen };
  }
}

export async function loadOlder(): Promise<void> {
  const c = current.value;
  const oldest = c?.messages[0];
  if (!c || !oldest || c.loadingOlder) return;
  current.value = { ...c, loadingOlder: true };
  try {
    const page = await api.olderMessages(c.ticket.id, oldest.id);
    const now = current.value;
    if (!now || now.ticket.id !== c.ticket.id) return;
    current.value = { ...now, messages: mergeMessages(page.items, now.messages), hasOlder: page.nextCursor !== null, loadingOlder: false };
  } catch (err) {
    if (current.value) current.value = { ...current.value, loadingOlder: false };
    reportError(err, t("ticket.store.couldNotLoadOlder"));
  }
}

function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

export async function send(ticketId: string, body: string, internal: boolean, attachmentIds: string[] = []): Promise<boolean> {
  try {
    const key = newKey();
    const m = internal ? await api.note(ticketId, body, key, attachmentIds) : await api.reply(ticketId, body, key, attachmentIds);
    addMessage(m);
    return true;
  } catch (err) {
    reportError(err, internal ? t("ticket.store.noteWasNotSaved") : t("ticket.store.replyWasNotSent"));
    return false;
  }
}

export function addMessage(m: Message): void {
  const c = current.value;
  // A message already shown is taken again only to learn how its delivery went (the reply's answer carries it).
  if (!c || c.ticket.id !== m.ticketId || c.messages.some((x) => x.id === m.id && (x.delivery || !m.delivery))) return;
  current.value = { ...c, messages: mergeMessages(c.messages, [m]) };
}

export async function patchTicket(id: string, patch: TicketPatch, done?: string): Promise<void> {
  try {
    const t = await api.patch(id, patch);
    applyTicket(t);
    if (done) toast(done);
  } catch (err) {
    reportError(err, t("ticket.store.ticketWasNotUpdated"));
  }
}

/** A newer snapshot of a ticket (an answer or a live event): the list re-places it, the open ticket takes it. */
export function applyTicket(t: Ticket): void {
  placeInList(t);
  const c = current.value;
  if (c && c.ticket.id === t.id && c.ticket.updatedAt <= t.updatedAt) current.value = { ...c, ticket: t };
}
