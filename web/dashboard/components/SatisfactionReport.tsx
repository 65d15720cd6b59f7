// The report's CSAT and SLA sections: average score and response rate with its trend, per agent, channel and tag;
// the share of SLA targets met per policy, agent and team.
import { channelLabel, percent } from "../format.ts";
import type { Report } from "../pages.ts";
import type { Channel } from "../api.ts";
import { Chart } from "./charts.tsx";
import { Panel } from "./form.tsx";
import { t, tn } from "../i18n.ts";

const score = (n: number | null) => (n == null ? "—" : n.toFixed(1));

function ScoreTable({ id, head, rows }: { id: string; head: string; rows: { key: string; label: string; responses: number; average: number | null }[] }) {
  if (rows.length === 0) return <p class="muted small">{t("reports.csat.noAnswersInThis")}</p>;
  return (
    <table class="table" aria-labelledby={`${id}-title`}>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" class="num">{t("reports.csat.answers")}</th>
          <th scope="col" class="num">{t("reports.csat.average")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.label}</td>
            <td class="num">{r.responses}</td>
            <td class="num">{score(r.average)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ShareTable({ id, head, rows }: { id: string; head: string; rows: { key: string; label: string; measured: number; met: number; shareMet: number | null }[] }) {
  if (rows.length === 0) return <p class="muted small">{t("reports.csat.noSlaTargetsFinished")}</p>;
  return (
    <table class="table" aria-labelledby={`${id}-title`}>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" class="num">{t("reports.csat.targets")}</th>
          <th scope="col" class="num">{t("reports.csat.met")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.label}</td>
            <td class="num">{r.measured}</td>
            <td class="num">{percent(r.shareMet)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SatisfactionFigures({ r }: { r: Report }) {
  const c = r.csat;
  const s = r.sla;
  return (
    <>
      <h2 class="section-title" id="r-csat">
        {t("reports.csat.satisfactionAndSlas")}
      </h2>
      <div class="stats" aria-label={t("reports.csat.satisfactionFigures")} role="group">
        <div class="stat" data-testid="stat-csat">
          <div class="stat-label">{t("reports.csat.csat")}</div>
          <div class="stat-value">{score(c.average)}</div>
          <div class="stat-sub">{tn("reports.csat.answers", c.responses)}</div>
        </div>
        <div class="stat" data-testid="stat-csat-rate">
          <div class="stat-label">{t("reports.csat.responseRate")}</div>
          <div class="stat-value">{percent(c.responseRate)}</div>
          <div class="stat-sub">{tn("reports.csat.surveysSent", c.asked)}</div>
        </div>
        <div class="stat" data-testid="stat-sla-met">
          <div class="stat-label">{t("reports.csat.slaMet")}</div>
          <div class="stat-value">{percent(s.shareMet)}</div>
          <div class="stat-sub">{tn("reports.csat.targetsMet", s.measured, { met: s.met })}</div>
        </div>
        <div class="stat" data-testid="stat-sla-breached">
          <div class="stat-label">{t("reports.csat.breachedNow")}</div>
          <div class="stat-value">{s.breachedNow}</div>
          <div class="stat-sub">{t("reports.csat.openTicketsPastDue")}</div>
        </div>
      </div>
      <Panel title={t("reports.csat.csatPerDay")} id="r-csat-trend">
        <Chart title={t("reports.csat.averageCsatPerDay")} days={c.trend.map((d) => d.day)} series={[{ name: t("reports.csat.averageScore"), color: "#067647", values: c.trend.map((d) => d.average ?? 0) }]} testId="chart-csat" />
      </Panel>
      <div class="grid-2">
        <Panel title={t("reports.csat.csatByAgent")} id="r-csat-agents">
          <ScoreTable id="r-csat-agents" head={t("reports.csat.agent")} rows={c.byAgent.map((a) => ({ key: a.agentId, label: a.name, responses: a.responses, average: a.average }))} />
        </Panel>
        <Panel title={t("reports.csat.csatByChannelAnd")} id="r-csat-channels">
          <ScoreTable
            id="r-csat-channels"
            head={t("reports.csat.channelOrTag")}
            rows={[
              ...c.byChannel.map((x) => ({ key: `c:${x.channel}`, label: channelLabel(x.channel), responses: x.responses, average: x.average })),
              ...c.byTag.map((x) => ({ key: `t:${x.tag}`, label: `#${x.tag}`, responses: x.responses, average: x.average })),
            ]}
          />
        </Panel>
        <Panel title={t("reports.csat.slaByPolicy")} id="r-sla-policies">
          <ShareTable id="r-sla-policies" head={t("reports.csat.policy")} rows={s.byPolicy.map((p) => ({ key: p.policyId, label: p.name, measured: p.measured, met: p.met, shareMet: p.shareMet }))} />
        </Panel>
        <Panel title={t("reports.csat.slaByAgentAnd")} id="r-sla-agents">
          <ShareTable
            id="r-sla-agents"
            head={t("reports.csat.agentOrTeam")}
            rows={[
              ...s.byAgent.map((a) => ({ key: `a:${a.agentId}`, label: a.name, measured: a.measured, met: a.met, shareMet: a.shareMet })),
              ...s.byTeam.map((team) => ({ key: `t:${team.teamId}`, label: t("reports.csat.teamName", { name: team.name }), measured: team.measured, met: team.met, shareMet: team.shareMet })),
            ]}
          />
        </Panel>
      </div>
    </>
  );
}
