// Settings → Macros: the team's saved replies with their placeholders filled in a live preview; `/` in the composer inserts one.
import { useState } from "preact/hooks";
import type { Macro } from "../../api.ts";
import { deleteMacro, MACRO_PLACEHOLDERS, previewMacro, saveMacro } from "../../admin.ts";
import type { FormResult } from "../../pages.ts";
import { macros, me } from "../../store.ts";
import { FieldError, FormStatus, Panel, invalid } from "../form.tsx";
import { t } from "../../i18n.ts";

function MacroForm({ macro, onDone }: { macro: Macro | null; onDone: () => void }) {
  const [name, setName] = useState(macro?.name ?? "");
  const [body, setBody] = useState(macro?.body ?? "");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  const id = macro ? `macro-${macro.id}` : "macro-new";
  const preview = previewMacro(body, me.value?.name ?? "Dana");
  return (
    <form
      class="stack macro-form"
      aria-label={macro ? t("settings.macros.editMacroName", { name: macro.name }) : t("settings.macros.newMacro")}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const r = await saveMacro(macro?.id ?? null, { name: name.trim(), body });
        setBusy(false);
        setResult(r);
        if (r.ok) onDone();
      }}
    >
      <label class="field">
        <span>{t("settings.macros.name")}</span>
        <input type="text" value={name} maxLength={100} onInput={(e) => setName(e.currentTarget.value)} {...invalid(result, "name", `${id}-name-err`)} />
      </label>
      <FieldError result={result} path="name" id={`${id}-name-err`} />
      <label class="field">
        <span>{t("settings.macros.text")}</span>
        <textarea rows={4} value={body} onInput={(e) => setBody(e.currentTarget.value)} {...invalid(result, "body", `${id}-body-err`)} />
      </label>
      <FieldError result={result} path="body" id={`${id}-body-err`} />
      <div class="small muted">
        {t("settings.macros.placeholders")}{" "}
        {MACRO_PLACEHOLDERS.map((p) => (
          <button class="chip-btn" type="button" key={p} onClick={() => setBody(`${body}{{${p}}}`)}>
            {`{{${p}}}`}
          </button>
        ))}
      </div>
      <div class="macro-preview" aria-label={t("settings.macros.preview")}>
        <div class="small muted">{t("settings.macros.previewSampleTicket1042")}</div>
        <div class="preview-text">{preview.text || "…"}</div>
        {preview.unknown.length > 0 && <div class="form-error">{t("settings.macros.unknownPlaceholders", { names: preview.unknown.join(", ") })}</div>}
      </div>
      <div class="form-foot">
        <button class="btn primary" type="submit" disabled={busy || !name.trim() || !body.trim()}>
          {macro ? t("settings.macros.saveMacro") : t("settings.macros.createMacro")}
        </button>
        <button class="btn" type="button" onClick={onDone}>
          {t("settings.macros.cancel")}
        </button>
        <FormStatus result={result} fields={["name", "body"]} />
      </div>
    </form>
  );
}

export function MacrosPanel() {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Panel title={t("settings.macros.macros")} id="set-macros" sub={t("settings.macros.savedRepliesForComposer")}>
      <ul class="admin-list">
        {macros.value.map((m) => (
          <li key={m.id}>
            {editing === m.id ? (
              <MacroForm macro={m} onDone={() => setEditing(null)} />
            ) : (
              <div class="admin-row">
                <div class="grow">
                  <div class="admin-name">{m.name}</div>
                  <div class="small muted clip">{m.body}</div>
                </div>
                <button class="btn small" type="button" onClick={() => setEditing(m.id)}>
                  {t("settings.macros.edit")}
                </button>
                <button class="btn small ghost" type="button" aria-label={t("settings.macros.deleteMacroName", { name: m.name })} onClick={() => confirm(t("settings.macros.confirmDelete", { name: m.name })) && void deleteMacro(m)}>
                  {t("settings.macros.delete")}
                </button>
              </div>
            )}
          </li>
        ))}
        {macros.value.length === 0 && <li class="muted small">{t("settings.macros.noMacrosYet")}</li>}
      </ul>
      {editing === "new" ? (
        <MacroForm macro={null} onDone={() => setEditing(null)} />
      ) : (
        <button class="btn" type="button" onClick={() => setEditing("new")}>
          {t("settings.macros.newMacro")}
        </button>
      )}
    </Panel>
  );
}
