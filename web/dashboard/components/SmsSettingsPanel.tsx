// Settings → AI agent: SMS and WhatsApp — link shortening (this Worker's address), the auto-reply to non-subscribers, who is emailed on a new text.
import { useEffect, useState } from "preact/hooks";
import { canAdmin, saveSection, type FormResult, type Settings } from "../pages.ts";
import { agents } from "../store.ts";
import { FieldError, FormStatus, Panel } from "./form.tsx";

export function SmsSettingsPanel({ s }: { s: Settings }) {
  const saved = s.sms ?? {};
  const [base, setBase] = useState(saved.linkBaseUrl ?? "");
  const [autoReply, setAutoReply] = useState(saved.autoReply ?? "");
  const [notify, setNotify] = useState<string[]>(saved.notifyAgentIds ?? []);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  useEffect(() => {
    setBase(saved.linkBaseUrl ?? "");
    setAutoReply(saved.autoReply ?? "");
    setNotify(saved.notifyAgentIds ?? []);
  }, [JSON.stringify(saved)]);
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setResult(await saveSection("sms", { linkBaseUrl: base.trim() || null, autoReply: autoReply.trim() || null, notifyAgentIds: notify }, "SMS settings saved"));
    setBusy(false);
  };
  return (
    <Panel title="SMS and WhatsApp" id="set-sms" sub="Replies reach only customers who subscribed (START). Links in replies can be shortened to track clicks.">
      <form class="stack" onSubmit={save}>
        <fieldset class="choices" disabled={!canAdmin.value}>
          <legend class="sr-only">SMS and WhatsApp</legend>
          <label class="field">
            <span>This helpdesk's public address (shortens links to &lt;address&gt;/l/…; empty = links go out as written)</span>
            <input type="text" value={base} placeholder="https://support.example.com" aria-label="Public address for short links" onInput={(e) => setBase(e.currentTarget.value)} />
          </label>
          <FieldError result={result} path="linkBaseUrl" id="sms-base-err" />
          <label class="field">
            <span>Auto-reply to people who are not subscribed (empty = none)</span>
            <textarea rows={2} maxLength={320} value={autoReply} aria-label="Auto-reply to non-subscribers" onInput={(e) => setAutoReply(e.currentTarget.value)} />
          </label>
          <FieldError result={result} path="autoReply" id="sms-auto-err" />
          <div>Email these agents when a new SMS or WhatsApp ticket arrives:</div>
          <div class="checks">
            {agents.value.map((a) => (
              <label key={a.id} class="check">
                <input type="checkbox" checked={notify.includes(a.id)} onChange={(e) => setNotify(e.currentTarget.checked ? [...notify, a.id] : notify.filter((x) => x !== a.id))} />
                {a.name}
              </label>
            ))}
          </div>
        </fieldset>
        {canAdmin.value && (
          <div class="form-foot">
            <button class="btn primary" type="submit" disabled={busy}>
              Save SMS settings
            </button>
            <FormStatus result={result} fields={["linkBaseUrl", "autoReply", "notifyAgentIds"]} saved="Saved" />
          </div>
        )}
      </form>
    </Panel>
  );
}
