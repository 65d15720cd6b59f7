// Shared plumbing for the adapters: one JSON request helper that turns HTTP failures into IntegrationError, response validation with zod, Basic auth.
import type { z } from "zod";

import { IntegrationError } from "./errors.ts";
import type { IntegrationErrorCode, IntegrationProviderName } from "./errors.ts";

export type FetchFn = typeof fetch;

/** Every adapter factory accepts these so tests can point it at a local fake. */
export interface AdapterOptions {
  fetch?: FetchFn;
  baseUrl?: string;
}

// workerd throws "Illegal invocation" when a detached global fetch is called, so wrap it.
export function resolveFetch(custom: FetchFn | undefined): FetchFn {
  return custom ?? ((input, init) => fetch(input, init));
}

export function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

export interface JsonRequest {
  method: "GET" | "POST" | "PUT";
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent as application/x-www-form-urlencoded instead of a JSON body (Twilio). */
  form?: Record<string, string> | [string, string][];
}

export async function requestJson(
  provider: IntegrationProviderName,
  doFetch: FetchFn,
  req: JsonRequest,
): Promise<unknown> {
  const headers: Record<string, string> = { Accept: "application/json", ...req.headers };
  if (req.form !== undefined) headers["Content-Type"] = "application/x-www-form-urlencoded";
  else if (req.body !== undefined) headers["Content-Type"] = "application/json";
  const body = req.form !== undefined ? new URLSearchParams(req.form).toString() : req.body === undefined ? undefined : JSON.stringify(req.body);
  let res: Response;
  try {
    res = await doFetch(req.url, {
      method: req.method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
  } catch (err) {
    throw new IntegrationError({
      provider,
      status: 0,
      code: "upstream",
      message: `${provider} could not be reached: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
  const text = await res.text();
  if (!res.ok) throw errorFromResponse(provider, res.status, res.headers, text);
  if (text.trim() === "") return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    throw new IntegrationError({
      provider,
      status: res.status,
      code: "upstream",
      message: `${provider} answered with a body that is not JSON`,
    });
  }
}

export function errorFromResponse(
  provider: IntegrationProviderName,
  status: number,
  headers: Headers,
  text: string,
): IntegrationError {
  const code = codeForStatus(status);
  const detail = describeErrorBody(text);
  const retryAfter = parseRetryAfter(headers.get("Retry-After"));
  return new IntegrationError({
    provider,
    status,
    code,
    message: `${provider} answered ${status}${detail ? `: ${detail}` : ""}`,
    ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
    ...(detail ? { details: [detail] } : {}),
  });
}

function codeForStatus(status: number): IntegrationErrorCode {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status === 400 || status === 409 || status === 422) return "rejected";
  return "upstream";
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

// Providers spell their error bodies differently; pull out the first readable sentence.
function describeErrorBody(text: string): string {
  if (text.trim() === "") return "";
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text.slice(0, 200);
  }
  const found = firstString(body, ["description", "message", "msg", "error", "errors"]);
  return (found ?? text).slice(0, 200);
}

function firstString(value: unknown, keys: string[]): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const s = firstString(item, keys);
      if (s) return s;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const key of keys) {
      const s = firstString((value as Record<string, unknown>)[key], keys);
      if (s) return s;
    }
  }
  return undefined;
}

/** Validates a provider response; an unexpected shape is the provider's failure, not ours to guess around. */
export function parseResponse<S extends z.ZodType>(
  provider: IntegrationProviderName,
  schema: S,
  value: unknown,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new IntegrationError({
    provider,
    status: 200,
    code: "upstream",
    message: `${provider} answered with an unexpected shape`,
    details: issues,
  });
}
