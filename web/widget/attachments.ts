// Files in the widget: the composer's tray (file picker, drag-and-drop, paste; previews, upload errors) and a
// message's files in the thread (images shown, other files as links).
import type { ChatClient, UploadedFile } from "./client.ts";
import { ApiError } from "./client.ts";
import { el, icon, safeUrl } from "./dom.ts";
import type { AttachmentView } from "../../src/schemas/files.ts";

const CLIP_ICON = ["M21 11.5 12.6 19.9a5.5 5.5 0 0 1-7.8-7.8l8.5-8.5a3.7 3.7 0 0 1 5.2 5.2l-8.5 8.5a1.8 1.8 0 0 1-2.6-2.6l7.8-7.8"];
/** No shop takes more than this (the server says so too); refusing early spares a long upload. */
const MAX_BYTES = 25 * 1024 * 1024;
const ACCEPT = "image/jpeg,image/png,image/gif,image/webp,application/pdf";

interface TrayItem {
  key: number;
  file: File;
  preview: string | null;
  uploaded: UploadedFile | null;
}

function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

export class AttachmentTray {
  readonly element: HTMLDivElement;
  readonly button: HTMLButtonElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly error: HTMLDivElement;
  private items: TrayItem[] = [];
  private next = 0;

  constructor(
    private readonly client: ChatClient,
    private readonly changed: () => void,
  ) {
    this.input = el("input", { type: "file", accept: ACCEPT, multiple: "", hidden: "", "aria-hidden": "true", tabindex: "-1" });
    this.input.addEventListener("change", () => {
      if (this.input.files) this.add([...this.input.files]);
      this.input.value = "";
    });
    this.button = el("button", { class: "attach", type: "button", "aria-label": "Attach a photo or PDF" }, icon(CLIP_ICON), this.input);
    this.button.addEventListener("click", () => this.input.click());
    this.list = el("ul", { class: "tray", "aria-label": "Files to send" });
    this.error = el("div", { class: "file-error", role: "alert", hidden: "" });
    this.element = el("div", { class: "files", hidden: "" }, this.list, this.error);
  }

  /** Drag-and-drop onto the panel and paste into the text box add files too. */
  watch(panel: HTMLElement, textarea: HTMLTextAreaElement): void {
    panel.addEventListener("dragover", (ev) => {
      if (ev.dataTransfer?.types.includes("Files")) {
        ev.preventDefault();
        panel.classList.add("dropping");
      }
    });
    panel.addEventListener("dragleave", () => panel.classList.remove("dropping"));
    panel.addEventListener("drop", (ev) => {
      panel.classList.remove("dropping");
      if (!ev.dataTransfer?.files.length) return;
      ev.preventDefault();
      this.add([...ev.dataTransfer.files]);
    });
    textarea.addEventListener("paste", (ev) => {
      const files = [...(ev.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      ev.preventDefault();
      this.add(files);
    });
  }

  add(files: File[]): void {
    this.showError(null);
    for (const file of files) {
      if (file.size > MAX_BYTES) {
        this.showError(`${file.name}: the file is larger than ${sizeText(MAX_BYTES)}`);
        continue;
      }
      const item: TrayItem = { key: this.next++, file, preview: file.type.startsWith("image/") ? URL.createObjectURL(file) : null, uploaded: null };
      this.items.push(item);
      this.client.upload(file).then(
        (uploaded) => {
          item.uploaded = uploaded;
          this.render();
        },
        (err: unknown) => {
          this.drop(item);
          this.showError(`${file.name || "File"}: ${err instanceof ApiError ? err.message : "could not be uploaded"}`);
        },
      );
    }
    this.render();
  }

  /** Files uploaded and ready to go with the next message. */
  ready(): UploadedFile[] {
    return this.items.flatMap((i) => (i.uploaded ? [i.uploaded] : []));
  }

  uploading(): boolean {
    return this.items.some((i) => !i.uploaded);
  }

  clear(): void {
    for (const i of [...this.items]) this.drop(i, false);
    this.render();
  }

  private drop(item: TrayItem, render = true): void {
    if (item.preview) URL.revokeObjectURL(item.preview);
    this.items = this.items.filter((i) => i !== item);
    if (render) this.render();
  }

  private showError(text: string | null): void {
    this.error.hidden = text === null;
    this.error.textContent = text ?? "";
    this.element.hidden = this.items.length === 0 && text === null;
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.items.map((i) => {
        const remove = el("button", { type: "button", class: "remove", "aria-label": `Remove ${i.file.name}` }, "×");
        remove.addEventListener("click", () => this.drop(i));
        const thumb = i.preview ? el("img", { src: i.preview, alt: "" }) : el("span", { class: "doc" }, "PDF");
        return el("li", { class: i.uploaded ? "chip" : "chip busy", title: i.file.name }, thumb, el("span", { class: "name" }, i.uploaded ? i.file.name : "Uploading…"), remove);
      }),
    );
    this.element.hidden = this.items.length === 0 && this.error.hidden;
    this.changed();
  }
}

/** A message's files: images shown (opening full size), anything else as a link that downloads it. */
export function attachmentList(files: readonly AttachmentView[], apiBase: string): HTMLElement | null {
  if (files.length === 0) return null;
  return el(
    "div",
    { class: "attachments" },
    ...files.map((f) => {
      const href = safeUrl(`${apiBase}${f.url}`);
      if (!href) return null;
      if (/^image\/(jpeg|png|gif|webp)$/.test(f.contentType)) {
        return el("a", { class: "image", href, target: "_blank", rel: "noopener noreferrer" }, el("img", { src: href, alt: f.name, loading: "lazy" }));
      }
      return el("a", { class: "file", href, target: "_blank", rel: "noopener noreferrer", download: f.name }, el("span", { class: "doc" }, f.contentType === "application/pdf" ? "PDF" : "FILE"), el("span", { class: "name" }, f.name), el("span", { class: "size" }, sizeText(f.size)));
    }),
  );
}
