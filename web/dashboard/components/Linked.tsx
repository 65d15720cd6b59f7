// Message text with its web addresses as links (opened in a new tab, never as the dashboard).
import type { JSX } from "preact";

const URL_RE = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

export function Linked({ text }: { text: string }): JSX.Element {
  const parts: (string | JSX.Element)[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(
      <a href={m[0]} target="_blank" rel="noopener noreferrer" key={at}>
        {m[0]}
      </a>,
    );
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

/** Text with the given ranges marked (search hits). */
export function Marked({ text, ranges }: { text: string; ranges: readonly { start: number; end: number }[] }): JSX.Element {
  const parts: (string | JSX.Element)[] = [];
  let last = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.start < last) continue;
    if (r.start > last) parts.push(text.slice(last, r.start));
    parts.push(<mark key={r.start}>{text.slice(r.start, r.end)}</mark>);
    last = r.end;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

/** Where the words of `q` occur in `text` (case-insensitive), for marking a row's name, subject and preview. */
export function rangesOf(text: string, q: string | undefined): { start: number; end: number }[] {
  const words = (q ?? "").toLowerCase().split(/\s+/).filter((w) => w.length >= 2);
  const lower = text.toLowerCase();
  const out: { start: number; end: number }[] = [];
  for (const w of words) {
    let at = lower.indexOf(w);
    while (at >= 0) {
      out.push({ start: at, end: at + w.length });
      at = lower.indexOf(w, at + w.length);
    }
  }
  return out;
}
