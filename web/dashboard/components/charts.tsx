// Small hand-written SVG charts for the Reports and AI agent pages: grouped bars or lines over days, announced by a summary.
import type { RefObject } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { shortDay } from "../format.ts";
import { t } from "../i18n.ts";

export interface Series {
  name: string;
  /** A CSS colour. */
  color: string;
  values: number[];
}

interface ChartProps {
  /** What the chart shows, e.g. "Tickets created and closed per day"; starts the accessible summary. */
  title: string;
  /** One "YYYY-MM-DD" per point. */
  days: string[];
  series: Series[];
  kind?: "bar" | "line";
  height?: number;
  testId?: string;
}

/** The number a screen reader hears instead of the picture. */
export function summarize(title: string, days: string[], series: Series[]): string {
  if (days.length === 0) return t("reports.chart.titleNoData", { title });
  const span = t("reports.chart.range", { from: shortDay(days[0] ?? ""), to: shortDay(days[days.length - 1] ?? "") });
  const parts = series.map((s) => {
    const total = s.values.reduce((a, b) => a + b, 0);
    let peak = 0;
    s.values.forEach((v, i) => {
      if (v > (s.values[peak] ?? 0)) peak = i;
    });
    const best = s.values[peak] ?? 0;
    return t("reports.chart.seriesTotal", { name: s.name, total }) + (best > 0 ? t("reports.chart.seriesPeak", { day: shortDay(days[peak] ?? ""), best }) : "");
  });
  return `${title}, ${span}. ${parts.join("; ")}.`;
}

/** 0..max rounded up to a readable top: 1, 2, 5, 10, 20, 50… */
function niceMax(n: number): number {
  if (n <= 4) return Math.max(1, Math.ceil(n));
  const mag = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * mag >= n) return step * mag;
  return 10 * mag;
}

function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(600);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth || 600);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

export function Chart({ title, days, series, kind = "bar", height = 200, testId }: ChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const m = { top: 10, right: 10, bottom: 24, left: 34 };
  const w = Math.max(200, width);
  const plotW = w - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const ticks = max <= 4 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, max / 2, max];
  const y = (v: number) => m.top + plotH - (v / max) * plotH;
  const n = Math.max(1, days.length);
  const slot = plotW / n;
  const every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(plotW / 56))));
  const barW = Math.max(1, Math.min(16, (slot * 0.76) / Math.max(1, series.length)));
  const summary = summarize(title, days, series);

  return (
    <figure class="chart" ref={ref} data-testid={testId}>
      <svg width={w} height={height} viewBox={`0 0 ${w} ${height}`} role="img" aria-label={summary}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={m.left} x2={w - m.right} y1={y(tick)} y2={y(tick)} class={tick === 0 ? "axis" : "grid"} />
            <text x={m.left - 6} y={y(tick) + 4} text-anchor="end" class="tick">
              {Number.isInteger(tick) ? tick : tick.toFixed(1)}
            </text>
          </g>
        ))}
        {days.map((d, i) =>
          i % every === 0 ? (
            <text key={d} x={m.left + slot * i + slot / 2} y={height - 6} text-anchor="middle" class="tick">
              {shortDay(d)}
            </text>
          ) : null,
        )}
        {kind === "bar"
          ? series.map((s, si) =>
              s.values.map((v, i) =>
                v > 0 ? (
                  <rect key={`${si}-${i}`} x={m.left + slot * i + (slot - barW * series.length) / 2 + barW * si} y={y(v)} width={Math.max(1, barW - 1)} height={m.top + plotH - y(v)} rx={Math.min(3, barW / 3)} fill={s.color}>
                    <title>{`${shortDay(days[i] ?? "")}: ${v} ${s.name.toLowerCase()}`}</title>
                  </rect>
                ) : null,
              ),
            )
          : series.map((s) => {
              const pts = s.values.map((v, i) => `${(m.left + slot * i + slot / 2).toFixed(1)},${y(v).toFixed(1)}`);
              const first = m.left + slot / 2;
              const last = m.left + slot * (s.values.length - 1) + slot / 2;
              return (
                <g key={s.name}>
                  <path d={`M${first},${y(0)} L${pts.join(" L")} L${last},${y(0)} Z`} fill={s.color} opacity="0.12" />
                  <polyline points={pts.join(" ")} fill="none" stroke={s.color} stroke-width="2" stroke-linejoin="round" />
                  {n <= 45 &&
                    s.values.map((v, i) => (
                      <circle key={i} cx={m.left + slot * i + slot / 2} cy={y(v)} r="2.5" fill={s.color}>
                        <title>{`${shortDay(days[i] ?? "")}: ${v} ${s.name.toLowerCase()}`}</title>
                      </circle>
                    ))}
                </g>
              );
            })}
      </svg>
      {series.length > 1 && (
        <figcaption class="legend" aria-hidden="true">
          {series.map((s) => (
            <span key={s.name}>
              <i style={{ background: s.color }} />
              {s.name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
