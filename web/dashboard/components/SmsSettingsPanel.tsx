// Settings → AI agent: SMS and WhatsApp — link shortening (this Worker's address), the auto-reply to non-subscribers, who is emailed on a new text.
import { useEffect, useState } from "preact/hooks";
import { canAdmin, saveSection, type FormResult, type Settings } from "../pages.ts";
import { agents } from "../store.ts";
import { FieldError, FormStatus, Panel } from "./form.tsx";
import { t } from "../i18n.ts";

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
    setResult(await saveSection("sms", { linkBaseUrl: base.trim() || null, autoReply: autoReply.trim() || null, notifyAgentIds: notify }, t("settings.sms.smsSettingsSaved")));
    setBusy(false);
  };
  return (
    <Panel title={t("settings.sms.smsAndWhatsapp")} id="set-sms" sub={t("settings.sms.repliesReachOnlyCustomers")}>
      <form class="stack" onSubmit={save}>
        <fieldset class="choices" disabled={!canAdmin.value}>
          <legend class="sr-only">{t("settings.sms.smsAndWhatsapp")}</legend>
          <label class="field">
            <span>{t("settings.sms.thisHelpdeskPublicAddress")}</span>
            <input type="text" value={base} placeholder={t("settings.sms.httpsSupportExampleCom")} aria-label={t("settings.sms.publicAddressForShort")} onInput={(e) => setBase(e.currentTarget.value)} />
          </label>
          <FieldError result={result} path="linkBaseUrl" id="sms-base-err" />
          <label class="field">
            <span>{t("settings.sms.autoReplyToPeople")}</span>
            <textarea rows={2} maxLength={320} value={autoReply} aria-label={t("settings.sms.autoReplyToNon")} onInput={(e) => setAutoReply(e.currentTarget.value)} />
          </label>
          <FieldError result={result} path="autoReply" id="sms-auto-err" />
          <div>{t("settings.sms.emailTheseAgentsWhen")}</div>
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
              {t("settings.sms.saveSmsSettings")}
            </button>
            <FormStatus result={result} fields={["linkBaseUrl", "autoReply", "notifyAgentIds"]} saved={t("settings.sms.saved")} />
          </div>
        )}
      </form>
    </Panel>
  );
}
