// Settings → Security: change your own password (POST /api/me/password); your other sessions end.
import { useState } from "preact/hooks";
import type { FormResult } from "../pages.ts";
import { changePassword } from "../security.ts";
import { FieldError, FormStatus, Panel, invalid } from "./form.tsx";
import { t } from "../i18n.ts";

export function PasswordPanel() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (next !== again) {
      setResult({ ok: false, message: t("settings.password.newPasswordsDoNot"), issues: [{ path: "confirm", message: t("settings.password.doesNotMatchNew") }], status: 400 });
      return;
    }
    setBusy(true);
    const r = await changePassword(current, next);
    setResult(r);
    if (r.ok) {
      setCurrent("");
      setNext("");
      setAgain("");
    }
    setBusy(false);
  };

  return (
    <Panel title={t("settings.password.password")} id="set-password" sub={t("settings.password.changingItSignsYou")}>
      <form class="stack" onSubmit={submit} aria-label={t("settings.password.changePassword")}>
        <label class="field short">
          <span>{t("settings.password.currentPassword")}</span>
          <input type="password" autocomplete="current-password" value={current} required onInput={(e) => setCurrent(e.currentTarget.value)} {...invalid(result, "currentPassword", "pw-current-err")} />
          <FieldError result={result} path="currentPassword" id="pw-current-err" />
        </label>
        <label class="field short">
          <span>{t("settings.password.newPassword")}</span>
          <input type="password" autocomplete="new-password" minLength={8} value={next} required onInput={(e) => setNext(e.currentTarget.value)} {...invalid(result, "newPassword", "pw-new-err")} />
          <FieldError result={result} path="newPassword" id="pw-new-err" />
        </label>
        <label class="field short">
          <span>{t("settings.password.newPasswordAgain")}</span>
          <input type="password" autocomplete="new-password" value={again} required onInput={(e) => setAgain(e.currentTarget.value)} {...invalid(result, "confirm", "pw-confirm-err")} />
          <FieldError result={result} path="confirm" id="pw-confirm-err" />
        </label>
        <div class="form-foot">
          <button class="btn primary" type="submit" disabled={busy || !current || !next || !again}>
            {t("settings.password.changePassword")}
          </button>
          <FormStatus result={result} fields={["currentPassword", "newPassword", "confirm"]} saved={t("settings.password.passwordChangedYourOther")} />
        </div>
      </form>
    </Panel>
  );
}
