// A secret the API shows only once (an API key, a webhook signing secret): shown with a copy button until dismissed.
import { useState } from "preact/hooks";

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
        <strong>{label}</strong> — copy it now: it is shown only this once.
      </p>
      <code class="secret" data-secret>
        {value}
      </code>
      <div class="row-actions">
        <button class="btn small" type="button" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy"}
        </button>
        <button class="btn small" type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
