// The reply / internal-note composer: a draft per ticket and mode, macros, Ctrl+Enter, and typing sent to the shopper.
import { useEffect, useRef, useState } from "preact/hooks";
import { composerInsert } from "../store/profile.ts";
import type { Ticket } from "../api.ts";
import { customerName, CHANNEL_LABEL } from "../format.ts";
import { agentTyping, api, macros, send, toast } from "../store.ts";
import { AttachButton, FileTray, useComposerFiles } from "./Attachments.tsx";
import { Icon } from "./ui.tsx";

export function Composer({ t }: { t: Ticket }) {
  const [mode, setMode] = useState<"reply" | "note">("reply");
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const text = drafts[`${t.id}:${mode}`] ?? "";
  const setText = (v: string) => setDrafts((d) => ({ ...d, [`${t.id}:${mode}`]: v }));
  const area = useRef<HTMLTextAreaElement>(null);
  const files = useComposerFiles(t.id);
  const canReply = t.channel !== "sms" || !/^[A-Za-z]/.test(t.customer.phone ?? "");
  // The profile panel can hand text to this ticket's reply draft (how to redeem points, with the link).
  useEffect(() => {
    const ins = composerInsert.value;
    if (!ins || ins.ticketId !== t.id) return;
    composerInsert.value = null;
    setMode("reply");
    setDrafts((d) => ({ ...d, [`${t.id}:reply`]: d[`${t.id}:reply`] ? `${d[`${t.id}:reply`]}\n${ins.text}` : ins.text }));
    area.current?.focus();
  }, [composerInsert.value]);

  const submit = async () => {
    const body = text.trim();
    const attached = files.ready.map((f) => f.id);
    if ((!body && attached.length === 0) || busy || files.uploading) return;
    const key = `${t.id}:${mode}`;
    setBusy(true);
    const ok = await send(t.id, body, mode === "note", attached);
    setBusy(false);
    if (ok) files.clear();
    // The message may show (live) before the request returns and the agent may already be typing the next
    // one: clear the draft only if it still is what was sent.
    if (ok) setDrafts((d) => (d[key] === text ? { ...d, [key]: "" } : d));
    area.current?.focus();
  };

  const useMacro = async (id: string) => {
    try {
      const r = await api.renderMacro(id, t.id);
      setText(text ? `${text}\n${r.body}` : r.body);
      area.current?.focus();
    } catch {
      toast("Could not insert the macro", "error");
    }
  };

  return (
    <form
      class={`composer ${mode}`}
      onDragOver={(e) => {
        if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
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
      <div class="composer-tabs" role="tablist" aria-label="Message type">
        <button type="button" role="tab" aria-selected={mode === "reply"} class={mode === "reply" ? "tab active" : "tab"} onClick={() => setMode("reply")}>
          Reply
          <span class="muted small"> · {CHANNEL_LABEL[t.channel]}</span>
        </button>
        <button type="button" role="tab" aria-selected={mode === "note"} class={mode === "note" ? "tab active" : "tab"} onClick={() => setMode("note")}>
          <Icon name="lock" size={12} /> Internal note
        </button>
      </div>
      <label class="sr-only" for="composer-text">
        {mode === "reply" ? "Reply to the customer" : "Internal note for the team"}
      </label>
      <textarea
        id="composer-text"
        ref={area}
        rows={3}
        value={text}
        placeholder={mode === "reply" ? (canReply ? `Reply to ${customerName(t)}…` : "This sender cannot receive replies") : "Write a note only your team will see…"}
        disabled={mode === "reply" && !canReply}
        onInput={(e) => {
          setText(e.currentTarget.value);
          if (mode === "reply" && e.currentTarget.value.trim()) agentTyping(t.id);
        }}
        onPaste={(e) => {
          const pasted = [...(e.clipboardData?.files ?? [])];
          if (pasted.length) {
            e.preventDefault();
            files.add(pasted);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <FileTray files={files} />
      <div class="composer-foot">
        <AttachButton files={files} />
        {macros.value.length > 0 && (
          <select
            aria-label="Insert a macro"
            value=""
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v) void useMacro(v);
            }}
          >
            <option value="">Insert macro…</option>
            {macros.value.map((m) => (
              <option value={m.id} key={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
        <span class="muted small kbd-hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to send
        </span>
        <span class="grow" />
        <button class={mode === "note" ? "btn note-btn" : "btn primary"} type="submit" disabled={busy || files.uploading || (!text.trim() && files.ready.length === 0)}>
          <Icon name={mode === "note" ? "lock" : "send"} size={14} />
          {mode === "note" ? "Add note" : "Send reply"}
        </button>
      </div>
    </form>
  );
}
