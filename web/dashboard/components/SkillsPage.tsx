// The AI agent's skills (docs/product.md §4 "Skills page"): status badges with volume, a skill's detail and performance, and "Request a skill".
import { useEffect, useState } from "preact/hooks";
import { dateTime } from "../format.ts";
import { loadSkill, loadSkills, requestSkill, skill, skills, type FormResult, type SkillSummary } from "../pages.ts";
import { hrefOf, route } from "../store.ts";
import { Chart } from "./charts.tsx";
import { FieldError, FormStatus, PageHead, Panel, invalid } from "./form.tsx";
import { Outcome } from "./ReportsPage.tsx";
import { Empty, Icon } from "./ui.tsx";
import { t, tn, type MessageKey } from "../i18n.ts";

const STATUS_LABEL: Record<SkillSummary["status"], MessageKey> = { live: "skills.live", unavailable: "skills.unavailable", coming_soon: "skills.comingSoon" };

export function SkillBadge({ status }: { status: SkillSummary["status"] }) {
  return <span class={`pill sk-${status}`}>{t(STATUS_LABEL[status])}</span>;
}

const skillHref = (id: string | null) => hrefOf({ view: "mine", ticketId: null, page: "skills", sub: id });

function volumeText(n: number): string {
  return tn("skills.messagesLast30Days", n);
}

function RequestSkill() {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const r = await requestSkill(text.trim());
    setResult(r);
    setBusy(false);
    if (r.ok) setText("");
  };
  return (
    <Panel title={t("skills.requestSkill")} id="request-skill" sub={t("skills.describeWhatElseAgent")}>
      <form class="stack" onSubmit={submit}>
        <label class="field">
          <span>{t("skills.whatShouldAgentBe")}</span>
          <textarea rows={3} value={text} maxLength={2000} required minLength={3} placeholder={t("skills.eGTellShoppers")} onInput={(e) => setText(e.currentTarget.value)} {...invalid(result, "description", "req-desc-err")} />
        </label>
        <FieldError result={result} path="description" id="req-desc-err" />
        <div class="form-foot">
          <button class="btn primary" type="submit" disabled={busy || text.trim().length < 3}>
            {busy ? t("skills.sending") : t("skills.requestSkillButton")}
          </button>
          <FormStatus result={result} saved={t("skills.thanksYourRequestWas")} fields={["description"]} />
        </div>
      </form>
    </Panel>
  );
}

function SkillList() {
  const { data, loading, error } = skills.value;
  const items = data ?? [];
  const count = (s: SkillSummary["status"]) => items.filter((x) => x.status === s).length;
  return (
    <>
      <PageHead title={t("skills.aiAgent")} sub={t("skills.routerReadsEachCustomer")} />
      <div class="page-body">
        {error && (
          <div class="banner error" role="alert">
            {error}
          </div>
        )}
        {!data && loading && <div class="skeleton tall" />}
        {data && (
          <Panel title={t("skills.skills")} id="skills" sub={t("skills.statusCounts", { live: count("live"), unavailable: count("unavailable"), comingSoon: count("coming_soon") })}>
            <ul class="skill-grid">
              {items.map((s) => (
                <li key={s.id} class={`skill-card st-${s.status}`} data-skill={s.id}>
                  <a href={skillHref(s.id)} class="skill-link">
                    <div class="skill-top">
                      <span class="skill-name">{s.name}</span>
                      <SkillBadge status={s.status} />
                    </div>
                    {s.status === "unavailable" && s.reason && (
                      <div class="skill-reason">
                        <Icon name="alert" size={13} /> {s.reason}
                      </div>
                    )}
                    {s.status === "coming_soon" && <div class="skill-soon">{s.reason ?? t("skills.beingBuilt")}</div>}
                    {s.status !== "coming_soon" && <div class="skill-volume">{volumeText(s.volume)}</div>}
                  </a>
                </li>
              ))}
            </ul>
          </Panel>
        )}
        <RequestSkill />
      </div>
    </>
  );
}

function SkillDetailView({ id }: { id: string }) {
  useEffect(() => void loadSkill(id), [id]);
  const { data: s, loading, error } = skill.value;
  const back = (
    <a class="back-link" href={skillHref(null)}>
      <Icon name="back" size={14} />{" "}{t("skills.allSkills")}
    </a>
  );
  if (error || !s || s.id !== id)
    return (
      <>
        <PageHead title={t("skills.aiAgent")}>{back}</PageHead>
        <div class="page-body" aria-busy={loading}>
          {error ? <Empty title={t("skills.skillNotAvailable")}>{error}</Empty> : <div class="skeleton tall" />}
        </div>
      </>
    );
  const p = s.performance;
  const total = p.volumeByDay.reduce((n, d) => n + d.count, 0);
  return (
    <>
      <PageHead
        title={s.name}
        sub={
          <>
            <SkillBadge status={s.status} /> {s.status === "unavailable" && s.reason ? <span class="skill-reason inline">{s.reason}</span> : null}
            {s.needsLogin !== false && <span class="muted"> · {s.needsLogin === "partly" ? t("skills.someAnswersNeedShopper") : t("skills.needsShopperToBe")}</span>}
          </>
        }
      >
        {back}
      </PageHead>
      <div class="page-body skill-detail">
        <div class="grid-2 wide-left">
          <div class="stack">
            <Panel title={t("skills.overview")} id="sk-overview">
              <p class="prose">{s.overview}</p>
            </Panel>
            {s.whenToUse && (
              <Panel title={t("skills.whenItApplies")} id="sk-when">
                <p class="prose">{s.whenToUse}</p>
              </Panel>
            )}
            {s.howToRespond && (
              <Panel title={t("skills.howItAnswers")} id="sk-how">
                <p class="prose">{s.howToRespond}</p>
              </Panel>
            )}
          </div>
          <div class="stack">
            {s.tools.length > 0 && (
              <Panel title={t("skills.toolsUsed")} id="sk-tools">
                <dl class="tools">
                  {s.tools.map((t) => (
                    <div key={t.name}>
                      <dt>
                        <code>{t.name}</code>
                      </dt>
                      <dd>{t.description}</dd>
                    </div>
                  ))}
                </dl>
              </Panel>
            )}
            {s.prerequisites.length > 0 && (
              <Panel title={t("skills.prerequisites")} id="sk-prereq">
                <ul class="prereqs">
                  {s.prerequisites.map((x) => (
                    <li key={x.description} class={x.met ? "met" : "missing"}>
                      <Icon name={x.met ? "check" : "x"} size={14} label={x.met ? t("skills.met") : t("skills.missing")} />
                      <span>{x.description}</span>
                    </li>
                  ))}
                </ul>
              </Panel>
            )}
          </div>
        </div>
        <Panel title={t("skills.performance")} id="sk-perf" sub={t("skills.performanceSummary", { days: p.volumeByDay.length, messages: tn("skills.messages", total), resolved: p.resolved, routedToTeam: p.routedToTeam })}>
          <Chart title={t("skills.nameMessagesPerDay", { name: s.name })} days={p.volumeByDay.map((d) => d.day)} series={[{ name: t("skills.messages"), color: "#6d4bd8", values: p.volumeByDay.map((d) => d.count) }]} kind="line" testId="chart-skill" height={170} />
        </Panel>
        <Panel title={t("skills.questionsItHandled")} id="sk-questions">
          {p.recentQuestions.length === 0 ? (
            <p class="muted small">{t("skills.noCustomerQuestionsYet")}</p>
          ) : (
            <ul class="questions">
              {p.recentQuestions.map((q) => (
                <li key={`${q.ticketId}-${q.at}`}>
                  <a class="q-text" href={hrefOf({ view: "all", ticketId: q.ticketId })} title={t("skills.openConversation")}>
                    “{q.question}”
                  </a>
                  <span class="q-meta">
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
      </div>
    </>
  );
}

export function SkillsPage() {
  const id = route.value.sub ?? null;
  useEffect(() => {
    if (!id) void loadSkills();
  }, [id]);
  return (
    <main class="page" aria-labelledby="page-title">
      {id ? <SkillDetailView id={id} /> : <SkillList />}
    </main>
  );
}
