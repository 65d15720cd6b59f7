// The chat API on the wire: one fetch wrapper that reads the API's error shape, the calls on one conversation, and the socket's resume URL.

/** An HTTP error body as the API sends it (docs/api.md "Conventions"), read leniently. */
interface ApiErrorBody {
  error?: { code?: string; message?: string; issues?: { path: string; message: string }[] };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export async function request<T>(apiBase: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${apiBase}${path}`, {
      method,
      headers: { ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      credentials: "omit",
      mode: "cors",
    });
  } catch {
    throw new ApiError(0, "network", "You seem to be offline");
  }
  if (!res.ok) {
    const err = (await res.json().catch(() => ({}))) as ApiErrorBody;
    throw new ApiError(res.status, err.error?.code ?? "http_error", err.error?.message ?? res.statusText, err.error?.issues ?? []);
  }
  return (await res.json()) as T;
}

/** A call on one conversation, authorized by its visitor token; fails (as a rejection) before the conversation exists. */
export async function conversationRequest<T>(apiBase: string, conversationId: string | null, visitorToken: string | null, method: string, suffix: string, body?: unknown): Promise<T> {
  if (!conversationId || !visitorToken) throw new ApiError(0, "no_conversation", "no conversation yet");
  return request<T>(apiBase, method, `/api/chat/conversations/${encodeURIComponent(conversationId)}${suffix}`, body, { "X-Visitor-Token": visitorToken });
}

export interface UploadedFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** Uploads one file to the conversation (multipart); the server sniffs its type and applies the shop's limits. */
export async function uploadFile(apiBase: string, conversationId: string, visitorToken: string, file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append("file", file, file.name || "pasted-image");
  let res: Response;
  try {
    res = await fetch(`${apiBase}/api/chat/conversations/${encodeURIComponent(conversationId)}/attachments`, { method: "POST", headers: { "X-Visitor-Token": visitorToken }, body: form, credentials: "omit", mode: "cors" });
  } catch {
    throw new ApiError(0, "network", "You seem to be offline");
  }
  if (!res.ok) {
    const err = (await res.json().catch(() => ({}))) as ApiErrorBody;
    throw new ApiError(res.status, err.error?.code ?? "http_error", err.error?.message ?? res.statusText, err.error?.issues ?? []);
  }
  return (await res.json()) as UploadedFile;
}

/** The conversation's socket, resuming after `after` (the whole history when null). */
export function socketUrl(apiBase: string, conversationId: string | null, visitorToken: string | null, after: string | null): string | null {
  if (!conversationId || !visitorToken) return null;
  const url = new URL(`${apiBase}/api/chat/conversations/${encodeURIComponent(conversationId)}/ws`);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("visitorToken", visitorToken);
  if (after) url.searchParams.set("after", after);
  // The page the widget runs on: a follow-up email links back to it (src/chat/followUp.ts).
  if (typeof location !== "undefined" && /^https?:$/.test(location.protocol)) url.searchParams.set("page", location.href.slice(0, 2000));
  return url.href;
}
