// The report's CSAT and SLA sections: average score and response rate with its trend, per agent, channel and tag;
// the share of SLA targets met per policy, agent and team.
import { CHANNEL_LABEL, percent } from "../format.ts";
import type { Report } from "../pages.ts";
import type { Channel } from "../api.ts";
import { Chart } from "./charts.tsx";
import { Panel } from "./form.tsx";

const score = (n: number | null) => (n == null ? "—" : n.toFixed(1));

function ScoreTable({ id, head, rows }: { id: string; head: string; rows: { key: string; label: string; responses: number; average: number | null }[] }) {
  if (rows.length === 0) return <p class="muted small">No answers in this range.</p>;
  return (
    <table class="table" aria-labelledby={`${id}-title`}>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" class="num">Answers</th>
          <th scope="col" class="num">Average</th>
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
  if (rows.length === 0) return <p class="muted small">No SLA targets finished in this range.</p>;
  return (
    <table class="table" aria-labelledby={`${id}-title`}>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" class="num">Targets</th>
          <th scope="col" class="num">Met</th>
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
        Satisfaction and SLAs
      </h2>
      <div class="stats" aria-label="Satisfaction figures" role="group">
        <div class="stat" data-testid="stat-csat">
          <div class="stat-label">CSAT</div>
          <div class="stat-value">{score(c.average)}</div>
          <div class="stat-sub">{c.responses} answers · 1 to 5</div>
        </div>
        <div class="stat" data-testid="stat-csat-rate">
          <div class="stat-label">Response rate</div>
          <div class="stat-value">{percent(c.responseRate)}</div>
          <div class="stat-sub">of {c.asked} surveys sent</div>
        </div>
        <div class="stat" data-testid="stat-sla-met">
          <div class="stat-label">SLA met</div>
          <div class="stat-value">{percent(s.shareMet)}</div>
          <div class="stat-sub">{s.met} of {s.measured} targets</div>
        </div>
        <div class="stat" data-testid="stat-sla-breached">
          <div class="stat-label">Breached now</div>
          <div class="stat-value">{s.breachedNow}</div>
          <div class="stat-sub">open tickets past due</div>
        </div>
      </div>
      <Panel title="CSAT per day" id="r-csat-trend">
        <Chart title="Average CSAT per day" days={c.trend.map((d) => d.day)} series={[{ name: "Average score", color: "#067647", values: c.trend.map((d) => d.average ?? 0) }]} testId="chart-csat" />
      </Panel>
      <div class="grid-2">
        <Panel title="CSAT by agent" id="r-csat-agents">
          <ScoreTable id="r-csat-agents" head="Agent" rows={c.byAgent.map((a) => ({ key: a.agentId, label: a.name, responses: a.responses, average: a.average }))} />
        </Panel>
        <Panel title="CSAT by channel and tag" id="r-csat-channels">
          <ScoreTable
            id="r-csat-channels"
            head="Channel or tag"
            rows={[
              ...c.byChannel.map((x) => ({ key: `c:${x.channel}`, label: CHANNEL_LABEL[x.channel as Channel] ?? x.channel, responses: x.responses, average: x.average })),
              ...c.byTag.map((x) => ({ key: `t:${x.tag}`, label: `#${x.tag}`, responses: x.responses, average: x.average })),
            ]}
          />
        </Panel>
        <Panel title="SLA by policy" id="r-sla-policies">
          <ShareTable id="r-sla-policies" head="Policy" rows={s.byPolicy.map((p) => ({ key: p.policyId, label: p.name, measured: p.measured, met: p.met, shareMet: p.shareMet }))} />
        </Panel>
        <Panel title="SLA by agent and team" id="r-sla-agents">
          <ShareTable
            id="r-sla-agents"
            head="Agent or team"
            rows={[
              ...s.byAgent.map((a) => ({ key: `a:${a.agentId}`, label: a.name, measured: a.measured, met: a.met, shareMet: a.shareMet })),
              ...s.byTeam.map((t) => ({ key: `t:${t.teamId}`, label: `Team ${t.name}`, measured: t.measured, met: t.met, shareMet: t.shareMet })),
            ]}
          />
        </Panel>
      </div>
    </>
  );
}
