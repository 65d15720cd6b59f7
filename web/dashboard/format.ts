// Small formatting helpers for the dashboard: relative times, names, initials, channel names; dates and numbers in the
// active language (i18n.ts locale()).
import type { Channel, Ticket } from "./api.ts";
import { locale, number, t, tn, type MessageKey, type PluralKey } from "./i18n.ts";

const CHANNEL_KEY = {
  webchat: "format.chat",
  email: "format.email",
  sms: "format.sms",
  whatsapp: "format.whatsapp",
  instagram: "format.instagram",
} as const satisfies Record<Channel, MessageKey>;

export const CHANNELS = Object.keys(CHANNEL_KEY) as Channel[];

/** A channel's name for people ("Email"); one the dashboard does not know as it came. */
export function channelLabel(channel: string): string {
  return channel in CHANNEL_KEY ? t(CHANNEL_KEY[channel as Channel]) : channel;
}

export function customerName(ticket: Ticket): string {
  return ticket.customer.name || ticket.customer.email || ticket.customer.phone || t("format.visitor");
}

/** Avatar letters: "Jamie Rivera" → "JR"; an email → its first letter; a phone number or an id → "#" (no odd digits). */
export function initials(name: string): string {
  if (/@/.test(name)) return (/\p{L}/u.exec(name.split("@")[0] ?? "")?.[0] ?? "@").toUpperCase();
  if (!/\p{L}/u.test(name)) return "#";
  const parts = name.replace(/[^\p{L} ]/gu, " ").trim().split(/\s+/);
  const a = parts[0]?.[0] ?? "?";
  const b = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (a + b).toUpperCase();
}

/** "now", "5m", "3h", "Tue", "12 Mar". */
export function shortAgo(iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return "";
  const s = Math.max(0, (now - at) / 1000);
  if (s < 60) return t("format.now");
  if (s < 3600) return t("format.minutesShort", { n: Math.floor(s / 60) });
  if (s < 86400) return t("format.hoursShort", { n: Math.floor(s / 3600) });
  const d = new Date(at);
  if (s < 6 * 86400) return d.toLocaleDateString(locale(), { weekday: "short" });
  return d.toLocaleDateString(locale(), { day: "numeric", month: "short" });
}

export function dateTime(iso: string | undefined | null): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "—" : d.toLocaleString(locale(), { dateStyle: "medium", timeStyle: "short" });
}

export function timeOnly(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleTimeString(locale(), { hour: "numeric", minute: "2-digit" });
}

export function dayLabel(iso: string): string {
  const d = new Date(iso);
  const today = new Date();
  const yesterday = new Date(Date.now() - 86400000);
  if (d.toDateString() === today.toDateString()) return t("format.today");
  if (d.toDateString() === yesterday.toDateString()) return t("format.yesterday");
  return d.toLocaleDateString(locale(), { weekday: "long", day: "numeric", month: "long" });
}

/** A value for <input type="datetime-local"> in the browser's time zone. */
export function toLocalInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A duration for people: "45 s", "4 min", "2 h 10 min", "3 d 4 h"; "—" when there is none. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t("format.seconds", { s });
  const min = Math.round(s / 60);
  if (min < 60) return t("format.minutes", { min });
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? t("format.hoursMinutes", { h, min: min % 60 }) : t("format.hours", { h });
  const d = Math.floor(h / 24);
  return h % 24 ? t("format.daysHours", { d, h: h % 24 }) : t("format.days", { d });
}

/** 0.8333 → "83%". */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined || !Number.isFinite(rate) ? "—" : number(Math.round(rate * 100) / 100, { style: "percent" });
}

/** A report day "2026-03-12" (UTC) → "12 Mar". */
export function shortDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : d.toLocaleDateString(locale(), { day: "numeric", month: "short", timeZone: "UTC" });
}

/** Weekday `i` (0 = Monday) in the active language: "Monday". */
export function weekdayName(i: number): string {
  return new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(locale(), { weekday: "long", timeZone: "UTC" });
}

const INTERVAL_KEY = { day: "format.interval.day", week: "format.interval.week", month: "format.interval.month" } as const satisfies Record<string, PluralKey>;

/** How often a subscription ships: (2, "week") → "2 weeks", (1, "month") → "1 month". */
export function interval(every: number, unit: keyof typeof INTERVAL_KEY): string {
  return tn(INTERVAL_KEY[unit], every);
}
