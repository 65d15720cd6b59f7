// Office hours (docs/product.md §2, §3): time zone, weekly hours per day, holidays and the auto-reply sent outside them; none = always open.
import { useEffect, useMemo, useState } from "preact/hooks";
import { canAdmin, saveSection, type FormResult, type OfficeHours, type Settings } from "../pages.ts";
import { FieldError, FormStatus, Panel, Toggle, invalid } from "./form.tsx";
import { Icon } from "./ui.tsx";
import { weekdayName } from "../format.ts";
import { locale, t } from "../i18n.ts";

type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
type Interval = [string, string];

// Monday first; 2024-01-01 was a Monday, so day i's name is that date plus i days in the active language.
const DAYS: [Weekday, string][] = (["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const).map((d, i) => [d, weekdayName(i)]);

const DEFAULT_REPLY = "Thanks for your message! Our team is away right now and will reply as soon as we're back.";

// <input type="time"> cannot show 24:00: a day that ends at midnight shows (and is entered as) 00:00.
const toInput = (t: string) => (t === "24:00" ? "00:00" : t);
const fromInput = (end: string) => (end === "00:00" ? "24:00" : end);

interface Draft {
  on: boolean;
  timezone: string;
  weekly: Record<Weekday, Interval[]>;
  holidays: string[];
  autoReply: string;
}

function draftOf(oh: OfficeHours | null): Draft {
  const weekly = {} as Record<Weekday, Interval[]>;
  for (const [d] of DAYS) weekly[d] = oh ? (oh.weekly[d] ?? []).map(([a, b]) => [a, toInput(b)] as Interval) : ["sat", "sun"].includes(d) ? [] : [["09:00", "17:00"]];
  return {
    on: oh !== null,
    timezone: oh?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    weekly,
    holidays: oh ? [...oh.holidays].sort() : [],
    autoReply: oh?.autoReply ?? DEFAULT_REPLY,
  };
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
}

export function OfficeHoursForm({ s }: { s: Settings }) {
  const savedKey = JSON.stringify(s.officeHours);
  const [d, setD] = useState<Draft>(() => draftOf(s.officeHours));
  const [holiday, setHoliday] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult | null>(null);
  const zones = useMemo(timeZones, []);
  useEffect(() => setD(draftOf(s.officeHours)), [savedKey]);
  const editable = canAdmin.value;

  const setDay = (day: Weekday, intervals: Interval[]) => setD({ ...d, weekly: { ...d.weekly, [day]: intervals } });
  const addHoliday = () => {
    if (!holiday || d.holidays.includes(holiday)) return;
    setD({ ...d, holidays: [...d.holidays, holiday].sort() });
    setHoliday("");
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    if (!d.on) {
      setResult(await saveSection("officeHours", null, t("settings.officeHours.officeHoursRemovedAlways")));
    } else {
      const weekly: OfficeHours["weekly"] = {};
      for (const [day] of DAYS) if (d.weekly[day].length) weekly[day] = d.weekly[day].map(([a, b]) => [a, fromInput(b)] as Interval);
      setResult(await saveSection("officeHours", { timezone: d.timezone.trim(), weekly, holidays: d.holidays, autoReply: d.autoReply }, t("settings.officeHours.officeHoursSaved")));
    }
    setBusy(false);
  };

  return (
    <Panel title={t("settings.officeHours.officeHours")} id="set-hours" sub={t("settings.officeHours.outsideOfficeHoursNobody")}>
      <form class="stack" onSubmit={save} aria-label={t("settings.officeHours.officeHours")}>
        <Toggle label={t("settings.officeHours.officeHours")} checked={d.on} disabled={!editable} onChange={(on) => setD({ ...d, on })} hint={d.on ? t("settings.officeHours.teamWorksSetHours") : t("settings.officeHours.alwaysOpen")} />
        <fieldset class="bare stack" disabled={!editable || !d.on}>
          <label class="field short">
            <span>{t("settings.officeHours.timeZone")}</span>
            <input type="text" list="oh-zones" value={d.timezone} onInput={(e) => setD({ ...d, timezone: e.currentTarget.value })} required autocomplete="off" spellcheck={false} {...invalid(result, "timezone", "oh-tz-err")} />
            <datalist id="oh-zones">
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </label>
          <FieldError result={result} path="timezone" id="oh-tz-err" />

          <fieldset class="week">
            <legend>{t("settings.officeHours.weeklyHours")}</legend>
            {DAYS.map(([day, name]) => {
              const intervals = d.weekly[day];
              const errId = `oh-${day}-err`;
              return (
                <div class="day-row" key={day} data-day={day}>
                  <label class="check day-name">
                    <input type="checkbox" checked={intervals.length > 0} onChange={(e) => setDay(day, e.currentTarget.checked ? [["09:00", "17:00"]] : [])} aria-label={t("settings.officeHours.openOnName", { name })} />
                    {name}
                  </label>
                  <div class="intervals">
                    {intervals.length === 0 && <span class="muted">{t("settings.officeHours.closed")}</span>}
                    {intervals.map(([start, end], i) => (
                      <span class="interval" key={i}>
                        <input type="time" value={start} aria-label={t("settings.officeHours.nameOpens", { name })} required onInput={(e) => setDay(day, intervals.map((iv, j) => (j === i ? [e.currentTarget.value, iv[1]] : iv)))} {...invalid(result, `weekly.${day}`, errId)} />
                        <span class="muted">–</span>
                        <input type="time" value={end} aria-label={t("settings.officeHours.nameCloses", { name })} required onInput={(e) => setDay(day, intervals.map((iv, j) => (j === i ? [iv[0], e.currentTarget.value] : iv)))} {...invalid(result, `weekly.${day}`, errId)} />
                        <button type="button" class="icon-btn ghost" aria-label={t("settings.officeHours.removeNameStartEnd", { name, start, end })} title={t("settings.officeHours.remove")} onClick={() => setDay(day, intervals.filter((_, j) => j !== i))}>
                          <Icon name="x" size={12} />
                        </button>
                      </span>
                    ))}
                    {intervals.length > 0 && intervals.length < 4 && (
                      <button type="button" class="link small" onClick={() => setDay(day, [...intervals, ["18:00", "20:00"]])}>
                        {t("settings.officeHours.addHours")}
                      </button>
                    )}
                  </div>
                  <FieldError result={result} path={`weekly.${day}`} id={errId} />
                </div>
              );
            })}
            <p class="muted small">{t("settings.officeHours.midnightHint")}</p>
          </fieldset>
          <FieldError result={result} path="weekly" id="oh-weekly-err" />

          <div class="field">
            <span id="oh-holidays">{t("settings.officeHours.holidays")}</span>
            <ul class="chips" aria-labelledby="oh-holidays">
              {d.holidays.length === 0 && <li class="muted small">{t("settings.officeHours.noHolidays")}</li>}
              {d.holidays.map((h) => (
                <li class="chip" key={h}>
                  {new Date(`${h}T00:00:00Z`).toLocaleDateString(locale(), { dateStyle: "medium", timeZone: "UTC" })}
                  <button type="button" aria-label={t("settings.officeHours.removeHolidayH", { h })} onClick={() => setD({ ...d, holidays: d.holidays.filter((x) => x !== h) })}>
                    <Icon name="x" size={11} />
                  </button>
                </li>
              ))}
            </ul>
            <div class="inline-field">
              <input type="date" value={holiday} aria-label={t("settings.officeHours.holidayDate")} onInput={(e) => setHoliday(e.currentTarget.value)} {...invalid(result, "holidays", "oh-hol-err")} />
              <button type="button" class="btn small" onClick={addHoliday} disabled={!holiday}>
                <Icon name="plus" size={13} />{" "}{t("settings.officeHours.addHoliday")}
              </button>
            </div>
            <FieldError result={result} path="holidays" id="oh-hol-err" />
          </div>

          <label class="field">
            <span>{t("settings.officeHours.autoReplyOutsideOffice")}</span>
            <textarea rows={3} maxLength={2000} value={d.autoReply} onInput={(e) => setD({ ...d, autoReply: e.currentTarget.value })} {...invalid(result, "autoReply", "oh-reply-err")} />
          </label>
          <FieldError result={result} path="autoReply" id="oh-reply-err" />
        </fieldset>
        {editable && (
          <div class="form-foot">
            <button class="btn primary" type="submit" disabled={busy}>
              {t("settings.officeHours.saveOfficeHours")}
            </button>
            <FormStatus result={result} saved={t("settings.officeHours.saved")} fields={["timezone", "weekly", "holidays", "autoReply"]} />
          </div>
        )}
      </form>
    </Panel>
  );
}
