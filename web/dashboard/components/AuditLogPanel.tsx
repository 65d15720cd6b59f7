// Settings → Audit log (owner/admin): who did what and when, filtered by person and action, a page at a time.
import { useEffect, useState } from "preact/hooks";
import { audit, loadAudit, type AuditEntry } from "../security.ts";
import { agentById, agents } from "../store.ts";
import { Panel } from "./form.tsx";
import { Empty } from "./ui.tsx";
import "./security.css";

/** Action families to filter on (the API also takes any exact action). */
const ACTIONS = [
  { value: "", label: "Every action" },
  { value: "auth.*", label: "Logins, logouts and passwords" },
  { value: "auth.login_failed", label: "Failed logins" },
  { value: "settings.*", label: "Settings" },
  { value: "integration.*", label: "Integrations" },
  { value: "agent.*", label: "Agents and roles" },
  { value: "api_key.*", label: "API keys" },
  { value: "webhook.*", label: "Webhooks" },
  { value: "export.*", label: "Exports" },
  { value: "profile.*", label: "Customer data" },
];

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
    <Panel title="Audit log" id="set-audit" sub="Logins (failed ones too, with the address), settings, integrations, agents and roles, newest first.">
      <div class="audit-filters">
        <label class="field">
          <span>Who</span>
          <select value={actor} onChange={(e) => setActor(e.currentTarget.value)} aria-label="Filter by person">
            <option value="">Everyone</option>
            {agents.value.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>What</span>
          <select value={action} onChange={(e) => setAction(e.currentTarget.value)} aria-label="Filter by action">
            {ACTIONS.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
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
      {items.length === 0 && !loading && !error && <Empty title="Nothing recorded for these filters" />}
      {items.length > 0 && (
        <table class="table audit-table" aria-label="Audit log entries">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Details</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.actorId ? (agentById.value.get(e.actorId)?.name ?? e.actorId) : <span class="muted">—</span>}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{describe(e)}</td>
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
            Older entries
          </button>
        </div>
      )}
    </Panel>
  );
}
