// Dashboard state as signals (the pieces are in store/) and the flows that cross them: sign-in, boot, navigation, saved views, the inbox socket's frames.
import { batch } from "@preact/signals";
import { ApiError } from "./api.ts";
import type { InboxFrame } from "./live.ts";
import { activeFilters, emptyList, forgetLiveCounts, whenListLoaded, list, loadList, refreshCounts, savedViews, selected, setLiveCounts, setViews, userFilters } from "./store/list.ts";
import { clearTyping, connect, disconnect, liveState, setTyping, unread } from "./store/live.ts";
import { hrefOf, parseHash, route, type Route } from "./store/route.ts";
import { setComposing, setViewers } from "./store/collision.ts";
import { alertMe } from "./store/prefs.ts";
import type { Agent, Ticket } from "./api.ts";
import { account, agents, api, macros, me, reportError, session, SESSION_KEY, setMyStatus, toast, type Session } from "./store/session.ts";
import { addMessage, applyTicket, current, markRead, openTicket } from "./store/ticket.ts";
import { t } from "./i18n.ts";

// Components import from here only; store/ keeps its seams (setViews, placeInList, …) to itself.
export { account, agentById, agents, assignable, api, macros, me, reportError, session, setMyStatus, toast, toasts } from "./store/session.ts";
export { hrefOf, PAGES, parseHash, route, type BuiltInView, type PageKey, type Route, type ViewKey } from "./store/route.ts";
export { activeFilters, bulk, list, loadList, loadMore, matches, refreshCounts, savedViews, selected, setFilter, userFilters, viewCounts, type UserFilters } from "./store/list.ts";
export { current, currentError, currentLoading, loadOlder, openTicket, patchTicket, send } from "./store/ticket.ts";
export { agentTyping, badgesOn, customerTyping, liveState, setShowUnread, showUnread, unread } from "./store/live.ts";

// ---- session -------------------------------------------------------------------------------

api.onUnauthorized = () => {
  void signOut(false);
};

export async function signIn(email: string, password: string): Promise<void> {
  await startSession(await api.login(email, password));
}

/** A fresh session (a sign-in, or an accepted invitation): remembered, booted, and the agent online. */
export async function startSession(res: { token: string; agent: Agent }): Promise<void> {
  localStorage.setItem(SESSION_KEY, JSON.stringify({ token: res.token, agentId: res.agent.id } satisfies Session));
  api.setToken(res.token);
  batch(() => {
    me.value = res.agent;
    session.value = { token: res.token, agentId: res.agent.id };
  });
  await boot();
  // Signing in to work means being there: online, so tickets are assigned (the toggle turns it off; a closed tab times out).
  if (res.agent.status !== "online") await setMyStatus("online");
}

export async function signOut(callServer = true): Promise<void> {
  disconnect();
  forgetLiveCounts();
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
      setViews(views);
    });
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) reportError(err, t("store.couldNotLoadHelpdesk"));
    return;
  }
  void api.macros().then((m) => (macros.value = m.items), () => undefined);
  connect(s.token, {
    frame: onFrame,
    state: (st) => (liveState.value = st),
    resynced: () => void resync(),
    probe: () => void api.me().catch(() => undefined),
  });
  void loadList();
  const id = route.value.ticketId;
  if (id) void openTicket(id);
}

// ---- routing -------------------------------------------------------------------------------

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

// ---- saved views (here, not in store/list.ts, because they navigate) ------------------------

export async function saveCurrentView(name: string): Promise<void> {
  try {
    const v = await api.saveView(name, activeFilters.value);
    savedViews.value = [...savedViews.value, { ...v, count: list.value.items.length }];
    navigate({ view: `saved:${v.id}`, ticketId: null });
    void refreshCounts();
  } catch (err) {
    reportError(err, t("store.viewWasNotSaved"));
  }
}

export async function deleteSavedView(id: string): Promise<void> {
  try {
    await api.deleteView(id);
    savedViews.value = savedViews.value.filter((v) => v.id !== id);
    if (route.value.view === `saved:${id}`) navigate({ view: "all", ticketId: null });
  } catch (err) {
    reportError(err, t("store.viewWasNotDeleted"));
  }
}

// ---- live ----------------------------------------------------------------------------------

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
    case "ticket.csat":
    case "ticket.sla_breached":
      noticeAssigned(f.ticket);
      applyTicket(f.ticket);
      if (f.type === "ticket.snooze_ended" && f.ticket.assigneeId === me.value?.id) toast(t("store.snoozeEndedOnNumber", { number: f.ticket.number }));
      if (f.type === "ticket.sla_breached" && f.ticket.assigneeId === me.value?.id) toast(t("store.slaBreachedOnNumber", { number: f.ticket.number }));
      if (f.type === "ticket.csat" && f.ticket.csat && f.ticket.assigneeId === me.value?.id) toast(t("store.numberWasRatedScore", { number: f.ticket.number, score: f.ticket.csat.score }));
      return;
    case "message.created": {
      noticeAssigned(f.ticket);
      if (f.message.author === "customer" && f.ticket.assigneeId === me.value?.id && current.value?.ticket.id !== f.ticket.id) {
        alertMe(t("store.newMessageOnNumber", { number: f.ticket.number }), f.message.body, () => navigate({ view: "mine", ticketId: f.ticket.id }));
      }
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
    case "viewers":
      setViewers(f.ticketId, f.agentIds);
      return;
    case "composing":
      setComposing(f.ticketId, f.agentId, f.kind);
      return;
    case "pong":
    case "error":
      return;
  }
}

/** Tickets this dashboard has seen assigned to me, so "assigned to you" is said once per assignment. */
const mineSeen = new Set<string>();
whenListLoaded((items) => {
  for (const ticket of items) if (ticket.assigneeId !== null && ticket.assigneeId === me.value?.id) mineSeen.add(ticket.id);
});

function noticeAssigned(ticket: Ticket): void {
  const mine = ticket.assigneeId !== null && ticket.assigneeId === me.value?.id;
  if (!mine) {
    mineSeen.delete(ticket.id);
    return;
  }
  if (mineSeen.has(ticket.id)) return;
  mineSeen.add(ticket.id);
  alertMe(t("store.numberIsAssignedTo", { number: ticket.number }), ticket.preview ?? ticket.subject ?? "", () => navigate({ view: "mine", ticketId: ticket.id }));
}

/** After a reconnect: events may have been missed, so refetch what is on screen. */
async function resync(): Promise<void> {
  const id = current.value?.ticket.id ?? route.value.ticketId;
  await Promise.all([loadList(list.value.items.length), refreshCounts(), id ? openTicket(id, true) : Promise.resolve(), api.agents().then((a) => (agents.value = a.items), () => undefined)]);
}
