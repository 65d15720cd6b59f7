// The dashboard's own words under keys, so translating it is adding a catalog: `t("views.mine")`, `t("row.waiting",
// {ago})`. English is built in; a catalog for the browser's language (registered with addCatalog) replaces any key it has.
const en = {
  "views.mine": "My inbox",
  "views.unassigned": "Unassigned",
  "views.all": "All tickets",
  "views.spam": "Spam",
  "views.breaching": "SLA breaching soon",
  "views.breached": "SLA breached",
  "views.ai": "AI conversations",
  "views.aiTitle": "AI agent conversations",
  "views.saved": "Saved views",
  "views.savedEmpty": "Filter a list, then “Save view”.",
  "views.workspace": "Workspace",
  "views.unread": "{n} new",
  "views.unreadTitle": "{n} unread: the customer wrote and no one has opened it since",
  "views.countTitle": "{n} tickets in this view",
  "pages.reports": "Reports",
  "pages.skills": "AI agent",
  "pages.settings": "Settings",
  "live.live": "Live",
  "live.connecting": "Connecting…",
  "live.reconnecting": "Reconnecting…",
  "me.online": "Online",
  "me.offline": "Offline",
  "me.unreadBadges": "Unread badges",
  "prefs.theme.system": "Theme: system",
  "prefs.theme.light": "Theme: light",
  "prefs.theme.dark": "Theme: dark",
  "prefs.notify": "Notify {state}",
  "prefs.sound": "Sound {state}",
  "prefs.on": "on",
  "prefs.off": "off",
  "prefs.keys": "Keys ?",
  "sort.last_message_desc": "Latest message",
  "sort.last_customer_desc": "Latest customer message",
  "sort.waiting_longest": "Waiting longest",
  "sort.priority_desc": "Priority",
  "sort.created_desc": "Newest first",
  "sort.created_asc": "Oldest first",
  "list.search": "Search messages, names, emails, #number…",
  "list.saveView": "Save view",
  "list.saveViewTitle": "Save this view",
  "list.waiting": "waiting {ago}",
  "banner.ai": "The AI agent is handling this conversation. Read along, or take over: it stops answering and the shopper hears you joined.",
  "banner.takeOver": "Take over",
  "banner.spam": "In Spam.",
  "banner.notSpam": "Not spam",
  "banner.markSpam": "Mark as spam",
  "banner.viewing": "{name} is also viewing",
  "banner.writingReply": "{name} is writing a reply",
  "banner.writingNote": "{name} is writing a note",
  "keys.title": "Keyboard shortcuts",
  "keys.next": "Next ticket",
  "keys.previous": "Previous ticket",
  "keys.reply": "Reply",
  "keys.note": "Internal note",
  "keys.close": "Close the ticket",
  "keys.snooze": "Snooze",
  "keys.assign": "Assign to me",
  "keys.search": "Search",
  "keys.escape": "Leave the field / close this",
  "keys.help": "Show these shortcuts",
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Partial<Record<MessageKey, string>>;

const catalogs: Record<string, Catalog> = {};
let active: Catalog = {};

/** Registers a translation (language code → messages) and uses it when the browser prefers that language. */
export function addCatalog(lang: string, messages: Catalog): void {
  catalogs[lang] = messages;
  const wanted = (navigator.languages ?? [navigator.language]).map((l) => l.toLowerCase().split("-")[0] ?? "");
  const hit = wanted.find((l) => l in catalogs);
  active = hit ? (catalogs[hit] ?? {}) : {};
}

/** The message for `key` with `{slots}` filled. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = active[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
