// Reports (docs/product.md §5, §4 "Dashboard figures"): a date range, ticket counts, response and resolution times, per agent, per tag, and the AI agent.
import { useEffect, useState } from "preact/hooks";
import { channelLabel, dateTime, duration, percent } from "../format.ts";
import { loadReport, report, reportRange, skills, loadSkills, type RangePreset, type Report } from "../pages.ts";
import { hrefOf } from "../store.ts";
import type { Channel } from "../api.ts";
import { Chart } from "./charts.tsx";
import { ExportButton } from "./ExportButton.tsx";
import { PageHead, Panel } from "./form.tsx";
import { SatisfactionFigures } from "./SatisfactionReport.tsx";
import { SmsAttributionPanel } from "./SmsAttributionPanel.tsx";
import { Empty } from "./ui.tsx";
import { t, type MessageKey } from "../i18n.ts";

const PRESETS: { value: RangePreset; label: MessageKey }[] = [
  { value: 7, label: "reports.n7Days" },
  { value: 30, label: "reports.n30Days" },
  { value: 90, label: "reports.n90Days" },
  { value: "custom", label: "reports.custom" },
];

const COLORS = { created: "#2b6b5f", closed: "#9cc7b9", ai: "#6d4bd8" };

function RangePicker() {
  const r = reportRange.value;
  const [from, setFrom] = useState(r.from);
  const [to, setTo] = useState(r.to);
  const pick = (preset: RangePreset) => {
    if (preset === "custom") reportRange.value = { ...r, preset };
    else void loadReport({ ...r, preset });
  };
  return (
    <div class="range">
      <div class="segmented" role="group" aria-label={t("reports.dateRange")}>
        {PRESETS.map((p) => (
          <button key={p.value} type="button" class={r.preset === p.value ? "seg active" : "seg"} aria-pressed={r.preset === p.value} onClick={() => pick(p.value)}>
            {p.value === "custom" ? t(p.label) : t("reports.lastLabel", { label: t(p.label) })}
          </button>
        ))}
      </div>
      {r.preset === "custom" && (
        <form
          class="custom-range"
          onSubmit={(e) => {
            e.preventDefault();
            void loadReport({ preset: "custom", from, to });
          }}
        >
          <label>
            <span class="sr-only">{t("reports.from")}</span>
            <input type="date" value={from} max={to} required onInput={(e) => setFrom(e.currentTarget.value)} aria-label={t("reports.from")} />
          </label>
          <span class="muted">{t("reports.toSeparator")}</span>
          <label>
            <span class="sr-only">{t("reports.toLabel")}</span>
            <input type="date" value={to} min={from} required onInput={(e) => setTo(e.currentTarget.value)} aria-label={t("reports.toLabel")} />
          </label>
          <button class="btn small primary" type="submit">
            {t("reports.apply")}
          </button>
        </form>
      )}
    </div>
  );
}

function Stat({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId?: string }) {
  return (
    <div class="stat" data-testid={testId}>
      <div class="stat-label">{label}</div>
      <div class="stat-value">{value}</div>
      {sub && <div class="stat-sub">{sub}</div>}
    </div>
  );
}

function TicketFigures({ r }: { r: Report }) {
  return (
    <>
      <div class="stats" aria-label={t("reports.helpdeskFigures")} role="group">
        <Stat label={t("reports.tickets")} value={String(r.tickets)} sub={t("reports.openStillOpen", { open: r.open })} testId="stat-tickets" />
        <Stat label={t("reports.closed")} value={String(r.closed)} sub={r.tickets ? t("reports.percentOfNewTickets", { percent: percent(r.closed / r.tickets) }) : undefined} testId="stat-closed" />
        <Stat label={t("reports.firstResponse")} value={duration(r.firstResponseSeconds.p50)} sub={t("reports.median90WithinDuration", { duration: duration(r.firstResponseSeconds.p90) })} testId="stat-first-response" />
        <Stat label={t("reports.resolution")} value={duration(r.resolutionSeconds.p50)} sub={t("reports.median90WithinDuration", { duration: duration(r.resolutionSeconds.p90) })} testId="stat-resolution" />
      </div>
      <SmsAttributionPanel r={r} />
      <Panel title={t("reports.ticketsCreatedAndClosed")} id="r-days" sub={r.byChannel.length ? r.byChannel.map((c) => `${channelLabel(c.channel)} ${c.tickets}`).join(" · ") : undefined}>
        <Chart
          title={t("reports.ticketsCreatedAndClosed")}
          days={r.byDay.map((d) => d.day)}
          series={[
            { name: t("reports.created"), color: COLORS.created, values: r.byDay.map((d) => d.created) },
            { name: t("reports.closed"), color: COLORS.closed, values: r.byDay.map((d) => d.closed) },
          ]}
          testId="chart-tickets"
        />
      </Panel>
      <div class="grid-2">
        <Panel title={t("reports.byAgent")} id="r-agents">
          {r.byAgent.length === 0 ? (
            <p class="muted small">{t("reports.noAssignedTicketsIn")}</p>
          ) : (
            <table class="table" aria-labelledby="r-agents-title">
              <thead>
                <tr>
                  <th scope="col">{t("reports.agent")}</th>
                  <th scope="col" class="num-col">{t("reports.tickets")}</th>
                  <th scope="col" class="num-col">{t("reports.closed")}</th>
                  <th scope="col" class="num-col">{t("reports.firstResponse")}</th>
                  <th scope="col" class="num-col">{t("reports.resolution")}</th>
                </tr>
              </thead>
              <tbody>
                {r.byAgent.map((a) => (
                  <tr key={a.agentId}>
                    <th scope="row">{a.name}</th>
                    <td class="num-col">{a.tickets}</td>
                    <td class="num-col">{a.closed}</td>
                    <td class="num-col">{duration(a.firstResponseSeconds)}</td>
                    <td class="num-col">{duration(a.resolutionSeconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
        <Panel title={t("reports.byTag")} id="r-tags">
          {r.byTag.length === 0 ? (
            <p class="muted small">{t("reports.noTaggedTicketsIn")}</p>
          ) : (
            <table class="table" aria-labelledby="r-tags-title">
              <thead>
                <tr>
                  <th scope="col">{t("reports.tag")}</th>
                  <th scope="col" class="num-col">{t("reports.tickets")}</th>
                  <th scope="col" class="num-col">{t("reports.closed")}</th>
                  <th scope="col" class="num-col">{t("reports.resolution")}</th>
                </tr>
              </thead>
              <tbody>
                {r.byTag.map((t) => (
                  <tr key={t.tag}>
                    <th scope="row">
                      <span class="tag">{t.tag}</span>
                    </th>
                    <td class="num-col">{t.tickets}</td>
                    <td class="num-col">{t.closed}</td>
                    <td class="num-col">{duration(t.resolutionSeconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      </div>
    </>
  );
}

const OUTCOME: Record<string, MessageKey> = { resolved: "reports.resolved", handoff: "reports.routedToTeam", pending: "reports.pending" };
/** The router's routes that are not skills of GET /api/skills. */
const ROUTE_LABEL: Record<string, MessageKey> = { handoff: "reports.routes.handoff", other: "reports.routes.other" };

export function Outcome({ outcome }: { outcome: string }) {
  return <span class={`pill out-${outcome}`}>{OUTCOME[outcome] ? t(OUTCOME[outcome]) : outcome}</span>;
}

function AgentFigures({ r }: { r: Report }) {
  const a = r.agent;
  const names = new Map((skills.value.data ?? []).map((s) => [s.id, s.name]));
  const skillName = (id: string) => names.get(id) ?? (ROUTE_LABEL[id] ? t(ROUTE_LABEL[id]) : id);
  return (
    <>
      <h2 class="section-title" id="r-ai">
        {t("reports.aiAgent")}
      </h2>
      <div class="stats" aria-labelledby="r-ai" role="group">
        <Stat label={t("reports.conversations")} value={String(a.conversations)} testId="stat-ai-conversations" />
        <Stat label={t("reports.resolutionRate")} value={a.conversations ? percent(a.resolutionRate) : "—"} sub={t("reports.resolvedResolvedByAgent", { resolved: a.resolved })} testId="stat-ai-rate" />
        <Stat label={t("reports.routedToTeam")} value={String(a.routedToTeam)} sub={a.conversations ? t("reports.percentOfConversations", { percent: percent(a.routedToTeam / a.conversations) }) : undefined} testId="stat-ai-routed" />
      </div>
      <div class="grid-2">
        <Panel title={t("reports.conversationsPerDay")} id="r-ai-days">
          <Chart title={t("reports.aiAgentConversationsPer")} days={a.volumeByDay.map((d) => d.day)} series={[{ name: t("reports.conversations"), color: COLORS.ai, values: a.volumeByDay.map((d) => d.conversations) }]} kind="line" testId="chart-ai" />
        </Panel>
        <Panel title={t("reports.bySkill")} id="r-skills">
          {a.bySkill.length === 0 ? (
            <p class="muted small">{t("reports.agentHadNoConversations")}</p>
          ) : (
            <table class="table" aria-labelledby="r-skills-title">
              <thead>
                <tr>
                  <th scope="col">{t("reports.skill")}</th>
                  <th scope="col" class="num-col">{t("reports.conversations")}</th>
                  <th scope="col" class="num-col">{t("reports.resolved")}</th>
                  <th scope="col" class="num-col">{t("reports.routed")}</th>
                  <th scope="col" class="num-col">{t("reports.rate")}</th>
                </tr>
              </thead>
              <tbody>
                {a.bySkill.map((s) => (
                  <tr key={s.skill}>
                    <th scope="row">
                      <a href={hrefOf({ view: "mine", ticketId: null, page: "skills", sub: s.skill })}>{skillName(s.skill)}</a>
                    </th>
                    <td class="num-col">{s.conversations}</td>
                    <td class="num-col">{s.resolved}</td>
                    <td class="num-col">{s.routedToTeam}</td>
                    <td class="num-col">{percent(s.resolutionRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      </div>
      <Panel title={t("reports.recentQuestions")} id="r-questions">
        {a.recentQuestions.length === 0 ? (
          <p class="muted small">{t("reports.noQuestionsInThis")}</p>
        ) : (
          <ul class="questions">
            {[...a.recentQuestions]
              .sort((x, y) => (x.at < y.at ? 1 : -1))
              .slice(0, 20)
              .map((q) => (
                <li key={`${q.ticketId}-${q.at}`}>
                  <a class="q-text" href={hrefOf({ view: "all", ticketId: q.ticketId })} title={t("reports.openConversation")}>
                    “{q.question}”
                  </a>
                  <span class="q-meta">
                    <span class="muted">{skillName(q.skill)}</span>
                    <Outcome outcome={q.outcome} />
                    <time class="muted small" dateTime={q.at}>
                      {dateTime(q.at)}
                    </time>
                  </span>
                </li>
              ))}
          </ul>
        )}
      </Panel>
    </>
  );
}

export function ReportsPage() {
  useEffect(() => {
    void loadReport();
    if (!skills.value.data) void loadSkills();
  }, []);
  const { data, loading, error } = report.value;
  return (
    <main class="page" aria-labelledby="page-title">
      <PageHead title={t("reports.reports")} sub={t("reports.daysAreCountedIn")}>
        <RangePicker />
        {data && <ExportButton path="/exports/report.csv" query={{ from: data.from, to: data.to }} name="report.csv" />}
      </PageHead>
      <div class="page-body" aria-busy={loading}>
        {error && (
          <div class="banner error" role="alert">
            {error}
          </div>
        )}
        {!data && loading && <div class="skeleton tall" />}
        {!data && !loading && !error && <Empty title={t("reports.noReportYet")} />}
        {data && (
          <div class={loading ? "report stale" : "report"}>
            <TicketFigures r={data} />
            <SatisfactionFigures r={data} />
            <AgentFigures r={data} />
          </div>
        )}
      </div>
    </main>
  );
}
