// "Export CSV" for the ticket list and the reports: downloads what the API exports (owners, admins and managers).
import { useState } from "preact/hooks";
import { canExport, download } from "../platform.ts";
import { t } from "../i18n.ts";

export function ExportButton({ path, query, name, label = t("reports.export.exportCsv") }: { path: string; query: Record<string, string | number | undefined | null>; name: string; label?: string }) {
  const [busy, setBusy] = useState(false);
  if (!canExport.value) return null;
  const run = async () => {
    setBusy(true);
    await download(path, query, name);
    setBusy(false);
  };
  return (
    <button class="btn small" type="button" disabled={busy} onClick={() => void run()} data-export={path}>
      {busy ? t("reports.export.exporting") : label}
    </button>
  );
}
