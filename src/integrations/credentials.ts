// What the dashboard may see of an integration's credentials: names and addresses, never tokens or keys.

const secretField = /(token|key|secret|password)/i;

/** "••••" plus the last 4 characters of longer secrets, so the team can tell which token is connected. */
export function maskSecret(value: string): string {
  return value.length >= 16 ? `••••${value.slice(-4)}` : "••••";
}

export function isSecretField(name: string): boolean {
  return secretField.test(name);
}

/** Shallow: credentials are flat objects of strings (registry schemas); anything else that isn't a plain value is dropped. */
export function redactCredentials(credentials: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(credentials)) {
    if (isSecretField(name)) out[name] = typeof value === "string" ? maskSecret(value) : "••••";
    else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") out[name] = value;
  }
  return out;
}
