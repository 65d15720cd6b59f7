// Settings → Satisfaction & SLAs: whether the shopper is asked for CSAT (and after the AI agent's own conversations),
// and the SLA policies in the order they are matched.
import { useEffect, useState } from "preact/hooks";
import type { Channel } from "../api.ts";
import { channelLabel } from "../format.ts";
import { canAdmin, canManageTeams, saveSection, type FormResult, type Settings } from "../pages.ts";
import { api, toast } from "../store.ts";
import { ApiError } from "../api.ts";
import { FieldError, FormStatus, Panel, Toggle, invalid } from "./form.tsx";
import { t } from "../i18n.ts";

export function CsatPanel({ s }: { s: Settings }) {
  const csat = s.csat ?? { enabled: false, aiResolved: false };
  const [result, setResult] = useState<FormResult | null>(null);
  const save = async (next: { enabled: boolean; aiResolved?: boolean }) => setResult(await saveSection("csat", next, t("settings.promises.satisfactionSurveySaved")));
  return (
    <Panel
      title={t("settings.promises.satisfactionSurveyCsat")}
      id="set-csat"
      sub={t("settings.promises.afterPersonOnYour")}
    >
      <Toggle label={t("settings.promises.askForRating")} checked={csat.enabled} disabled={!canAdmin.value} onChange={(on) => void save({ ...csat, enabled: on })} hint={csat.enabled ? t("settings.promises.on") : t("settings.promises.off")} />
      <Toggle
        label={t("settings.promises.alsoAfterConversationsAi")}
        checked={csat.aiResolved === true}
        disabled={!canAdmin.value || !csat.enabled}
        onChange={(on) => void save({ ...csat, aiResolved: on })}
        hint={csat.aiResolved ? t("settings.promises.on") : t("settings.promises.offAgentResolutionFigures")}
      />
      <FormStatus result={result} />
    </Panel>
  );
}

type Policy = NonNullable<Settings["sla"]>["policies"][number];
const CHANNELS: Channel[] = ["webchat", "email", "sms", "whatsapp", "instagram"];
const PRIORITIES = ["urgent", "high", "normal", "low"] as const;
const PRIORITY_LABEL = { urgent: "settings.promises.priorities.urgent", high: "settings.promises.priorities.high", normal: "settings.promises.priorities.normal", low: "settings.promises.priorities.low" } as const;

function failure(err: unknown): FormResult {
  if (err instanceof ApiError) return { ok: false, message: err.message, issues: err.issues, status: err.status };
  return { ok: false, message: t("settings.promises.somethingWentWrongTry"), issues: [], status: 0 };
}

function describe(p: Policy): string {
  const parts = [t("settings.promises.firstReply", { firstResponseMinutes: p.firstResponseMinutes })];
  if (p.nextResponseMinutes) parts.push(t("settings.promises.nextReplyNextresponseminutes", { nextResponseMinutes: p.nextResponseMinutes }));
  if (p.resolutionMinutes) parts.push(t("settings.promises.resolutionResolutionminutes", { resolutionMinutes: p.resolutionMinutes }));
  const when = [...(p.match.channels ?? []).map((c) => channelLabel(c)), ...(p.match.priorities ?? []).map((x) => t(PRIORITY_LABEL[x])), ...(p.match.tags ?? []).map((tag) => `#${tag}`)];
  return `${parts.join(", ")} · ${p.businessHours ? t("settings.promises.officeHours") : t("settings.promises.aroundClock")} · ${when.length ? when.join(", ") : t("settings.promises.everyTicket")}`;
}

export function SlaPanel() {
  const [items, setItems] = useState<Policy[] | null>(null);
  const [name, setName] = useState("");
  const [first, setFirst] = useState("60");
  const [next, setNext] = useState("");
  const [channels, setChannels] = useState<Channel[]>([]);
  const [priorities, setPriorities] = useState<string[]>([]);
  const [businessHours, setBusinessHours] = useState(true);
  const [result, setResult] = useState<FormResult | null>(null);
  const load = async () => setItems((await api.request<{ items: Policy[] }>("GET", "/sla-policies")).items);
  useEffect(() => void load().catch(() => setItems([])), []);
  const add = async (e: Event) => {
    e.preventDefault();
    const match: Record<string, unknown> = {};
    if (channels.length) match.channels = channels;
    if (priorities.length) match.priorities = priorities;
    try {
      await api.request("POST", "/sla-policies", { name, match, firstResponseMinutes: Number(first), nextResponseMinutes: next ? Number(next) : null, businessHours });
      setResult({ ok: true });
      setName("");
      toast(t("settings.promises.slaPolicyAdded"));
      await load();
    } catch (err) {
      setResult(failure(err));
    }
  };
  const remove = async (p: Policy) => {
    await api.request("DELETE", `/sla-policies/${encodeURIComponent(p.id)}`);
    toast(t("settings.promises.deletedName", { name: p.name }));
    await load();
  };
  const editable = canManageTeams.value;
  return (
    <Panel title={t("settings.promises.slaPolicies")} id="set-sla" sub={t("settings.promises.targetsForReplyingTo")}>
      {items === null ? (
        <div class="skeleton" />
      ) : items.length === 0 ? (
        <p class="muted small">{t("settings.promises.noSlaPoliciesYet")}</p>
      ) : (
        <ol class="plain-list" aria-label={t("settings.promises.slaPoliciesInMatch")}>
          {items.map((p) => (
            <li key={p.id} class="list-row">
              <div>
                <strong>{p.name}</strong>
                <div class="small muted">{describe(p)}</div>
              </div>
              {editable && (
                <button class="btn small" type="button" onClick={() => void remove(p)} aria-label={t("settings.promises.deleteSlaPolicyName", { name: p.name })}>
                  {t("settings.promises.delete")}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <form class="stack" onSubmit={add} aria-label={t("settings.promises.newSlaPolicy")}>
          <div class="grid-2 tight">
            <div>
              <label class="field">
                <span>{t("settings.promises.name")}</span>
                <input type="text" value={name} maxLength={100} onInput={(e) => setName(e.currentTarget.value)} {...invalid(result, "name", "sla-name-err")} />
              </label>
              <FieldError result={result} path="name" id="sla-name-err" />
            </div>
            <div>
              <label class="field">
                <span>{t("settings.promises.firstReplyWithinMinutes")}</span>
                <input type="number" min={1} value={first} onInput={(e) => setFirst(e.currentTarget.value)} {...invalid(result, "firstResponseMinutes", "sla-first-err")} />
              </label>
              <FieldError result={result} path="firstResponseMinutes" id="sla-first-err" />
            </div>
            <div>
              <label class="field">
                <span>
                  {t("settings.promises.nextReplyWithinMinutes")}{" "}<span class="muted">{t("settings.promises.optional")}</span>
                </span>
                <input type="number" min={1} value={next} onInput={(e) => setNext(e.currentTarget.value)} />
              </label>
            </div>
            <label class="check">
              <input type="checkbox" checked={businessHours} onChange={(e) => setBusinessHours(e.currentTarget.checked)} />
              {t("settings.promises.countOfficeHoursOnly")}
            </label>
          </div>
          <fieldset class="choices">
            <legend>{t("settings.promises.appliesToChannelsNone")}</legend>
            <div class="checks">
              {CHANNELS.map((c) => (
                <label key={c} class="check">
                  <input type="checkbox" checked={channels.includes(c)} onChange={(e) => setChannels(e.currentTarget.checked ? [...channels, c] : channels.filter((x) => x !== c))} />
                  {channelLabel(c)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset class="choices">
            <legend>{t("settings.promises.appliesToPrioritiesNone")}</legend>
            <div class="checks">
              {PRIORITIES.map((p) => (
                <label key={p} class="check">
                  <input type="checkbox" checked={priorities.includes(p)} onChange={(e) => setPriorities(e.currentTarget.checked ? [...priorities, p] : priorities.filter((x) => x !== p))} />
                  {t(PRIORITY_LABEL[p])}
                </label>
              ))}
            </div>
          </fieldset>
          <div class="form-foot">
            <button class="btn primary" type="submit">
              {t("settings.promises.addPolicy")}
            </button>
            <FormStatus result={result} fields={["name", "firstResponseMinutes"]} saved={t("settings.promises.added")} />
          </div>
        </form>
      )}
    </Panel>
  );
}
