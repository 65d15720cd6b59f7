// The left rail: account, built-in and saved views with counts and unread badges, the agent's presence and logout.
import { Icon, Avatar, type IconName } from "./ui.tsx";
import { t, tn, type MessageKey } from "../i18n.ts";
import { notifyOn, setNotify, setSound, setTheme, soundOn, theme, type Theme } from "../store/prefs.ts";
import { account, badgesOn, deleteSavedView, hrefOf, liveState, me, route, savedViews, setMyStatus, setShowUnread, showUnread, signOut, unread, viewCounts, type BuiltInView, type PageKey } from "../store.ts";

const VIEWS: { key: BuiltInView; label: MessageKey; icon: IconName }[] = [
  { key: "mine", label: "views.mine", icon: "inbox" },
  { key: "unassigned", label: "views.unassigned", icon: "user" },
  { key: "all", label: "views.all", icon: "layers" },
  { key: "spam", label: "views.spam", icon: "alert" },
  { key: "breaching", label: "views.breaching", icon: "clock" },
  { key: "breached", label: "views.breached", icon: "alert" },
  { key: "ai", label: "views.ai", icon: "sparkle" },
];

const PAGE_LINKS: { key: PageKey; label: MessageKey; icon: IconName }[] = [
  { key: "reports", label: "pages.reports", icon: "chart" },
  { key: "skills", label: "pages.skills", icon: "sparkle" },
  { key: "settings", label: "pages.settings", icon: "settings" },
];

const THEMES: Theme[] = ["system", "light", "dark"];
const THEME_LABEL: Record<Theme, MessageKey> = { system: "prefs.theme.system", light: "prefs.theme.light", dark: "prefs.theme.dark" };

/** Theme, desktop notifications, sound and the shortcuts overlay: this browser's preferences. */
function Prefs() {
  return (
    <div class="prefs" role="group" aria-label={t("sidebar.preferences")}>
      <button class="pref" type="button" title={t("sidebar.switchColourTheme")} onClick={() => setTheme(THEMES[(THEMES.indexOf(theme.value) + 1) % THEMES.length] ?? "system")}>
        {t(THEME_LABEL[theme.value])}
      </button>
      <button class="pref" type="button" aria-pressed={notifyOn.value} title={t("sidebar.desktopNotificationsFor")} onClick={() => void setNotify(!notifyOn.value)}>
        {t("prefs.notify", { state: t(notifyOn.value ? "prefs.on" : "prefs.off") })}
      </button>
      <button class="pref" type="button" aria-pressed={soundOn.value} title={t("sidebar.soundForNewTickets")} onClick={() => setSound(!soundOn.value)}>
        {t("prefs.sound", { state: t(soundOn.value ? "prefs.on" : "prefs.off") })}
      </button>
      <button class="pref" type="button" title={t("sidebar.keyboardShortcuts")} onClick={() => window.dispatchEvent(new KeyboardEvent("keydown", { key: "?" }))}>
        {t("prefs.keys")}
      </button>
    </div>
  );
}

export function Sidebar() {
  const page = route.value.page;
  // On a page no view is the current one.
  const current = page ? null : route.value.view;
  const counts = viewCounts.value;
  const u = unread.value;
  const agent = me.value;
  const online = agent?.status === "online";
  const live = liveState.value;
  const unreadOf = (k: BuiltInView) => (!badgesOn.value ? 0 : k === "mine" ? u.mine : k === "unassigned" ? u.unassigned : k === "all" ? u.all : 0);

  return (
    <nav class="sidebar" aria-label={t("sidebar.views")}>
      <div class="brand">
        <span class="logo-mark small" aria-hidden="true">
          E
        </span>
        <div class="brand-text">
          <div class="brand-name">{t("sidebar.edgedesk")}</div>
          <div class="brand-account" title={account.value?.name}>
            {account.value?.name ?? "…"}
          </div>
        </div>
      </div>
      <ul class="views">
        {VIEWS.map((v) => {
          const n = unreadOf(v.key);
          return (
            <li key={v.key}>
              <a href={hrefOf({ view: v.key, ticketId: null })} class={current === v.key ? "view active" : "view"} aria-current={current === v.key ? "page" : undefined}>
                <Icon name={v.icon} />
                <span class="view-name">{t(v.label)}</span>
                {n > 0 && (
                  <span class="unread-badge" aria-label={t("sidebar.nUnread", { n })} title={t("views.unreadTitle", { n })} data-testid={`unread-${v.key}`}>
                    {t("views.unread", { n })}
                  </span>
                )}
                <span class="count" aria-label={tn("sidebar.tickets", counts[v.key] ?? 0)} title={tn("views.countTitle", counts[v.key] ?? 0)}>
                  {counts[v.key] ?? ""}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
      <div class="views-head">{t("views.saved")}</div>
      <ul class="views">
        {savedViews.value.length === 0 && <li class="views-empty">{t("views.savedEmpty")}</li>}
        {savedViews.value.map((v) => {
          const key = `saved:${v.id}` as const;
          return (
            <li key={v.id} class="saved-row">
              <a href={hrefOf({ view: key, ticketId: null })} class={current === key ? "view active" : "view"} aria-current={current === key ? "page" : undefined}>
                <Icon name="bookmark" />
                <span class="view-name">{v.name}</span>
                <span class="count">{v.count}</span>
              </a>
              <button class="icon-btn ghost delete-view" type="button" aria-label={t("sidebar.deleteViewName", { name: v.name })} title={t("sidebar.deleteView")} onClick={() => confirm(t("sidebar.confirmDeleteView", { name: v.name })) && void deleteSavedView(v.id)}>
                <Icon name="x" size={12} />
              </button>
            </li>
          );
        })}
      </ul>
      <div class="views-head">{t("views.workspace")}</div>
      <ul class="views">
        {PAGE_LINKS.map((p) => (
          <li key={p.key}>
            <a href={hrefOf({ view: route.value.view, ticketId: null, page: p.key })} class={page === p.key ? "view active" : "view"} aria-current={page === p.key ? "page" : undefined}>
              <Icon name={p.icon} />
              <span class="view-name">{t(p.label)}</span>
            </a>
          </li>
        ))}
      </ul>
      <div class="sidebar-foot">
        <Prefs />
        <div class="foot-row">
          <div class={`live live-${live}`} role="status" aria-live="polite">
            <i />
            {t(live === "live" ? "live.live" : live === "connecting" ? "live.connecting" : "live.reconnecting")}
          </div>
          <label class="switch" title={account.value?.settings?.unreadBadge?.enabled === false ? t("sidebar.unreadBadgesAreOff") : undefined}>
            <input type="checkbox" role="switch" disabled={account.value?.settings?.unreadBadge?.enabled === false} checked={showUnread.value} aria-checked={showUnread.value} onChange={(e) => setShowUnread(e.currentTarget.checked)} />
            <span class="track" aria-hidden="true" />
            <span class="switch-label">{t("me.unreadBadges")}</span>
          </label>
        </div>
        {agent && (
          <div class="me">
            <Avatar name={agent.name} size={30} online={online} />
            <div class="me-text">
              <div class="me-name">{agent.name}</div>
              <label class="switch">
                <input type="checkbox" role="switch" checked={online} aria-checked={online} onChange={(e) => void setMyStatus(e.currentTarget.checked ? "online" : "offline")} />
                <span class="track" aria-hidden="true" />
                <span class="switch-label">{t(online ? "me.online" : "me.offline")}</span>
              </label>
            </div>
            <button class="icon-btn ghost" type="button" onClick={() => void signOut()} aria-label={t("sidebar.logOut")} title={t("sidebar.logOut")}>
              <Icon name="logout" />
            </button>
          </div>
        )}
      </div>
    </nav>
  );
}
