// Settings → Satisfaction & SLAs: whether the shopper is asked for CSAT (and after the AI agent's own conversations),
// and the SLA policies in the order they are matched.
import { useEffect, useState } from "preact/hooks";
import type { Channel } from "../api.ts";
import { CHANNEL_LABEL } from "../format.ts";
import { canAdmin, canManageTeams, saveSection, type FormResult, type Settings } from "../pages.ts";
import { api, toast } from "../store.ts";
import { ApiError } from "../api.ts";
import { FieldError, FormStatus, Panel, Toggle, invalid } from "./form.tsx";

export function CsatPanel({ s }: { s: Settings }) {
  const csat = s.csat ?? { enabled: false, aiResolved: false };
  const [result, setResult] = useState<FormResult | null>(null);
  const save = async (next: { enabled: boolean; aiResolved?: boolean }) => setResult(await saveSection("csat", next, "Satisfaction survey saved"));
  return (
    <Panel
      title="Satisfaction survey (CSAT)"
      id="set-csat"
      sub="After a person on your team closes a ticket, the customer is asked once to rate it from 1 to 5: a card in web chat, a link by email, a reply-with-a-number by SMS and WhatsApp."
    >
      <Toggle label="Ask for a rating" checked={csat.enabled} disabled={!canAdmin.value} onChange={(on) => void save({ ...csat, enabled: on })} hint={csat.enabled ? "on" : "off"} />
      <Toggle
        label="Also after conversations the AI agent resolved on its own"
        checked={csat.aiResolved === true}
        disabled={!canAdmin.value || !csat.enabled}
        onChange={(on) => void save({ ...csat, aiResolved: on })}
        hint={csat.aiResolved ? "on" : "off: the agent's resolution figures cover them"}
      />
      <FormStatus result={result} />
    </Panel>
  );
}

type Policy = NonNullable<Settings["sla"]>["policies"][number];
const CHANNELS: Channel[] = ["webchat", "email", "sms", "whatsapp", "instagram"];
const PRIORITIES = ["urgent", "high", "normal", "low"] as const;

function failure(err: unknown): FormResult {
  if (err instanceof ApiError) return { ok: false, message: err.message, issues: err.issues, status: err.status };
  return { ok: false, message: "Something went wrong. Try again.", issues: [], status: 0 };
}

function describe(p: Policy): string {
  const parts = [`first reply ${p.firstResponseMinutes} min`];
  if (p.nextResponseMinutes) parts.push(`next reply ${p.nextResponseMinutes} min`);
  if (p.resolutionMinutes) parts.push(`resolution ${p.resolutionMinutes} min`);
  const when = [...(p.match.channels ?? []).map((c) => CHANNEL_LABEL[c] ?? c), ...(p.match.priorities ?? []), ...(p.match.tags ?? []).map((t) => `#${t}`)];
  return `${parts.join(", ")} · ${p.businessHours ? "office hours" : "around the clock"} · ${when.length ? when.join(", ") : "every ticket"}`;
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
      toast("SLA policy added");
      await load();
    } catch (err) {
      setResult(failure(err));
    }
  };
  const remove = async (p: Policy) => {
    await api.request("DELETE", `/sla-policies/${encodeURIComponent(p.id)}`);
    toast(`Deleted ${p.name}`);
    await load();
  };
  const editable = canManageTeams.value;
  return (
    <Panel title="SLA policies" id="set-sla" sub="Targets for replying to customers. The first policy that matches a ticket applies; its timer shows on the ticket and turns amber, then red.">
      {items === null ? (
        <div class="skeleton" />
      ) : items.length === 0 ? (
        <p class="muted small">No SLA policies yet: tickets have no timers.</p>
      ) : (
        <ol class="plain-list" aria-label="SLA policies in match order">
          {items.map((p) => (
            <li key={p.id} class="list-row">
              <div>
                <strong>{p.name}</strong>
                <div class="small muted">{describe(p)}</div>
              </div>
              {editable && (
                <button class="btn small" type="button" onClick={() => void remove(p)} aria-label={`Delete SLA policy ${p.name}`}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <form class="stack" onSubmit={add} aria-label="New SLA policy">
          <div class="grid-2 tight">
            <div>
              <label class="field">
                <span>Name</span>
                <input type="text" value={name} maxLength={100} onInput={(e) => setName(e.currentTarget.value)} {...invalid(result, "name", "sla-name-err")} />
              </label>
              <FieldError result={result} path="name" id="sla-name-err" />
            </div>
            <div>
              <label class="field">
                <span>First reply within (minutes)</span>
                <input type="number" min={1} value={first} onInput={(e) => setFirst(e.currentTarget.value)} {...invalid(result, "firstResponseMinutes", "sla-first-err")} />
              </label>
              <FieldError result={result} path="firstResponseMinutes" id="sla-first-err" />
            </div>
            <div>
              <label class="field">
                <span>
                  Next reply within (minutes) <span class="muted">(optional)</span>
                </span>
                <input type="number" min={1} value={next} onInput={(e) => setNext(e.currentTarget.value)} />
              </label>
            </div>
            <label class="check">
              <input type="checkbox" checked={businessHours} onChange={(e) => setBusinessHours(e.currentTarget.checked)} />
              Count office hours only
            </label>
          </div>
          <fieldset class="choices">
            <legend>Applies to channels (none = all)</legend>
            <div class="checks">
              {CHANNELS.map((c) => (
                <label key={c} class="check">
                  <input type="checkbox" checked={channels.includes(c)} onChange={(e) => setChannels(e.currentTarget.checked ? [...channels, c] : channels.filter((x) => x !== c))} />
                  {CHANNEL_LABEL[c] ?? c}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset class="choices">
            <legend>Applies to priorities (none = all)</legend>
            <div class="checks">
              {PRIORITIES.map((p) => (
                <label key={p} class="check">
                  <input type="checkbox" checked={priorities.includes(p)} onChange={(e) => setPriorities(e.currentTarget.checked ? [...priorities, p] : priorities.filter((x) => x !== p))} />
                  {p}
                </label>
              ))}
            </div>
          </fieldset>
          <div class="form-foot">
            <button class="btn primary" type="submit">
              Add policy
            </button>
            <FormStatus result={result} fields={["name", "firstResponseMinutes"]} saved="Added" />
          </div>
        </form>
      )}
    </Panel>
  );
}
