// Dashboard state as signals, and the actions that load it over HTTP and keep it current from the inbox socket.
import { batch, computed, effect, signal } from "@preact/signals";
import { Api, ApiError, type Account, type Agent, type BulkSet, type Macro, type Message, type SavedView, type Ticket, type TicketFilters, type TicketPatch } from "./api.ts";
import { InboxSocket, type InboxFrame, type LiveState, type UnreadCounts, type ViewCounts } from "./live.ts";

// ---- session -------------------------------------------------------------------------------

interface Session {
  token: string;
  agentId: string;
}

const SESSION_KEY = "edgedesk:session";

function loadSession(): Session | null {
  try {
    const s = JSON.parse(localStorage.getItem(SESSION_KEY) ?? "null") as Session | null;
    return s && typeof s.token === "string" ? s : null;
  } catch {
    return null;
  }
}

export const api = new Api(loadSession()?.token ?? null);
export const session = signal<Session | null>(loadSession());
export const me = signal<Agent | null>(null);
export const account = signal<Account | null>(null);
export const agents = signal<Agent[]>([]);
export const macros = signal<Macro[]>([]);
export const liveState = signal<LiveState>("connecting");
export const unread = signal<UnreadCounts>({ mine: 0, unassigned: 0, all: 0 });
export const savedViews = signal<SavedView[]>([]);
/** Built-in view counts: from GET /api/views at load, then from the inbox socket (`hello`, `counts`). */
export const viewCounts = signal<Record<string, number>>({});
/** Set once the inbox socket sent counts: from then on only it moves the built-in counts (HTTP answers may be older). */
let liveCounts = false;
export const toasts = signal<{ id: number; text: string; kind: "info" | "error" }[]>([]);
/** The unread badges can be switched off (docs/product.md §2); a per-browser preference. */
export const showUnread = signal<boolean>(localStorage.getItem("edgedesk:showUnread") !== "0");

export function setShowUnread(on: boolean): void {
  showUnread.value = on;
  localStorage.setItem("edgedesk:showUnread", on ? "1" : "0");
}

let socket: InboxSocket | null = null;

export function toast(text: string, kind: "info" | "error" = "info"): void {
  const id = Date.now() + Math.random();
  toasts.value = [...toasts.value, { id, text, kind }];
  setTimeout(() => {
    toasts.value = toasts.value.filter((t) => t.id !== id);
  }, kind === "error" ? 6000 : 3500);
}

function reportError(err: unknown, what: string): void {
  toast(err instanceof ApiError ? `${what}: ${err.message}` : what, "error");
}

api.onUnauthorized = () => {
  void signOut(false);
};

export async function signIn(email: string, password: string): Promise<void> {
  const res = await api.login(email, password);
  localStorage.setItem(SESSION_KEY, JSON.stringify({ token: res.token, agentId: res.agent.id } satisfies Session));
  api.setToken(res.token);
  batch(() => {
    me.value = res.agent;
    session.value = { token: res.token, agentId: res.agent.id };
  });
  await boot();
}

export async function signOut(callServer = true): Promise<void> {
  socket?.stop();
  socket = null;
  liveCounts = false;
  if (callServer) await api.logout().catch(() => undefined);
  localStorage.removeItem(SESSION_KEY);
  api.setToken(null);
  batch(() => {
    session.value = null;
    me.value = null;
    list.value = emptyList();
    current.value = null;
    selected.value = new Set();
  });
}

/** After login or reload: who am I, the team, views, then the live socket and the current screen. */
export async function boot(): Promise<void> {
  const s = session.value;
  if (!s) return;
  try {
    const [who, team, views] = await Promise.all([api.me(), api.agents(), api.views()]);
    batch(() => {
      me.value = who.agent;
      account.value = who.account;
      agents.value = team.items;
      savedViews.value = views.items;
      if (!liveCounts) viewCounts.value = views.builtIn;
    });
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) reportError(err, "Could not load the helpdesk");
    return;
  }
  void api.macros().then((m) => (macros.value = m.items), () => undefined);
  socket?.stop();
  socket = new InboxSocket(s.token, {
    frame: onFrame,
    state: (st) => (liveState.value = st),
    resynced: () => void resync(),
    probe: () => void api.me().catch(() => undefined),
  });
  socket.start();
  void loadList();
  const id = route.value.ticketId;
  if (id) void openTicket(id);
}

export async function setMyStatus(status: Agent["status"]): Promise<void> {
  try {
    const agent = await api.setMyStatus(status);
    me.value = agent;
    agents.value = agents.value.map((a) => (a.id === agent.id ? { ...a, status: agent.status } : a));
  } catch (err) {
    reportError(err, "Could not change your status");
  }
}

// ---- routing -------------------------------------------------------------------------------

export type BuiltInView = "mine" | "all" | "unassigned" | "spam";
export type ViewKey = BuiltInView | `saved:${string}`;

export interface Route {
  view: ViewKey;
  ticketId: string | null;
  /** A full-width page instead of the ticket list (components/pages/); `sub` is its tab or item. */
  page?: PageKey;
  sub?: string | null;
}

const BUILT_IN: readonly BuiltInView[] = ["mine", "unassigned", "all", "spam"];
export const PAGES = ["reports", "skills", "settings"] as const;
export type PageKey = (typeof PAGES)[number];

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  if (PAGES.includes(parts[0] as PageKey)) return { view: "mine", ticketId: null, page: parts[0] as PageKey, sub: parts[1] ?? null };
  if (parts[0] === "saved" && parts[1]) return { view: `saved:${parts[1]}`, ticketId: parts[2] ?? null };
  const v = parts[0] as BuiltInView | undefined;
  return { view: v && BUILT_IN.includes(v) ? v : "mine", ticketId: parts[1] ?? null };
}

export function hrefOf(r: Route): string {
  if (r.page) return `#/${r.page}${r.sub ? `/${encodeURIComponent(r.sub)}` : ""}`;
  const view = r.view.startsWith("saved:") ? `saved/${encodeURIComponent(r.view.slice(6))}` : r.view;
  return `#/${view}${r.ticketId ? `/${encodeURIComponent(r.ticketId)}` : ""}`;
}

export const route = signal<Route>(parseHash(location.hash));

export function navigate(r: Route): void {
  const h = hrefOf(r);
  if (location.hash !== h) location.hash = h;
  else applyRoute(r);
}

function applyRoute(next: Route): void {
  const prev = route.value;
  // A page keeps the list of the view it was opened from, ready for the way back.
  if (next.page) next = { ...next, view: prev.view };
  route.value = next;
  if (!session.value) return;
  if (prev.view !== next.view) {
    batch(() => {
      userFilters.value = {};
      selected.value = new Set();
    });
    void loadList();
  }
  if (next.ticketId && next.ticketId !== current.value?.ticket.id) void openTicket(next.ticketId);
  if (!next.ticketId) current.value = null;
}

window.addEventListener("hashchange", () => applyRoute(parseHash(location.hash)));

// ---- the ticket list -----------------------------------------------------------------------

export type UserFilters = Pick<TicketFilters, "status" | "channel" | "tag" | "assigneeId" | "q">;

interface ListState {
  items: Ticket[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
}

function emptyList(): ListState {
  return { items: [], nextCursor: null, loading: true, loadingMore: false, error: null };
}

export const list = signal<ListState>(emptyList());
export const userFilters = signal<UserFilters>({});
export const selected = signal<Set<string>>(new Set());

export const activeFilters = computed<TicketFilters>(() => {
  const view = route.value.view;
  const base: TicketFilters = view.startsWith("saved:") ? (savedViews.value.find((v) => `saved:${v.id}` === view)?.filters ?? { view: "all" }) : { view: view as BuiltInView };
  const out: TicketFilters = { ...base };
  for (const [k, v] of Object.entries(userFilters.value) as [keyof UserFilters, string | undefined][]) if (v) (out as Record<string, string>)[k] = v;
  return out;
});

let listRequest = 0;

export async function loadList(keep = 0): Promise<void> {
  const req = ++listRequest;
  list.value = { ...list.value, loading: list.value.items.length === 0, error: null };
  try {
    const page = await api.tickets(activeFilters.value, null, Math.min(200, Math.max(50, keep)));
    if (req !== listRequest) return;
    list.value = { items: page.items, nextCursor: page.nextCursor, loading: false, loadingMore: false, error: null };
    const ids = new Set(page.items.map((t) => t.id));
    selected.value = new Set([...selected.value].filter((id) => ids.has(id)));
  } catch (err) {
    if (req !== listRequest) return;
    list.value = { ...list.value, loading: false, error: err instanceof ApiError ? err.message : "Could not load tickets" };
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
    reportError(err, "Could not load more tickets");
  }
}

export function setFilter<K extends keyof UserFilters>(key: K, value: UserFilters[K] | undefined): void {
  userFilters.value = { ...userFilters.value, [key]: value || undefined };
  selected.value = new Set();
  void loadList();
}

/** Whether a ticket belongs in the list being shown: the client twin of the server's ticketConditions. */
export function matches(t: Ticket, f: TicketFilters, myId: string): boolean {
  if (t.messageCount === 0 || t.handledBy !== "team") return false;
  const view = f.view ?? "all";
  const status = f.status ?? (view === "all" ? undefined : "open");
  if (status && t.status !== status) return false;
  if (view === "spam" ? !t.spam : t.spam) return false;
  if (view === "mine" && t.assigneeId !== myId) return false;
  if (view === "unassigned" && t.assigneeId !== null) return false;
  if (f.channel && t.channel !== f.channel) return false;
  if (f.assigneeId && (f.assigneeId === "none" ? t.assigneeId !== null : t.assigneeId !== f.assigneeId)) return false;
  if (f.teamId && t.teamId !== f.teamId) return false;
  if (f.tag && !t.tags.some((x) => x.toLowerCase() === f.tag?.toLowerCase())) return false;
  if (f.createdFrom && t.createdAt < f.createdFrom) return false;
  if (f.createdTo && t.createdAt >= f.createdTo) return false;
  if (f.q) {
    const q = f.q.toLowerCase().replace(/^#/, "");
    const hay = [String(t.number), t.customer.email, t.customer.name, t.customer.phone, t.subject, t.preview].filter(Boolean).join(" ").toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

function sortKey(t: Ticket, f: TicketFilters): string {
  return (f.sort ?? "updated_desc").startsWith("created") ? t.createdAt : t.updatedAt;
}

/** A ticket changed: put it where it belongs in the list (or out of it). */
function placeInList(t: Ticket): void {
  const myId = me.value?.id ?? "";
  const f = activeFilters.value;
  const l = list.value;
  const idx = l.items.findIndex((x) => x.id === t.id);
  const old = idx >= 0 ? l.items[idx] : undefined;
  // Events can overtake each other: never let an older snapshot replace a newer one.
  if (old && old.updatedAt > t.updatedAt) return;
  const items = l.items.filter((x) => x.id !== t.id);
  if (matches(t, f, myId)) {
    const desc = (f.sort ?? "updated_desc").endsWith("desc");
    const key = sortKey(t, f);
    let at = items.findIndex((x) => (desc ? sortKey(x, f) < key : sortKey(x, f) > key));
    if (at < 0) {
      // Past the loaded page: it will come with "load more".
      if (l.nextCursor && idx < 0) return void (list.value = { ...l, items });
      at = items.length;
    }
    items.splice(at, 0, t);
  } else if (selected.value.has(t.id)) {
    const s = new Set(selected.value);
    s.delete(t.id);
    selected.value = s;
  }
  list.value = { ...l, items };
}

// ---- the open ticket -----------------------------------------------------------------------

interface CurrentTicket {
  ticket: Ticket;
  messages: Message[];
  hasOlder: boolean;
  loadingOlder: boolean;
}

export const current = signal<CurrentTicket | null>(null);
export const currentLoading = signal<string | null>(null);
export const currentError = signal<string | null>(null);
/** ticketId → until when the customer shows as typing. */
export const customerTyping = signal<Record<string, number>>({});

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
        currentError.value = err instanceof ApiError && err.status === 404 ? "This ticket doesn't exist or belongs to another account." : "Could not load the ticket.";
      }
    });
  }
}

function markRead(t: Ticket): void {
  socket?.send({ type: "read", ticketId: t.id });
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
    reportError(err, "Could not load older messages");
  }
}

function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

export async function send(ticketId: string, body: string, internal: boolean): Promise<boolean> {
  try {
    const key = newKey();
    const m = internal ? await api.note(ticketId, body, key) : await api.reply(ticketId, body, key);
    addMessage(m);
    return true;
  } catch (err) {
    reportError(err, internal ? "The note was not saved" : "The reply was not sent");
    return false;
  }
}

function addMessage(m: Message): void {
  const c = current.value;
  if (!c || c.ticket.id !== m.ticketId || c.messages.some((x) => x.id === m.id)) return;
  current.value = { ...c, messages: mergeMessages(c.messages, [m]) };
}

export async function patchTicket(id: string, patch: TicketPatch, done?: string): Promise<void> {
  try {
    const t = await api.patch(id, patch);
    applyTicket(t);
    if (done) toast(done);
  } catch (err) {
    reportError(err, "The ticket was not updated");
  }
}

export async function bulk(set: BulkSet, done: string): Promise<void> {
  const ids = [...selected.value];
  if (ids.length === 0) return;
  try {
    const res = await api.bulk(ids, set);
    toast(res.failed.length ? `${done} ${res.updated} tickets; ${res.failed.length} failed` : `${done} ${res.updated} ticket${res.updated === 1 ? "" : "s"}`, res.failed.length ? "error" : "info");
    selected.value = new Set();
    await Promise.all([loadList(list.value.items.length), refreshCounts()]);
  } catch (err) {
    reportError(err, "Bulk update failed");
  }
}

export async function saveCurrentView(name: string): Promise<void> {
  try {
    const v = await api.saveView(name, activeFilters.value);
    savedViews.value = [...savedViews.value, { ...v, count: list.value.items.length }];
    navigate({ view: `saved:${v.id}`, ticketId: null });
    void refreshCounts();
  } catch (err) {
    reportError(err, "The view was not saved");
  }
}

export async function deleteSavedView(id: string): Promise<void> {
  try {
    await api.deleteView(id);
    savedViews.value = savedViews.value.filter((v) => v.id !== id);
    if (route.value.view === `saved:${id}`) navigate({ view: "all", ticketId: null });
  } catch (err) {
    reportError(err, "The view was not deleted");
  }
}

// ---- live ----------------------------------------------------------------------------------

let typingSentAt = 0;

/** The agent types in a ticket: tell the shopper (at most every 2 s, per docs/realtime.md). */
export function agentTyping(ticketId: string): void {
  const now = Date.now();
  if (now - typingSentAt < 2000) return;
  typingSentAt = now;
  socket?.send({ type: "typing", ticketId });
}


function applyTicket(t: Ticket): void {
  placeInList(t);
  const c = current.value;
  if (c && c.ticket.id === t.id && c.ticket.updatedAt <= t.updatedAt) current.value = { ...c, ticket: t };
}

/** Saved views and their counts (built-in counts come live from the inbox socket, not from here). */
export async function refreshCounts(): Promise<void> {
  try {
    const v = await api.views();
    batch(() => {
      if (!liveCounts) viewCounts.value = v.builtIn;
      savedViews.value = v.items;
    });
  } catch {
    // counts are cosmetic; the next load or view change retries
  }
}

function setLiveCounts(counts: ViewCounts): void {
  liveCounts = true;
  viewCounts.value = { ...counts };
}

function onFrame(f: InboxFrame): void {
  switch (f.type) {
    case "hello":
      batch(() => {
        unread.value = f.unread;
        setLiveCounts(f.counts);
      });
      return;
    case "unread":
      unread.value = f.unread;
      return;
    case "counts":
      setLiveCounts(f.counts);
      return;
    case "ticket.created":
    case "ticket.updated":
    case "ticket.snooze_ended":
      applyTicket(f.ticket);
      if (f.type === "ticket.snooze_ended" && f.ticket.assigneeId === me.value?.id) toast(`Snooze ended on #${f.ticket.number}`);
      return;
    case "message.created": {
      applyTicket(f.ticket);
      addMessage(f.message);
      if (f.message.author === "customer") clearTyping(f.ticket.id);
      const c = current.value;
      // The agent is looking at this ticket: the new customer message is read.
      if (c && c.ticket.id === f.ticket.id && f.message.author === "customer" && document.visibilityState === "visible") markRead(f.ticket);
      return;
    }
    case "agent.status":
      agents.value = agents.value.map((a) => (a.id === f.agentId ? { ...a, status: f.status } : a));
      if (me.value?.id === f.agentId) me.value = { ...me.value, status: f.status };
      return;
    case "typing":
      if (f.author === "customer") setTyping(f.ticketId);
      return;
    case "pong":
    case "error":
      return;
  }
}

const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

function setTyping(ticketId: string): void {
  customerTyping.value = { ...customerTyping.value, [ticketId]: Date.now() + 5000 };
  clearTimeout(typingTimers.get(ticketId));
  typingTimers.set(ticketId, setTimeout(() => clearTyping(ticketId), 5000));
}

function clearTyping(ticketId: string): void {
  if (!(ticketId in customerTyping.value)) return;
  const next = { ...customerTyping.value };
  delete next[ticketId];
  customerTyping.value = next;
}

/** After a reconnect: events may have been missed, so refetch what is on screen. */
async function resync(): Promise<void> {
  const id = current.value?.ticket.id ?? route.value.ticketId;
  await Promise.all([loadList(list.value.items.length), refreshCounts(), id ? openTicket(id, true) : Promise.resolve(), api.agents().then((a) => (agents.value = a.items), () => undefined)]);
}

export const agentById = computed(() => new Map(agents.value.map((a) => [a.id, a])));

// The tab title carries my unread count, so a background tab still tells me something arrived.
effect(() => {
  const n = session.value && showUnread.value ? unread.value.mine + unread.value.unassigned : 0;
  document.title = n > 0 ? `(${n}) Edgedesk` : "Edgedesk";
});
