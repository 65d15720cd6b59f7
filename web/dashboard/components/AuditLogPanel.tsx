// Settings → Audit log (owner/admin): who did what and when, filtered by person and action, a page at a time.
import { useEffect, useState } from "preact/hooks";
import { audit, loadAudit, type AuditEntry } from "../security.ts";
import { agentById, agents } from "../store.ts";
import { Panel } from "./form.tsx";
import { Empty } from "./ui.tsx";
import { locale, t } from "../i18n.ts";
import "./security.css";

/** Action families to filter on (the API also takes any exact action). */
const ACTIONS = [
  { value: "", label: "settings.audit.everyAction" },
  { value: "auth.*", label: "settings.audit.loginsLogoutsAndPasswords" },
  { value: "auth.login_failed", label: "settings.audit.failedLogins" },
  { value: "settings.*", label: "settings.audit.settings" },
  { value: "integration.*", label: "settings.audit.integrations" },
  { value: "agent.*", label: "settings.audit.agentsAndRoles" },
  { value: "api_key.*", label: "settings.audit.apiKeys" },
  { value: "webhook.*", label: "settings.audit.webhooks" },
  { value: "export.*", label: "settings.audit.exports" },
  { value: "profile.*", label: "settings.audit.customerData" },
] as const;

function describe(e: AuditEntry): string {
  const facts = Object.entries(e.details)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== "object")
    .map(([k, v]) => `${k}: ${String(v)}`);
  return [e.target, ...facts].filter(Boolean).join(" · ");
}

export function AuditLogPanel() {
  const [actor, setActor] = useState(audit.value.filters.actor);
  const [action, setAction] = useState(audit.value.filters.action);
  useEffect(() => void loadAudit({ actor, action }), [actor, action]);
  const { items, nextCursor, loading, error } = audit.value;
  return (
    <Panel title={t("settings.audit.auditLog")} id="set-audit" sub={t("settings.audit.loginsFailedOnesToo")}>
      <div class="audit-filters">
        <label class="field">
          <span>{t("settings.audit.who")}</span>
          <select value={actor} onChange={(e) => setActor(e.currentTarget.value)} aria-label={t("settings.audit.filterByPerson")}>
            <option value="">{t("settings.audit.everyone")}</option>
            {agents.value.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t("settings.audit.what")}</span>
          <select value={action} onChange={(e) => setAction(e.currentTarget.value)} aria-label={t("settings.audit.filterByAction")}>
            {ACTIONS.map((a) => (
              <option key={a.value} value={a.value}>
                {t(a.label)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <div class="banner error" role="alert">
          {error}
        </div>
      )}
      {items.length === 0 && !loading && !error && <Empty title={t("settings.audit.nothingRecordedForThese")} />}
      {items.length > 0 && (
        <table class="table audit-table" aria-label={t("settings.audit.auditLogEntries")}>
          <thead>
            <tr>
              <th scope="col">{t("settings.audit.when")}</th>
              <th scope="col">{t("settings.audit.who")}</th>
              <th scope="col">{t("settings.audit.action")}</th>
              <th scope="col">{t("settings.audit.details")}</th>
              <th scope="col">{t("settings.audit.address")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td>{new Date(e.at).toLocaleString(locale())}</td>
                <td>{e.actorId ? (agentById.value.get(e.actorId)?.name ?? e.actorId) : <span class="muted">—</span>}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td translate={false}>{describe(e)}</td>
                <td>{e.ip ?? <span class="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loading && <div class="skeleton" />}
      {nextCursor && !loading && (
        <div class="form-foot">
          <button type="button" class="btn" onClick={() => void loadAudit(audit.value.filters, true)}>
            {t("settings.audit.olderEntries")}
          </button>
        </div>
      )}
    </Panel>
  );
}
