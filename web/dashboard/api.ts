// Typed client for the helpdesk HTTP API (docs/api.md "Accounts and agents", "Tickets"); bearer token from the session.
import type { Card, Channel, MessageView, TicketFilters, TicketStatus, TicketView } from "../../src/schemas/ticket.ts";

export type Ticket = TicketView;
export type Message = MessageView;
export type { AttachmentView, AttachmentRef as UploadedFile } from "../../src/schemas/files.ts";
import type { AttachmentRef as UploadedFile } from "../../src/schemas/files.ts";
import { t } from "./i18n.ts";
export type { Card, Channel, TicketFilters, TicketStatus };

export interface Agent {
  id: string;
  name: string;
  email: string;
  role: "owner" | "admin" | "manager" | "support";
  status: "online" | "offline";
  capacity?: number | null;
  /** false once deactivated (kept for history; not assignable). */
  active?: boolean;
}

export interface Account {
  id: string;
  name: string;
  /** GET /api/me carries the account's settings (src/accounts/settings.ts). */
  settings?: { unreadBadge?: { enabled: boolean } | null };
}

export interface SavedView {
  id: string;
  name: string;
  filters: TicketFilters;
  shared: boolean;
  count: number;
}

export interface Macro {
  id: string;
  name: string;
  body: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TicketWithMessages {
  ticket: Ticket;
  messages: Message[];
  hasOlder: boolean;
}

export interface BulkSet {
  assigneeId?: string | null;
  status?: TicketStatus;
  addTags?: string[];
  removeTags?: string[];
}

export interface TicketPatch {
  status?: TicketStatus;
  snoozeUntil?: string | null;
  assigneeId?: string | null;
  tags?: string[];
  spam?: boolean;
  priority?: Ticket["priority"];
}

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** validation_failed: what is wrong where ("weekly.mon.0", "email"). */
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | undefined | null>;

export class Api {
  /** Called when the server says the token is no longer valid. */
  onUnauthorized: () => void = () => undefined;

  constructor(private token: string | null = null) {}

  setToken(token: string | null): void {
    this.token = token;
  }

  /** For the Reports, AI agent and Settings pages (pages.ts); same auth and error handling. */
  request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    return this.call<T>(method, path, body, query);
  }

  private async call<T>(method: string, path: string, body?: unknown, query?: Query, headers: Record<string, string> = {}): Promise<T> {
    const qs = query ? new URLSearchParams(Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== "").map(([k, v]) => [k, String(v)])).toString() : "";
    let res: Response;
    try {
      res = await fetch(`/api${path}${qs ? `?${qs}` : ""}`, {
        method,
        headers: { ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}), ...headers },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
    } catch {
      throw new ApiError(0, "network", t("errors.canTReachServer"));
    }
    if (res.status === 204) return undefined as T;
    const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; issues?: ApiIssue[] } } | null;
    if (!res.ok) {
      if (res.status === 401 && this.token) this.onUnauthorized();
      throw new ApiError(res.status, data?.error?.code ?? "http_error", data?.error?.message ?? res.statusText, Array.isArray(data?.error?.issues) ? data.error.issues : []);
    }
    return data as T;
  }

  /** A file the API serves (CSV, JSON export): fetched with the token, since a plain link can't carry it. */
  async download(path: string, query?: Query): Promise<{ blob: Blob; filename: string | null }> {
    const qs = query ? new URLSearchParams(Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== "").map(([k, v]) => [k, String(v)])).toString() : "";
    let res: Response;
    try {
      res = await fetch(`/api${path}${qs ? `?${qs}` : ""}`, { headers: this.token ? { Authorization: `Bearer ${this.token}` } : {} });
    } catch {
      throw new ApiError(0, "network", t("errors.canTReachServer"));
    }
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
      if (res.status === 401 && this.token) this.onUnauthorized();
      throw new ApiError(res.status, data?.error?.code ?? "http_error", data?.error?.message ?? res.statusText);
    }
    const filename = /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") ?? "")?.[1] ?? null;
    return { blob: await res.blob(), filename };
  }

  login(email: string, password: string) {
    return this.call<{ token: string; agent: Agent }>("POST", "/login", { email, password });
  }
  logout() {
    return this.call<void>("POST", "/logout");
  }
  me() {
    return this.call<{ agent: Agent; account: Account }>("GET", "/me");
  }
  agents() {
    return this.call<{ items: Agent[] }>("GET", "/agents");
  }
  setMyStatus(status: Agent["status"]) {
    return this.call<Agent>("PUT", "/agents/me/status", { status });
  }
  views() {
    return this.call<{ items: SavedView[]; builtIn: Record<string, number> }>("GET", "/views");
  }
  saveView(name: string, filters: TicketFilters) {
    return this.call<SavedView>("POST", "/views", { name, filters });
  }
  deleteView(id: string) {
    return this.call<void>("DELETE", `/views/${encodeURIComponent(id)}`);
  }
  tickets(filters: TicketFilters, cursor?: string | null, limit = 50) {
    return this.call<Page<Ticket>>("GET", "/tickets", undefined, { ...(filters as Query), cursor, limit });
  }
  ticket(id: string) {
    return this.call<TicketWithMessages>("GET", `/tickets/${encodeURIComponent(id)}`);
  }
  olderMessages(id: string, before: string, limit = 50) {
    return this.call<Page<Message>>("GET", `/tickets/${encodeURIComponent(id)}/messages`, undefined, { before, limit });
  }
  reply(id: string, body: string, idempotencyKey: string, attachmentIds: string[] = []) {
    return this.call<Message>("POST", `/tickets/${encodeURIComponent(id)}/replies`, { body, ...(attachmentIds.length ? { attachmentIds } : {}) }, undefined, { "Idempotency-Key": idempotencyKey });
  }
  note(id: string, body: string, idempotencyKey: string, attachmentIds: string[] = []) {
    return this.call<Message>("POST", `/tickets/${encodeURIComponent(id)}/notes`, { body, ...(attachmentIds.length ? { attachmentIds } : {}) }, undefined, { "Idempotency-Key": idempotencyKey });
  }
  /** Uploads a file to attach to a reply or note (multipart; the server sniffs the type and applies the limits). */
  async upload(ticketId: string, file: File): Promise<UploadedFile> {
    const form = new FormData();
    form.append("file", file, file.name || "pasted-image");
    let res: Response;
    try {
      res = await fetch(`/api/tickets/${encodeURIComponent(ticketId)}/attachments`, { method: "POST", headers: this.token ? { Authorization: `Bearer ${this.token}` } : {}, body: form });
    } catch {
      throw new ApiError(0, "network", t("errors.canTReachServer"));
    }
    const data = (await res.json().catch(() => null)) as (UploadedFile & { error?: { code?: string; message?: string } }) | null;
    if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? "http_error", data?.error?.message ?? res.statusText, []);
    return data as UploadedFile;
  }
  takeover(id: string) {
    return this.call<Ticket>("POST", `/tickets/${encodeURIComponent(id)}/takeover`);
  }
  patch(id: string, patch: TicketPatch) {
    return this.call<Ticket>("PATCH", `/tickets/${encodeURIComponent(id)}`, patch);
  }
  bulk(ids: string[], set: BulkSet) {
    return this.call<{ updated: number; failed: { id: string; code: string }[] }>("POST", "/tickets/bulk", { ids, set });
  }
  macros() {
    return this.call<{ items: Macro[] }>("GET", "/macros");
  }
  renderMacro(id: string, ticketId: string) {
    return this.call<{ body: string }>("POST", `/macros/${encodeURIComponent(id)}/render`, { ticketId });
  }
}
