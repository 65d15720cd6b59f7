// Per-browser preferences: the colour theme (system, light or dark) and desktop notifications with an optional sound.
import { effect, signal } from "@preact/signals";

export type Theme = "system" | "light" | "dark";
const THEME_KEY = "edgedesk:theme";

export const theme = signal<Theme>(((localStorage.getItem(THEME_KEY) as Theme | null) ?? "system") satisfies Theme);

export function setTheme(t: Theme): void {
  theme.value = t;
  localStorage.setItem(THEME_KEY, t);
}

// "system" follows prefers-color-scheme in the stylesheet; light and dark pin it.
effect(() => {
  const t = theme.value;
  if (t === "system") document.documentElement.removeAttribute("data-theme");
  else document.documentElement.setAttribute("data-theme", t);
});

const NOTIFY_KEY = "edgedesk:notify";
const SOUND_KEY = "edgedesk:sound";
export const notifyOn = signal(localStorage.getItem(NOTIFY_KEY) === "1");
export const soundOn = signal(localStorage.getItem(SOUND_KEY) === "1");

/** Turns desktop notifications on (asking the browser's permission) or off. */
export async function setNotify(on: boolean): Promise<void> {
  if (on && typeof Notification !== "undefined" && Notification.permission === "default") await Notification.requestPermission();
  const allowed = typeof Notification !== "undefined" && Notification.permission === "granted";
  notifyOn.value = on && allowed;
  localStorage.setItem(NOTIFY_KEY, notifyOn.value ? "1" : "0");
}

export function setSound(on: boolean): void {
  soundOn.value = on;
  localStorage.setItem(SOUND_KEY, on ? "1" : "0");
}

/** A short two-tone chime, made on the spot (no audio file to load). */
function chime(): void {
  try {
    const ctx = new AudioContext();
    const gain = ctx.createGain();
    gain.gain.setValueAtTime(0.08, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.5);
    gain.connect(ctx.destination);
    for (const [freq, at] of [[880, 0], [1320, 0.12]] as const) {
      const osc = ctx.createOscillator();
      osc.frequency.value = freq;
      osc.connect(gain);
      osc.start(ctx.currentTime + at);
      osc.stop(ctx.currentTime + at + 0.3);
    }
    setTimeout(() => void ctx.close(), 800);
  } catch {
    // no audio here
  }
}

/** Something new for me (a ticket assigned to me, a customer's message on one): a notification while the tab is hidden, and the sound. */
export function alertMe(title: string, body: string, onClick?: () => void): void {
  if (soundOn.value) chime();
  if (!notifyOn.value || typeof Notification === "undefined" || Notification.permission !== "granted" || document.visibilityState === "visible") return;
  const n = new Notification(title, { body: body.slice(0, 140), tag: title });
  n.onclick = () => {
    window.focus();
    onClick?.();
    n.close();
  };
}
