// Errors are values with a code; app.onError turns them into the docs/api.md error shape.
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ErrorCode =
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "gone"
  | "rate_limited"
  | "payload_too_large"
  | "unsupported_media_type"
  | "precondition_failed"
  | "bad_gateway"
  | "internal";

export interface ErrorIssue {
  path: string;
  message: string;
}

const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  bad_gateway: 502,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;
  /** Seconds for the Retry-After header of a 429. */
  retryAfter: number | undefined;
  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[]) {
    super(message);
    this.code = code;
    this.issues = issues;
  }
  get status(): ContentfulStatusCode {
    return statusByCode[this.code];
  }
}

export function errorBody(code: ErrorCode, message: string, issues?: ErrorIssue[]) {
  return { error: issues && issues.length > 0 ? { code, message, issues } : { code, message } };
}

export function statusOf(code: ErrorCode): ContentfulStatusCode {
  return statusByCode[code];
}

/** Errors crossing a Durable Object RPC boundary lose their class; this restores the code. */
export function asAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof Error) {
    const m = /^\[(\w+)\] (.*)$/s.exec(err.message);
    if (m && m[1] && m[1] in statusByCode) return new AppError(m[1] as ErrorCode, m[2] ?? "");
  }
  return null;
}

/** Inside actors: an error whose code survives RPC (the message carries it). */
export function actorError(code: ErrorCode, message: string): Error {
  return new Error(`[${code}] ${message}`);
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);

/** 429 `rate_limited` with Retry-After. */
export function rateLimited(message: string, retryAfterSeconds: number): AppError {
  const err = new AppError("rate_limited", message);
  err.retryAfter = retryAfterSeconds;
  return err;
}
