// Teams (docs/product.md §3): agents in rotation order and the tags and customer segments routed to them; create, edit, delete.
import { useState } from "preact/hooks";
import { canManageTeams, deleteTeam, saveTeam, teams, type FormResult, type Team } from "../pages.ts";
import { agentById, agents } from "../store.ts";
import { FieldError, FormStatus, Panel, invalid } from "./form.tsx";
import { Avatar, Icon } from "./ui.tsx";
import { t } from "../i18n.ts";

const splitList = (s: string) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))];

function TeamForm({ team, onDone }: { team: Team | null; onDone: () => void }) {
  const [name, setName] = useState(team?.name ?? "");
  const [description, setDescription] = useState(team?.description ?? "");
  const [members, setMembers] = useState<string[]>(team?.agentIds ?? []);
  const [tags, setTags] = useState((team?.tags ?? []).join(", "));
  const [segments, setSegments] = useState((team?.segments ?? []).join(", "));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  const prefix = team ? `team-${team.id}` : "team-new";

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const r = await saveTeam(team?.id ?? null, { name, description: description.trim() || null, agentIds: members, tags: splitList(tags), segments: splitList(segments) });
    setBusy(false);
    setResult(r);
    if (r.ok) onDone();
  };

  return (
    <form class="stack team-form" onSubmit={submit} aria-label={team ? t("settings.teams.editTeamName", { name: team.name }) : t("settings.teams.newTeam")}>
      <div class="grid-2 tight">
        <div>
          <label class="field">
            <span>{t("settings.teams.name")}</span>
            <input type="text" value={name} maxLength={100} onInput={(e) => setName(e.currentTarget.value)} {...invalid(result, "name", `${prefix}-name-err`)} />
          </label>
          <FieldError result={result} path="name" id={`${prefix}-name-err`} />
        </div>
        <div>
          <label class="field">
            <span>
              {t("settings.teams.description")}{" "}<span class="muted">{t("settings.teams.optional")}</span>
            </span>
            <input type="text" value={description} maxLength={500} onInput={(e) => setDescription(e.currentTarget.value)} {...invalid(result, "description", `${prefix}-desc-err`)} />
          </label>
          <FieldError result={result} path="description" id={`${prefix}-desc-err`} />
        </div>
      </div>
      <fieldset class="choices">
        <legend>{t("settings.teams.membersInRotationOrder")}</legend>
        <div class="checks members">
          {agents.value.map((a) => (
            <label key={a.id} class="check">
              <input type="checkbox" checked={members.includes(a.id)} onChange={(e) => setMembers(e.currentTarget.checked ? [...members, a.id] : members.filter((x) => x !== a.id))} />
              <Avatar name={a.name} size={20} />
              {a.name}
              <span class="muted small">{a.role}</span>
            </label>
          ))}
        </div>
        <FieldError result={result} path="agentIds" id={`${prefix}-members-err`} />
      </fieldset>
      <div class="grid-2 tight">
        <div>
          <label class="field">
            <span>{t("settings.teams.tagsItTakes")}</span>
            <input type="text" value={tags} placeholder={t("settings.teams.returnsWholesale")} onInput={(e) => setTags(e.currentTarget.value)} {...invalid(result, "tags", `${prefix}-tags-err`)} />
          </label>
          <FieldError result={result} path="tags" id={`${prefix}-tags-err`} />
        </div>
        <div>
          <label class="field">
            <span>{t("settings.teams.customerSegmentsItTakes")}</span>
            <input type="text" value={segments} placeholder={t("settings.teams.vipEuCustomers")} onInput={(e) => setSegments(e.currentTarget.value)} {...invalid(result, "segments", `${prefix}-seg-err`)} />
          </label>
          <FieldError result={result} path="segments" id={`${prefix}-seg-err`} />
        </div>
      </div>
      <p class="muted small">{t("settings.teams.separateTagsAndSegments")}</p>
      <div class="form-foot">
        <button class="btn primary" type="submit" disabled={busy}>
          {team ? t("settings.teams.saveTeam") : t("settings.teams.createTeam")}
        </button>
        <button class="btn" type="button" onClick={onDone}>
          {t("settings.teams.cancel")}
        </button>
        <FormStatus result={result} fields={["name", "description", "agentIds", "tags", "segments"]} />
      </div>
    </form>
  );
}

function TeamCard({ team }: { team: Team }) {
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <li class="team editing" data-team={team.name}>
        <TeamForm team={team} onDone={() => setEditing(false)} />
      </li>
    );
  return (
    <li class="team" data-team={team.name}>
      <div class="integration-head">
        <div class="grow">
          <div class="integration-name">{team.name}</div>
          {team.description && <div class="muted small">{team.description}</div>}
        </div>
        {canManageTeams.value && (
          <div class="row-actions">
            <button class="btn small" type="button" onClick={() => setEditing(true)} aria-label={t("settings.teams.editTeamName", { name: team.name })}>
              {t("settings.teams.edit")}
            </button>
            <button class="btn small danger" type="button" aria-label={t("settings.teams.deleteTeamName", { name: team.name })} onClick={() => confirm(t("settings.teams.deleteTeamNameIts", { name: team.name })) && void deleteTeam(team)}>
              {t("settings.teams.delete")}
            </button>
          </div>
        )}
      </div>
      <dl class="ov-grid team-facts">
        <dt>{t("settings.teams.members")}</dt>
        <dd class="member-list">
          {team.agentIds.map((id) => {
            const a = agentById.value.get(id);
            return (
              <span key={id} class="member">
                <Avatar name={a?.name ?? "?"} size={20} />
                {a?.name ?? t("settings.teams.removedAgent")}
              </span>
            );
          })}
        </dd>
        <dt>{t("settings.teams.tags")}</dt>
        <dd>{team.tags.length ? team.tags.map((t) => <span class="tag" key={t}>{t}</span>) : <span class="muted">—</span>}</dd>
        <dt>{t("settings.teams.segments")}</dt>
        <dd>{team.segments.length ? team.segments.map((t) => <span class="tag seg-tag" key={t}>{t}</span>) : <span class="muted">—</span>}</dd>
      </dl>
    </li>
  );
}

export function TeamsPanel() {
  const [creating, setCreating] = useState(false);
  return (
    <Panel title={t("settings.teams.teams")} id="set-teams" sub={t("settings.teams.ticketsWhoseTagsOr")}>
      {!canManageTeams.value && (
        <div class="banner info" role="note">
          {t("settings.teams.onlyOwnersAdminsAnd")}
        </div>
      )}
      <ul class="integrations teams">
        {teams.value.length === 0 && <li class="muted small">{t("settings.teams.noTeamsYet")}</li>}
        {teams.value.map((t) => (
          <TeamCard key={t.id} team={t} />
        ))}
      </ul>
      {canManageTeams.value &&
        (creating ? (
          <div class="team editing">
            <TeamForm team={null} onDone={() => setCreating(false)} />
          </div>
        ) : (
          <div class="form-foot">
            <button class="btn primary" type="button" onClick={() => setCreating(true)}>
              <Icon name="plus" size={14} />{" "}{t("settings.teams.newTeam")}
            </button>
          </div>
        ))}
    </Panel>
  );
}
