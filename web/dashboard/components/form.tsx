// Page furniture shared by Reports, AI agent and Settings: the page header, panels, and API errors shown next to fields.
import type { ComponentChildren } from "preact";
import type { FormResult } from "../pages.ts";
import { t } from "../i18n.ts";

export function PageHead({ title, sub, children }: { title: string; sub?: ComponentChildren; children?: ComponentChildren }) {
  return (
    <header class="page-head">
      <div class="page-title">
        <h1 id="page-title">{title}</h1>
        {sub && <p class="muted">{sub}</p>}
      </div>
      {children && <div class="page-tools">{children}</div>}
    </header>
  );
}

export function Panel({ title, sub, children, class: cls, id }: { title?: string; sub?: ComponentChildren; children: ComponentChildren; class?: string; id?: string }) {
  return (
    <section class={cls ? `panel ${cls}` : "panel"} aria-labelledby={title && id ? `${id}-title` : undefined} id={id}>
      {title && (
        <h2 class="panel-title" id={id ? `${id}-title` : undefined}>
          {title}
        </h2>
      )}
      {sub && <p class="panel-sub muted">{sub}</p>}
      {children}
    </section>
  );
}

/** The API's issues at `path` or under it ("weekly.mon" gets "weekly.mon.0"). */
export function issuesAt(result: FormResult | null, path: string): string[] {
  if (!result || result.ok) return [];
  return result.issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`)).map((i) => i.message);
}

/** Attributes that tie an input to its error message. */
export function invalid(result: FormResult | null, path: string, id: string): { "aria-invalid"?: "true"; "aria-describedby"?: string } {
  return issuesAt(result, path).length > 0 ? { "aria-invalid": "true", "aria-describedby": id } : {};
}

export function FieldError({ result, path, id }: { result: FormResult | null; path: string; id: string }) {
  const messages = issuesAt(result, path);
  if (messages.length === 0) return null;
  return (
    <div class="field-error" id={id} data-path={path}>
      {[...new Set(messages)].join("; ")}
    </div>
  );
}

/**
 * The form's overall answer: the API's message (a refusal, a conflict), in an alert. When validation issues sit next to
 * their fields it points there instead, and lists any issue no field shows (`fields`: the paths the form shows).
 */
export function FormStatus({ result, saved, fields }: { result: FormResult | null; saved?: string; fields?: string[] }) {
  if (!result) return null;
  if (result.ok)
    return saved ? (
      <span class="form-ok" role="status">
        {saved}
      </span>
    ) : null;
  const shown = (path: string) => (fields ?? []).some((f) => path === f || path.startsWith(`${f}.`));
  // Only a validation failure's issues are about fields; a refusal's message says it all.
  const elsewhere = result.status === 400 ? result.issues.filter((i) => !shown(i.path)) : [];
  const allShown = result.status === 400 && result.issues.length > 0 && elsewhere.length === 0;
  return (
    <div class="form-error" role="alert">
      {allShown ? t("form.checkFieldsMarkedAbove") : result.message}
      {elsewhere.length > 0 && (
        <ul>
          {elsewhere.map((i) => (
            <li key={`${i.path}:${i.message}`}>{i.path && i.path !== "(root)" ? `${i.path}: ${i.message}` : i.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A light on/off switch for the settings pages. */
export function Toggle({ label, checked, disabled, onChange, hint }: { label: string; checked: boolean; disabled?: boolean; onChange: (on: boolean) => void; hint?: string }) {
  return (
    <label class="switch light">
      <input type="checkbox" role="switch" aria-label={label} checked={checked} aria-checked={checked} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span class="track" aria-hidden="true" />
      <span class="switch-label">
        <strong>{label}</strong>
        {hint && <span class="muted"> — {hint}</span>}
      </span>
    </label>
  );
}
