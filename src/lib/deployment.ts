// Deploy safety (issue 10 item 5): a Worker without its production secrets refuses to serve instead of running with
// forgeable tokens. Development mode exists only where wrangler.toml's [env.dev] (or a test config) says so.
export const DEV_TOKEN_SECRET = "dev-only-token-secret-change-me-in-production-0123456789";

interface DeploymentEnv {
  ENVIRONMENT?: string;
  TOKEN_SECRET?: string;
}

/** What is wrong with this deployment's configuration, or null when it may serve. */
export function deploymentProblem(env: DeploymentEnv): string | null {
  if (env.ENVIRONMENT === "development") return null;
  if (env.ENVIRONMENT !== "production") return `ENVIRONMENT must be "production" or "development", not ${JSON.stringify(env.ENVIRONMENT ?? null)}`;
  const secret = env.TOKEN_SECRET;
  if (!secret) return "TOKEN_SECRET is not set: run `npx wrangler secret put TOKEN_SECRET` (32+ random characters) and deploy again";
  if (secret.length < 32) return "TOKEN_SECRET is shorter than 32 characters: set a longer one with `npx wrangler secret put TOKEN_SECRET`";
  if (secret === DEV_TOKEN_SECRET) return "TOKEN_SECRET is the public development secret: set your own with `npx wrangler secret put TOKEN_SECRET`";
  return null;
}

/** 503 for every request while the deployment is misconfigured; the operator reads why in the body and the log. */
export function misconfigured(problem: string): Response {
  console.error(`Edgedesk refuses to serve: ${problem}`);
  return Response.json({ error: { code: "misconfigured", message: `This Edgedesk deployment is not configured: ${problem}` } }, { status: 503, headers: { "X-Content-Type-Options": "nosniff", "Retry-After": "60" } });
}
