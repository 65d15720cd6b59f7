// Settings → AI agent: AI auto-tagging on or off and the tags it may use.
import { useEffect, useState } from "preact/hooks";
import { canAdmin, saveSection, type FormResult, type Settings } from "../pages.ts";
import { FieldError, FormStatus, Panel, Toggle } from "./form.tsx";
import { t } from "../i18n.ts";

export function AutoTagsPanel({ s }: { s: Settings }) {
  const enabled = s.autoTags?.enabled ?? true;
  const saved = (s.autoTags?.allowedTags ?? []).join(", ");
  const [allowed, setAllowed] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  useEffect(() => setAllowed(saved), [saved]);
  const list = () => allowed.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean);
  const save = async (on: boolean, done: string) => {
    setBusy(true);
    setResult(await saveSection("autoTags", { enabled: on, allowedTags: list() }, done));
    setBusy(false);
  };
  return (
    <Panel title={t("settings.autoTags.aiAutoTagging")} id="set-autotags" sub={t("settings.autoTags.everyInboundTicketGets")}>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save(enabled, t("settings.autoTags.allowedTagsSaved"));
        }}
      >
        <Toggle label={t("settings.autoTags.aiAutoTagging")} checked={enabled} disabled={busy || !canAdmin.value} onChange={(on) => void save(on, on ? t("settings.autoTags.turnedOn") : t("settings.autoTags.turnedOff"))} hint={enabled ? t("settings.autoTags.onNewTicketsAre") : t("settings.autoTags.offNoAiTags")} />
        <label class="field">
          <span>{t("settings.autoTags.tagsAiMayUse")}</span>
          <input type="text" value={allowed} disabled={!canAdmin.value} placeholder={t("settings.autoTags.returnsExchangesDamaged")} aria-label={t("settings.autoTags.allowedAiTags")} onInput={(e) => setAllowed(e.currentTarget.value)} />
        </label>
        <FieldError result={result} path="allowedTags" id="autotags-err" />
        {canAdmin.value && (
          <div class="form-foot">
            <button class="btn primary" type="submit" disabled={busy}>
              {t("settings.autoTags.saveAllowedTags")}
            </button>
            <FormStatus result={result} fields={["allowedTags"]} saved={t("settings.autoTags.saved")} />
          </div>
        )}
      </form>
    </Panel>
  );
}
