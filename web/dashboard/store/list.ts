// The ticket list of the current view (filters, selection, paging, where a changed ticket goes) and the views' counts.
import { batch, computed, signal } from "@preact/signals";
import { ApiError, type BulkSet, type SavedView, type Ticket, type TicketFilters } from "../api.ts";
import type { ViewCounts } from "../live.ts";
import { route, type BuiltInView } from "./route.ts";
import { matchesSearch } from "./search.ts";
import { api, me, reportError, toast } from "./session.ts";
import { t, tn } from "../i18n.ts";

// ---- views and their counts ----------------------------------------------------------------

export const savedViews = signal<SavedView[]>([]);
/** Built-in view counts: from GET /api/views at load, then from the inbox socket (`hello`, `counts`). */
export const viewCounts = signal<Record<string, number>>({});
/** Set once the inbox socket sent counts: from then on only it moves the built-in counts (HTTP answers may be older). */
let liveCounts = false;

/** An answer of GET /api/views: the saved views, and the built-in counts unless the socket already owns them. */
export function setViews(v: { items: SavedView[]; builtIn: Record<string, number> }): void {
  if (!liveCounts) viewCounts.value = v.builtIn;
  savedViews.value = v.items;
}

export function setLiveCounts(counts: ViewCounts): void {
  liveCounts = true;
  viewCounts.value = { ...counts };
}

/** Signed out: the next session's counts come from HTTP again until its socket sends some. */
export function forgetLiveCounts(): void {
  liveCounts = false;
}

/** Saved views and their counts (built-in counts come live from the inbox socket, not from here). */
export async function refreshCounts(): Promise<void> {
  try {
    const v = await api.views();
    batch(() => setViews(v));
  } catch {
    // counts are cosmetic; the next load or view change retries
  }
}

// ---- the ticket list -----------------------------------------------------------------------

export type UserFilters = Pick<TicketFilters, "status" | "channel" | "tag" | "assigneeId" | "q" | "sort">;

/** Rows show the last message's time, so the list is in that order unless the agent picks another. */
export const DEFAULT_SORT = "last_message_desc" as const;

interface ListState {
  items: Ticket[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
}

export function emptyList(): ListState {
  return { items: [], nextCursor: null, loading: true, loadingMore: false, error: null };
}

export const list = signal<ListState>(emptyList());
export const userFilters = signal<UserFilters>({});
export const selected = signal<Set<string>>(new Set());

export const activeFilters = computed<TicketFilters>(() => {
  const view = route.value.view;
  const base: TicketFilters = view.startsWith("saved:") ? (savedViews.value.find((v) => `saved:${v.id}` === view)?.filters ?? { view: "all" }) : { view: view as BuiltInView };
  const out: TicketFilters = { sort: DEFAULT_SORT, ...base };
  for (const [k, v] of Object.entries(userFilters.value) as [keyof UserFilters, string | undefined][]) if (v) (out as Record<string, string>)[k] = v;
  return out;
});

let listRequest = 0;
/** Told of every loaded page (store.ts: tickets already mine are not announced as newly assigned). */
let onListLoaded: ((items: Ticket[]) => void) | null = null;
export function whenListLoaded(fn: (items: Ticket[]) => void): void {
  onListLoaded = fn;
}

export async function loadList(keep = 0): Promise<void> {
  const req = ++listRequest;
  list.value = { ...list.value, loading: list.value.items.length === 0, error: null };
  try {
    const page = await api.tickets(activeFilters.value, null, Math.min(200, Math.max(50, keep)));
    if (req !== listRequest) return;
    list.value = { items: page.items, nextCursor: page.nextCursor, loading: false, loadingMore: false, error: null };
    onListLoaded?.(page.items);
    const ids = new Set(page.items.map((t) => t.id));
    selected.value = new Set([...selected.value].filter((id) => ids.has(id)));
  } catch (err) {
    if (req !== listRequest) return;
    list.value = { ...list.value, loading: false, error: err instanceof ApiError ? err.message : t("list.couldNotLoadTickets") };
  }
}

export async function loadMore(): Promise<void> {
  const l = list.value;
  if (!l.nextCursor || l.loadingMore) return;
  const req = listRequest;
  list.value = { ...l, loadingMore: true };
  try {
    const page = await api.tickets(activeFilters.value, l.nextCursor);
    if (req !== listRequest) return;
    const have = new Set(list.value.items.map((t) => t.id));
    list.value = { ...list.value, items: [...list.value.items, ...page.items.filter((t) => !have.has(t.id))], nextCursor: page.nextCursor, loadingMore: false };
  } catch (err) {
    list.value = { ...list.value, loadingMore: false };
    reportError(err, t("list.couldNotLoadMore"));
  }
}

export function setFilter<K extends keyof UserFilters>(key: K, value: UserFilters[K] | undefined): void {
  userFilters.value = { ...userFilters.value, [key]: value || undefined };
  selected.value = new Set();
  void loadList();
}

/** Whether a ticket belongs in the list being shown: the client twin of the server's ticketConditions. */
export function matches(t: Ticket, f: TicketFilters, myId: string): boolean {
  const view = f.view ?? "all";
  if (t.messageCount === 0 || t.handledBy !== (view === "ai" ? "ai" : "team")) return false;
  const status = f.status ?? (view === "all" || view === "ai" ? undefined : "open");
  if (status && t.status !== status) return false;
  if (view === "spam" ? !t.spam : t.spam) return false;
  if (view === "mine" && t.assigneeId !== myId) return false;
  if (view === "unassigned" && t.assigneeId !== null) return false;
  if (view === "breached" && !(t.sla && Date.parse(t.sla.dueAt) <= Date.now())) return false;
  if (view === "breaching" && !(t.sla && Date.parse(t.sla.warnAt) <= Date.now() && Date.parse(t.sla.dueAt) > Date.now())) return false;
  if (f.priority && t.priority !== f.priority) return false;
  if (f.channel && t.channel !== f.channel) return false;
  if (f.assigneeId && (f.assigneeId === "none" ? t.assigneeId !== null : t.assigneeId !== f.assigneeId)) return false;
  if (f.teamId && t.teamId !== f.teamId) return false;
  if (f.tag && !t.tags.some((x) => x.toLowerCase() === f.tag?.toLowerCase())) return false;
  if (f.createdFrom && t.createdAt < f.createdFrom) return false;
  if (f.createdTo && t.createdAt >= f.createdTo) return false;
  if (f.q && !matchesSearch(t, f.q)) return false;
  return true;
}

/** The client twin of the server's sort columns (src/tickets/queries.ts sorts). */
function sortKey(t: Ticket, f: TicketFilters): string {
  const sort = f.sort ?? "updated_desc";
  if (sort.startsWith("created")) return t.createdAt;
  if (sort === "last_message_desc") return t.lastMessageAt ?? t.createdAt;
  if (sort === "last_customer_desc" || sort === "waiting_longest") return t.lastCustomerMessageAt ?? t.createdAt;
  // Priority rank, then the latest message (ISO times compare as text).
  if (sort === "priority_desc") return `${({ urgent: 3, high: 2, normal: 1, low: 0 } as const)[t.priority] ?? 1}${t.lastMessageAt ?? t.createdAt}`;
  return t.updatedAt;
}

/** A ticket changed: put it where it belongs in the list (or out of it). */
export function placeInList(t: Ticket): void {
  const myId = me.value?.id ?? "";
  const f = activeFilters.value;
  const l = list.value;
  const idx = l.items.findIndex((x) => x.id === t.id);
  const old = idx >= 0 ? l.items[idx] : undefined;
  // Events can overtake each other: never let an older snapshot replace a newer one.
  if (old && old.updatedAt > t.updatedAt) return;
  const items = l.items.filter((x) => x.id !== t.id);
  // A search also finds words in any message, which the client cannot check: a row the search found stays.
  const fits = matches(t, f, myId) || (f.q !== undefined && old !== undefined && matches(t, { ...f, q: undefined }, myId));
  if (fits) {
    const desc = (f.sort ?? "updated_desc").endsWith("desc");
    const key = sortKey(t, f);
    let at = items.findIndex((x) => (desc ? sortKey(x, f) < key : sortKey(x, f) > key));
    if (at < 0) {
      // Past the loaded page: it will come with "load more".
      if (l.nextCursor && idx < 0) return void (list.value = { ...l, items });
      at = items.length;
    }
    items.splice(at, 0, old?.match && !t.match ? { ...t, match: old.match } : t);
  } else if (selected.value.has(t.id)) {
    const s = new Set(selected.value);
    s.delete(t.id);
    selected.value = s;
  }
  list.value = { ...l, items };
}

export async function bulk(set: BulkSet, done: string): Promise<void> {
  const ids = [...selected.value];
  if (ids.length === 0) return;
  try {
    const res = await api.bulk(ids, set);
    toast(res.failed.length ? t("list.bulkPartly", { done, updated: res.updated, failed: res.failed.length }) : tn("list.bulkDone", res.updated, { done }), res.failed.length ? "error" : "info");
    selected.value = new Set();
    await Promise.all([loadList(list.value.items.length), refreshCounts()]);
  } catch (err) {
    reportError(err, t("list.bulkUpdateFailed"));
  }
}
