// Settings → Security: change your own password (POST /api/me/password); your other sessions end.
import { useState } from "preact/hooks";
import type { FormResult } from "../pages.ts";
import { changePassword } from "../security.ts";
import { FieldError, FormStatus, Panel, invalid } from "./form.tsx";

export function PasswordPanel() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (next !== again) {
      setResult({ ok: false, message: "The new passwords do not match", issues: [{ path: "confirm", message: "does not match the new password" }], status: 400 });
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
    <Panel title="Password" id="set-password" sub="Changing it signs you out everywhere else: your other sessions end and their dashboards close.">
      <form class="stack" onSubmit={submit} aria-label="Change password">
        <label class="field short">
          <span>Current password</span>
          <input type="password" autocomplete="current-password" value={current} required onInput={(e) => setCurrent(e.currentTarget.value)} {...invalid(result, "currentPassword", "pw-current-err")} />
          <FieldError result={result} path="currentPassword" id="pw-current-err" />
        </label>
        <label class="field short">
          <span>New password</span>
          <input type="password" autocomplete="new-password" minLength={8} value={next} required onInput={(e) => setNext(e.currentTarget.value)} {...invalid(result, "newPassword", "pw-new-err")} />
          <FieldError result={result} path="newPassword" id="pw-new-err" />
        </label>
        <label class="field short">
          <span>New password again</span>
          <input type="password" autocomplete="new-password" value={again} required onInput={(e) => setAgain(e.currentTarget.value)} {...invalid(result, "confirm", "pw-confirm-err")} />
          <FieldError result={result} path="confirm" id="pw-confirm-err" />
        </label>
        <div class="form-foot">
          <button class="btn primary" type="submit" disabled={busy || !current || !next || !again}>
            Change password
          </button>
          <FormStatus result={result} fields={["currentPassword", "newPassword", "confirm"]} saved="Password changed; your other sessions have ended" />
        </div>
      </form>
    </Panel>
  );
}
