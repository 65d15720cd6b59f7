// Small formatting helpers for the dashboard: relative times, names, initials, channel labels.
import type { Channel, Ticket } from "./api.ts";

export const CHANNEL_LABEL: Record<Channel, string> = {
  webchat: "Chat",
  email: "Email",
  sms: "SMS",
  whatsapp: "WhatsApp",
  instagram: "Instagram",
};

export const CHANNELS = Object.keys(CHANNEL_LABEL) as Channel[];

export function customerName(t: Ticket): string {
  return t.customer.name || t.customer.email || t.customer.phone || "Visitor";
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
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return "";
  const s = Math.max(0, (now - t) / 1000);
  if (s < 60) return "now";
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  const d = new Date(t);
  if (s < 6 * 86400) return d.toLocaleDateString(undefined, { weekday: "short" });
  return d.toLocaleDateString(undefined, { day: "numeric", month: "short" });
}

export function dateTime(iso: string | undefined | null): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "—" : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function timeOnly(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
}

export function dayLabel(iso: string): string {
  const d = new Date(iso);
  const today = new Date();
  const yesterday = new Date(Date.now() - 86400000);
  if (d.toDateString() === today.toDateString()) return "Today";
  if (d.toDateString() === yesterday.toDateString()) return "Yesterday";
  return d.toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long" });
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
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** 0.8333 → "83%". */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined || !Number.isFinite(rate) ? "—" : `${Math.round(rate * 100)}%`;
}

/** A report day "2026-03-12" (UTC) → "12 Mar". */
export function shortDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : d.toLocaleDateString(undefined, { day: "numeric", month: "short", timeZone: "UTC" });
}
