// The one error every integration adapter throws, so skills and routes can tell "not connected properly" from "store said no" from "try later".

export type IntegrationProviderName =
  | "shopify"
  | "shopify_storefront"
  | "zendesk"
  | "gorgias"
  | "loop"
  | "recharge"
  | "smile"
  | "twilio"
  | "instagram"
  | "postmark"
  | "demo";

/**
 * - unauthorized: credentials missing, wrong or lacking a scope (401/403)
 * - not_found: the order, customer or line item does not exist there
 * - rate_limited: throttled; retry after `retryAfterSeconds` when known
 * - rejected: the provider refused the change (e.g. order already fulfilled, Shopify userErrors, 422)
 * - upstream: the provider failed, was unreachable or answered something we cannot read
 */
export type IntegrationErrorCode = "unauthorized" | "not_found" | "rate_limited" | "rejected" | "upstream";

export interface IntegrationErrorInit {
  provider: IntegrationProviderName;
  /** HTTP status from the provider; 0 when it could not be reached. */
  status: number;
  code: IntegrationErrorCode;
  message: string;
  retryAfterSeconds?: number;
  /** Provider messages worth showing to the team (userErrors, validation details). */
  details?: string[];
}

export class IntegrationError extends Error {
  readonly provider: IntegrationProviderName;
  readonly status: number;
  readonly code: IntegrationErrorCode;
  readonly retryAfterSeconds: number | undefined;
  readonly details: readonly string[];

  constructor(init: IntegrationErrorInit) {
    super(init.message);
    this.name = "IntegrationError";
    this.provider = init.provider;
    this.status = init.status;
    this.code = init.code;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.details = init.details ?? [];
  }
}

export function isIntegrationError(err: unknown): err is IntegrationError {
  return err instanceof IntegrationError;
}
