// The reply / internal-note composer: a draft per ticket and mode, macros, Ctrl+Enter, and typing sent to the shopper.
import { useEffect, useRef, useState } from "preact/hooks";
import { composerInsert } from "../store/profile.ts";
import { COMPOSE_EVENT } from "./Shortcuts.tsx";
import type { Ticket } from "../api.ts";
import { customerName, channelLabel } from "../format.ts";
import { agentById, agentTyping, api, current, macros, send, toast } from "../store.ts";
import { replyByOthersSince } from "../store/collision.ts";
import { AttachButton, FileTray, useComposerFiles } from "./Attachments.tsx";
import { Icon } from "./ui.tsx";
import { t } from "../i18n.ts";

export function Composer({ t: ticket }: { t: Ticket }) {
  const [mode, setMode] = useState<"reply" | "note">("reply");
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const text = drafts[`${ticket.id}:${mode}`] ?? "";
  const setText = (v: string) => setDrafts((d) => ({ ...d, [`${ticket.id}:${mode}`]: v }));
  const area = useRef<HTMLTextAreaElement>(null);
  const files = useComposerFiles(ticket.id);
  const canReply = ticket.channel !== "sms" || !/^[A-Za-z]/.test(ticket.customer.phone ?? "");
  // The profile panel can hand text to this ticket's reply draft (how to redeem points, with the link).
  useEffect(() => {
    const ins = composerInsert.value;
    if (!ins || ins.ticketId !== ticket.id) return;
    composerInsert.value = null;
    setMode("reply");
    setDrafts((d) => ({ ...d, [`${ticket.id}:reply`]: d[`${ticket.id}:reply`] ? `${d[`${ticket.id}:reply`]}\n${ins.text}` : ins.text }));
    area.current?.focus();
  }, [composerInsert.value]);
  // Collision detection: the last message seen when this reply was started, and a colleague's answer since then.
  const startedAfter = useRef<Record<string, string | null>>({});
  const [clash, setClash] = useState<{ who: string; body: string } | null>(null);
  // The `r` and `n` shortcuts.
  useEffect(() => {
    const onCompose = (e: Event) => {
      setMode((e as CustomEvent<"reply" | "note">).detail);
      setTimeout(() => area.current?.focus());
    };
    window.addEventListener(COMPOSE_EVENT, onCompose);
    return () => window.removeEventListener(COMPOSE_EVENT, onCompose);
  }, []);

  const submit = async (anyway = false) => {
    const body = text.trim();
    const attached = files.ready.map((f) => f.id);
    if ((!body && attached.length === 0) || busy || files.uploading) return;
    if (mode === "reply" && !anyway) {
      const other = replyByOthersSince(current.value?.messages ?? [], startedAfter.current[ticket.id] ?? null);
      if (other) {
        setClash({ who: other.author === "ai" ? t("ticket.composer.aiAgent") : (agentById.value.get(other.agentId ?? "")?.name ?? t("ticket.composer.colleague")), body: other.body });
        return;
      }
    }
    setClash(null);
    const key = `${ticket.id}:${mode}`;
    setBusy(true);
    const ok = await send(ticket.id, body, mode === "note", attached);
    setBusy(false);
    if (ok) files.clear();
    // The message may show (live) before the request returns and the agent may already be typing the next
    // one: clear the draft only if it still is what was sent.
    if (ok) setDrafts((d) => (d[key] === text ? { ...d, [key]: "" } : d));
    if (ok) delete startedAfter.current[ticket.id];
    area.current?.focus();
  };

  const useMacro = async (id: string, replacing = "") => {
    try {
      const r = await api.renderMacro(id, ticket.id);
      const base = replacing && text.endsWith(replacing) ? text.slice(0, text.length - replacing.length) : text;
      setText(base && !base.endsWith("\n") && !base.endsWith(" ") ? `${base}\n${r.body}` : `${base}${r.body}`);
      area.current?.focus();
    } catch {
      toast(t("ticket.composer.couldNotInsertMacro"), "error");
    }
  };
  // `/name` at the end of the draft offers the macros whose name matches; Enter or a click inserts one.
  const slash = /(?:^|\s)(\/([^\s/]*))$/.exec(text);
  const slashHits = slash ? macros.value.filter((m) => m.name.toLowerCase().includes((slash[2] ?? "").toLowerCase())).slice(0, 6) : [];
  const [slashAt, setSlashAt] = useState(0);
  const pickSlash = (i: number) => {
    const m = slashHits[i];
    if (m && slash) void useMacro(m.id, slash[1]);
  };

  return (
    <form
      class={`composer ${mode}`}
      onDragOver={(e) => {
        if (e.dataTransfer?.types.includes(t("ticket.composer.files"))) e.preventDefault();
      }}
      onDrop={(e) => {
        const dropped = [...(e.dataTransfer?.files ?? [])];
        if (dropped.length) {
          e.preventDefault();
          files.add(dropped);
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div class="composer-tabs" role="tablist" aria-label={t("ticket.composer.messageType")}>
        <button type="button" role="tab" aria-selected={mode === "reply"} class={mode === "reply" ? "tab active" : "tab"} onClick={() => setMode("reply")}>
          {t("ticket.composer.reply")}
          <span class="muted small"> · {channelLabel(ticket.channel)}</span>
        </button>
        <button type="button" role="tab" aria-selected={mode === "note"} class={mode === "note" ? "tab active" : "tab"} onClick={() => setMode("note")}>
          <Icon name="lock" size={12} />{" "}{t("ticket.composer.internalNote")}
        </button>
      </div>
      <label class="sr-only" for="composer-text">
        {mode === "reply" ? t("ticket.composer.replyToCustomer") : t("ticket.composer.internalNoteForTeam")}
      </label>
      <textarea
        id="composer-text"
        ref={area}
        rows={3}
        value={text}
        placeholder={mode === "reply" ? (canReply ? t("ticket.composer.replyTo", { customerName: customerName(ticket) }) : t("ticket.composer.thisSenderCannotReceive")) : t("ticket.composer.writeNoteOnlyYour")}
        disabled={mode === "reply" && !canReply}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setSlashAt(0);
          if (!(ticket.id in startedAfter.current)) startedAfter.current[ticket.id] = current.value?.messages.at(-1)?.id ?? null;
          if (e.currentTarget.value.trim()) agentTyping(ticket.id, mode);
        }}
        onPaste={(e) => {
          const pasted = [...(e.clipboardData?.files ?? [])];
          if (pasted.length) {
            e.preventDefault();
            files.add(pasted);
          }
        }}
        onKeyDown={(e) => {
          if (slashHits.length > 0 && ["ArrowDown", "ArrowUp", "Enter", "Tab"].includes(e.key) && !e.metaKey && !e.ctrlKey) {
            e.preventDefault();
            if (e.key === "ArrowDown") setSlashAt((slashAt + 1) % slashHits.length);
            else if (e.key === "ArrowUp") setSlashAt((slashAt + slashHits.length - 1) % slashHits.length);
            else pickSlash(Math.min(slashAt, slashHits.length - 1));
            return;
          }
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <FileTray files={files} />
      {slashHits.length > 0 && (
        <ul class="slash-menu" role="listbox" aria-label={t("ticket.composer.insertMacroLabel")}>
          {slashHits.map((m, i) => (
            <li key={m.id} role="option" aria-selected={i === slashAt} class={i === slashAt ? "active" : ""} onMouseDown={(e) => (e.preventDefault(), pickSlash(i))}>
              <strong>{m.name}</strong> <span class="muted small">{m.body.slice(0, 60)}</span>
            </li>
          ))}
        </ul>
      )}
      {clash && (
        <div class="clash" role="alert">
          <span>
            {t("ticket.composer.whoRepliedWhileYou", { who: clash.who })}{clash.body.length > 120 ? `${clash.body.slice(0, 119)}…` : clash.body}”
          </span>
          <button class="btn small" type="button" onClick={() => setClash(null)}>
            {t("ticket.composer.reviewFirst")}
          </button>
          <button class="btn small primary" type="button" onClick={() => void submit(true)}>
            {t("ticket.composer.sendAnyway")}
          </button>
        </div>
      )}
      <div class="composer-foot">
        <AttachButton files={files} />
        {macros.value.length > 0 && (
          <select
            aria-label={t("ticket.composer.insertMacroLabel")}
            value=""
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v) void useMacro(v);
            }}
          >
            <option value="">{t("ticket.composer.insertMacro")}</option>
            {macros.value.map((m) => (
              <option value={m.id} key={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
        <span class="muted small kbd-hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd>{" "}{t("ticket.composer.toSend")}
        </span>
        <span class="grow" />
        <button class={mode === "note" ? "btn note-btn" : "btn primary"} type="submit" disabled={busy || files.uploading || (!text.trim() && files.ready.length === 0)}>
          <Icon name={mode === "note" ? "lock" : "send"} size={14} />
          {mode === "note" ? t("ticket.composer.addNote") : t("ticket.composer.sendReply")}
        </button>
      </div>
    </form>
  );
}
