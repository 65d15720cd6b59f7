// Settings (owner/admin edit, everyone else reads): the AI agent and its handoff, office hours, assignment and auto-close, integrations, teams.
import { useEffect, useState } from "preact/hooks";
import { channelLabel } from "../format.ts";
import { AGENT_CHANNELS, canAdmin, integrations, loadSettings, saveSection, settings, type AgentChannel, type FormResult, type HandoffPlatform, type Settings } from "../pages.ts";
import { hrefOf, route } from "../store.ts";
import { FieldError, FormStatus, PageHead, Panel, Toggle, invalid } from "./form.tsx";
import { AutoTagsPanel } from "./AutoTagsPanel.tsx";
import { ApiKeysPanel } from "./ApiKeysPanel.tsx";
import { IntegrationsPanel } from "./IntegrationsPanel.tsx";
import { OfficeHoursForm } from "./OfficeHoursForm.tsx";
import { CsatPanel, SlaPanel } from "./PromisesSettings.tsx";
import { AuditLogPanel } from "./AuditLogPanel.tsx";
import { PasswordPanel } from "./PasswordPanel.tsx";
import { SmsSettingsPanel } from "./SmsSettingsPanel.tsx";
import { TeamsPanel } from "./TeamsPanel.tsx";
import { UnreadBadgePanel } from "./UnreadBadgePanel.tsx";
import { WidgetSettingsPanel } from "./WidgetSettingsPanel.tsx";
import { AgentsPanel } from "./admin/AgentsPanel.tsx";
import { KnowledgePanel } from "./admin/KnowledgePanel.tsx";
import { MacrosPanel } from "./admin/MacrosPanel.tsx";
import { WebhooksPanel } from "./WebhooksPanel.tsx";
import { Empty } from "./ui.tsx";
import { t, type MessageKey } from "../i18n.ts";

const TABS = [
  { key: "agent", label: "settings.tabs.agent" },
  { key: "office-hours", label: "settings.tabs.officeHours" },
  { key: "assignment", label: "settings.tabs.assignment" },
  { key: "integrations", label: "settings.tabs.integrations" },
  { key: "teams", label: "settings.tabs.teams" },
  { key: "promises", label: "settings.tabs.promises" },
  { key: "widget", label: "settings.tabs.widget" },
  { key: "security", label: "settings.tabs.security" },
  { key: "audit", label: "settings.tabs.audit" },
  { key: "agents", label: "settings.tabs.agents" },
  { key: "macros", label: "settings.tabs.macros" },
  { key: "knowledge", label: "settings.tabs.knowledge" },
  { key: "api-keys", label: "settings.tabs.apiKeys" },
  { key: "webhooks", label: "settings.tabs.webhooks" },
] as const;
/** Tabs only owners and admins see (their API answers 403 to anyone else). */
const ADMIN_TABS: readonly TabKey[] = ["widget", "audit"];
type TabKey = (typeof TABS)[number]["key"];

const tabHref = (key: TabKey) => hrefOf({ view: "mine", ticketId: null, page: "settings", sub: key });

function AgentPanel({ s }: { s: Settings }) {
  const enabled = s.agent?.enabled ?? false;
  const saved = s.agent?.channels ?? ["webchat", "sms", "email"];
  const [picked, setPicked] = useState<AgentChannel[]>(saved);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  useEffect(() => setPicked(saved), [saved.join()]);

  const toggle = async (on: boolean) => {
    setBusy(true);
    const r = await saveSection("agent", { enabled: on }, on ? t("settings.aiAgentIsOn") : t("settings.aiAgentIsOff"));
    setResult(r.ok ? null : r);
    setBusy(false);
  };
  const saveChannels = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setResult(await saveSection("agent", { enabled, channels: AGENT_CHANNELS.filter((c) => picked.includes(c)) }, t("settings.channelsSaved")));
    setBusy(false);
  };
  const changed = picked.slice().sort().join() !== saved.slice().sort().join();

  return (
    <Panel title={t("settings.aiCustomerAgent")} id="set-agent" sub={t("settings.agentAnswersNewConversations")}>
      <form class="stack" onSubmit={saveChannels}>
        <Toggle label={t("settings.aiCustomerAgent")} checked={enabled} disabled={busy || !canAdmin.value} onChange={(on) => void toggle(on)} hint={enabled ? t("settings.onAnswersNewConversations") : t("settings.offEveryMessageGoes")} />
        <fieldset class="choices" disabled={!canAdmin.value}>
          <legend>{t("settings.channelsItAnswers")}</legend>
          <div class="checks">
            {AGENT_CHANNELS.map((c) => (
              <label key={c} class="check">
                <input type="checkbox" checked={picked.includes(c)} onChange={(e) => setPicked(e.currentTarget.checked ? [...picked, c] : picked.filter((x) => x !== c))} />
                {channelLabel(c)}
              </label>
            ))}
          </div>
          <FieldError result={result} path="channels" id="agent-channels-err" />
        </fieldset>
        {canAdmin.value && (
          <div class="form-foot">
            <button class="btn primary" type="submit" disabled={busy || !changed}>
              {t("settings.saveChannels")}
            </button>
            <FormStatus result={result} fields={["channels"]} />
          </div>
        )}
      </form>
    </Panel>
  );
}

const PLATFORMS: { value: HandoffPlatform; label: MessageKey; hint: MessageKey }[] = [
  { value: "builtin", label: "settings.edgedeskHelpdeskRecommended", hint: "settings.conversationArrivesAsNew" },
  { value: "zendesk", label: "settings.zendesk", hint: "settings.zendeskTicketIsCreated" },
  { value: "gorgias", label: "settings.gorgias", hint: "settings.gorgiasTicketIsCreated" },
];

function HandoffPanel({ s }: { s: Settings }) {
  const h = s.handoff ?? { method: "helpdesk", platform: "builtin" };
  const initial: HandoffPlatform | "message" = h.method === "message" ? "message" : h.platform;
  const [choice, setChoice] = useState<HandoffPlatform | "message">(initial);
  const [message, setMessage] = useState(h.method === "message" ? h.message : "");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  const connected = new Set(integrations.value.filter((i) => i.connected).map((i) => i.kind));
  useEffect(() => {
    setChoice(initial);
    if (h.method === "message") setMessage(h.message);
  }, [initial, h.method === "message" ? h.message : ""]);

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setResult(await saveSection("handoff", choice === "message" ? { method: "message", message } : { method: "helpdesk", platform: choice }, t("settings.handoffSaved")));
    setBusy(false);
  };
  const refused = result && !result.ok && result.status === 409 && choice !== "message" && choice !== "builtin";

  return (
    <Panel title={t("settings.handoff")} id="set-handoff" sub={t("settings.whatHappensWhenAgent")}>
      <form class="stack" onSubmit={save}>
        <fieldset class="choices" disabled={!canAdmin.value}>
          <legend>{t("settings.sendToHelpdesk")}</legend>
          {PLATFORMS.map((p) => (
            <label key={p.value} class="radio">
              <input type="radio" name="handoff" value={p.value} checked={choice === p.value} onChange={() => setChoice(p.value)} />
              <span>
                <span class="radio-label">
                  {t(p.label)}
                  {p.value !== "builtin" && !connected.has(p.value) && <span class="pill muted-pill">{t("settings.notConnected")}</span>}
                </span>
                <span class="radio-hint">{t(p.hint)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset class="choices" disabled={!canAdmin.value}>
          <legend>{t("settings.or")}</legend>
          <label class="radio">
            <input type="radio" name="handoff" value="message" checked={choice === "message"} onChange={() => setChoice("message")} />
            <span>
              <span class="radio-label">{t("settings.sendMessage")}</span>
              <span class="radio-hint">{t("settings.messageWithHelpfulLinks")}</span>
            </span>
          </label>
          {choice === "message" && (
            <div class="indent">
              <label class="field">
                <span>{t("settings.message")}</span>
                <textarea rows={3} maxLength={2000} value={message} onInput={(e) => setMessage(e.currentTarget.value)} placeholder={t("settings.ourTeamCanT")} {...invalid(result, "message", "handoff-msg-err")} />
              </label>
              <FieldError result={result} path="message" id="handoff-msg-err" />
            </div>
          )}
        </fieldset>
        {canAdmin.value && (
          <div class="form-foot">
            <button class="btn primary" type="submit" disabled={busy}>
              {t("settings.saveHandoff")}
            </button>
            <FormStatus result={result} fields={["message"]} saved={t("settings.saved")} />
            {refused && (
              <a class="link-btn" href={tabHref("integrations")}>
                {t("settings.connect")}{" "}{choice === "zendesk" ? t("settings.zendesk") : t("settings.gorgias")}
              </a>
            )}
          </div>
        )}
      </form>
    </Panel>
  );
}

function AssignmentPanel({ s }: { s: Settings }) {
  const roundRobin = s.assignment?.roundRobin ?? false;
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  const toggle = async (on: boolean) => {
    setBusy(true);
    const r = await saveSection("assignment", { roundRobin: on }, on ? t("settings.roundRobinIsOn") : t("settings.roundRobinIsOff"));
    setResult(r.ok ? null : r);
    setBusy(false);
  };
  return (
    <Panel title={t("settings.roundRobin")} id="set-rr" sub={t("settings.newTicketsNoTeam")}>
      <Toggle label={t("settings.roundRobin")} checked={roundRobin} disabled={busy || !canAdmin.value} onChange={(on) => void toggle(on)} hint={roundRobin ? t("settings.on") : t("settings.offTicketsWaitIn")} />
      <FormStatus result={result} />
    </Panel>
  );
}

function AutoClosePanel({ s }: { s: Settings }) {
  const saved = s.autoClose?.afterHours ?? null;
  const [never, setNever] = useState(saved === null);
  const [hours, setHours] = useState(String(saved ?? 72));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  useEffect(() => {
    setNever(saved === null);
    if (saved !== null) setHours(String(saved));
  }, [saved]);
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setResult(await saveSection("autoClose", { afterHours: never ? null : Number(hours) }, t("settings.autoCloseSaved")));
    setBusy(false);
  };
  return (
    <Panel title={t("settings.autoClose")} id="set-autoclose" sub={t("settings.closeOpenTicketsAfter")}>
      <form class="stack" onSubmit={save}>
        <fieldset class="choices" disabled={!canAdmin.value}>
          <legend class="sr-only">{t("settings.autoClose")}</legend>
          <label class="radio">
            <input type="radio" name="autoclose" checked={never} onChange={() => setNever(true)} />
            <span class="radio-label">{t("settings.never")}</span>
          </label>
          <div class="radio">
            <input type="radio" name="autoclose" id="autoclose-after" checked={!never} onChange={() => setNever(false)} />
            <span class="radio-label inline-field">
              <label for="autoclose-after">{t("settings.after")}</label>
              <input type="number" min={1} max={8760} step={1} value={hours} disabled={never} aria-label={t("settings.autoCloseAfterLabel")} onInput={(e) => setHours(e.currentTarget.value)} {...invalid(result, "afterHours", "autoclose-err")} />
              <span aria-hidden="true">{t("settings.autoCloseAfterUnit")}</span>
            </span>
          </div>
          <FieldError result={result} path="afterHours" id="autoclose-err" />
        </fieldset>
        {canAdmin.value && (
          <div class="form-foot">
            <button class="btn primary" type="submit" disabled={busy}>
              {t("settings.saveAutoClose")}
            </button>
            <FormStatus result={result} fields={["afterHours"]} saved={t("settings.saved")} />
          </div>
        )}
      </form>
    </Panel>
  );
}

export function SettingsPage() {
  const tab: TabKey = TABS.some((item) => item.key === route.value.sub) ? (route.value.sub as TabKey) : "agent";
  useEffect(() => void loadSettings(), []);
  const { data, loading, error } = settings.value;
  return (
    <main class="page" aria-labelledby="page-title">
      <PageHead title={t("settings.settings")} />
      <nav class="tabs" aria-label={t("settings.settingsSections")}>
        {TABS.filter((item) => canAdmin.value || !ADMIN_TABS.includes(item.key)).map((item) => (
          <a key={item.key} href={tabHref(item.key)} class={tab === item.key ? "page-tab active" : "page-tab"} aria-current={tab === item.key ? "page" : undefined}>
            {t(item.label)}
          </a>
        ))}
      </nav>
      <div class="page-body narrow" aria-busy={loading}>
        {!canAdmin.value && !["teams", "macros", "knowledge", "security"].includes(tab) && (
          <div class="banner info" role="note">
            {t("settings.onlyOwnersAndAdmins")}
          </div>
        )}
        {error && (
          <div class="banner error" role="alert">
            {error}
          </div>
        )}
        {!data && loading && <div class="skeleton tall" />}
        {!data && !loading && error && <Empty title={t("settings.settingsNotAvailable")} />}
        {data && tab === "agent" && (
          <>
            <AgentPanel s={data} />
            <HandoffPanel s={data} />
            <AutoTagsPanel s={data} />
            <SmsSettingsPanel s={data} />
          </>
        )}
        {data && tab === "office-hours" && <OfficeHoursForm s={data} />}
        {data && tab === "assignment" && (
          <>
            <AssignmentPanel s={data} />
            <AutoClosePanel s={data} />
            <UnreadBadgePanel s={data} />
          </>
        )}
        {data && tab === "integrations" && <IntegrationsPanel />}
        {data && tab === "teams" && <TeamsPanel />}
        {data && tab === "promises" && (
          <>
            <CsatPanel s={data} />
            <SlaPanel />
          </>
        )}
        {canAdmin.value && tab === "widget" && <WidgetSettingsPanel />}
        {tab === "security" && <PasswordPanel />}
        {canAdmin.value && tab === "audit" && <AuditLogPanel />}
        {data && tab === "agents" && <AgentsPanel />}
        {data && tab === "macros" && <MacrosPanel />}
        {data && tab === "knowledge" && <KnowledgePanel />}
        {canAdmin.value && tab === "api-keys" && <ApiKeysPanel />}
        {canAdmin.value && tab === "webhooks" && <WebhooksPanel />}
      </div>
    </main>
  );
}
