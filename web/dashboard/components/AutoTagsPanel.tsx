// Settings → AI agent: AI auto-tagging on or off and the tags it may use.
import { useEffect, useState } from "preact/hooks";
import { canAdmin, saveSection, type FormResult, type Settings } from "../pages.ts";
import { FieldError, FormStatus, Panel, Toggle } from "./form.tsx";

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
    <Panel title="AI auto-tagging" id="set-autotags" sub="Every inbound ticket gets tags from the AI router and its first message (the skill, damaged, refund, vip…). Teams can route on them.">
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save(enabled, "Allowed tags saved");
        }}
      >
        <Toggle label="AI auto-tagging" checked={enabled} disabled={busy || !canAdmin.value} onChange={(on) => void save(on, on ? "AI auto-tagging is on" : "AI auto-tagging is off")} hint={enabled ? "on: new tickets are tagged as they arrive" : "off: no AI tags"} />
        <label class="field">
          <span>Tags the AI may use (comma-separated; empty = any)</span>
          <input type="text" value={allowed} disabled={!canAdmin.value} placeholder="returns_exchanges, damaged, refund, vip" aria-label="Allowed AI tags" onInput={(e) => setAllowed(e.currentTarget.value)} />
        </label>
        <FieldError result={result} path="allowedTags" id="autotags-err" />
        {canAdmin.value && (
          <div class="form-foot">
            <button class="btn primary" type="submit" disabled={busy}>
              Save allowed tags
            </button>
            <FormStatus result={result} fields={["allowedTags"]} saved="Saved" />
          </div>
        )}
      </form>
    </Panel>
  );
}
