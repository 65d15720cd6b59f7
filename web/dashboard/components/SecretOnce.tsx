// A secret the API shows only once (an API key, a webhook signing secret): shown with a copy button until dismissed.
import { useState } from "preact/hooks";
import { t } from "../i18n.ts";

export function SecretOnce({ label, value, onDone }: { label: string; value: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // the text is selectable; copying by hand works everywhere
    }
  };
  return (
    <div class="banner info secret-once" role="status">
      <p>
        <strong>{label}</strong>{" "}{t("settings.secret.copyItNowIt")}
      </p>
      <code class="secret" data-secret>
        {value}
      </code>
      <div class="row-actions">
        <button class="btn small" type="button" onClick={() => void copy()}>
          {copied ? t("settings.secret.copied") : t("settings.secret.copy")}
        </button>
        <button class="btn small" type="button" onClick={onDone}>
          {t("settings.secret.done")}
        </button>
      </div>
    </div>
  );
}
