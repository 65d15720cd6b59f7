// Files in the dashboard: a message's files in the thread (images inline, other files as links) and the composer's
// attach button with the files waiting to go with the next reply or note.
import { useRef, useState } from "preact/hooks";
import type { AttachmentView, UploadedFile } from "../api.ts";
import { ApiError } from "../api.ts";
import { api, toast } from "../store.ts";
import { Icon } from "./ui.tsx";
import { t } from "../i18n.ts";

const INLINE = /^image\/(jpeg|png|gif|webp)$/;

function sizeText(n: number): string {
  return n >= 1024 * 1024 ? t("ticket.files.megabytes", { mb: (n / (1024 * 1024)).toFixed(1) }) : t("ticket.files.kilobytes", { kb: Math.max(1, Math.round(n / 1024)) });
}

export function MessageFiles({ files }: { files: readonly AttachmentView[] | undefined }) {
  if (!files?.length) return null;
  return (
    <div class="msg-files">
      {files.map((f) =>
        INLINE.test(f.contentType) ? (
          <a class="msg-image" href={f.url} target="_blank" rel="noopener noreferrer" key={f.id}>
            <img src={f.url} alt={f.name} loading="lazy" />
          </a>
        ) : (
          <a class="msg-file" href={f.url} target="_blank" rel="noopener noreferrer" download={f.name} key={f.id}>
            <Icon name="paperclip" size={13} /> {f.name} <span class="muted small">{sizeText(f.size)}</span>
          </a>
        ),
      )}
    </div>
  );
}

export interface ComposerFiles {
  ready: UploadedFile[];
  uploading: boolean;
  add(files: File[]): void;
  remove(id: string): void;
  clear(): void;
}

/** Files uploaded for the ticket's next message; an upload the server refuses (size, type) is reported and dropped. */
export function useComposerFiles(ticketId: string): ComposerFiles {
  const [ready, setReady] = useState<UploadedFile[]>([]);
  const [pending, setPending] = useState(0);
  return {
    ready,
    uploading: pending > 0,
    add(files) {
      for (const file of files) {
        setPending((n) => n + 1);
        api
          .upload(ticketId, file)
          .then((f) => setReady((r) => [...r, f]))
          .catch((err: unknown) => toast(`${file.name}: ${err instanceof ApiError ? err.message : t("ticket.files.couldNotBeUploaded")}`, "error"))
          .finally(() => setPending((n) => n - 1));
      }
    },
    remove: (id) => setReady((r) => r.filter((f) => f.id !== id)),
    clear: () => setReady([]),
  };
}

export function AttachButton({ files }: { files: ComposerFiles }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-hidden="true"
        data-testid="composer-file"
        onChange={(e) => {
          const list = e.currentTarget.files;
          if (list) files.add([...list]);
          e.currentTarget.value = "";
        }}
      />
      <button type="button" class="btn ghost" aria-label={t("ticket.files.attachFiles")} title={t("ticket.files.attachFiles")} onClick={() => input.current?.click()}>
        <Icon name="paperclip" size={14} />
      </button>
    </>
  );
}

export function FileTray({ files }: { files: ComposerFiles }) {
  if (files.ready.length === 0 && !files.uploading) return null;
  return (
    <ul class="composer-files" aria-label={t("ticket.files.filesToSend")}>
      {files.ready.map((f) => (
        <li key={f.id} class="file-chip">
          <Icon name="paperclip" size={12} /> {f.name} <span class="muted small">{sizeText(f.size)}</span>
          <button type="button" class="link" aria-label={t("ticket.files.removeName", { name: f.name })} onClick={() => files.remove(f.id)}>
            <Icon name="x" size={12} />
          </button>
        </li>
      ))}
      {files.uploading && <li class="file-chip muted">{t("ticket.files.uploading")}</li>}
    </ul>
  );
}
